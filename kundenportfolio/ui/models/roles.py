"""Item roles every list model shares: one definition each, so views, the badge delegate and
the one export function can read any list.

A model declares what each column holds through ``headerData(column, Horizontal,
COLUMN_KIND_ROLE)`` (a `kundenportfolio.reports.export.Kind`: text, money, number, integer,
date, datetime) and answers ``data(index, EXPORT_ROLE)`` with the raw value of non-text columns
(money as integer cents, dates as `datetime.date` or ISO text). Text columns are exported as
shown (DisplayRole). Proxies pass both roles through unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the customer a row is about (int)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # sort key: money as cents, dates as dates
GROUP_CODE_ROLE = Qt.ItemDataRole.UserRole + 3  # group code (str) drawn by the badge delegate
COLUMN_KIND_ROLE = Qt.ItemDataRole.UserRole + 40
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 41
