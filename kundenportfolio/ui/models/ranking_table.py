"""The ranking (Rangliste) as a table model over ``PortfolioResult.table``.

Columns are declared as data (`COLUMNS`). Values are kept as numpy arrays, not per-row
objects, so 100,000 customers load in milliseconds. Sorting happens in the source model
(numpy argsort) because a Python ``lessThan`` over 100k rows would take seconds; the proxy
only filters by group. A one-row `RankingTotalsModel` shows the sums of the rows the proxy
lets through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
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
from PySide6.QtGui import QBrush, QColor

from kundenportfolio.core.money import format_money
from kundenportfolio.reports.charts import DEFAULT_GROUP_LABELS, GROUP_COLOURS
from kundenportfolio.ui.models.roles import (
    COLUMN_KIND_ROLE,
    CUSTOMER_ID_ROLE,
    EXPORT_ROLE,
    GROUP_CODE_ROLE,
    SORT_ROLE,
)

# Translation context "RankingTableModel" is written out at each call: lupdate cannot resolve variables.
_NEGATIVE = QBrush(QColor("#B00020"))
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # column of PortfolioResult.table
    title: str  # English source text, translated in headerData
    kind: str  # "int" | "text" | "money" | "group"


# The Kundenwert (KDB IV), by which the list is ordered, comes right after the customer so it
# is on screen in a narrow window; revenue and KDB I–III follow as its breakdown.
COLUMNS: tuple[Column, ...] = (
    Column("rank", str(QT_TRANSLATE_NOOP("RankingTableModel", "Rank")), "int"),
    Column("number", str(QT_TRANSLATE_NOOP("RankingTableModel", "No.")), "text"),
    Column("name", str(QT_TRANSLATE_NOOP("RankingTableModel", "Customer")), "text"),
    Column("abc", str(QT_TRANSLATE_NOOP("RankingTableModel", "ABC")), "text"),
    Column("group", str(QT_TRANSLATE_NOOP("RankingTableModel", "Group")), "group"),
    Column("kdb4_cents", str(QT_TRANSLATE_NOOP("RankingTableModel", "CM IV (customer value)")), "money"),
    Column("revenue_cents", str(QT_TRANSLATE_NOOP("RankingTableModel", "Revenue")), "money"),
    Column("kdb1_cents", str(QT_TRANSLATE_NOOP("RankingTableModel", "CM I")), "money"),
    Column("kdb2_cents", str(QT_TRANSLATE_NOOP("RankingTableModel", "CM II")), "money"),
    Column("kdb3_cents", str(QT_TRANSLATE_NOOP("RankingTableModel", "CM III")), "money"),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_EXPORT_KINDS = {"money": "money", "int": "integer"}  # group and text: exported as shown


def table_fingerprint(table: pd.DataFrame) -> tuple[Any, ...]:
    """Cheap summary of a PortfolioResult table that changes whenever a row's value, scores or
    group change. The store updates results in place (customer_changed), so identity of the
    result object is not enough to know whether a view is stale. ~ms for 100k rows."""
    if not len(table):
        return (0,)
    groups = table["group"].to_numpy(dtype=object)
    return (len(table), int(table["kundenwert_cents"].sum()), int(table["revenue_cents"].sum()),
            float(np.nansum(table["position"].to_numpy(dtype=float))),
            float(np.nansum(table["attractiveness"].to_numpy(dtype=float))),
            int(table["overridden"].sum()), int(table.index.to_numpy().sum()),
            *(int((groups == g).sum()) for g in ("star", "ertrag", "fragezeichen")))


def _header(section: int, orientation: Qt.Orientation, role: int) -> Any:
    if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RankingTableModel", COLUMNS[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].kind in ("money", "int"):
            return _RIGHT
        if role == COLUMN_KIND_ROLE:
            return _EXPORT_KINDS.get(COLUMNS[section].kind, "text")
    return None


class RankingTableModel(QAbstractTableModel):
    """Customers ordered by Kundenwert (best first), one row per customer."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.number_format = "de-CH"
        self.group_labels: dict[str, str] = dict(DEFAULT_GROUP_LABELS)
        self._ids = np.zeros(0, dtype=np.int64)
        self._values: dict[str, np.ndarray] = {c.key: np.zeros(0) for c in COLUMNS}

    # ---- loading ---------------------------------------------------------------------

    def set_table(self, table: pd.DataFrame, number_format: str = "de-CH",
                  group_labels: Mapping[str, str] | None = None) -> None:
        """Show `table` (PortfolioResult.table layout), sorted by Kundenwert, best first."""
        self.beginResetModel()
        self.number_format = number_format
        self.group_labels = {**DEFAULT_GROUP_LABELS, **(group_labels or {})}
        # numpy stable sort: pandas sort_values with a string tie-breaker takes ~0.7 s on 100k rows
        values = table["kundenwert_cents"].to_numpy(dtype=np.int64) if len(table) else np.zeros(0)
        ordered = table.iloc[np.argsort(-values, kind="stable")]
        self._ids = ordered.index.to_numpy(dtype=np.int64)
        self._values = {}
        for column in COLUMNS:
            series = ordered[column.key] if column.key in ordered else pd.Series([None] * len(ordered))
            if column.kind in ("money", "int"):
                self._values[column.key] = series.to_numpy(dtype=np.int64, na_value=0)
            else:
                self._values[column.key] = series.astype(object).where(series.notna(), "").to_numpy()
        self.endResetModel()

    def column_values(self, key: str) -> np.ndarray:
        return self._values[key]

    def export_values(self, column: int) -> list[Any]:
        """A whole column for export (ui/export_view.py): cents and ranks as ints, else text."""
        spec = COLUMNS[column]
        values = self._values[spec.key]
        if spec.kind in ("money", "int"):
            return values.tolist()
        if spec.kind == "group":
            return [self.group_labels.get(str(v), str(v)) for v in values.tolist()]
        return [str(v) for v in values.tolist()]

    def customer_ids(self) -> np.ndarray:
        return self._ids

    def row_of(self, customer_id: int) -> int:
        hits = np.flatnonzero(self._ids == customer_id)
        return int(hits[0]) if len(hits) else -1

    # ---- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), COLUMNS[index.column()]
        value = self._values[column.key][row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "money":
                return format_money(int(value), self.number_format)
            if column.kind == "int":
                return str(int(value))
            if column.kind == "group":
                return self.group_labels.get(str(value), str(value))
            return str(value)
        if role in (SORT_ROLE, EXPORT_ROLE):
            return int(value) if column.kind in ("money", "int") else str(value)
        if role == CUSTOMER_ID_ROLE:
            return int(self._ids[row])
        if role == GROUP_CODE_ROLE:
            return str(self._values["group"][row])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "int"):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.kind == "money" and value < 0:
                return _NEGATIVE
            if column.kind == "group":
                return QBrush(QColor(GROUP_COLOURS.get(str(value), "#444444")))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Stable numpy sort of all arrays; ties keep the Kundenwert order."""
        if not 0 <= column < len(COLUMNS) or not len(self._ids):
            return
        key = self._values[COLUMNS[column].key]
        if COLUMNS[column].kind in ("money", "int"):
            perm = np.argsort(-key if order == Qt.SortOrder.DescendingOrder else key, kind="stable")
        else:
            folded = [str(v).casefold() for v in key]  # np.char is ~10x slower on 100k rows
            perm = np.array(sorted(range(len(folded)), key=folded.__getitem__,
                                   reverse=order == Qt.SortOrder.DescendingOrder), dtype=np.int64)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        inverse = np.empty_like(perm)
        inverse[perm] = np.arange(len(perm))
        self._ids = self._ids[perm]
        self._values = {k: v[perm] for k, v in self._values.items()}
        self.changePersistentIndexList(
            old_persistent, [self.index(int(inverse[i.row()]), i.column()) for i in old_persistent])
        self.layoutChanged.emit()


class RankingFilterProxy(QSortFilterProxyModel):
    """Filters by group code; sorting is delegated to the source model (see module doc)."""

    filter_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._group: str | None = None
        self._accept: list[bool] | None = None
        # The cached mask is per source data; sorting the source reorders it.
        self.sourceModelChanged.connect(self._forget_mask)

    def _forget_mask(self) -> None:
        self._accept = None
        source = self.sourceModel()
        if source is not None:
            source.modelAboutToBeReset.connect(self._forget_mask_)
            source.layoutAboutToBeChanged.connect(self._forget_mask_)

    def _forget_mask_(self, *_args: Any) -> None:
        self._accept = None

    @property
    def group(self) -> str | None:
        return self._group

    def set_group(self, group: str | None) -> None:
        # invalidate() rebuilds the mapping with one layoutChanged; a row filter change would
        # emit one rowsRemoved per run of rows, tens of thousands with interleaved groups.
        self._group = group or None
        self._accept = None
        self.invalidate()
        self.filter_changed.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Qt calls this once per row (100k): one numpy comparison, then a plain list lookup.
        if self._group is None:
            return True
        if self._accept is None:
            self._accept = self.accepted_mask().tolist()
        return self._accept[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RankingTableModel):
            source.sort(column, order)

    def accepted_mask(self) -> np.ndarray:
        """Boolean mask over source rows that pass the filter (for totals)."""
        source = self.sourceModel()
        assert isinstance(source, RankingTableModel)
        groups = source.column_values("group")
        return np.ones(len(groups), dtype=bool) if self._group is None else groups == self._group


class RankingTotalsModel(QAbstractTableModel):
    """One footer row: the count of customers shown and the sums of the money columns."""

    def __init__(self, proxy: RankingFilterProxy, parent: Any = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self._sums: dict[str, int] = {}
        self._count = 0
        proxy.filter_changed.connect(self.recompute)
        proxy.modelReset.connect(self.recompute)
        self.recompute()

    def recompute(self, *_args: Any) -> None:
        source = self.proxy.sourceModel()
        if not isinstance(source, RankingTableModel):
            return
        mask = self.proxy.accepted_mask()
        self._count = int(mask.sum())
        self._sums = {c.key: int(source.column_values(c.key)[mask].sum())
                      for c in COLUMNS if c.kind == "money"}
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(COLUMNS) - 1))

    def totals(self) -> dict[str, int]:
        return {"count": self._count, **self._sums}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        source = self.proxy.sourceModel()
        number_format = source.number_format if isinstance(source, RankingTableModel) else "de-CH"
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == "rank":
                return QCoreApplication.translate("RankingTableModel", "Total")
            if column.key == "name":
                # self.tr: lupdate marks it as plural only in this form (context RankingTotalsModel)
                return self.tr("%n customer(s)", "", self._count)
            if column.kind == "money":
                return format_money(self._sums.get(column.key, 0), number_format)
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "rank":
            return _LEFT  # «Gesamt» spans the rank and number cells (RankingView)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "int"):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == "money" \
                and self._sums.get(column.key, 0) < 0:
            return _NEGATIVE
        return None
