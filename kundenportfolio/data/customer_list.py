"""The customer list at program start: master data and last contact, without the Kundenwert.

One light query (customers, their Betreuer, one index seek per customer for the last contact)
so the window can list every customer at once while the portfolio is computed in the
background. Plain columns (lists), no pandas: the first window must not wait for its import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

LIST_COLUMNS = ("number", "name", "city", "staff_name", "status", "last_contact_date")


@dataclass
class CustomerList:
    """Column-wise: `ids[i]` belongs to `columns[key][i]`; dates as dt.date or None."""

    ids: list[int] = field(default_factory=list)
    staff_ids: list[int | None] = field(default_factory=list)
    columns: dict[str, list[Any]] = field(default_factory=dict)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_customer_list(db: Database, today: dt.date) -> CustomerList:
    """Every customer with number, name, place, Betreuer, status and last contact up to today."""
    sql = (
        "SELECT c.id, c.staff_id, c.number, c.name, c.city, s.name, c.status, "
        "(SELECT substr(MAX(k.occurred_at), 1, 10) FROM contacts k "
        "  WHERE k.customer_id = c.id AND k.occurred_at < ?) "
        "FROM customers c LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.id"
    )
    rows = db.conn.execute(sql, [str(today + dt.timedelta(days=1))]).fetchall()
    if not rows:
        return CustomerList(columns={key: [] for key in LIST_COLUMNS})
    ids, staff, number, name, city, staff_name, status, last = (list(c) for c in zip(*rows,
                                                                                     strict=True))
    cache: dict[str, dt.date | None] = {}  # many customers share a day: parse each once
    dates = [cache[d] if d in cache else cache.setdefault(d, _date(d)) for d in last]
    return CustomerList(ids, staff, {"number": number, "name": name, "city": city,
                                     "staff_name": staff_name, "status": status,
                                     "last_contact_date": dates})
