"""Second start on the same database: say who holds it, offer read-only or quit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kundenportfolio.locking import (
    DatabaseLock,
    DatabaseLockedError,
    LockHolder,
    hold_for_process,
    lock_message,
)


class LockChoice(Enum):
    ACQUIRED = "acquired"  # this window may write
    READ_ONLY = "read_only"  # open with open_database(path, read_only=True)
    QUIT = "quit"


@dataclass(frozen=True)
class LockDecision:
    choice: LockChoice
    lock: DatabaseLock | None = None
    holder: LockHolder | None = None


def ask_read_only_or_quit(parent: QWidget | None, path: Path, holder: LockHolder | None) -> LockChoice:
    """The question itself (tests replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LockDialog", "Database already open"))
    box.setText(lock_message(path, holder))
    box.setInformativeText(QCoreApplication.translate(
        "LockDialog", "You can open it read-only (view and print, no changes) or quit."))
    read_only = box.addButton(QCoreApplication.translate("LockDialog", "Open read-only"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("LockDialog", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return LockChoice.READ_ONLY if box.clickedButton() is read_only else LockChoice.QUIT


def acquire_or_ask(path: Path | str, parent: QWidget | None = None) -> LockDecision:
    """Take the database lock for this process; if another program holds it, ask.

    The lock is registered with `locking.hold_for_process`, so a later
    `cli.common.open_repository(args)` in the same process reuses it.
    """
    path = Path(path)
    try:
        return LockDecision(LockChoice.ACQUIRED, hold_for_process(path))
    except DatabaseLockedError as exc:
        choice = ask_read_only_or_quit(parent, path, exc.holder)
        return LockDecision(choice, None, exc.holder)
