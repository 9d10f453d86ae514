"""The GUI application: QApplication, translations, opening the database, the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from kundenportfolio import APP_NAME, __version__
from kundenportfolio.core.errors import KundenportfolioError

if TYPE_CHECKING:
    from kundenportfolio.data.repository import Repository

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
if getattr(sys, "frozen", False):  # PyInstaller one-folder build
    RESOURCES = Path(getattr(sys, "_MEIPASS", ".")) / "resources"


_WINDOWS: list[object] = []  # the main window(s) of the GUI start (kept alive here)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def install_translators(app: QApplication, language: str = "de") -> list[QTranslator]:
    """Load our .qm and Qt's own qtbase_<lang> so standard dialogs speak the same language."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    candidates = [
        (f"kundenportfolio_{language}", str(RESOURCES / "translations")),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"qtbase_{language}", str(RESOURCES / "translations")),
    ]
    loaded_qtbase = False
    for name, folder in candidates:
        if name.startswith("qtbase") and loaded_qtbase:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
            loaded_qtbase = loaded_qtbase or name.startswith("qtbase")
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Switzerland))
    return translators


def apply_ui_settings(app: QApplication, translators: list[QTranslator], language: str,
                      number_format: str) -> None:
    """The database's `ui_language` (German unless English is chosen) and `number_format`."""
    if language == "en":
        for translator in translators:
            app.removeTranslator(translator)
        translators.clear()
    from kundenportfolio.ui.formatting import locale_for

    QLocale.setDefault(locale_for(number_format))


def run_gui(args: argparse.Namespace) -> int:
    """Show the main window at once (issue 9) — its shell, built from PySide6 alone — then
    open the database over it and fill it (`MainWindow.attach`). Start fast (ui/startup.py):
    the integrity check and the light customer list run in background threads while the
    window's modules are imported; the window lists every customer at once and receives the
    Kundenwerte from a third thread."""
    from kundenportfolio.ui.main_window import MainWindow

    app = create_application()
    translators = install_translators(app)
    path = gui_database_path(args)
    window = MainWindow(None, path)
    window.show()
    _WINDOWS.append(window)  # the event loop, not run_gui, keeps it alive
    probe = os.environ.get("KUNDENPORTFOLIO_STARTUP_PROBE")
    if probe == "frame":  # tests/benchmarks/bench_startup.py: when the window appears
        _when_on_screen(window, lambda: _report_shown_and_quit(app, window, probe))
        return app.exec()
    _when_on_screen(window, lambda: _open_into(app, translators, args, window, probe))
    return app.exec()


def _when_on_screen(window: QMainWindow, then: Callable[[], None]) -> None:
    """Run `then` from the event loop once the window is painted on screen. An X11 window is
    mapped asynchronously: without waiting, opening the database would keep the event loop
    busy before the shell was ever painted."""
    import time

    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + 1.0

    def check() -> None:
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()) or time.monotonic() > deadline:
            window.repaint()  # now, not when the busy event loop gets to it
            QTimer.singleShot(0, then)
        else:
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def _open_into(app: QApplication, translators: list[QTranslator], args: argparse.Namespace,
               window: object, probe: str | None) -> None:
    """The second step of the start, run from the event loop once the window is shown."""
    import datetime as dt

    from kundenportfolio.ui.dialogs.error_dialog import install_excepthook
    from kundenportfolio.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    # here, not before the window: logging.handlers & co. cost ~50 ms of the visible start
    install_excepthook(app)  # uncaught errors: rotating log + German dialog, keep running
    try:
        opened = _open_for_gui(args, window.db_path)
    except KundenportfolioError as exc:
        QMessageBox.critical(window, APP_NAME, str(exc))
        window.close()
        app.exit(1)
        return
    except BaseException:
        window.close()
        app.exit(1)
        raise
    if opened is None:
        window.close()
        app.exit(0)
        return
    repository, path = opened
    window.db_path = path  # moved by the location warning, perhaps
    from kundenportfolio.ui.startup import Background, IntegrityGate, load_list

    gate = IntegrityGate(repository.db, path, app)
    gate.start()
    today = dt.date.today()
    listing = Background(lambda: load_list(path, today), app).start()  # sqlite frees the GIL
    from kundenportfolio.ui.views import customers_view  # noqa: F401 - the slow import, meanwhile

    apply_ui_settings(app, translators, repository.get_setting("ui_language"),
                      repository.get_setting("number_format"))
    customer_list, error = listing.wait()
    window.attach(repository, today=today, start_in_background=True,
                  customer_list=None if error else customer_list, write_gate=gate)
    gate.damaged.connect(lambda damage: _damaged_after_start(app, window, damage))
    if probe:  # tests/benchmarks: the main window with its customer list
        _report_shown_and_quit(app, window, probe)


