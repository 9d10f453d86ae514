"""The dialog for unexpected errors: a German message, the details, "Details kopieren".

`install_excepthook(app)` is called once from app.run_gui: every uncaught exception is logged
(errorlog) and shown here; the program keeps running. While one error dialog is open, further
errors are only logged (no cascade of dialogs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio import errorlog
from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.data import storage_errors


class ErrorDialog(QDialog):
    def __init__(self, exc: BaseException, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        self.details = details
        layout = QVBoxLayout(self)
        storage = storage_errors.translate(exc)  # disk full, read-only, I/O: say so plainly
        if isinstance(exc, KundenportfolioError):
            message = str(exc)
        elif storage is not None:
            message = str(storage)
        else:
            message = QCoreApplication.translate(
                "ErrorDialog", "An unexpected error occurred. What was already saved is safe; "
                "the program keeps running.")
        log = errorlog.log_file()
        if log is not None:
            message += "\n\n" + QCoreApplication.translate(
                "ErrorDialog", "The details were written to the log file:") + f"\n{log}"
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(QCoreApplication.translate("ErrorDialog", "Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)  # stays open after copying
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(QCoreApplication.translate("ErrorDialog", "Copied"))


_open_dialogs: list[ErrorDialog] = []


def show_error(exc: BaseException, details: str) -> None:
    """Show the error (modal), unless an error dialog is already open."""
    if _open_dialogs:
        return
    dialog = ErrorDialog(exc, details, QApplication.activeWindow())
    _open_dialogs.append(dialog)
    try:
        dialog.exec()
    finally:
        _open_dialogs.remove(dialog)
        dialog.deleteLater()


def install_excepthook(app: QApplication) -> None:
    """Log uncaught exceptions to the rotating log and show them in the error dialog."""
    del app  # the hook is process-wide; the parameter documents that a QApplication exists
    errorlog.install_excepthook(show_error)
