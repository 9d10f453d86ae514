"""Building blocks of the settings tabs: a page that edits some declared settings and shows
German messages right below the field they are about (red: blocks saving; amber: a hint).

Each page knows its setting keys, fills itself from the stored settings (`load`), returns the
edited values (`values`) and may add checks the declared validators cannot make (`check`,
e.g. whether a logo file can be read). SettingsView combines the pages and saves all of them
at once through Repository.set_settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#B00020"
WARNING_COLOUR = "#8A5A00"


class SettingsPage(QWidget):
    """One tab of the settings. Emits `changed` on every edit (the view validates live)."""

    changed = Signal()
    KEYS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages: dict[str, QLabel] = {}

    # ---- to implement ------------------------------------------------------------------

    def load(self, stored: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def field_names(self) -> dict[str, str]:
        return {}

    def check(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """(errors, warnings) beyond the declared validators, by setting key."""
        return {}, {}

    # ---- helpers -----------------------------------------------------------------------

    def field(self, key: str, widget: QWidget) -> QWidget:
        """`widget` with a message line below it (for `show_messages`)."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = QLabel(box)
        message.setObjectName(f"message_{key}")
        message.setWordWrap(True)
        message.hide()
        column.addWidget(message)
        self.messages[key] = message
        return box

    def add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        form.addRow(label, self.field(key, widget))

    def show_messages(self, errors: Mapping[str, str], warnings: Mapping[str, str]) -> None:
        for key, label in self.messages.items():
            text, colour = (errors[key], ERROR_COLOUR) if key in errors else (
                (warnings[key], WARNING_COLOUR) if key in warnings else ("", ""))
            label.setText(text)
            label.setStyleSheet(f"color: {colour};" if colour else "")
            label.setVisible(bool(text))

    def message_text(self, key: str) -> str:
        label = self.messages.get(key)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def _emit_changed(self, *_args: Any) -> None:
        self.changed.emit()


def count_box(parent: QWidget, minimum: int, maximum: int, one: str, many: str) -> QSpinBox:
    """A whole number with a unit that agrees with it: «1 Tag», «14 Tage»."""
    box = QSpinBox(parent)
    box.setRange(minimum, maximum)
    box.setAccelerated(True)
    box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def unit(value: int) -> None:
        box.setSuffix(" " + (one if value == 1 else many))

    box.valueChanged.connect(unit)
    unit(box.value())
    return box


def hint(text: str, parent: QWidget, width: int = 560) -> QLabel:
    """An explanation in a muted colour, wrapped at about `width` pixels."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setMinimumWidth(width)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
