"""The customer's Umsatz tab (issue 5): revenue per calendar year with what explains a swing
(complaints and their revenue impact, campaigns, «kauft bei Konkurrenz», large one-off orders)
and the forecast of the next 12 months with its range, status, trend and at-risk reasons.

The years read only this customer's rows, so they are shown at once. The forecast is a row of
the population forecast (seconds on 100,000 customers): it is computed only while the panel is
visible, in a background thread (`ui.forecast_runner`), and then kept by the shared
`ForecastStore` for every customer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.data.forecast_store import GUI_HORIZON_DAYS, ForecastStore
from kundenportfolio.ui.forecast_runner import ForecastRunner
from kundenportfolio.ui.formatting import format_money, format_number
from kundenportfolio.ui.models.record_table import Index, RecordColumn, RecordTableModel

DASH = "–"
CHANGE_COLUMN, EXPLANATION_COLUMN = 3, 4


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class _YearsModel(RecordTableModel):
    """The years with a tooltip per column where one helps (`tooltips`: column → text)."""

    tooltips: dict[int, Callable[[Any], str]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            tooltip = self.tooltips.get(index.column())
            if tooltip is not None and 0 <= index.row() < len(self.records):
                return tooltip(self.records[index.row()]) or None
            return None
        return super().data(index, role)


class RevenueForecastPanel(QWidget):
    """Years and forecast of one customer: `set_customer(customer_id)`; `set_as_of(day)` for
    another reference day; `refresh()` after the customer's data changed (call
    `forecast_store.invalidate()` first when orders, contacts or settings changed)."""

    def __init__(self, repository: Any, forecast_runner: ForecastRunner | None = None,
                 parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.forecast_runner = forecast_runner or ForecastRunner(ForecastStore(repository), self)
        self.forecast_store = self.forecast_runner.store
        self.forecast_runner.finished.connect(self._forecast_finished)
        self.as_of = today or dt.date.today()
        self.customer_id: int | None = None
        self.number_format = "de-CH"
        self.forecast: pd.Series | None = None
        self._forecast_stale = False
        self.model = _YearsModel(self._columns(), self)
        self.model.tooltips = {EXPLANATION_COLUMN: self.explanation,
                               CHANGE_COLUMN: self._change_tooltip}
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the explanation wraps within the width left over (full text also as a tooltip)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXPLANATION_COLUMN, QHeaderView.ResizeMode.Stretch)

        self.box = QGroupBox(self.tr("Forecast for the next 12 months"), self)
        self.form = form = QFormLayout(self.box)
        self.placeholder = QLabel(self.box)
        self.placeholder.setWordWrap(True)
        form.addRow(self.placeholder)
        self.fields: dict[str, QLabel] = {}
        for key, title in (("expected", self.tr("Expected revenue")),
                           ("range", self.tr("Range (10 % – 90 %)")),
                           ("status", self.tr("Status")),
                           ("mean", self.tr("Annual average")),
                           ("trend", self.tr("Trend")),
                           ("cv", self.tr("Coefficient of variation")),
                           ("risk", self.tr("At risk"))):
            label = QLabel(self.box)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(title, label)
        self.stale_label = QLabel(self.tr("Computed before the latest change of this customer's "
                                          "data."), self.box)
        self.stale_label.setWordWrap(True)
        self.recompute_button = QPushButton(self.tr("Recompute forecast"), self.box)
        self.recompute_button.setToolTip(self.tr("Computes the forecast of all customers anew "
                                                 "(may take a few seconds)."))
        self.recompute_button.clicked.connect(self.recompute)
        form.addRow(self.stale_label)
        form.addRow(self.recompute_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        self._show_forecast(None, self.tr("No customer selected."))

    def _columns(self) -> list[RecordColumn]:
        return [
            RecordColumn(self.tr("Year"), self._year_text, lambda r: r["year"], kind="integer"),
            RecordColumn(self.tr("Net revenue"),
                         lambda r: format_money(r["revenue_cents"], self.number_format),
                         lambda r: r["revenue_cents"], right=True, kind="money"),
            RecordColumn(self.tr("Orders"), lambda r: str(r["orders"]), lambda r: r["orders"],
                         right=True, kind="integer"),
            RecordColumn(self.tr("Change"), self._change_text, self._change,
                         right=True, kind="number"),
            RecordColumn(self.tr("Explanation"), self.explanation),
        ]

    # ---- texts ---------------------------------------------------------------------------

    def _year_text(self, row: dict[str, Any]) -> str:
        year = str(row["year"])
        return self.tr("%1 (to date)").replace("%1", year) if row["partial"] else year

    def _change(self, row: dict[str, Any]) -> float | None:
        """The change to the year before; none for the year not over yet: its revenue so far
        against a whole year would read as a fall (e.g. −19 % at the end of November) that
        is none. The forecast box below compares whole 12-month periods instead."""
        change = row["change_percent"]
        return None if row["partial"] or _missing(change) else float(change)

    def _change_tooltip(self, row: dict[str, Any]) -> str:
        if row["partial"] and not _missing(row["change_percent"]):
            return self.tr("The year is not over yet: its revenue so far is not compared with "
                           "the whole previous year.")
        return ""

    def _change_text(self, row: dict[str, Any]) -> str:
        change = self._change(row)
        if change is None:
            return ""
        text = format_number(change, self.number_format, 0)
        return f"+{text} %" if round(change) > 0 else f"{text} %"

    def explanation(self, row: dict[str, Any]) -> str:
        """What may explain the year's revenue, in the UI language, money per number_format."""
        money = self.number_format
        parts = []
        if row["complaints"]:
            text = self.tr("%n complaint(s)", "", int(row["complaints"]))
            if row["complaint_impact_cents"]:
                text += " " + self.tr("(revenue impact %1)").replace(
                    "%1", format_money(row["complaint_impact_cents"], money))
            parts.append(text)
        if row["campaigns"]:
            parts.append(self.tr("%n campaign(s): %1", "", int(row["campaigns"]))
                         .replace("%1", row["campaign_names"]))
        if row["competitor_contacts"]:
            parts.append(self.tr("%1× «buys from a competitor»")
                         .replace("%1", str(row["competitor_contacts"])))
        if row["large_orders"]:
            parts.append(self.tr("%n large one-off order(s) (%1)", "", int(row["large_orders"]))
                         .replace("%1", format_money(row["large_orders_cents"], money)))
        return "; ".join(parts)

    # ---- showing -------------------------------------------------------------------------

    def set_customer(self, customer_id: int | None) -> None:
        """Show the customer's years at once; the forecast now if cached, else when visible."""
        self.customer_id = customer_id
        self.number_format = str(self.repository.get_setting("number_format"))
        records: list[dict[str, Any]] = []
        if customer_id is not None:
            years = self.forecast_store.customer_years(customer_id, self.as_of)
            records = years.iloc[::-1].reset_index().to_dict("records")
        self.model.set_records(records)  # newest year first, like the other lists
        if customer_id is None:
            self._forecast_stale = False
            self._show_forecast(None, self.tr("No customer selected."))
            return
        self._forecast_stale = True
        if self.forecast_store.has_result(self.as_of, GUI_HORIZON_DAYS) or self.isVisible():
            self._show_forecast(None, self.tr("Computing the forecast…"))
            if self.forecast_store.has_result(self.as_of, GUI_HORIZON_DAYS):
                self.refresh_forecast()  # cached: no waiting
            else:
                QTimer.singleShot(0, self, self.refresh_forecast)  # paint the years first
        else:
            self._show_forecast(None, self.tr("The forecast is computed when this tab is shown."))

    def set_as_of(self, as_of: dt.date) -> None:
        """Another reference day (e.g. the end of the main window's period)."""
        if as_of != self.as_of:
            self.as_of = as_of
            self.refresh()

    def refresh(self) -> None:
        """Read the shown customer again (after a write; the store decides about the cache)."""
        self.set_customer(self.customer_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.forecast is not None and not self.forecast_store.has_result(self.as_of,
                                                                            GUI_HORIZON_DAYS):
            self._forecast_stale = True  # the shared store was invalidated meanwhile
        if self._forecast_stale:
            self._show_forecast(None, self.tr("Computing the forecast…"))
            QTimer.singleShot(0, self, self.refresh_forecast)

    def refresh_forecast(self) -> None:
        """Fill the forecast box (the population forecast is computed in the background once
        if not cached; `_forecast_finished` calls again)."""
        if not self._forecast_stale or self.customer_id is None:
            return
        if not self.forecast_runner.ensure(self.as_of):
            self._show_forecast(None, self.tr("Computing the forecast…"))
            return
        row = self.forecast_store.customer_forecast(self.customer_id, self.as_of,
                                                    GUI_HORIZON_DAYS)
        self._forecast_stale = False
        self.forecast = row
        self._show_forecast(row, self.tr("No forecast for this customer yet (data changed "
                                         "since the forecast was computed)."))

    def _forecast_finished(self, error: str) -> None:
        if error and self._forecast_stale:
            self._forecast_stale = False
            self._show_forecast(None, error)
        else:
            self.refresh_forecast()

    def is_busy(self) -> bool:
        """True while this panel waits for the background forecast."""
        return self._forecast_stale and self.forecast_runner.is_busy()

    def recompute(self) -> None:
        """Forget the cached forecast of all customers and compute it anew (background)."""
        self.forecast_store.invalidate()
        self._forecast_stale = self.customer_id is not None
        self.refresh_forecast()

    def _show_forecast(self, row: pd.Series | None, message: str) -> None:
        self.forecast = row
        self.placeholder.setText(message)
        self.placeholder.setVisible(row is None)
        stale = row is not None and self.forecast_store.is_stale(self.customer_id or 0)
        self.stale_label.setVisible(stale)
        # offered where a fresh computation helps: data changed since, or no row at all
        self.recompute_button.setVisible(stale or (row is None and self.customer_id is not None
                                                   and not self._forecast_stale))
        for label in self.fields.values():
            label.setVisible(row is not None)
            self.form.labelForField(label).setVisible(row is not None)
        if row is None:
            return

        def money(value: Any) -> str:
            return DASH if _missing(value) else format_money(int(round(float(value))), self.number_format)

        self.fields["expected"].setText(money(row["expected_cents"]))
        self.fields["range"].setText(f"{money(row['low_cents'])} – {money(row['high_cents'])}")
        self.fields["status"].setText(str(row["status_label"]))
        self.fields["mean"].setText(money(row["mean_cents"]))
        trend = row["trend_percent"]
        self.fields["trend"].setText(DASH if _missing(trend) else self.tr("%1 % per year").replace(
            "%1", ("+" if round(trend) > 0 else "") + format_number(trend, self.number_format, 0)))
        cv = row["cv"]
        self.fields["cv"].setText(DASH if _missing(cv) else format_number(cv, self.number_format, 2))
        self.fields["risk"].setText(str(row["reasons"]) if bool(row["at_risk"]) else self.tr("No"))

    def status_text(self) -> str:
        """The status shown in the forecast box (empty while there is none)."""
        return self.fields["status"].text() if self.forecast is not None else ""
