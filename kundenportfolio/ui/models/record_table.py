"""A small read-only table model over a list of records (contacts, orders, costs, history).

Columns are declared as data: a translated title, a function that gets the display text from
a record, and an optional sort value. Lists per customer are short, so plain Python is fine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kundenportfolio.ui.models.roles import COLUMN_KIND_ROLE, EXPORT_ROLE

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RecordColumn:
    title: str  # already translated by the view
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    right: bool = False  # numbers and money right-aligned
    kind: str = "text"  # for export (roles.py): money = cents, date, integer, number
    raw: Callable[[Any], Any] | None = None  # exported value of a non-text column (else sort)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RecordColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.column_specs = list(columns)
        self.records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.records[row]

    def export_values(self, column: int) -> list[Any]:
        """A whole column for export (ui/export_view.py): raw values, or the text if "text"."""
        spec = self.column_specs[column]
        getter = spec.text if spec.kind == "text" else (spec.raw or spec.sort or spec.text)
        return [getter(record) for record in self.records]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_specs)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.column_specs):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_specs[section].title
        if role == COLUMN_KIND_ROLE:
            return self.column_specs[section].kind
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        spec = self.column_specs[index.column()]
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(record)
        if role == SORT_ROLE:
            return spec.sort(record) if spec.sort else spec.text(record)
        if role == RECORD_ROLE:
            return index.row()
        if role == EXPORT_ROLE:
            getter = spec.raw or spec.sort or spec.text
            return getter(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
