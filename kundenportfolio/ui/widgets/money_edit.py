"""A line edit for amounts typed per the ``number_format`` setting (integer cents out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from kundenportfolio.core.money import parse_money
from kundenportfolio.ui.formatting import format_money


class MoneyLineEdit(QLineEdit):
    """Text in, cents out. `cents()` raises MoneyFormatError with a German message."""

    def __init__(self, number_format: str, parent: QWidget | None = None, *,
                 optional: bool = False) -> None:
        super().__init__(parent)
        self.number_format = number_format
        self.optional = optional
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("1'234.50" if number_format == "de-CH" else "1.234,50")

    def cents(self) -> int | None:
        """The amount in cents; None only if optional and empty."""
        if self.optional and not self.text().strip():
            return None
        return parse_money(self.text(), self.number_format)

    def set_cents(self, cents: int | None) -> None:
        self.setText("" if cents is None else format_money(cents, self.number_format))
