"""Customers that moved group between two periods (from ``PortfolioStore.movements``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kundenportfolio.reports.charts import DEFAULT_GROUP_LABELS, GROUP_COLOURS
from kundenportfolio.ui.models.roles import CUSTOMER_ID_ROLE

# Translation context (literal at each call: lupdate cannot resolve variables).
Index = QModelIndex | QPersistentModelIndex

# (column of the movements frame, English header source text)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", str(QT_TRANSLATE_NOOP("MovementsTableModel", "No."))),
    ("name", str(QT_TRANSLATE_NOOP("MovementsTableModel", "Customer"))),
    ("from_group", str(QT_TRANSLATE_NOOP("MovementsTableModel", "From"))),
    ("to_group", str(QT_TRANSLATE_NOOP("MovementsTableModel", "To"))),
)


class MovementsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str, str, str]] = []
        self.group_labels: dict[str, str] = dict(DEFAULT_GROUP_LABELS)

    def set_movements(self, movements: pd.DataFrame, group_labels: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        self.group_labels = {**DEFAULT_GROUP_LABELS, **(group_labels or {})}
        self._rows = [
            (int(r.customer_id), str(r.number), str(r.name), str(r.from_group), str(r.to_group))
            for r in movements.itertuples(index=False)
        ]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("MovementsTableModel", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        value = str(row[index.column() + 1])
        is_group = index.column() >= 2
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.group_labels.get(value, value) if is_group else value
        if role == Qt.ItemDataRole.ForegroundRole and is_group:
            return QBrush(QColor(GROUP_COLOURS.get(value, "#444444")))
        if role == CUSTOMER_ID_ROLE:
            return row[0]
        return None
