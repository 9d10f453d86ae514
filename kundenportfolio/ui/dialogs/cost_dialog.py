"""Record or edit a relationship cost (Betreuungskosten)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kundenportfolio.core.models import Cost, CostCategory
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.dialogs.contact_dialog import combo
from kundenportfolio.ui.labels import COST_CATEGORIES
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


class CostDialog(FormDialog):
    def __init__(self, repository: Repository, customer_id: int, cost: Cost | None = None,
                 parent: QWidget | None = None,
                 writer: Callable[[Cost], None] | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.writer = writer
        self.original = cost or Cost(customer_id=customer_id, cost_date=dt.date.today(),
                                     category=CostCategory.VISIT, amount_cents=0)
        c = self.original
        self.setWindowTitle(self.tr("New cost") if cost is None else self.tr("Edit cost"))
        self.date_line("cost_date", self.tr("Date"), c.cost_date)
        self.category = combo(COST_CATEGORIES, c.category.value)
        self.form.add_field("category", self.tr("Category"), self.category)
        self.amount = MoneyLineEdit(repository.get_setting("number_format"))
        self.amount.setObjectName("amount_cents")
        self.amount.set_cents(None if cost is None else c.amount_cents)
        self.form.add_field("amount_cents", self.tr("Amount"), self.amount)
        self.line("note", self.tr("Note"), c.note)
        self.finish_layout()

    def build_record(self, errors: dict[str, str]) -> Cost | None:
        day = self.date("cost_date", errors)
        amount = self.money("amount_cents", errors)
        if errors or day is None or amount is None:
            return None
        return dataclasses.replace(self.original, cost_date=day, amount_cents=amount,
                                   category=CostCategory(self.category.currentData()),
                                   note=self.optional_text("note"))

    def write(self, record: object) -> None:
        assert isinstance(record, Cost)
        if self.writer is not None:
            self.writer(record)
        elif record.id is None:
            self.repository.add_cost(record)
        else:
            self.repository.update_cost(record)
