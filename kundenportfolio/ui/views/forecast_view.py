"""Section "Prognose" (issue 5): planning table, history + forecast chart, at-risk customers.

Computed lazily (on first show, then on period or data changes) and in a background thread
(`ui.forecast_runner`), because a forecast over a large database takes seconds. The numbers
come from a `data.forecast_store.ForecastStore` (shared with the customer's Umsatz tab,
cached per reference day); the view writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.periods import Period
from kundenportfolio.data.forecast_store import GUI_HORIZON_DAYS, ForecastStore
from kundenportfolio.ui.forecast_runner import ForecastRunner
from kundenportfolio.ui.formatting import format_money
from kundenportfolio.ui.models.roles import COLUMN_KIND_ROLE, CUSTOMER_ID_ROLE, EXPORT_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FrameColumn:
    """A column of a DataFrame table: key, English header (translated), kind (text|money)."""

    key: str
    header: str
    kind: str = "text"


PLAN_COLUMNS = [
    FrameColumn("Gruppe", str(QT_TRANSLATE_NOOP("ForecastView", "Group"))),
    FrameColumn("Art", str(QT_TRANSLATE_NOOP("ForecastView", "Kind"))),
    FrameColumn("period", str(QT_TRANSLATE_NOOP("ForecastView", "Period"))),
    FrameColumn("expected_cents", str(QT_TRANSLATE_NOOP("ForecastView", "Expected")), "money"),
    FrameColumn("low_cents", str(QT_TRANSLATE_NOOP("ForecastView", "Low (10 %)")), "money"),
    FrameColumn("high_cents", str(QT_TRANSLATE_NOOP("ForecastView", "High (90 %)")), "money"),
]
RISK_COLUMNS = [
    FrameColumn("number", str(QT_TRANSLATE_NOOP("ForecastView", "No."))),
    FrameColumn("name", str(QT_TRANSLATE_NOOP("ForecastView", "Name"))),
    FrameColumn("kundenwert_cents", str(QT_TRANSLATE_NOOP("ForecastView", "Customer value")), "money"),
    FrameColumn("expected_cents", str(QT_TRANSLATE_NOOP("ForecastView", "Expected next 12 months")),
                "money"),
    FrameColumn("reasons", str(QT_TRANSLATE_NOOP("ForecastView", "Why at risk"))),
]


class FrameTableModel(QAbstractTableModel):
    """Read-only table over a DataFrame; money shown in the database's number format."""

    def __init__(self, columns: list[FrameColumn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.frame = pd.DataFrame(columns=[c.key for c in columns])
        self.number_format = "de-CH"

    def set_frame(self, frame: pd.DataFrame, number_format: str) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index()
        self.number_format = number_format
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ForecastView", self.columns[section].header)
        if role == COLUMN_KIND_ROLE:
            return self.columns[section].kind
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.frame.iloc[index.row()][column.key]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "money":
                return format_money(int(value), self.number_format)
            return "" if value is None or value != value else str(value)
        if role == SORT_ROLE:
            return int(value) if column.kind == "money" else str(value)
        if role == EXPORT_ROLE and column.kind == "money":
            return None if value is None or value != value else int(value)
        if role == CUSTOMER_ID_ROLE and "customer_id" in self.frame:
            return int(self.frame.iloc[index.row()]["customer_id"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "money":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ForecastView(QWidget):
    """Section "Prognose". Emits `customer_activated(customer_id)` from the at-risk list."""

    customer_activated = Signal(int)

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None, forecast_store: ForecastStore | None = None,
                 forecast_runner: ForecastRunner | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store  # the PortfolioStore (groups, Kundenwert)
        self.forecast_runner = forecast_runner or ForecastRunner(
            forecast_store or ForecastStore(repository), self)
        self.forecast_store = self.forecast_runner.store
        self.forecast_runner.finished.connect(self._forecast_finished)
        self._waiting = False  # update_view waits for the runner
        self.as_of = today or dt.date.today()
        self.plan = pd.DataFrame()
        self.customers = pd.DataFrame()
        self._dirty = True
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.busy_bar = QProgressBar(self)  # an endless bar while the forecast is computed
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.export_button = QPushButton(self.tr("Export plan…"), self)
        self.export_button.clicked.connect(self.export_plan)
        self.plan_model = FrameTableModel(PLAN_COLUMNS, self)
        self.plan_table = self._table(self.plan_model, sortable=False)
        self.risk_model = FrameTableModel(RISK_COLUMNS, self)
        self.risk_proxy = QSortFilterProxyModel(self)
        self.risk_proxy.setSourceModel(self.risk_model)
        self.risk_proxy.setSortRole(SORT_ROLE)
        self.risk_table = self._table(self.risk_proxy, sortable=True)
        self.risk_table.doubleClicked.connect(self._open_customer)
        self.risk_table.activated.connect(self._open_customer)
        self.figure = Figure(figsize=(8, 4))
        self.canvas = FigureCanvasQTAgg(self.figure)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.plan_table, self.tr("Planning table"))
        self.tabs.addTab(self.canvas, self.tr("Chart"))
        self.tabs.addTab(self.risk_table, self.tr("At risk"))
        top = QHBoxLayout()
        top.addWidget(self.info_label, 1)
        top.addWidget(self.busy_bar)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _table(self, model: Any, *, sortable: bool) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(sortable)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    # ---- main window protocol -----------------------------------------------------------

    def set_period(self, period: Period) -> None:
        """The forecast starts the day after the period's end (default: today)."""
        if period.end != self.as_of:
            self.as_of = period.end
            self._dirty = True
            if self.isVisible():
                self.update_view()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # also when another user of the shared store (the Umsatz tab) invalidated it
        if self._dirty or not self.forecast_store.has_result(self.as_of, GUI_HORIZON_DAYS):
            self.update_view()

    def refresh(self) -> None:
        """Data or settings changed (main window): forget the cached forecast; compute anew
        now if the section is shown, else when it is next shown (seconds on a large file)."""
        self.forecast_store.invalidate()
        self._dirty = True
        if self.isVisible():
            self.update_view()

    def update_view(self) -> None:
        """Show the forecast for self.as_of (from the store's cache when it has it)."""
        from kundenportfolio.core.forecast_plan import KIND_LABELS
        from kundenportfolio.core.models import Group
        from kundenportfolio.core.scoring import group_label

        self._waiting = not self.forecast_runner.ensure(self.as_of)
        self.busy_bar.setVisible(self._waiting)
        self.export_button.setEnabled(not self._waiting)
        if self._waiting:  # _forecast_finished calls again
            self.info_label.setText(self.tr("Computing the forecast…"))
            return
        settings = self.repository.all_settings()
        number_format = str(settings.get("number_format", "de-CH"))
        cached, info = self.forecast_store.result(self.as_of, GUI_HORIZON_DAYS)
        portfolio = self.store.result(Period.last_12_months(self.as_of)).table
        self.plan = self.forecast_store.plan(self.as_of, portfolio["group"])
        history = self.forecast_store.monthly_history(self.as_of, 24)
        labels = {g.value: group_label(settings, g) for g in Group}
        labels.update({"alle": self.tr("All customers"), "ohne": self.tr("No group")})
        self.plan["Gruppe"] = self.plan["group"].map(labels).fillna(self.plan["group"])
        self.plan["Art"] = self.plan["kind"].map(KIND_LABELS)
        self.plan_model.set_frame(self.plan, number_format)
        table = cached.copy()  # the store's table is shared with the customer detail
        table["kundenwert_cents"] = portfolio["kundenwert_cents"].reindex(table.index).fillna(0)
        self.customers = table
        risky = table[table["at_risk"]].sort_values("kundenwert_cents", ascending=False)
        self.risk_model.set_frame(risky, number_format)
        self.risk_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by Kundenwert
        self._draw(history, number_format, str(settings.get("currency", "")))
        total = self.plan[(self.plan["group"] == "alle") & (self.plan["kind"] == "total")]
        expected = int(total["expected_cents"].iloc[0]) if len(total) else 0
        method = (self.tr("learned mixture") if info.method == "model"
                  else self.tr("damped trend (few customers or short history)"))
        self.info_label.setText(
            self.tr("Forecast from %1 for 12 months: %2 expected (%3). %4 customers at risk.")
            .replace("%1", (self.as_of + dt.timedelta(days=1)).strftime("%d.%m.%Y"))
            .replace("%2", format_money(expected, number_format)).replace("%3", method)
            .replace("%4", str(len(risky))))
        self._dirty = False

    def is_busy(self) -> bool:
        """True while the forecast is computed in the background (smoke test, tests)."""
        return self._waiting

    def _forecast_finished(self, error: str) -> None:
        if not self._waiting:
            return
        if error:
            self._waiting = False
            self.busy_bar.hide()
            self.info_label.setText(error)
            return
        self.update_view()

    def _draw(self, history: pd.Series, number_format: str, currency: str) -> None:
        plan = self.plan[(self.plan["group"] == "alle") & (self.plan["kind"] == "month")]
        from kundenportfolio.reports.forecast_chart import draw_forecast

        draw_forecast(self.figure, [str(m) for m in history.index], history.tolist(),
                      plan["period"].tolist(), plan["expected_cents"].tolist(),
                      plan["low_cents"].tolist(), plan["high_cents"].tolist(), number_format,
                      currency=currency)
        self.canvas.draw_idle()

    def _open_customer(self, index: QModelIndex) -> None:
        customer_id = index.data(CUSTOMER_ID_ROLE)
        if customer_id is not None:
            self.customer_activated.emit(int(customer_id))

    def export_model(self) -> QAbstractTableModel | QSortFilterProxyModel:
        """File > Export list…: the at-risk list while its tab is shown, else the plan."""
        if self.tabs.currentWidget() is self.risk_table:
            return self.risk_proxy
        return self.plan_model

    def export_plan(self, path: str | None = None) -> None:
        if self.plan.empty:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export plan"), "prognose.xlsx",
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            from kundenportfolio.reports.forecast_export import write_plan

            write_plan(self.plan, Path(path))
