"""Group movements between two periods (issue 3 and 4, METHOD §3).

By default the panel compares the period shown with the period before it — "moved group since
the last period" — and the user may pick any other pair: the periods whose groups were saved
to the group history (a closed calendar year at program start, any period with «Gruppen …
speichern») and these two. A saved period's groups come from the history; the others are
computed now (`PortfolioStore.groups`).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.periods import Period
from kundenportfolio.ui.models.movements_table import CUSTOMER_ID_ROLE, MovementsTableModel

log = logging.getLogger(__name__)


def period_label(key: str) -> str:
    try:
        return Period.from_key(key).label
    except ValueError:  # a key written by a later version: show it as it is
        return key


def _end(key: str) -> dt.date:
    try:
        return Period.from_key(key).end
    except ValueError:
        return dt.date.max


class MovementsPanel(QWidget):
    """`show_for(period, group_labels)`; emits `customer_activated(id)` on a moved customer."""

    customer_activated = Signal(int)

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store  # PortfolioStore: history_periods(), movements(from, to)
        self.group_labels: dict[str, str] = {}
        self._job: Any = None  # startup.Background computing a period's groups
        self.title = QLabel(self.tr("<b>Group moves</b>"), self)
        self.from_combo = QComboBox(self)
        self.to_combo = QComboBox(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model = MovementsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)  # one line per customer; the full name is the tooltip
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)

        choice = QFormLayout()  # one row each: the period labels are long
        for caption, combo in ((self.tr("From:"), self.from_combo), (self.tr("to:"), self.to_combo)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choice.addRow(caption, combo)
            combo.currentIndexChanged.connect(lambda _i: self._show())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(choice)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

    def show_for(self, period: Period, group_labels: dict[str, str]) -> None:
        """Offer the saved periods and `period` with the one before it; compare those two."""
        self.group_labels = group_labels
        previous = period.previous()
        keys = sorted({*self.store.history_periods(), period.key, previous.key},
                      key=lambda k: (_end(k), k))
        for combo, selected in ((self.from_combo, previous.key), (self.to_combo, period.key)):
            combo.blockSignals(True)
            combo.clear()
            for key in keys:
                combo.addItem(period_label(key), key)
            combo.setCurrentIndex(combo.findData(selected))
            combo.blockSignals(False)
        self._show()

    def selected_pair(self) -> tuple[str | None, str | None]:
        return self.from_combo.currentData(), self.to_combo.currentData()

    def _show(self) -> None:
        from_key, to_key = self.selected_pair()
        if not from_key or not to_key or from_key == to_key:
            self.model.clear()
            self.hint.setText(self.tr("Choose two different periods."))
            self.hint.show()
            return
        missing = [key for key in (from_key, to_key) if not self.store.has_groups(key)]
        if missing:  # computed in the background: seconds with 100,000 customers
            self._compute(missing)
            return
        movements = self.store.movements(from_key, to_key)
        self.model.set_movements(movements, self.group_labels)
        self.hint.setText(self.tr("No customer changed group."))
        self.hint.setVisible(not len(movements))

    def _compute(self, keys: list[str]) -> None:
        from kundenportfolio.ui.startup import Background

        self.model.clear()
        self.hint.setText(self.tr("The groups of %1 are being computed…")
                          .replace("%1", period_label(keys[0])))
        self.hint.show()
        jobs = [self.store.result_job(Period.from_key(key)) for key in keys]
        job = Background(lambda: [run() for run in jobs], self)
        job.done.connect(lambda results, error: self._computed(job, results, error))
        self._job = job
        job.start()

    def _computed(self, job: Any, results: Any, error: BaseException | None) -> None:
        if job is not self._job:  # another pair was chosen meanwhile
            return
        self._job = None
        if error is not None:
            log.error("Gruppen nicht berechnet", exc_info=error)
            self.hint.setText(self.tr("The groups could not be computed: %1")
                              .replace("%1", str(error)))
            return
        for result in results:
            self.store.adopt(result)
        self._show()

    def is_busy(self) -> bool:
        """True while the groups of a period are computed (smoke test, tests)."""
        return self._job is not None

    def _activated(self, index: QModelIndex) -> None:
        customer_id = index.data(CUSTOMER_ID_ROLE)
        if customer_id is not None:
            self.customer_activated.emit(int(customer_id))
