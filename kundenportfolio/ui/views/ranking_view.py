"""The ranking (Rangliste): customers by Kundenwert with totals row and Pareto curve."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.money import format_money
from kundenportfolio.core.scoring import group_label
from kundenportfolio.reports.charts import GROUP_ORDER, draw_pareto, format_number
from kundenportfolio.ui.models.ranking_table import (
    COLUMN_INDEX,
    COLUMNS,
    CUSTOMER_ID_ROLE,
    RankingFilterProxy,
    RankingTableModel,
    RankingTotalsModel,
)
from kundenportfolio.ui.views.result_section import ResultSection
from kundenportfolio.ui.widgets.group_badge import GroupBadgeDelegate
from kundenportfolio.ui.widgets.period_selector import PeriodSelector

_COLUMN_WIDTHS = {"rank": 50, "number": 60, "name": 180, "abc": 40, "group": 145, "kdb4_cents": 150}
_MONEY_WIDTH = 100
_PADDING = 16  # cell margins left and right, as the style draws them


class RankingView(ResultSection, QWidget):
    """Section "Rangliste". Emits `customer_activated(customer_id)` on double-click or Enter."""

    customer_activated = Signal(int)
    period_changed = Signal(object)  # Period picked by the user in this section

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store
        self.result: Any = None
        self._fingerprint: tuple[Any, ...] = ()
        self.settings: dict[str, Any] = {}

        self.period_selector = PeriodSelector(
            today, self, first_year=self.store.first_order_year())
        self.group_filter = QComboBox(self)
        self.count_label = QLabel(self)

        self.model = RankingTableModel(self)
        self.proxy = RankingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.totals_model = RankingTotalsModel(self.proxy, self)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_INDEX["rank"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.setItemDelegateForColumn(COLUMN_INDEX["group"], GroupBadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, index in COLUMN_INDEX.items():
            header.resizeSection(index, _COLUMN_WIDTHS.get(key, _MONEY_WIDTH))

        # Footer: the same columns, one row, widths and scrolling kept in step with the table.
        self.totals = QTableView(self)
        self.totals.setModel(self.totals_model)
        self.totals.horizontalHeader().hide()
        self.totals.verticalHeader().hide()
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.setFixedHeight(self.totals.verticalHeader().defaultSectionSize() + 4)
        self.totals.setStyleSheet("font-weight: bold;")
        # «Gesamt» spans the rank and number cells (the number cell of the totals is empty)
        self.totals.setSpan(0, COLUMN_INDEX["rank"], 1, 2)
        for index in range(self.model.columnCount()):
            self.totals.horizontalHeader().resizeSection(index, header.sectionSize(index))
        header.sectionResized.connect(
            lambda index, _old, new: self.totals.horizontalHeader().resizeSection(index, new))
        self.table.horizontalScrollBar().valueChanged.connect(
            self.totals.horizontalScrollBar().setValue)

        self.figure = Figure(figsize=(5.0, 4.0))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(320, 280)

        bar = QHBoxLayout()
        for caption, widget in ((self.tr("Period:"), self.period_selector),
                                (self.tr("Group:"), self.group_filter)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.canvas)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1060, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.period_selector.period_changed.connect(lambda _p: self.refresh())
        self.period_selector.period_changed.connect(self.period_changed)
        self.group_filter.currentIndexChanged.connect(self._group_changed)
        # Nothing is computed until the section is first shown (keeps the start fast).

    # ---- public API ------------------------------------------------------------------

    def show_result(self) -> None:
        labels = {g: group_label(self.settings, g) for g in GROUP_ORDER}
        self._fill_groups(labels)
        self.model.set_table(self.result.table, self._number_format(), labels)
        # set_table already orders by Kundenwert: only show the indicator, don't sort again
        header = self.table.horizontalHeader()
        was_blocked = header.blockSignals(True)
        header.setSortIndicator(COLUMN_INDEX["rank"], Qt.SortOrder.AscendingOrder)
        header.blockSignals(was_blocked)
        self._fit_columns()
        self._update_summary()

    def set_group(self, group: str | None) -> None:
        index = self.group_filter.findData(group)
        self.group_filter.setCurrentIndex(max(index, 0))

    # ---- internals -------------------------------------------------------------------

    def _number_format(self) -> str:
        return str(self.settings.get("number_format", "de-CH"))

    def _fit_columns(self) -> None:
        """Widen columns so every header (with its sort arrow), every amount and the bold
        total fit; never narrower than the user made them. The total is the widest amount."""
        header = self.table.horizontalHeader()
        plain = QFontMetrics(self.table.font())
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        number_format = self._number_format()
        for index, column in enumerate(COLUMNS):
            needed = header.sectionSizeFromContents(index).width()
            if column.kind == "money":
                values = self.model.column_values(column.key)
                amounts = [int(values.min()), int(values.max())] if len(values) else []
                total = int(values.sum()) if len(values) else 0
                needed = max([needed, bold.horizontalAdvance(format_money(total, number_format))
                              + _PADDING,
                              *(plain.horizontalAdvance(format_money(a, number_format)) + _PADDING
                                for a in amounts)])
            if header.sectionSize(index) < needed:
                header.resizeSection(index, needed)

    def _fill_groups(self, labels: dict[str, str]) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), None)
        for group in GROUP_ORDER:
            self.group_filter.addItem(labels[group], group)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        self.group_filter.blockSignals(False)
        self.proxy.set_group(self.group_filter.currentData())

    def _group_changed(self, _index: int) -> None:
        self.proxy.set_group(self.group_filter.currentData())
        self._update_summary()

    def _update_summary(self) -> None:
        number_format = self._number_format()
        mask = self.proxy.accepted_mask()
        shown, total = int(mask.sum()), self.model.rowCount()
        self.count_label.setText(self.tr("%1 of %2 customers")
                                 .replace("%1", format_number(shown, number_format))
                                 .replace("%2", format_number(total, number_format)))
        values = self.model.column_values("kdb4_cents")[mask]
        group = self.group_filter.currentData()
        title = "Pareto-Kurve des Kundenwerts"
        if group is not None:
            title += f" – {self.group_filter.currentText()}"
        draw_pareto(self.figure, values, number_format=number_format, title=title,
                    abc_limits=(float(self.settings.get("abc_threshold_a_percent", 80.0)),
                                float(self.settings.get("abc_threshold_b_percent", 95.0))))
        self.canvas.draw_idle()

    def _activated(self, index: QModelIndex) -> None:
        customer_id = index.data(CUSTOMER_ID_ROLE)
        if customer_id is not None:
            self.customer_activated.emit(int(customer_id))

    def export_model(self) -> RankingFilterProxy:
        """The list File > Export list… writes: the ranking with its group filter and order."""
        return self.proxy
