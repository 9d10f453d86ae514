"""The customer list: a table model with columns declared as data, and its filter proxy.

The source rows come from ``PortfolioResult.table`` (one row per customer, contract in
PORTFOLIO_API) so group, rank, Kundenwert and ABC show in the list (METHOD §6).

Speed with 100,000 customers: a Python ``filterAcceptsRow``/``lessThan`` costs 0.15–1.3 s per
keystroke, so `CustomerFilterProxy` computes the filter (substring search on precomputed
lowercase texts, refined incrementally while typing) and the sort (cached numpy permutations)
itself and hands the resulting row order to the source model, which then shows exactly those
rows. The proxy stays a plain pass-through for Qt.
"""

from __future__ import annotations

import datetime as dt
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
)
from PySide6.QtGui import QBrush, QColor

from kundenportfolio.reports.colours import GROUP_ORDER
from kundenportfolio.ui.formatting import format_date, format_money
from kundenportfolio.ui.models.roles import CUSTOMER_ID_ROLE, GROUP_CODE_ROLE, SORT_ROLE

_NEGATIVE = QBrush(QColor("#B00020"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, CUSTOMER_ID_ROLE, GROUP_CODE_ROLE,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole})


@dataclass(frozen=True)
class Column:
    key: str  # column of PortfolioResult.table
    title: str  # English source text, translated in headerData
    kind: str  # text | money | int | date | group | status


COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("CustomerTableModel", "No."), "text"),
    Column("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), "text"),
    Column("city", QT_TRANSLATE_NOOP("CustomerTableModel", "Place"), "text"),
    Column("staff_name", QT_TRANSLATE_NOOP("CustomerTableModel", "Account manager"), "text"),
    Column("group", QT_TRANSLATE_NOOP("CustomerTableModel", "Group"), "group"),
    Column("rank", QT_TRANSLATE_NOOP("CustomerTableModel", "Rank"), "int"),
    Column("kundenwert_cents", QT_TRANSLATE_NOOP("CustomerTableModel", "Customer value"), "money"),
    Column("abc", QT_TRANSLATE_NOOP("CustomerTableModel", "ABC"), "text"),
    Column("last_contact_date", QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"), "date"),
    Column("status", QT_TRANSLATE_NOOP("CustomerTableModel", "Status"), "status"),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
# computed by the PortfolioStore; at start they show PENDING until the background result arrives
VALUE_KEYS = frozenset({"group", "rank", "kundenwert_cents", "abc"})
PENDING = "…"
STATUS_TEXT = {"active": QT_TRANSLATE_NOOP("CustomerTableModel", "active"),
               "inactive": QT_TRANSLATE_NOOP("CustomerTableModel", "inactive")}


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


class SearchIndex:
    """All search texts in one string, so a rare word is found at C speed with str.find.

    A common word (more than `MAX_HITS` occurrences) is left to the caller's Python scan,
    which is then faster than mapping that many offsets back to rows. Whether a word is
    common is first estimated on a sample (a 16th of the text, ~1 ms), so a common word
    costs no pass over the whole text.
    """

    MAX_HITS = 20_000
    SAMPLE_PART = 16  # the sample is the first 1/SAMPLE_PART of the text
    SAMPLE_MIN = 500_000  # characters; a shorter text is searched whole

    def __init__(self, haystacks: list[str]) -> None:
        self.text = "\n".join(h.replace("\n", " ") for h in haystacks)
        lengths = np.fromiter((len(h) + 1 for h in haystacks), np.int64, len(haystacks))
        self.starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        self._sample = self.text[: len(self.text) // self.SAMPLE_PART] \
            if len(self.text) > self.SAMPLE_MIN else ""
        self._common: dict[str, bool] = {}

    def likely_common(self, word: str) -> bool:
        """True if `word` probably occurs more than MAX_HITS times (estimated on the sample)."""
        if not self._sample:
            return False
        common = self._common.get(word)
        if common is None:
            common = self._common[word] = \
                self._sample.count(word) * self.SAMPLE_PART > self.MAX_HITS
        return common

    def find(self, word: str) -> np.ndarray | None:
        """Sorted unique row positions containing `word`, or None if it is too common."""
        if "\n" in word:  # the row separator: such a word would match across two customers
            return np.zeros(0, dtype=np.int64)
        if not word or self.likely_common(word):
            return None
        offsets: list[int] = []
        text, limit, at = self.text, self.MAX_HITS, self.text.find(word)
        while at >= 0:
            offsets.append(at)
            if len(offsets) > limit:
                self._common[word] = True
                return None  # commoner than the sample said: give up early
            at = text.find(word, at + 1)
        rows = np.searchsorted(self.starts, np.asarray(offsets, dtype=np.int64), side="right") - 1
        return np.unique(rows)


class CustomerTableModel(QAbstractTableModel):
    """All customers of one PortfolioResult; shows the rows `show_rows` selected, in that order."""

    def __init__(self, number_format: str = "de-CH", group_labels: dict[str, str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.number_format = number_format
        self.group_labels = group_labels or {}
        self.ids = np.zeros(0, dtype=np.int64)
        self.columns: dict[str, np.ndarray] = {c.key: np.zeros(0, dtype=object) for c in COLUMNS}
        self.staff_ids = np.zeros(0)  # float: NaN where no Betreuer is set
        self.haystacks: list[str] = []
        self.search_index: SearchIndex | None = None
        self.visible = np.zeros(0, dtype=np.int64)  # positions into the arrays above
        self.pending: frozenset[str] = frozenset()  # columns whose values are still computed
        self._position: dict[int, int] = {}
        self._status_text = {k: QCoreApplication.translate("CustomerTableModel", v)
                             for k, v in STATUS_TEXT.items()}

    # ---- loading ---------------------------------------------------------------------

    def set_table(self, table: pd.DataFrame, search_texts: dict[int, str]) -> None:
        """Load every customer of `table`; all rows visible until the proxy filters."""
        self.beginResetModel()
        self.ids = table.index.to_numpy(dtype=np.int64)
        n = len(self.ids)
        for column in COLUMNS:
            if column.key not in table.columns:
                self.columns[column.key] = np.full(n, None, dtype=object)
            elif column.kind in ("money", "int") and pd.api.types.is_integer_dtype(table[column.key]):
                self.columns[column.key] = table[column.key].to_numpy(dtype=np.int64)
            else:
                self.columns[column.key] = table[column.key].to_numpy(dtype=object)
        if "staff_id" in table.columns:
            self.staff_ids = table["staff_id"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        else:
            self.staff_ids = np.full(n, np.nan)
        self._finish_load(search_texts, frozenset())

    def set_list(self, rows: Any, search_texts: dict[int, str]) -> None:
        """Load the light list (data.customer_list.CustomerList): master data and last contact;
        group, rank, Kundenwert and ABC show PENDING until `set_table` brings them."""
        self.beginResetModel()
        self.ids = np.asarray(rows.ids, dtype=np.int64)
        n = len(self.ids)
        for column in COLUMNS:
            values = np.empty(n, dtype=object)  # None where the list has no such column
            if column.key in rows.columns:
                values[:] = rows.columns[column.key]
            self.columns[column.key] = values
        self.staff_ids = np.asarray(rows.staff_ids, dtype=float)  # None becomes NaN
        self._finish_load(search_texts, VALUE_KEYS)

    def _finish_load(self, search_texts: dict[int, str], pending: frozenset[str]) -> None:
        ids = self.ids.tolist()
        self.haystacks = [search_texts.get(cid, "") for cid in ids] if search_texts \
            else [""] * len(ids)
        self.search_index = None
        self.pending = pending
        self._position = dict(zip(ids, range(len(ids)), strict=True))
        self.visible = np.arange(len(self.ids), dtype=np.int64)
        self.endResetModel()

    def set_search_texts(self, search_texts: dict[int, str]) -> None:
        """Replace every search text (rows and values stay as they are)."""
        self.haystacks = [search_texts.get(cid, "") for cid in self.ids.tolist()]
        self.search_index = None

    def set_search_text(self, customer_id: int, text: str) -> None:
        pos = self._position.get(customer_id)
        if pos is not None:
            self.haystacks[pos] = text
            self.search_index = None

    def index_for_search(self) -> SearchIndex:
        if self.search_index is None:
            self.search_index = SearchIndex(self.haystacks)
        return self.search_index

    def show_rows(self, positions: np.ndarray) -> None:
        self.beginResetModel()
        self.visible = positions
        self.endResetModel()

    # ---- lookups ---------------------------------------------------------------------

    def customer_id(self, row: int) -> int:
        return int(self.ids[self.visible[row]])

    def row_of(self, customer_id: int) -> int | None:
        pos = self._position.get(customer_id)
        if pos is None:
            return None
        hits = np.flatnonzero(self.visible == pos)
        return int(hits[0]) if len(hits) else None

    def value(self, customer_id: int, key: str) -> Any:
        pos = self._position.get(customer_id)
        return None if pos is None else self.columns[key][pos]

    # ---- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CustomerTableModel", COLUMNS[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].kind in ("money", "int"):
            return int(_RIGHT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self.visible):
            return None  # the view asks ~8 roles per cell; most are answered here at once
        column = COLUMNS[index.column()]
        pos = int(self.visible[index.row()])
        value = self.columns[column.key][pos]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, value)
        if role == SORT_ROLE:
            return _sort_value(column, value)
        if role == CUSTOMER_ID_ROLE:
            return int(self.ids[pos])
        if role == GROUP_CODE_ROLE and column.kind == "group":
            return _text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("money", "int"):
                return int(_RIGHT)
            if column.key == "abc":
                return int(_CENTER)
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == "money" and value is not None \
                and int(value) < 0:
            return _NEGATIVE  # unprofitable: KDB IV below zero (METHOD §2)
        return None

    def _display(self, column: Column, value: Any) -> str:
        if column.key in self.pending:
            return PENDING
        if value is None or (isinstance(value, float) and value != value):
            return ""
        if column.kind == "money":
            return format_money(int(value), self.number_format)
        if column.kind == "date":
            return format_date(value) if isinstance(value, dt.date) else _text(value)
        if column.kind == "group":
            return self.group_labels.get(str(value), str(value))
        if column.kind == "status":
            return self._status_text.get(str(value), str(value))
        return _text(value)


def _sort_value(column: Column, value: Any) -> Any:
    """Money and ranks as numbers, dates as ordinals, groups in matrix order."""
    if value is None or (isinstance(value, float) and value != value):
        return -(2**62) if column.kind in ("money", "int", "date") else ""
    if column.kind in ("money", "int"):
        return int(value)
    if column.kind == "date":
        return value.toordinal() if isinstance(value, dt.date) else -(2**62)
    if column.kind == "group":
        return GROUP_ORDER.index(value) if value in GROUP_ORDER else len(GROUP_ORDER)
    return str(value).casefold()


class CustomerFilterProxy(QSortFilterProxyModel):
    """Search-as-you-type and filters (group, Betreuer, status), sorting on every column."""

    # rows to refine above which the index's one pass over all texts beats a Python scan
    INDEX_POOL = 40_000

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.group: str | None = None
        self.staff_id: int | None = None
        self.status: str | None = None
        self.sort_key = (COLUMN_INDEX["rank"], Qt.SortOrder.AscendingOrder)
        self._permutations: dict[int, np.ndarray] = {}
        self._searches: dict[str, np.ndarray] = {}  # recent searches: backspace is free

    def source(self) -> CustomerTableModel:
        model = self.sourceModel()
        assert isinstance(model, CustomerTableModel)
        return model

    def data_reloaded(self) -> None:
        """The source got new values (after a write): forget caches and apply again."""
        self._permutations.clear()
        self._searches.clear()
        self.apply()

    def set_search(self, text: str) -> None:
        self.search = text.strip().lower()
        self.apply()

    def set_filters(self, *, group: str | None = None, staff_id: int | None = None,
                    status: str | None = None) -> None:
        self.group, self.staff_id, self.status = group, staff_id, status
        self.apply()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_key = (column, order)
        self.apply()

    def sortColumn(self) -> int:
        return self.sort_key[0]

    def sortOrder(self) -> Qt.SortOrder:
        return self.sort_key[1]

    # ---- the work --------------------------------------------------------------------

    def _search_hits(self, needle: str) -> np.ndarray:
        """Positions of the customers whose text contains every word of `needle`.

        Typing on refines the rows of an earlier search (the cached one with the fewest rows
        whose words all lie inside words of `needle`), and only the words it does not already
        guarantee are looked for: «+49 40» after «+49 4» checks «40» on the rows of «+49 4».
        Each word is then looked up once, the longest (usually the rarest) first, on the rows
        left by the words before it.
        """
        cached = self._searches.get(needle)
        if cached is not None:
            return cached
        words = sorted(set(needle.split()), key=len, reverse=True)
        hits, words = self._narrowest_base(words)
        for word in words:
            hits = self._rows_containing(word, hits)
            if not len(hits):
                break
        if hits is None:  # only whitespace: cannot happen, set_search strips it
            hits = np.arange(len(self.source().haystacks), dtype=np.int64)
        if len(self._searches) >= 32:
            self._searches.pop(next(iter(self._searches)))
        self._searches[needle] = hits
        return hits

    def _narrowest_base(self, words: list[str]) -> tuple[np.ndarray | None, list[str]]:
        """The smallest cached result that contains every answer for `words`, and the words
        still to check on it (those not inside a word of that earlier search); of equally
        small results the one leaving the fewest words."""
        best: tuple[np.ndarray | None, list[str]] = (None, words)
        best_key = (float("inf"), len(words))
        for key, hits in self._searches.items():
            done = key.split()
            if len(hits) > best_key[0] or not all(any(d in w for w in words) for d in done):
                continue
            todo = [w for w in words if not any(w in d for d in done)]
            if (len(hits), len(todo)) < best_key:
                best, best_key = (hits, todo), (len(hits), len(todo))
        return best

    def _rows_containing(self, word: str, pool: np.ndarray | None) -> np.ndarray:
        """Positions (of `pool`, or of all customers) whose text contains `word`."""
        model = self.source()
        haystacks = model.haystacks
        if pool is None or len(pool) > self.INDEX_POOL:
            found = model.index_for_search().find(word)  # C speed for a rare word
            if found is not None:
                return found if pool is None else np.intersect1d(found, pool, assume_unique=True)
        if pool is None:  # a list comprehension: twice as fast as a generator into fromiter
            return np.array([p for p, h in enumerate(haystacks) if word in h], dtype=np.int64)
        return np.array([p for p in pool.tolist() if word in haystacks[p]], dtype=np.int64)

    def _search_mask(self, n: int) -> np.ndarray | None:
        if not self.search:
            return None
        mask = np.zeros(n, dtype=bool)
        mask[self._search_hits(self.search)] = True
        return mask

    def _permutation(self, column: int) -> np.ndarray:
        perm = self._permutations.get(column)
        if perm is None:
            spec = COLUMNS[column]
            values = self.source().columns[spec.key]
            if spec.key in self.source().pending:  # all "…" until the values arrive
                keys: np.ndarray = np.zeros(len(values), dtype=np.int64)
            elif values.dtype == np.int64:  # money and ranks: numpy sorts them directly
                keys = values
            elif spec.kind in ("money", "int", "date", "group"):
                keys = np.asarray([_sort_value(spec, v) for v in values], dtype=np.int64)
            else:  # fixed-width unicode sorts far faster than Python objects
                keys = np.asarray([_sort_value(spec, v) for v in values], dtype=np.str_)
            perm = np.argsort(keys, kind="stable")
            self._permutations[column] = perm
        return perm

    def apply(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, CustomerTableModel):
            return
        n = len(model.ids)
        mask = self._search_mask(n)
        if self.group or self.staff_id is not None or self.status:
            extra = np.ones(n, dtype=bool)
            if self.group:
                extra &= np.asarray(model.columns["group"], dtype=object) == self.group
            if self.staff_id is not None:
                extra &= model.staff_ids == float(self.staff_id)
            if self.status:
                extra &= np.asarray(model.columns["status"], dtype=object) == self.status
            mask = extra if mask is None else mask & extra
        column, order = self.sort_key
        perm = self._permutation(column)
        if order == Qt.SortOrder.DescendingOrder:
            perm = perm[::-1]
        rows = perm if mask is None else perm[mask[perm]]
        model.show_rows(np.ascontiguousarray(rows))
