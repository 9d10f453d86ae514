"""Export any list of the window to CSV (German Excel) or XLSX, as the user sees it.

`export_model(model, path)` walks the rows of a (filtered, sorted) model in view order and
writes them with `kundenportfolio.reports.export.write_table`. What a column holds is declared
by the model itself through the shared roles of `ui/models/roles.py` (COLUMN_KIND_ROLE in
headerData, EXPORT_ROLE in data); columns without a kind are written as shown.

`KindsProxy` gives those roles to a model that does not declare them yet (the customer list).

Speed: one ``data()`` call costs 10–25 µs in PySide, so 100,000 customers × 10 columns would
take half a minute. A source model may therefore also offer ``export_values(column)``: the
whole column in source row order (raw values for non-text kinds, shown text otherwise); the
proxies' row order is mapped once and the cells are read from those lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QTableView

from kundenportfolio.reports.export import Column, write_table
from kundenportfolio.ui.models.roles import COLUMN_KIND_ROLE, EXPORT_ROLE

Index = QModelIndex | QPersistentModelIndex
KINDS = ("text", "money", "number", "integer", "date", "datetime")


def visible_columns(view: QTableView) -> list[int]:
    """The model columns a table shows, in the order the user arranged them."""
    header = view.horizontalHeader()
    count = view.model().columnCount() if view.model() is not None else 0
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    return [c for c in columns if 0 <= c < count and not header.isSectionHidden(c)]


def column_kind(model: QAbstractItemModel, column: int) -> str:
    kind = model.headerData(column, Qt.Orientation.Horizontal, COLUMN_KIND_ROLE)
    return str(kind) if kind in KINDS else "text"


def _bulk_source(model: QAbstractItemModel) -> tuple[Any, list[int]] | None:
    """The model (or a source behind its proxies) offering export_values, and the model's
    rows as that source's row numbers. Proxies here never reorder columns."""
    rows = list(range(model.rowCount()))
    target: Any = model
    while not callable(getattr(target, "export_values", None)):
        if not isinstance(target, QAbstractProxyModel) or target.sourceModel() is None:
            return None
        rows = [target.mapToSource(target.index(row, 0)).row() for row in rows]
        target = target.sourceModel()
    return target, rows


def export_columns(model: QAbstractItemModel, columns: Sequence[int] | None = None
                   ) -> tuple[list[Column], Sequence[int]]:
    """One export Column per model column, and the row keys to pass them."""
    chosen = list(range(model.columnCount())) if columns is None else list(columns)
    bulk = _bulk_source(model)
    result = []
    for column in chosen:
        header = model.headerData(column, Qt.Orientation.Horizontal,
                                  Qt.ItemDataRole.DisplayRole)
        kind = column_kind(model, column)
        if bulk is not None:
            getter: Callable[[int], Any] = list(bulk[0].export_values(column)).__getitem__
        else:
            role = Qt.ItemDataRole.DisplayRole if kind == "text" else EXPORT_ROLE
            getter = _getter(model, column, role)
        result.append(Column(str(header or ""), getter, kind))  # type: ignore[arg-type]
    return result, (bulk[1] if bulk is not None else range(model.rowCount()))


def _getter(model: QAbstractItemModel, column: int, role: int) -> Callable[[int], Any]:
    def get(row: int) -> Any:
        return model.data(model.index(row, column), role)
    return get


def export_model(model: QAbstractItemModel, path: Path | str, *,
                 columns: Sequence[int] | None = None, sheet_title: str = "Daten") -> int:
    """Write every row of `model` (its current filter and order) to .csv or .xlsx.

    columns: the model columns to write, in that order (default: all); see visible_columns.
    Returns the number of rows written.
    """
    written, rows = export_columns(model, columns)
    return write_table(path, written, rows, sheet_title=sheet_title)


class KindsProxy(QIdentityProxyModel):
    """Adds COLUMN_KIND_ROLE and EXPORT_ROLE to a model that lacks them.

    kinds: the export kind of each column; raw(source_index) returns a cell's raw value;
    values(column), if given, the whole column in this model's row order (export_values).
    """

    def __init__(self, source: QAbstractItemModel, kinds: Sequence[str],
                 raw: Callable[[QModelIndex], Any], parent: Any = None, *,
                 values: Callable[[int], Sequence[Any]] | None = None) -> None:
        super().__init__(parent)
        self.kinds = list(kinds)
        self.raw = raw
        self._values = values
        if values is not None:
            self.export_values = values  # the bulk protocol, only when the source allows it
        self.setSourceModel(source)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == COLUMN_KIND_ROLE and orientation == Qt.Orientation.Horizontal:
            return self.kinds[section] if 0 <= section < len(self.kinds) else "text"
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == EXPORT_ROLE and index.isValid():
            return self.raw(self.mapToSource(index))
        return super().data(index, role)


def customer_list_model(proxy: QAbstractItemModel) -> KindsProxy:
    """The customer list (CustomerFilterProxy over CustomerTableModel) with export roles.

    The list model does not declare the roles itself yet (its file is being optimised by
    someone else); its COLUMNS already say what each column holds.
    """
    from kundenportfolio.ui.models.customer_table import COLUMNS, CustomerTableModel

    kinds = {"money": "money", "int": "integer", "date": "date"}
    source = proxy.sourceModel()  # type: ignore[attr-defined]
    assert isinstance(source, CustomerTableModel)

    def raw(index: QModelIndex) -> Any:
        # the filter proxy passes rows through unchanged (it reorders the source itself)
        row = proxy.mapToSource(index).row()  # type: ignore[attr-defined]
        value = source.value(source.customer_id(row), COLUMNS[index.column()].key)
        return None if value is None or (isinstance(value, float) and value != value) else value

    def values(column: int) -> list[Any]:
        spec = COLUMNS[column]
        shown = source.columns[spec.key][source.visible]  # visible = the proxy's row order
        if spec.kind in kinds:
            return [None if v is None or (isinstance(v, float) and v != v) else v
                    for v in shown.tolist()]
        return [source._display(spec, v) for v in shown.tolist()]  # group names, status words

    return KindsProxy(proxy, [kinds.get(c.kind, "text") for c in COLUMNS], raw, proxy,
                      values=values)
