"""The participant list of one campaign, editable by hand (remove selected customers).

Adding goes through "Propose participants" (which respects consent); removing is always
allowed. Emits `changed(campaign_id)` after the list was saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.data.campaign_data import save_participants
from kundenportfolio.data.engagement import load_addresses
from kundenportfolio.ui.formatting import format_date
from kundenportfolio.ui.models.record_table import SORT_ROLE, RecordColumn, RecordTableModel


class ParticipantsPanel(QWidget):
    changed = Signal(int)

    def __init__(self, repository: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.campaign_id: int | None = None
        self.model = RecordTableModel([
            RecordColumn(self.tr("Number"), lambda r: r["number"]),
            RecordColumn(self.tr("Name"), lambda r: r["name"]),
            RecordColumn(self.tr("City"), lambda r: r["city"] or ""),
            RecordColumn(self.tr("Took part"), lambda r: format_date(r["participated_at"]),
                         lambda r: r["participated_at"].isoformat() if r["participated_at"]
                         else "", kind="date", raw=lambda r: r["participated_at"]),
        ], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.remove_button = QPushButton(self.tr("Remove from list"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        participants = [] if campaign_id is None else self.repository.list_participants(
            campaign_id)
        marked = {p.customer_id: p.participated_at for p in participants}
        records = [{"customer_id": a.customer_id, "number": a.number, "name": a.name,
                    "city": a.city, "participated_at": marked.get(a.customer_id)}
                   for a in load_addresses(self.repository, list(marked))]
        self.model.set_records(records)
        self.count_label.setText(self.tr("%1 participants").replace("%1", str(len(records))))
        self.remove_button.setEnabled(campaign_id is not None)

    def remove_selected(self) -> None:
        if self.campaign_id is None:
            return
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        if not rows:
            return
        gone = {self.model.record(r)["customer_id"] for r in rows}
        keep = [r["customer_id"] for r in self.model.records if r["customer_id"] not in gone]
        save_participants(self.repository, self.campaign_id, keep)
        self.set_campaign(self.campaign_id)
        self.changed.emit(self.campaign_id)
