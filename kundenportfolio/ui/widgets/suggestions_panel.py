"""The "Vorschläge" panel of the customer detail: what to do next with this customer, and the
review questions (main communicator, responsible person, what goes well or badly)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.periods import Period
from kundenportfolio.core.review import review
from kundenportfolio.core.suggestions import KIND_ADVERTISING, build_suggestions
from kundenportfolio.data.engagement import load_engagement
from kundenportfolio.ui.formatting import format_date
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel

REASONS: dict[str, str] = {
    "complaint_open": QT_TRANSLATE_NOOP("Suggestions", "Complaint open"),
    "contact_due": QT_TRANSLATE_NOOP("Suggestions", "Contact due"),
    "value_rising": QT_TRANSLATE_NOOP(
        "Suggestions", "Customer value rising — earmark for an individual campaign"),
    "needs_analysis": QT_TRANSLATE_NOOP("Suggestions", "Question mark: offer a needs analysis"),
    "unprofitable": QT_TRANSLATE_NOOP("Suggestions", "Unprofitable: simplify care"),
}


def reason_label(code: str) -> str:
    """The translated words for a suggestion reason code."""
    return QCoreApplication.translate("Suggestions", REASONS[code]) if code in REASONS else code


def kind_label(kind: str) -> str:
    return (QCoreApplication.translate("Suggestions", "Advertising") if kind == KIND_ADVERTISING
            else QCoreApplication.translate("Suggestions", "Service contact"))


def suggestion_columns() -> list[RecordColumn]:
    """Columns shared by the panel and the Kampagnen section (records: suggestion dicts)."""
    translate = QCoreApplication.translate  # lupdate reads translate("Ctx", "text")
    return [
        RecordColumn(translate("Suggestions", "Priority"), lambda r: str(r["priority"]),
                     lambda r: r["priority"], right=True, kind="integer"),
        RecordColumn(translate("Suggestions", "Reason"), lambda r: reason_label(r["reason"])),
        RecordColumn(translate("Suggestions", "Instrument"), lambda r: r["instrument_name"] or "—"),
        RecordColumn(translate("Suggestions", "Type"), lambda r: kind_label(r["kind"])),
        RecordColumn(translate("Suggestions", "Last contact"), lambda r: format_date(r["last_contact_date"]),
                     lambda r: r["last_contact_date"] or dt.date.min, kind="date",
                     raw=lambda r: r["last_contact_date"]),
    ]


def suggestion_records(result: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of build_suggestions() as dicts, pandas' NaN/NA turned into None."""
    records = result.to_dict("records")
    for record in records:
        for key, value in record.items():
            if pd.api.types.is_scalar(value) and not isinstance(value, str) and pd.isna(value):
                record[key] = None
    return records


class SuggestionsPanel(QWidget):
    """Suggestions and review answers for one customer; `set_customer(customer_id)`."""

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store
        self.today = today or dt.date.today()
        self.customer_id: int | None = None
        self.model = RecordTableModel(suggestion_columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("No suggestions for this customer."), self)
        self.review_label = QLabel(self)
        self.review_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.review_label)

    def set_customer(self, customer_id: int | None) -> None:
        """Show the suggestions of `customer_id` (None: clear)."""
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        if self.customer_id is None:
            self.model.set_records([])
            self.review_label.clear()
            self.empty_label.setVisible(False)
            return
        settings = self.repository.all_settings()
        table = self.store.result(Period.last_12_months(self.today)).table
        row = table.loc[[self.customer_id]] if self.customer_id in table.index else table.iloc[:0]
        engagement = load_engagement(self.repository, self.today, self.customer_id)
        result = build_suggestions(row, engagement, self.repository.list_instruments(), settings,
                                   self.today)
        records = suggestion_records(result)
        self.model.set_records(records)
        self.table.setToolTip("\n".join(f"{reason_label(r['reason'])}: {r['detail']}"
                                        for r in records))
        self.empty_label.setVisible(not records)
        self.review_label.setText(self._review_text(row, engagement, settings))

    def _review_text(self, row: Any, engagement: Any, settings: dict[str, Any]) -> str:
        if row.empty:
            return ""
        answers = review(row, engagement, settings).iloc[0]
        lines = []
        if answers["no_responsible"]:
            lines.append(self.tr("No responsible person set."))
        if answers["main_contacts"]:
            text = self.tr("Main contact: %1 (%2 contacts in the last 12 months)") \
                .replace("%1", str(answers["main_staff_name"])) \
                .replace("%2", str(int(answers["main_contacts"])))
            if answers["main_is_responsible"] is True:
                text += " – " + self.tr("the responsible person.")
            elif answers["main_is_responsible"] is False and not answers["no_responsible"]:
                text += " – " + self.tr("not the responsible person (%1).").replace(
                    "%1", str(answers["staff_name"]))
            lines.append(text)
        else:
            lines.append(self.tr("No staff contact in the last 12 months."))
        if answers["open_complaints"]:
            lines.append(self.tr("Open complaints: %1").replace(
                "%1", str(int(answers["open_complaints"]))))
        trend = answers["revenue_trend"]
        if trend is not None and not math.isnan(float(trend)):
            lines.append(self.tr("Revenue trend: %1 % per year").replace(
                "%1", f"{float(trend) * 100:+.0f}"))
        if answers["unprofitable"]:
            lines.append(self.tr("Unprofitable: Kundenwert is negative."))
        return "\n".join(lines)
