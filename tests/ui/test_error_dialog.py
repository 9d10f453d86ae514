"""The error dialog: German/translated message, details, copy button that keeps it open."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.ui.dialogs import error_dialog
from kundenportfolio.ui.dialogs.error_dialog import ErrorDialog


def test_copy_details_keeps_dialog_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(ValueError("x"), "Traceback ...\nValueError: x\n")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback ...\nValueError: x\n"
    assert dialog.isVisible()
    assert "Traceback" in dialog.text.toPlainText()


def test_known_errors_show_their_own_german_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(DatabaseRefusedError("Die Datei ist beschädigt."), "details")
    qtbot.addWidget(dialog)
    assert dialog.message.text().startswith("Die Datei ist beschädigt.")


def test_show_error_does_not_stack_dialogs(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    def fake_exec(dialog: ErrorDialog) -> int:
        shown.append(dialog.details)
        error_dialog.show_error(RuntimeError("zweiter"), "second")  # while the first is open
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", fake_exec)
    error_dialog.show_error(RuntimeError("erster"), "first")
    assert shown == ["first"]


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_shown_and_the_program_goes_on(
        qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys
    import threading

    from PySide6.QtCore import QObject, Signal

    from kundenportfolio import errorlog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(errorlog, "_current_log", None)
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: shown.append(dialog.details) or 0)
    log = errorlog.install_excepthook(error_dialog.show_error, tmp_path)

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    calls: list[str] = []

    def broken_slot() -> None:
        calls.append("broken")
        raise ZeroDivisionError("Division durch null im Slot")

    emitter.fired.connect(broken_slot)
    emitter.fired.emit()
    emitter.fired.emit()  # the program is still running and the slot still connected
    assert calls == ["broken", "broken"]
    assert len(shown) == 2 and "ZeroDivisionError" in shown[0]
    assert log.read_text(encoding="utf-8").count("Division durch null im Slot") >= 2
