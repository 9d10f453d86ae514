"""Item roles every list model shares, so one export function can write any list.

A model declares what each column holds through ``headerData(column, Horizontal,
COLUMN_KIND_ROLE)`` (a `kundenportfolio.reports.export.Kind`: text, money, number, integer,
date, datetime) and answers ``data(index, EXPORT_ROLE)`` with the raw value of non-text columns
(money as integer cents, dates as `datetime.date` or ISO text). Text columns are exported as
shown (DisplayRole). Proxies pass both roles through unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

# far above the models' own UserRole+1..+3 (customer id, sort key, group code)
COLUMN_KIND_ROLE = Qt.ItemDataRole.UserRole + 40
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 41
