"""Benchmark: the printed reports as PDF on a demo database; prints pages, seconds, file size.

Run: `python tests/benchmarks/bench_reports.py [customers]` (default 5,000). Prints figures,
asserts nothing about speed: the machine is shared with other engineers, so timings are noisy.
The Kundenwertliste paints its rows directly (reports/page_layout.Grid); as one HTML table in
QTextDocument the same 5,000 rows took about a minute.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout, installed or not
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kundenportfolio.core.periods import Period  # noqa: E402
from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.demo import create_demo_database  # noqa: E402
from kundenportfolio.data.portfolio_store import PortfolioStore  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402
from kundenportfolio.reports import pdf  # noqa: E402


def timed(label: str, action) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    started, cpu = time.perf_counter(), time.process_time()
    pages, path = action()
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    unit = "Seite " if pages == 1 else "Seiten"
    print(f"{label:<28} {pages:>5} {unit}  {wall:6.2f} s (CPU {used:6.2f} s)  "
          f"{path.stat().st_size / 1024:8.0f} KB")


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "demo.sqlite3"
        create_demo_database(db_path, customers=customers, years=3, seed=1)
        repository = Repository(open_database(db_path))
        store = PortfolioStore(repository)
        period = Period.last_12_months(dt.date.today())
        store.snapshot(period.previous())
        store.snapshot(period)
        table = store.result(period).table
        best = int(table.sort_values("rank").index[0])
        pdf.ensure_application()
        print(f"{customers} Kunden (Demo, 3 Jahre); Zeiten auf geteilter Maschine, verrauscht")

        def values() -> tuple[int, Path]:
            out = folder / "values.pdf"
            return pdf.write_value_list_pdf(repository, store, period, out), out

        def values_star() -> tuple[int, Path]:
            out = folder / "values_star.pdf"
            return pdf.write_value_list_pdf(repository, store, period, out, group="star"), out

        def sheet() -> tuple[int, Path]:
            out = folder / "sheet.pdf"
            return pdf.write_customer_sheet_pdf(repository, store, best, out, period), out

        def portfolio() -> tuple[int, Path]:
            out = folder / "portfolio.pdf"
            return pdf.write_portfolio_pdf(repository, store, period, out), out

        timed("Kundenwertliste (alle)", values)
        timed("Kundenwertliste (Stars)", values_star)
        timed("Kundenblatt", sheet)
        timed("Portfolio-Bericht", portfolio)
        repository.db.close()


if __name__ == "__main__":
    main()
