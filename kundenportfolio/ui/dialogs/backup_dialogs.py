"""«Jetzt sichern», «Wiederherstellen…», the backup on closing, and the damaged-file offer.

Entry points for the main window (no SQL here; everything goes through data.backup):
- `backup_now(db_path, parent)`: menu action «Jetzt sichern».
- `RestoreDialog(db_path, parent)` / `choose_backup(db_path, parent)`: pick a backup.
- `restore_with_reopen(db_path, backup, close, reopen, parent)`: confirm, close the database,
  restore (safety copy first), reopen.
- `backup_on_close_gui(db_path, parent)`: call from closeEvent (at most one per hour).
- `move_database_gui(db_path, close, reopen_at, parent)`: after the location warning.
- `offer_restore_for_damaged(error, parent)`: at start-up, when opening raised
  DatabaseDamagedError; returns True if a backup was restored and opening can be retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.data import backup
from kundenportfolio.data.backup import BackupError, BackupInfo
from kundenportfolio.data.integrity import DatabaseDamagedError
from kundenportfolio.ui.formatting import format_datetime
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel

log = logging.getLogger("kundenportfolio")


def reason_label(reason: str) -> str:
    labels = {
        backup.MANUAL: QCoreApplication.translate("BackupDialogs", "Manual"),
        backup.ON_CLOSE: QCoreApplication.translate("BackupDialogs", "On closing"),
        backup.BEFORE_MIGRATION: QCoreApplication.translate("BackupDialogs", "Before update"),
        backup.BEFORE_IMPORT: QCoreApplication.translate("BackupDialogs", "Before import"),
        backup.BEFORE_RESTORE: QCoreApplication.translate("BackupDialogs", "Before restore"),
    }
    return labels.get(reason, reason)


def size_label(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _busy(action: Callable[[], object]) -> object:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return action()
    finally:
        QGuiApplication.restoreOverrideCursor()


def backup_now(db_path: Path, parent: QWidget | None = None) -> Path | None:
    """Menu «Jetzt sichern»: back up into the configured folder and say where."""
    try:
        target = _busy(lambda: backup.create_backup(db_path, reason=backup.MANUAL))
    except BackupError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("BackupDialogs", "Back up now"), str(exc))
        return None
    assert isinstance(target, Path)
    QMessageBox.information(parent, QCoreApplication.translate("BackupDialogs", "Back up now"),
                            QCoreApplication.translate("BackupDialogs", "Backup saved:") + f"\n{target}")
    return target


class RestoreDialog(QDialog):
    """Lists the backups (date, reason, customers, size); «Other file…» picks any file."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BackupDialogs", "Restore backup"))
        self.chosen: Path | None = None
        self.infos: list[BackupInfo] = backup.backups_of(db_path)
        folders = list(dict.fromkeys(info.path.parent for info in self.infos))
        if not folders and db_path.exists():
            folders = [backup.backup_dir_for(db_path)]
        layout = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate(
            "BackupDialogs", "Choose a backup. The current database is saved as a safety copy "
            "first, so the restore can be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RecordTableModel([
            RecordColumn(QCoreApplication.translate("BackupDialogs", "Date"),
                         lambda i: format_datetime(i.created), lambda i: i.created),
            RecordColumn(QCoreApplication.translate("BackupDialogs", "Occasion"),
                         lambda i: reason_label(i.reason)),
            RecordColumn(QCoreApplication.translate("BackupDialogs", "Customers"),
                         lambda i: "?" if i.customer_count is None else str(i.customer_count),
                         right=True),
            RecordColumn(QCoreApplication.translate("BackupDialogs", "Size"),
                         lambda i: size_label(i.size), lambda i: i.size, right=True),
        ] + ([RecordColumn(QCoreApplication.translate("BackupDialogs", "Folder"),
                           lambda i: str(i.path.parent))] if len(folders) > 1 else []), self)
        self.model.set_records(self.infos)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.accept_selected())
        layout.addWidget(self.table)
        self.folder_label = QLabel(
            QCoreApplication.translate("BackupDialogs", "Backup folder:") + " "
            + ", ".join(str(f) for f in folders) if folders else "")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(QCoreApplication.translate("BackupDialogs", "Restore"))
        self.other_button = QPushButton(QCoreApplication.translate("BackupDialogs", "Other file…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.accept_selected)
        self.other_button.clicked.connect(self.choose_other)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.infos:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.infos))
        self.resize(620, 380)

    def accept_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.infos[rows[0].row()].path
            self.accept()

    def choose_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("BackupDialogs", "Restore backup"), "",
            QCoreApplication.translate("BackupDialogs", "Databases (*.sqlite3 *.sqlite *.db)"))
        if name:
            self.chosen = Path(name)
            self.accept()


