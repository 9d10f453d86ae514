"""Why a customer is in its group: the criteria, points and weights of both axes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from kundenportfolio.ui.formatting import format_number
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel


class ScoreDialog(QDialog):
    def __init__(self, explanation: list[Any], summary: str, number_format: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Score explanation"))
        axis_names = {"attractiveness": self.tr("Customer attractiveness"),
                      "position": self.tr("Supplier position")}
        yes, no = self.tr("yes"), self.tr("no – no data")

        def num(value: Any, decimals: int = 1) -> str:
            return "" if value is None else format_number(value, number_format, decimals)

        self.model = RecordTableModel([
            RecordColumn(self.tr("Axis"), lambda s: axis_names.get(s.axis, s.axis)),
            RecordColumn(self.tr("Criterion"), lambda s: s.label),
            RecordColumn(self.tr("Points (0–10)"), lambda s: num(s.points), right=True),
            RecordColumn(self.tr("Weight %"), lambda s: num(s.weight_percent), right=True),
            RecordColumn(self.tr("Effective weight %"), lambda s: num(s.effective_weight_percent),
                         right=True),
            RecordColumn(self.tr("Used"), lambda s: yes if s.used else no),
        ], self)
        self.model.set_records(explanation)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        layout.addWidget(table)
        layout.addWidget(QLabel(self.tr("Criteria without data are left out; the remaining "
                                        "weights are scaled up to 100 %.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 460)
