"""The GUI application: QApplication, translations, opening the database, the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from kundenportfolio import APP_NAME, __version__
from kundenportfolio.core.errors import KundenportfolioError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
if getattr(sys, "frozen", False):  # PyInstaller one-folder build
    RESOURCES = Path(getattr(sys, "_MEIPASS", ".")) / "resources"


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
    from kundenportfolio.cli.common import database_path, open_repository
    from kundenportfolio.ui.main_window import MainWindow

    app = create_application()
    translators = install_translators(app)
    from kundenportfolio.ui.dialogs.error_dialog import install_excepthook

    install_excepthook(app)  # uncaught errors: rotating log + German dialog, keep running
    try:
        repository = open_repository(args)
    except KundenportfolioError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    apply_ui_settings(app, translators, repository.get_setting("ui_language"),
                      repository.get_setting("number_format"))
    window = MainWindow(repository, database_path(args))
    window.show()
    if os.environ.get("KUNDENPORTFOLIO_STARTUP_PROBE"):
        _report_shown_and_quit(app)  # tests/benchmarks/bench_startup.py measures start-up
    return app.exec()


def _report_shown_and_quit(app: QApplication) -> None:
    """Print a marker once the event loop has shown the window, then quit."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        print("KUNDENPORTFOLIO_WINDOW_SHOWN", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
