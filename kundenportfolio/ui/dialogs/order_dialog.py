"""Record or edit an order; recording also logs a Bestellung contact (repository)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QWidget

from kundenportfolio.core.models import Order
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


class OrderDialog(FormDialog):
    def __init__(self, repository: Repository, customer_id: int, order: Order | None = None,
                 parent: QWidget | None = None,
                 writer: Callable[[Order], None] | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.writer = writer
        self.original = order or Order(customer_id=customer_id, order_date=dt.date.today(),
                                       amount_cents=0)
        o = self.original
        number_format = repository.get_setting("number_format")
        self.setWindowTitle(self.tr("New order") if order is None else self.tr("Edit order"))
        self.date_line("order_date", self.tr("Date"), o.order_date)
        self.line("order_number", self.tr("Order no."), o.order_number)
        self.amount = self._money_field("amount_cents", self.tr("Amount excl. VAT"), number_format,
                                        None if order is None else o.amount_cents, False)
        self.discount = self._money_field("discount_cents", self.tr("Discounts and rebates"),
                                          number_format, o.discount_cents or None, True)
        self.cogs = self._money_field("cost_of_goods_cents",
                                      self.tr("Cost of goods (empty: default margin)"),
                                      number_format, o.cost_of_goods_cents, True)
        self.credit = QCheckBox(self.tr("credit note"))
        self.credit.setChecked(o.is_credit_note)
        self.form.add_field("is_credit_note", self.tr("Credit note"), self.credit)
        self.line("note", self.tr("Note"), o.note)
        self.finish_layout()

    def _money_field(self, key: str, caption: str, number_format: str, cents: int | None,
                     optional: bool) -> MoneyLineEdit:
        edit = MoneyLineEdit(number_format, optional=optional)
        edit.setObjectName(key)
        edit.set_cents(cents)
        self.form.add_field(key, caption, edit)
        return edit

    def build_record(self, errors: dict[str, str]) -> Order | None:
        day = self.date("order_date", errors)
        amount = self.money("amount_cents", errors)
        discount = self.money("discount_cents", errors)
        cogs = self.money("cost_of_goods_cents", errors)
        if errors or day is None or amount is None:
            return None
        return dataclasses.replace(
            self.original, order_date=day, amount_cents=amount, discount_cents=discount or 0,
            cost_of_goods_cents=cogs, order_number=self.optional_text("order_number"),
            is_credit_note=self.credit.isChecked(), note=self.optional_text("note"),
        )

    def write(self, record: object) -> None:
        assert isinstance(record, Order)
        if self.writer is not None:
            self.writer(record)
        elif record.id is None:
            self.repository.record_order(record)
        else:
            self.repository.update_order(record)
