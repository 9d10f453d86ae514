"""`kundenportfolio --smoke-test DIR`: prove that an installed (frozen) program really works.

Starts the real application on a fresh demo database in DIR, opens every section, renders the
portfolio chart, writes the Kundenwertliste as PDF, saves a screenshot of each section, closes
the window cleanly, and exits 0 only if all of that worked. Everything it did is written to
DIR/smoke-test.log, because a windowed .exe has no console to print to.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from pathlib import Path


class SmokeTest:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lines: list[str] = []
        self.failures = 0
        self.started = time.perf_counter()

    def step(self, name: str, action: Callable[[], str | None]) -> None:
        try:
            detail = action()
            self.log(f"OK    {name}" + (f": {detail}" if detail else ""))
        except Exception:  # noqa: BLE001 - every failure is reported, then the next step runs
            self.failures += 1
            self.log(f"FEHLER {name}\n{traceback.format_exc()}")

    def log(self, line: str) -> None:
        self.lines.append(f"[{time.perf_counter() - self.started:6.2f} s] {line}")
        (self.folder / "smoke-test.log").write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def _saved(path: Path) -> str:
    if not path.exists() or path.stat().st_size == 0:
        raise RuntimeError(f"{path.name} wurde nicht geschrieben")
    return f"{path.name} ({path.stat().st_size // 1024} KB)"


def run_smoke_test(folder: Path) -> int:
    import os
    import sys

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless:  # a build server without a screen: render offscreen instead of aborting
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder.mkdir(parents=True, exist_ok=True)
    smoke = SmokeTest(folder)
    db_path = folder / "smoke-demo.sqlite3"
    for stale in folder.glob("smoke-demo.sqlite3*"):
        stale.unlink()

    from kundenportfolio.data.demo import create_demo_database

    smoke.step("Demo-Datenbank", lambda: str(create_demo_database(db_path)))

    from kundenportfolio.app import create_application, install_translators
    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.repository import Repository

    app = create_application()
    install_translators(app)
    repository = Repository(open_database(db_path))
    state: dict[str, object] = {}

    def open_window() -> str:
        from kundenportfolio.ui.main_window import MainWindow

        window = MainWindow(repository, db_path)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        state["window"] = window
        return f"{len(window.sections)} Bereiche"

    smoke.step("Hauptfenster", open_window)
    window = state.get("window")
    if window is not None:
        for section in window.sections:  # type: ignore[attr-defined]
            def show(section=section) -> str:  # noqa: ANN001
                window.show_section(section.key)  # type: ignore[attr-defined]
                for _ in range(3):
                    app.processEvents()
                _wait_until_idle(app, window.section(section.key))  # type: ignore[attr-defined]
                path = folder / f"section_{section.key}.png"
                if not window.grab().save(str(path)):  # type: ignore[attr-defined]
                    raise RuntimeError("Bildschirmfoto fehlgeschlagen")
                return _saved(path)

            smoke.step(f"Bereich {section.title}", show)

    def portfolio_chart() -> str:
        from kundenportfolio.core.periods import Period
        from kundenportfolio.data.portfolio_store import PortfolioStore
        from kundenportfolio.reports.charts import portfolio_figure

        store = getattr(window, "store", None) or PortfolioStore(repository)
        result = store.result(Period.last_12_months(_today()))
        figure = portfolio_figure(result.table, result.thresholds,
                                  number_format=repository.get_setting("number_format"))
        path = folder / "portfolio_chart.png"
        figure.savefig(path, dpi=100)
        return _saved(path)

    def value_list_pdf() -> str:
        from kundenportfolio.core.periods import Period
        from kundenportfolio.data.portfolio_store import PortfolioStore
        from kundenportfolio.reports.pdf import write_value_list_pdf

        store = getattr(window, "store", None) or PortfolioStore(repository)
        path = folder / "kundenwertliste.pdf"
        pages = write_value_list_pdf(repository, store, Period.last_12_months(_today()), path)
        return f"{_saved(path)}, {pages} Seiten"

    smoke.step("Portfolio-Diagramm", portfolio_chart)
    smoke.step("Kundenwertliste als PDF", value_list_pdf)

    def close() -> str:
        if window is not None:
            window.close()  # type: ignore[attr-defined]
            app.processEvents()
        repository.db.close()
        return "Fenster geschlossen, Datenbank geschlossen"

    smoke.step("Beenden", close)
    smoke.log("ERGEBNIS: " + ("bestanden" if smoke.failures == 0 else f"{smoke.failures} Fehler"))
    return 0 if smoke.failures == 0 else 1


def _wait_until_idle(app, widget, seconds: float = 120) -> None:  # noqa: ANN001
    """Wait while a section computes in the background (the Prognose section)."""
    deadline = time.monotonic() + seconds
    while getattr(widget, "is_busy", lambda: False)():
        if time.monotonic() > deadline:
            raise RuntimeError(f"nach {seconds:.0f} s noch nicht fertig gerechnet")
        app.processEvents()
        time.sleep(0.02)


def _today():  # noqa: ANN202
    import datetime as dt

    return dt.date.today()
