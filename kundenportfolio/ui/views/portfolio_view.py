"""The portfolio matrix: bubble chart of all customers, filters, strategies, group movements.

The chart is a matplotlib Figure (reports/charts.py) in a FigureCanvasQTAgg. Hover and click
find the nearest bubble with one numpy distance computation over the bubbles' screen
coordinates (cached until the next draw), so it stays instant with 100,000 customers.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.money import format_money
from kundenportfolio.core.scoring import group_label, group_strategy
from kundenportfolio.reports.charts import (
    GROUP_COLOURS,
    GROUP_ORDER,
    PortfolioChart,
    draw_portfolio,
    format_number,
)
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel
from kundenportfolio.ui.views.result_section import ResultSection
from kundenportfolio.ui.widgets.movements_panel import MovementsPanel
from kundenportfolio.ui.widgets.period_selector import PeriodSelector

HIT_SLACK_PX = 3.0  # a pointer this close to a bubble's edge still counts as on it


class PortfolioView(ResultSection, QWidget):
    """Section "Portfolio". Emits `customer_activated(customer_id)` when a bubble or a moved
    customer is clicked."""

    customer_activated = Signal(int)
    period_changed = Signal(object)  # Period picked by the user in this section

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store
        self.result: Any = None
        self._fingerprint: tuple[Any, ...] = ()
        self.chart: PortfolioChart | None = None
        self._table = pd.DataFrame()
        self._display: np.ndarray | None = None  # cached screen coordinates of the bubbles
        self.settings: dict[str, Any] = {}

        self.period_selector = PeriodSelector(
            today, self, first_year=self.store.first_order_year())
        self.staff_filter = QComboBox(self)
        self.industry_filter = QComboBox(self)
        self.abc_filter = QComboBox(self)
        self.abc_filter.addItem(self.tr("All ABC classes"), None)
        for letter in "ABC":
            self.abc_filter.addItem(self.tr("Class %1").replace("%1", letter), letter)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        for caption, widget in ((self.tr("Period:"), self.period_selector),
                                (self.tr("Account manager:"), self.staff_filter),
                                (self.tr("Industry:"), self.industry_filter),
                                (self.tr("ABC:"), self.abc_filter)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.figure = Figure(figsize=(8.0, 6.5))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(420, 360)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("draw_event", self._forget_display_points)

        self.strategy_label = QLabel(self)
        self.strategy_label.setWordWrap(True)
        self.strategy_label.setTextFormat(Qt.TextFormat.RichText)
        self.strategy_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.movements = MovementsPanel(store, self)
        self.movements.customer_activated.connect(self.customer_activated)
        self.snapshot_button = QPushButton(self.tr("Save groups of this period to the history"), self)
        self.snapshot_button.setToolTip(self.tr(
            "Records every customer's group for this period, so later periods can show movements."))
        self.snapshot_button.clicked.connect(self.save_snapshot)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        strategies_title = QLabel(self.tr("<b>Standard strategies</b>"), self)
        side_layout.addWidget(strategies_title)
        side_layout.addWidget(self.strategy_label)
        side_layout.addWidget(self.movements, 1)
        side_layout.addWidget(self.snapshot_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 420])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.period_selector.period_changed.connect(lambda _p: self.refresh())
        self.period_selector.period_changed.connect(self.period_changed)
        for combo in (self.staff_filter, self.industry_filter, self.abc_filter):
            combo.currentIndexChanged.connect(lambda _i: self.redraw())
        # Nothing is computed until the section is first shown (keeps the start fast).

    # ---- public API ------------------------------------------------------------------

    def show_result(self) -> None:
        self._table = self.result.table
        self._fill_choices(self.staff_filter, self.tr("All account managers"), self._table["staff_name"])
        self._fill_choices(self.industry_filter, self.tr("All industries"), self._table["industry"])
        self._show_strategies()
        self.show_movements()
        self.redraw()

    def filtered_table(self) -> pd.DataFrame:
        table = self._table
        if not len(table):
            return table
        mask = np.ones(len(table), dtype=bool)
        for combo, column in ((self.staff_filter, "staff_name"), (self.industry_filter, "industry"),
                              (self.abc_filter, "abc")):
            value = combo.currentData()
            if value is not None:
                mask &= table[column].to_numpy(dtype=object) == value
        return table if mask.all() else table[mask]

    def redraw(self) -> None:
        if self.result is None:
            return
        table = self.filtered_table()
        labels = {g: group_label(self.settings, g) for g in GROUP_ORDER}
        self.chart = draw_portfolio(self.figure, table, tuple(self.result.thresholds), labels,
                                    number_format=self._number_format())
        self._display = None
        self.count_label.setText(self.tr("%1 of %2 customers shown")
                                 .replace("%1", format_number(len(table), self._number_format()))
                                 .replace("%2", format_number(len(self._table), self._number_format())))
        self.canvas.draw()

    def display_points(self) -> np.ndarray:
        """Screen (matplotlib display) coordinates of all bubbles, in plotting order."""
        if self._display is None:
            if self.chart is None or not len(self.chart.customer_ids):
                self._display = np.zeros((0, 2))
            else:
                ax = self.figure.axes[0]
                self._display = ax.transData.transform(np.column_stack([self.chart.x, self.chart.y]))
        return self._display

    def customer_at(self, x: float, y: float) -> int | None:
        """The customer whose bubble lies under display point (x, y), the nearest if several."""
        points = self.display_points()
        if self.chart is None or not len(points):
            return None
        d2 = (points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2
        nearest = int(np.argmin(d2))
        # marker diameter sqrt(area) in points -> radius in pixels
        radius = np.sqrt(self.chart.sizes[nearest]) / 2 * self.figure.dpi / 72 + HIT_SLACK_PX
        return int(self.chart.customer_ids[nearest]) if d2[nearest] <= radius ** 2 else None

    def save_snapshot(self) -> None:
        self.store.snapshot(self.period())
        self.show_movements()

    # ---- internals -------------------------------------------------------------------

    def _number_format(self) -> str:
        return str(self.settings.get("number_format", "de-CH"))

    def _fill_choices(self, combo: QComboBox, all_caption: str, values: pd.Series) -> None:
        current = combo.currentData()
        choices = sorted({str(v) for v in values.dropna().unique() if str(v)}, key=str.casefold)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_caption, None)
        for choice in choices:
            combo.addItem(choice, choice)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _show_strategies(self) -> None:
        parts = []
        for group in GROUP_ORDER:
            parts.append(
                f"<p><span style='color:{GROUP_COLOURS[group]}'>●</span> "
                f"<b>{html.escape(group_label(self.settings, group))}</b><br>"
                f"{html.escape(group_strategy(self.settings, group))}</p>")
        self.strategy_label.setText("".join(parts))

    def is_busy(self) -> bool:
        """True while the movements panel computes a period's groups (smoke test, tests)."""
        return self.movements.is_busy()

    def show_movements(self) -> None:
        labels = {g: group_label(self.settings, g) for g in GROUP_ORDER}
        self.movements.show_for(self.period(), labels)

    def _forget_display_points(self, _event: Any) -> None:
        self._display = None

    def _on_press(self, event: Any) -> None:
        if not isinstance(event, MouseEvent) or event.button != 1 or event.x is None:
            return
        customer_id = self.customer_at(event.x, event.y)
        if customer_id is not None:
            self.customer_activated.emit(customer_id)

    def _on_motion(self, event: Any) -> None:
        if not isinstance(event, MouseEvent) or event.x is None:
            return
        customer_id = self.customer_at(event.x, event.y)
        if customer_id is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.tooltip_text(customer_id), self.canvas)

    def tooltip_text(self, customer_id: int) -> str:
        row = self._table.loc[customer_id]
        number_format = self._number_format()
        group = group_label(self.settings, str(row["group"]))
        if bool(row.get("overridden", False)):
            group = self.tr("%1 (set manually)").replace("%1", group)
        lines = [
            f"<b>{html.escape(str(row['name']))}</b> ({html.escape(str(row['number']))})",
            self.tr("Customer value: %1").replace("%1", format_money(int(row["kundenwert_cents"]),
                                                                     number_format)),
            self.tr("Attractiveness: %1 · Position: %2")
            .replace("%1", _score(row["attractiveness"], number_format))
            .replace("%2", _score(row["position"], number_format)),
            self.tr("Rank %1 · ABC %2 · %3").replace("%1", str(row["rank"]))
            .replace("%2", str(row["abc"])).replace("%3", html.escape(group)),
        ]
        return "<br>".join(lines)

    def export_model(self) -> RecordTableModel:
        """File > Export list…: the customers the chart shows (its filters), best first."""
        table = self.filtered_table() if self.result is not None else pd.DataFrame()
        if len(table):
            table = table.sort_values("kundenwert_cents", ascending=False, kind="stable")
        money = self._number_format()
        model = RecordTableModel([
            RecordColumn(self.tr("No."), lambda r: str(r["number"])),
            RecordColumn(self.tr("Name"), lambda r: str(r["name"])),
            RecordColumn(self.tr("Group"), lambda r: group_label(self.settings, r["group"])),
            RecordColumn(self.tr("Attractiveness"), lambda r: _score(r["attractiveness"], money),
                         kind="number", raw=lambda r: _float(r["attractiveness"])),
            RecordColumn(self.tr("Position"), lambda r: _score(r["position"], money),
                         kind="number", raw=lambda r: _float(r["position"])),
            RecordColumn(self.tr("Customer value"), lambda r: format_money(
                int(r["kundenwert_cents"]), money), kind="money",
                raw=lambda r: int(r["kundenwert_cents"])),
            RecordColumn(self.tr("Revenue"), lambda r: format_money(int(r["revenue_cents"]), money),
                         kind="money", raw=lambda r: int(r["revenue_cents"])),
            RecordColumn(self.tr("ABC"), lambda r: str(r["abc"])),
        ], self)
        model.set_records(table.to_dict("records") if len(table) else [])
        return model

    def showEvent(self, event: Any) -> None:
        self._display = None  # screen positions of the bubbles change with the size
        super().showEvent(event)


def _score(value: Any, number_format: str) -> str:
    if value is None or value != value:
        return "–"
    decimal = "." if number_format == "de-CH" else ","
    return f"{float(value):.1f}".replace(".", decimal)


def _float(value: Any) -> float | None:
    return None if value is None or value != value else float(value)
