"""Issue 9: the main window appears (as a shell) before the database is opened and pandas is
imported; the opened database then fills the same window."""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from kundenportfolio import app as app_module
from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.ui.dialogs import error_dialog
from kundenportfolio.ui.main_window import MainWindow


def _imported_in_fresh_interpreter(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_window_shell_and_command_line_do_not_import_pandas() -> None:
    # the window's module, the GUI entry and the parser with every command module are all
    # needed before the window shows; pandas (~0.4 s) and sqlite_utils come with the database
    loaded = _imported_in_fresh_interpreter(
        "import kundenportfolio.app, kundenportfolio.ui.main_window\n"
        "from kundenportfolio.cli import build_parser; build_parser()")
    assert "kundenportfolio.cli.campaign" in loaded  # the parser did import the commands
    assert "pandas" not in loaded
    assert "sqlite_utils" not in loaded


@pytest.fixture
def quiet_gui(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui on the test QApplication: no translators or excepthook left behind."""
    monkeypatch.setattr(app_module, "install_translators", lambda app: [])
    monkeypatch.setattr(error_dialog, "install_excepthook", lambda app: None)
    monkeypatch.delenv("KUNDENPORTFOLIO_STARTUP_PROBE", raising=False)
    # a local loop instead of QApplication.exec()/exit(): those end (and leave ending) every
    # loop of the shared test application, so later tests' waits would return at once
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *a: loop.exec())
    monkeypatch.setattr(QApplication, "exit", lambda *a: loop.exit(a[-1] if a else 0))
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    qapp.setQuitOnLastWindowClosed(False)  # a pending quit would end a later test's loop
    yield
    qapp.setQuitOnLastWindowClosed(True)


def _windows() -> list[QMainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_window_is_shown_before_the_database_is_opened(qapp, quiet_gui, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []

    def open_for_gui(args: argparse.Namespace, path: Path) -> None:
        seen.extend((w.windowTitle(), w.db_label.text(), w.centralWidget().text(),
                     w.windowHandle().isExposed()) for w in _windows())
        return None  # the user chose «Beenden» in the lock dialog

    monkeypatch.setattr(app_module, "_open_for_gui", open_for_gui)
    db = tmp_path / "kunden.sqlite3"
    assert app_module.run_gui(argparse.Namespace(db=str(db), demo=False)) == 0
    # on screen (exposed) before the database is opened: X11 maps a window asynchronously
    assert seen == [("kunden – Kundenportfolio", f"Database: {db}", "Opening the database…",
                     True)]
    assert not db.exists()  # nothing opened or created
    assert _windows() == []  # quitting closes the window


def test_open_error_is_shown_over_the_window_and_ends_with_1(qapp, quiet_gui, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[tuple[object, str]] = []

    def refuse(args: argparse.Namespace, path: Path) -> None:
        raise KundenportfolioError("Diese Datei ist keine Kundenportfolio-Datenbank.")

    monkeypatch.setattr(app_module, "_open_for_gui", refuse)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append((parent, text)))
    assert app_module.run_gui(argparse.Namespace(db=str(tmp_path / "x.sqlite3"), demo=False)) == 1
    assert len(told) == 1 and isinstance(told[0][0], MainWindow)
    assert told[0][1] == "Diese Datei ist keine Kundenportfolio-Datenbank."
    assert _windows() == []


def test_the_shown_window_is_filled_by_the_database(qtbot, shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(None, tmp_path / "kunden.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.menuBar().actions() == [] and window.repository is None
    window.close()  # closing the shell (while opening) saves nothing, needs no database
    window.show()
    window.attach(shop, today=dt.date(2026, 11, 26))
    assert window.isVisible() and window.repository is shop  # the same window, filled
    assert window.customers_view.proxy.rowCount() == shop.count_customers()
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