def choose_backup(db_path: Path, parent: QWidget | None = None) -> Path | None:
    dialog = RestoreDialog(db_path, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def restore_with_reopen(db_path: Path, chosen: Path, close: Callable[[], None],
                        reopen: Callable[[], None], parent: QWidget | None = None) -> bool:
    """Confirm, close the open database, restore, reopen (also after a failure)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("BackupDialogs", "Restore backup"),
        QCoreApplication.translate("BackupDialogs", "Replace the current database with this backup?")
        + f"\n{chosen.name}\n\n"
        + QCoreApplication.translate("BackupDialogs", "The current state is saved as a safety copy first."))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    close()
    try:
        result = _busy(lambda: backup.restore_backup(chosen, db_path))
    except BackupError as exc:
        reopen()
        QMessageBox.warning(parent, QCoreApplication.translate("BackupDialogs", "Restore backup"), str(exc))
        return False
    reopen()
    assert isinstance(result, backup.RestoreResult)
    text = QCoreApplication.translate("BackupDialogs", "The backup was restored.")
    if result.safety_copy is not None:
        text += "\n" + QCoreApplication.translate("BackupDialogs", "The previous state was saved as:") \
            + f"\n{result.safety_copy}"
    QMessageBox.information(parent, QCoreApplication.translate("BackupDialogs", "Restore backup"), text)
    return True


def backup_on_close_gui(db_path: Path, parent: QWidget | None = None) -> Path | None:
    """closeEvent: the automatic backup (at most once per hour); a failure is shown."""
    try:
        made = _busy(lambda: backup.backup_on_close(db_path))
    except BackupError as exc:
        log.warning("Sicherung beim Beenden fehlgeschlagen: %s", exc)
        QMessageBox.warning(parent, QCoreApplication.translate("BackupDialogs", "Backup on closing"),
                            str(exc))
        return None
    return made if isinstance(made, Path) else None


def offer_restore_for_damaged(error: DatabaseDamagedError, parent: QWidget | None = None) -> bool:
    """At start-up: explain the damage; offer the newest good backup. True: restored."""
    if error.backup is None:
        QMessageBox.critical(parent, QCoreApplication.translate("BackupDialogs", "Database damaged"),
                             str(error))
        return False
    answer = QMessageBox.question(parent, QCoreApplication.translate("BackupDialogs", "Database damaged"),
                                  str(error) + "\n\n"
                                  + QCoreApplication.translate("BackupDialogs", "Restore this backup now?"))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.restore_backup(error.backup, error.path)
    except BackupError as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("BackupDialogs", "Database damaged"),
                             str(exc))
        return False
    return True


def move_database_gui(db_path: Path, close: Callable[[], None],
                      reopen_at: Callable[[Path], None], parent: QWidget | None = None,
                      target: Path | None = None) -> Path | None:
    """«Datenbank verschieben…» (after the location warning): pick a local file name, close,
    move (checked copy first), reopen at the new place. The caller must remember the new
    path as the database to open next time. `target` skips the file dialog (tests)."""
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("BackupDialogs", "Move database"), db_path.name,
            QCoreApplication.translate("BackupDialogs", "Databases (*.sqlite3 *.sqlite *.db)"))
        if not name:
            return None
        target = Path(name)
    close()
    try:
        moved = _busy(lambda: backup.move_database(db_path, target))
    except BackupError as exc:
        reopen_at(db_path)
        QMessageBox.warning(parent, QCoreApplication.translate("BackupDialogs", "Move database"), str(exc))
        return None
    assert isinstance(moved, Path)
    from kundenportfolio.locking import release_for_process

    release_for_process(db_path)
    reopen_at(moved)
    return moved