LAST_DATABASE_KEY = "database/last_path"  # where «Datenbank verschieben…» moved the file


def gui_database_path(args: argparse.Namespace) -> Path:
    """--db or --demo as chosen; else the file the user last moved the database to, if any."""
    from kundenportfolio.cli.common import database_path

    if getattr(args, "db", None) or getattr(args, "demo", False):
        return database_path(args)
    moved = QSettings().value(LAST_DATABASE_KEY, "")
    return Path(str(moved)) if moved and Path(str(moved)).exists() else database_path(args)


def _open_for_gui(args: argparse.Namespace, path: Path) -> tuple[Repository, Path] | None:
    """Lock, open and place the database the way a desktop user expects (issue 8).

    A second instance is told who holds the file and may open it read-only or quit; a file
    found damaged while opening is never written and the newest good backup is offered; a
    database on a network drive or in a synced folder is warned about once, with an offer to
    move it. The integrity check of an intact WAL file is left to an IntegrityGate (the
    connection stays `query_only` until it passed). None: the user chose to quit.
    """
    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.integrity import DatabaseDamagedError
    from kundenportfolio.data.repository import Repository
    from kundenportfolio.ui.dialogs.backup_dialogs import move_database_gui, offer_restore_for_damaged
    from kundenportfolio.ui.dialogs.location_warning import LocationAnswer, warn_if_risky
    from kundenportfolio.ui.dialogs.lock_dialog import LockChoice, acquire_or_ask

    decision = acquire_or_ask(path)
    if decision.choice is LockChoice.QUIT:
        return None
    read_only = decision.choice is LockChoice.READ_ONLY
    if getattr(args, "demo", False) and not path.exists() and not read_only:
        from kundenportfolio.data.demo import create_demo_database

        create_demo_database(path)
    try:
        db = open_database(path, read_only=read_only, check_integrity=False)
    except DatabaseDamagedError as damaged:
        if read_only or not offer_restore_for_damaged(damaged, None):
            return None
        db = open_database(path)  # the restored backup, checked as usual
    if not read_only and warn_if_risky(path) is LocationAnswer.MOVE:
        opened: list[Path] = []

        def reopen_at(new_path: Path) -> None:
            opened.append(new_path)

        moved = move_database_gui(path, db.close, reopen_at)
        if opened:  # moved, or reopened in place after a failed move
            path = opened[-1]
            db = open_database(path, check_integrity=False)
            if moved is not None:
                QSettings().setValue(LAST_DATABASE_KEY, str(moved))
    return Repository(db), path


def _damaged_after_start(app: QApplication, window: object, damage: object) -> None:
    """The background check found damage: the file was never written (query_only). Explain,
    offer the newest good backup; restored → open it the usual (checked) way, else quit."""
    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.repository import Repository
    from kundenportfolio.ui.dialogs.backup_dialogs import offer_restore_for_damaged
    from kundenportfolio.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    from shiboken6 import Shiboken

    db, db_path = window.repository.db, window.db_path
    window.hide()
    Shiboken.delete(window)  # not close(): closeEvent would back up the damaged file; its
    db.close()  # timers and jobs go with it. restore_backup needs every connection closed
    if offer_restore_for_damaged(damage, None):  # type: ignore[arg-type]
        try:
            repository = Repository(open_database(db_path))
        except KundenportfolioError as exc:
            QMessageBox.critical(None, APP_NAME, str(exc))
            app.exit(1)
            return
        fresh = MainWindow(repository, db_path)
        _WINDOWS.append(fresh)  # keep it alive until the program ends
        fresh.show()
        return
    app.exit(1)


def _report_shown_and_quit(app: QApplication, window: object, probe: str) -> None:
    """Print a marker once the event loop has shown the window (with the customer list), then
    quit; with probe "values" also one when the Kundenwerte have arrived, and quit then."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        view = getattr(window, "customers_view", None)  # None: the window's shell
        rows = view.proxy.rowCount() if view is not None else 0
        print(f"KUNDENPORTFOLIO_WINDOW_SHOWN rows={rows}", flush=True)
        if probe != "values":
            app.quit()

    def values(computing: bool) -> None:
        if not computing:
            print("KUNDENPORTFOLIO_VALUES_SHOWN", flush=True)
            app.quit()

    QTimer.singleShot(0, shown)
    if probe == "values":
        window.customers_view.computing.connect(values)  # type: ignore[attr-defined]
