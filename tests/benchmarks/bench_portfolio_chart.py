"""Benchmark: portfolio bubble chart redraw with 100,000 customers (target < 1 s).

Run: python tests/benchmarks/bench_portfolio_chart.py [--customers N] [--db PATH]
Without --db a synthetic table in the PortfolioResult layout is used. With --db (e.g. the
database from `kundenportfolio demo --customers 100000`) the real PortfolioStore computes it.
Prints figures; the machine is shared, so numbers are noisy: take the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _timed(fn, repeat: int = 5) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU (process) times; CPU time is less distorted by other load."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _line(label: str, times: tuple[list[float], list[float]]) -> None:
    wall, cpu = times
    print(f"{label:<48} wall median {statistics.median(wall) * 1000:7.1f} ms "
          f"(min {min(wall) * 1000:7.1f})   cpu median {statistics.median(cpu) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from kundenportfolio.reports import charts

    view_store = None
    if args.db:
        from kundenportfolio.core.periods import Period
        from kundenportfolio.data.database import open_database
        from kundenportfolio.data.portfolio_store import PortfolioStore
        from kundenportfolio.data.repository import Repository

        repository = Repository(open_database(args.db))
        store = PortfolioStore(repository)
        start = time.perf_counter()
        result = store.result(Period.last_12_months(__import__("datetime").date.today()))
        print(f"store.result (first computation)                  {time.perf_counter() - start:8.2f} s")
        table, thresholds = result.table, result.thresholds
        view_store = (repository, store)
    else:
        from tests.reports.fake_portfolio import make_table

        table, thresholds = make_table(args.customers), (50.0, 50.0)
    print(f"customers: {len(table):,}   python {sys.version.split()[0]}   cores {os.cpu_count()}   "
          f"load average {os.getloadavg()[0]:.1f}")

    figure = Figure(figsize=(10, 7.5), dpi=100)
    canvas = FigureCanvasAgg(figure)

    def build_and_draw() -> None:
        charts.draw_portfolio(figure, table, thresholds)
        canvas.draw()

    _line("Agg: build + draw, 1000x750 px", _timed(build_and_draw))
    _line("Agg: draw only (existing artists)", _timed(canvas.draw))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from kundenportfolio.ui.views.portfolio_view import PortfolioView
    from tests.reports.fake_portfolio import FakeResult

    if view_store is None:
        from tests.ui.fakes import FakeRepository, FakeStore

        repository, store = FakeRepository(), FakeStore(FakeResult(table))
    else:
        repository, store = view_store
    view = PortfolioView(repository, store)
    view.resize(1400, 850)
    view.show()
    app.processEvents()
    _line("PortfolioView: redraw (filters -> canvas.draw)", _timed(view.redraw))
    combo = view.abc_filter
    _line("PortfolioView: ABC filter change A <-> all",
          _timed(lambda: (combo.setCurrentIndex(1 if combo.currentIndex() != 1 else 0), app.processEvents())))
    ids = view.chart.customer_ids
    point = view.display_points()[len(ids) // 2]
    _line("PortfolioView: nearest bubble lookup", _timed(lambda: view.customer_at(*point), repeat=50))


if __name__ == "__main__":
    main()
