"""Warn once per database file when it lies on a network drive or in a synced cloud folder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from kundenportfolio.data.location import LocationRisk, classify_location, location_warning


class LocationAnswer(Enum):
    NO_RISK = "no_risk"  # local folder: nothing shown
    ALREADY_WARNED = "already_warned"  # shown for this file before: nothing shown
    UNDERSTOOD = "understood"
    MOVE = "move"  # the user wants to move the database (the caller offers a save dialog)


def settings_key(path: Path) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"dataSafety/locationWarned/{digest}"


def show_warning(parent: QWidget | None, path: Path, risk: LocationRisk) -> LocationAnswer:
    """The message box itself (tests replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LocationWarning", "Database location"))
    box.setText(location_warning(risk, path.name))
    move = box.addButton(QCoreApplication.translate("LocationWarning", "Move database…"),
                         QMessageBox.ButtonRole.ActionRole)
    ok = box.addButton(QCoreApplication.translate("LocationWarning", "Keep it here"),
                       QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.exec()
    return LocationAnswer.MOVE if box.clickedButton() is move else LocationAnswer.UNDERSTOOD


def warn_if_risky(path: Path | str, parent: QWidget | None = None, *,
                  settings: QSettings | None = None,
                  classify: Callable[[Path], LocationRisk | None] = classify_location,
                  ) -> LocationAnswer:
    """Show the warning if `path` is risky and this file was not warned about before."""
    path = Path(path).resolve()
    risk = classify(path)
    if risk is None:
        return LocationAnswer.NO_RISK
    settings = settings or QSettings()
    key = settings_key(path)
    if settings.value(key, "") == risk.value:
        return LocationAnswer.ALREADY_WARNED
    answer = show_warning(parent, path, risk)
    settings.setValue(key, risk.value)
    settings.sync()
    return answer
