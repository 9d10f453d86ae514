"""A form layout that shows a German validation message right below the field it is about."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #B00020;"


class FieldForm(QFormLayout):
    """Rows keyed by the field names used in `ValidationError.fields`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(self.error_label(key))
        self.addRow(label, box)
        self.fields[key] = widget
        return widget

    def error_label(self, key: str) -> QLabel:
        """The (hidden) message label of field `key`, for a row laid out by the caller."""
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        return error

    def show_errors(self, messages: Mapping[str, str]) -> list[str]:
        """Show each message at its field; returns the messages with no field on this form."""
        self.clear_errors()
        unplaced = []
        first = None
        for key, message in messages.items():
            label = self.errors.get(key)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self.fields[key]
        if first is not None:
            first.setFocus()
        return unplaced

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def error_text(self, key: str) -> str:
        return self.errors[key].text() if key in self.errors else ""
