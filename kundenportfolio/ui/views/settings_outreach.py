"""Settings tabs «Kundenansprache» (issue 6) and «Prognose» (issue 5).

Kundenansprache: the contact interval per group («Kontakt fällig» when the last contact is
longer ago, core/suggestions.py), when a customer counts as «Kundenwert steigt», and how many
days a campaign evaluation compares. Prognose: when a customer is at risk and what counts as a
large one-off order (core/forecast.py). The forecast horizon is not offered: the window always
forecasts 12 months; the setting only serves `kundenportfolio forecast`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.reports.colours import GROUP_COLOURS, GROUP_ORDER
from kundenportfolio.ui.views.settings_pages import SettingsPage, count_box, hint


class OutreachPage(SettingsPage):
    KEYS = ("contact_interval_days", "suggestion_top_ranks", "suggestion_rising_trend_percent",
            "campaign_evaluation_days")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Contact interval per group"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(hint(self.tr("A customer is shown as «Contact due» when the last contact "
                                 "is longer ago than:"), box))
        self.intervals: dict[str, QSpinBox] = {}
        self.group_names: dict[str, QLabel] = {}
        for group in GROUP_ORDER:
            spin = count_box(box, 1, 3650, self.tr("day"), self.tr("days"))
            spin.setObjectName(f"contact_interval_{group}")
            name = QLabel(box)
            self.intervals[group] = spin
            self.group_names[group] = name
            form.addRow(name, spin)
        form.addRow(self.field("contact_interval_days", QWidget(box)))  # one message for all four
        layout.addWidget(box)

        box = QGroupBox(self.tr("Suggestions: «Customer value rising»"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.top_ranks = QSpinBox(box)
        self.top_ranks.setRange(1, 100_000)
        self.rising_trend = QDoubleSpinBox(box)
        self.rising_trend.setRange(0.0, 1000.0)
        self.rising_trend.setDecimals(1)
        self.rising_trend.setSingleStep(5.0)
        self.rising_trend.setSuffix(self.tr(" % per year"))
        self.add_row(form, "suggestion_top_ranks", self.tr("Customers up to rank:"),
                     self.top_ranks)
        self.add_row(form, "suggestion_rising_trend_percent",
                     self.tr("or revenue growing by at least:"), self.rising_trend)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Campaign evaluation"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.evaluation_days = count_box(box, 1, 3650, self.tr("day"), self.tr("days"))
        self.add_row(form, "campaign_evaluation_days",
                     self.tr("Compare before and after the start, each:"), self.evaluation_days)
        form.addRow("", hint(self.tr("A longer campaign is compared over its own length."), box))
        layout.addWidget(box)
        layout.addStretch(1)

        for spin in (*self.intervals.values(), self.top_ranks, self.evaluation_days):
            spin.valueChanged.connect(self._emit_changed)
        self.rising_trend.valueChanged.connect(self._emit_changed)

    def set_group_names(self, names: Mapping[str, str]) -> None:
        """The group names as edited on the «Gruppen» tab, with their colour."""
        for group, label in self.group_names.items():
            label.setText(f"<span style='color:{GROUP_COLOURS[group]}'>●</span>&nbsp;"
                          f"{_escape(names.get(group) or group)}:")

    def load(self, stored: Mapping[str, Any]) -> None:
        intervals = stored.get("contact_interval_days") or {}
        for group, spin in self.intervals.items():
            spin.setValue(int(intervals.get(group, 1)))
        self.top_ranks.setValue(int(stored.get("suggestion_top_ranks", 1)))
        self.rising_trend.setValue(float(stored.get("suggestion_rising_trend_percent", 0.0)))
        self.evaluation_days.setValue(int(stored.get("campaign_evaluation_days", 1)))

    def values(self) -> dict[str, Any]:
        return {
            "contact_interval_days": {g: spin.value() for g, spin in self.intervals.items()},
            "suggestion_top_ranks": self.top_ranks.value(),
            "suggestion_rising_trend_percent": self.rising_trend.value(),
            "campaign_evaluation_days": self.evaluation_days.value(),
        }

    def field_names(self) -> dict[str, str]:
        return {
            "contact_interval_days": self.tr("Contact interval"),
            "suggestion_top_ranks": self.tr("Customer value rising: up to rank"),
            "suggestion_rising_trend_percent": self.tr("Customer value rising: revenue growth"),
            "campaign_evaluation_days": self.tr("Campaign evaluation"),
        }


class ForecastPage(SettingsPage):
    KEYS = ("forecast_risk_interval_multiple", "forecast_risk_trend_percent",
            "forecast_large_order_factor")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("At risk of leaving"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.risk_multiple = _factor_box(box, 1.0, 20.0)
        self.risk_multiple.setSuffix(self.tr(" × the usual interval between orders"))
        self.risk_falling = QDoubleSpinBox(box)
        self.risk_falling.setRange(0.0, 100.0)
        self.risk_falling.setDecimals(1)
        self.risk_falling.setSingleStep(5.0)
        self.risk_falling.setSuffix(self.tr(" % per year"))
        self.add_row(form, "forecast_risk_interval_multiple",
                     self.tr("when there has been no order for longer than:"), self.risk_multiple)
        self.add_row(form, "forecast_risk_trend_percent",
                     self.tr("or when revenue falls by at least:"), self.risk_falling)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Large one-off orders"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.large_order = _factor_box(box, 1.5, 100.0)
        self.large_order.setSuffix(self.tr(" × the customer's typical order (median)"))
        self.add_row(form, "forecast_large_order_factor", self.tr("An order counts as one from:"),
                     self.large_order)
        form.addRow("", hint(self.tr(
            "Large one-off orders are pointed out in the revenue per year as a reason for a "
            "swing. Only customers with at least three orders are checked."), box))
        layout.addWidget(box)
        layout.addStretch(1)
        for spin in (self.risk_multiple, self.risk_falling, self.large_order):
            spin.valueChanged.connect(self._emit_changed)

    def load(self, stored: Mapping[str, Any]) -> None:
        self.risk_multiple.setValue(float(stored.get("forecast_risk_interval_multiple", 2.0)))
        self.risk_falling.setValue(-float(stored.get("forecast_risk_trend_percent", 0.0)))
        self.large_order.setValue(float(stored.get("forecast_large_order_factor", 3.0)))

    def values(self) -> dict[str, Any]:
        falling = self.risk_falling.value()
        return {
            "forecast_risk_interval_multiple": self.risk_multiple.value(),
            "forecast_risk_trend_percent": -falling if falling else 0.0,
            "forecast_large_order_factor": self.large_order.value(),
        }

    def field_names(self) -> dict[str, str]:
        return {
            "forecast_risk_interval_multiple": self.tr("At risk: pause in orders"),
            "forecast_risk_trend_percent": self.tr("At risk: falling revenue"),
            "forecast_large_order_factor": self.tr("Large one-off orders"),
        }


def _factor_box(parent: QWidget, minimum: float, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(minimum, maximum)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    return box


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
