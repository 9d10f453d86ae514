"""The pattern every record dialog follows: parse all fields, show German messages at the
fields that are wrong, and write nothing until everything is valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.money import MoneyFormatError
from kundenportfolio.core.validation import DateFormatError, format_date, parse_date, parse_datetime
from kundenportfolio.ui.widgets.field_form import ERROR_STYLE, FieldForm
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


class FormDialog(QDialog):
    """Subclasses build their fields on `self.form` and implement `build_record` and `write`.

    `embedded` dialogs live inside another widget (the Stammdaten tab): saving keeps them
    open and Cancel asks the owner to reload instead of closing.
    """

    saved = Signal(object)  # the record that was written
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.embedded = False
        self.layout_ = QVBoxLayout(self)
        self.form = FieldForm()
        self.layout_.addLayout(self.form)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.saved_record: object | None = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    # ---- parsing helpers: collect errors per field instead of stopping at the first ----

    def money(self, key: str, errors: dict[str, str]) -> int | None:
        edit = self.form.fields[key]
        assert isinstance(edit, MoneyLineEdit)
        try:
            return edit.cents()
        except MoneyFormatError as exc:
            errors[key] = str(exc)
            return None

    def date(self, key: str, errors: dict[str, str], *, optional: bool = False) -> dt.date | None:
        text = self.text(key)
        if optional and not text:
            return None
        try:
            return parse_date(text)
        except DateFormatError as exc:
            errors[key] = str(exc)
            return None

    def datetime(self, key: str, errors: dict[str, str]) -> dt.datetime | None:
        try:
            return parse_datetime(self.text(key))
        except DateFormatError as exc:
            errors[key] = str(exc)
            return None

    def text(self, key: str) -> str:
        widget = self.form.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) or None

    def line(self, key: str, label: str, value: str | None = "") -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setObjectName(key)
        self.form.add_field(key, label, edit)
        return edit

    def date_line(self, key: str, label: str, value: dt.date | None) -> QLineEdit:
        edit = self.line(key, label, format_date(value))
        edit.setPlaceholderText(self.tr("DD.MM.YYYY"))
        return edit

    # ---- saving --------------------------------------------------------------------

    def build_record(self, errors: dict[str, str]) -> object | None:
        raise NotImplementedError

    def write(self, record: object) -> None:
        raise NotImplementedError

    def before_write(self, record: object) -> bool:
        """Last chance to stop (duplicate warning); True = go on."""
        return True

    def save(self) -> None:
        self.form.clear_errors()
        self.general_error.hide()
        errors: dict[str, str] = {}
        record = self.build_record(errors)
        if errors or record is None:
            self._show(errors)
            return
        if not self.before_write(record):
            return
        try:
            self.write(record)
        except ValidationError as exc:
            self._show(exc.fields)
            return
        self.saved_record = record
        self.saved.emit(record)
        if not self.embedded:
            self.accept()

    def reject(self) -> None:
        if self.embedded:
            self.reset_requested.emit()
            return
        super().reject()

    def _show(self, errors: dict[str, str]) -> None:
        unplaced = self.form.show_errors(errors)
        if unplaced:
            self.general_error.setText("\n".join(unplaced))
            self.general_error.show()
        self.fit_messages()

    def fit_messages(self) -> None:
        """Grow the dialog so every message shown is readable in full: the field column is
        only as wide as a line edit, a wrapped message there needs more room (never shrinks
        a dialog the user made larger; embedded forms grow within their scroll area)."""
        self.layout_.activate()
        if self.embedded or not self.isWindow():
            return
        wanted = self.size().expandedTo(self.sizeHint())
        if self.layout_.hasHeightForWidth():
            wanted.setHeight(max(wanted.height(), self.layout_.totalHeightForWidth(wanted.width())))
        if wanted != self.size():
            self.resize(wanted)


Writer = Callable[[object], None]
