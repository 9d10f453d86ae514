"""Settings tab «Datensicherung»: backup folder, how many backups are kept, backup on close.

These are the settings data/backup.py reads straight from the database file (`backup_dir`,
`backup_keep_*`, `backup_on_close_minutes`), so they belong to the database, not to the PC.
An empty folder means the default folder (paths.default_backup_dir()). A folder that cannot be
reached now (USB drive not plugged in) is allowed: automatic backups then go to the default
folder (backup.create_backup), which the hint says.

Whether a folder exists is looked up only when the field is left or a folder was chosen, not
on every keystroke: on Windows an unreachable network path can take seconds to answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio import paths
from kundenportfolio.ui.views.settings_pages import SettingsPage, count_box, hint

ROTATION_KEYS = ("backup_keep_last", "backup_keep_daily_days", "backup_keep_weekly_weeks",
                 "backup_keep_monthly_months")


def native(path: str | Path) -> str:
    return QDir.toNativeSeparators(str(path))


class BackupPage(SettingsPage):
    KEYS = ("backup_dir", *ROTATION_KEYS, "backup_on_close_minutes")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder_state: dict[str, str] = {}  # folder text -> ok/missing/file/readonly
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Backup folder"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.default_folder = native(paths.default_backup_dir())
        self.folder = QLineEdit(box)
        self.folder.setObjectName("backup_dir")
        self.folder.setMinimumWidth(420)
        self.folder.setPlaceholderText(self.tr("Default folder: %1").replace("%1", self.default_folder))
        self.choose_button = QPushButton(self.tr("Choose folder…"), box)
        self.default_button = QPushButton(self.tr("Use default folder"), box)
        row = QWidget(box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder, 1)
        line.addWidget(self.choose_button)
        line.addWidget(self.default_button)
        self.add_row(form, "backup_dir", self.tr("Folder:"), row)
        self.default_button.setToolTip(self.default_folder)
        form.addRow("", hint(self.tr(
            "For example a USB drive or a network drive; empty: the default folder. If the "
            "folder cannot be reached when a backup is due, automatic backups go to the default "
            "folder instead and «Back up now» reports the problem. Existing backups stay in the "
            "previous folder (restore them with «Restore backup… › Other file…»)."), box))
        layout.addWidget(box)

        box = QGroupBox(self.tr("How many backups are kept"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(hint(self.tr(
            "After every backup, older backups of this database are deleted, except:"), box))
        self.keep_last = count_box(box, 1, 999, self.tr("backup"), self.tr("backups"))
        self.keep_daily = count_box(box, 0, 999, self.tr("day"), self.tr("days"))
        self.keep_weekly = count_box(box, 0, 520, self.tr("week"), self.tr("weeks"))
        self.keep_monthly = count_box(box, 0, 240, self.tr("month"), self.tr("months"))
        self.add_row(form, "backup_keep_last", self.tr("the most recent:"), self.keep_last)
        self.add_row(form, "backup_keep_daily_days", self.tr("the newest of each day, for:"),
                     self.keep_daily)
        self.add_row(form, "backup_keep_weekly_weeks", self.tr("the newest of each week, for:"),
                     self.keep_weekly)
        self.add_row(form, "backup_keep_monthly_months",
                     self.tr("the newest of each month, for:"), self.keep_monthly)
        self.rotation_summary = QLabel(box)
        self.rotation_summary.setWordWrap(True)
        form.addRow(self.rotation_summary)
        form.addRow(hint(self.tr(
            "Customer data that was erased for privacy reasons remains in older backups until "
            "they are deleted."), box))
        layout.addWidget(box)

        box = QGroupBox(self.tr("Backup when closing the program"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.on_close = count_box(box, 0, 24 * 60, self.tr("minute"), self.tr("minutes"))
        self.on_close.setPrefix(self.tr("at most every "))
        self.on_close.setSpecialValueText(self.tr("every time"))
        self.on_close.setSingleStep(15)
        self.add_row(form, "backup_on_close_minutes", self.tr("Back up on closing:"),
                     self.on_close)
        form.addRow("", hint(self.tr("Backups before an import and before a program update "
                                     "are always made."), box))
        layout.addWidget(box)
        layout.addStretch(1)

        self.folder.textChanged.connect(self._emit_changed)
        self.folder.editingFinished.connect(self._folder_left)
        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(lambda: self.set_folder(""))
        for spin in (self.keep_last, self.keep_daily, self.keep_weekly, self.keep_monthly,
                     self.on_close):
            spin.valueChanged.connect(self._emit_changed)
        for spin in (self.keep_last, self.keep_daily, self.keep_weekly, self.keep_monthly):
            spin.valueChanged.connect(self._show_summary)

    # ---- SettingsPage --------------------------------------------------------------------

    def load(self, stored: Mapping[str, Any]) -> None:
        self._folder_state.clear()  # a USB drive may have been plugged in since
        self.folder.setText(native(stored.get("backup_dir") or ""))
        for spin, key in zip((self.keep_last, self.keep_daily, self.keep_weekly,
                              self.keep_monthly), ROTATION_KEYS, strict=True):
            spin.setValue(int(stored.get(key, 0)))
        self.on_close.setValue(int(stored.get("backup_on_close_minutes", 0)))
        self._show_summary()

    def values(self) -> dict[str, Any]:
        return {
            "backup_dir": self.folder.text().strip(),
            "backup_keep_last": self.keep_last.value(),
            "backup_keep_daily_days": self.keep_daily.value(),
            "backup_keep_weekly_weeks": self.keep_weekly.value(),
            "backup_keep_monthly_months": self.keep_monthly.value(),
            "backup_on_close_minutes": self.on_close.value(),
        }

    def field_names(self) -> dict[str, str]:
        return {
            "backup_dir": self.tr("Backup folder"),
            "backup_keep_last": self.tr("Keep the most recent backups"),
            "backup_keep_daily_days": self.tr("Keep daily backups"),
            "backup_keep_weekly_weeks": self.tr("Keep weekly backups"),
            "backup_keep_monthly_months": self.tr("Keep monthly backups"),
            "backup_on_close_minutes": self.tr("Back up on closing"),
        }

    def check(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        text = str(values.get("backup_dir") or "")
        if not text:
            return errors, warnings
        if not Path(text).is_absolute():
            errors["backup_dir"] = self.tr(
                "Please give the complete path of the folder, e.g. %1, or use «Choose folder…»."
            ).replace("%1", native("E:/Sicherungen") if os.name == "nt" else "/media/usb/Sicherungen")
            return errors, warnings
        state = self._folder_state.get(text)
        if state is None and not self.folder.hasFocus():  # still typing: look it up later
            state = self._folder_state[text] = _folder_state(Path(text))
        if state == "file":
            errors["backup_dir"] = self.tr("This is a file, not a folder.")
        elif state == "missing":
            warnings["backup_dir"] = self.tr(
                "This folder cannot be reached at the moment (USB drive not plugged in?). The "
                "next backup creates it if it can; otherwise automatic backups go to the default "
                "folder.")
        elif state == "readonly":
            warnings["backup_dir"] = self.tr(
                "The program may not write to this folder; automatic backups would go to the "
                "default folder.")
        return errors, warnings

    # ---- folder --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        current = self.folder.text().strip() or self.default_folder
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose backup folder"), current)
        if chosen:
            self.set_folder(native(Path(chosen)))

    def set_folder(self, text: str) -> None:
        self._folder_state.pop(text, None)  # look it up again
        if text == self.folder.text():
            self._emit_changed()
        else:
            self.folder.setText(text)

    def _folder_left(self) -> None:
        self._emit_changed()  # validate again, now with a look at the folder

    def _show_summary(self, *_args: Any) -> None:
        most = (self.keep_last.value() + self.keep_daily.value() + self.keep_weekly.value()
                + self.keep_monthly.value())
        self.rotation_summary.setText(
            self.tr("So at most %1 backups of this database are kept.").replace("%1", str(most)))


def _folder_state(folder: Path) -> str:
    try:
        if not folder.exists():
            return "missing"
        if not folder.is_dir():
            return "file"
        return "ok" if os.access(folder, os.W_OK) else "readonly"
    except OSError:
        return "missing"
