"""SQL aggregation loaders for the Kundenwert and the portfolio (all SQL of issue 3 lives here).

Each loader sums in SQLite (one indexed pass) and hands pandas one row per customer, so
Python never sees single orders. Every loader takes an optional `customer_id` for the
incremental update after one customer changed (indexed by customer_id, a few ms).
Dates are inclusive: `start <= order_date <= end`; contacts carry a time, so they are
compared against the day after the end.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np
import pandas as pd
from sqlite_utils import Database

from kundenportfolio.core.models import CostCategory

COST_CATEGORIES = [c.value for c in CostCategory]
CUSTOMER_COLUMNS = ["id", "number", "name", "city", "staff_id", "staff_name", "industry", "status",
                    "customer_since", "potential_cents", "rating_payment", "rating_reference",
                    "rating_relationship", "group_override", "group_override_reason"]


def _where(column: str, start: dt.date | str | None, end: dt.date | str | None,
           customer_id: int | None, end_exclusive: bool = False) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    if customer_id is not None:
        parts.append("customer_id = ?")
        params.append(customer_id)
    if start is not None:
        parts.append(f"{column} >= ?")
        params.append(str(start))
    if end is not None:
        parts.append(f"{column} {'<' if end_exclusive else '<='} ?")
        params.append(str(end))
    return (" AND ".join(parts) or "1"), params


# For "all time" over every customer SQLite would walk the customer index and fetch each row
# by rowid; a plain scan (or the covering date index) with a temporary B-tree is 2–4× faster.
FULL_SCAN = {"orders": "orders NOT INDEXED", "costs": "costs NOT INDEXED",
             "contacts": "contacts INDEXED BY idx_contacts_time_customer_type"}


def _source(table: str, start: dt.date | None, customer_id: int | None) -> str:
    return FULL_SCAN[table] if start is None and customer_id is None else table


def _frame(db: Database, sql: str, params: list[Any], columns: list[str],
           dtype: Any = None) -> pd.DataFrame:
    """Query result as a frame indexed by the first column (column-wise: cheaper than records)."""
    rows = db.conn.execute(sql, params).fetchall()
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    index = pd.Index(np.asarray(values[0], dtype=np.int64), name=columns[0])
    if dtype is not None:
        data = {name: np.asarray(col, dtype=dtype) for name, col in zip(columns[1:], values[1:],
                                                                          strict=True)}
    else:
        data = {name: pd.Series(col, index=index, dtype=object) for name, col in
                zip(columns[1:], values[1:], strict=True)}
    return pd.DataFrame(data, index=index)


def _int_frame(db: Database, sql: str, params: list[Any], columns: list[str]) -> pd.DataFrame:
    """Sums are never NULL here (SUM over a non-empty group of NOT NULL columns)."""
    return _frame(db, sql, params, columns, np.int64)


def load_customers(db: Database, customer_id: int | None = None) -> pd.DataFrame:
    """Master data of every customer (or one), index id."""
    where = "WHERE c.id = ?" if customer_id is not None else ""
    sql = (
        "SELECT c.id, c.number, c.name, c.city, c.staff_id, s.name, c.industry, c.status, "
        "c.customer_since, c.potential_cents, c.rating_payment, c.rating_reference, "
        "c.rating_relationship, c.group_override, c.group_override_reason "
        f"FROM customers c LEFT JOIN staff s ON s.id = c.staff_id {where} ORDER BY c.id"
    )
    params = [customer_id] if customer_id is not None else []
    return _frame(db, sql, params, CUSTOMER_COLUMNS)


def load_order_sums(db: Database, start: dt.date | None, end: dt.date,
                    customer_id: int | None = None) -> pd.DataFrame:
    """Per customer: revenue, reductions, known cost of goods, net of orders without, count."""
    where, params = _where("order_date", start, end, customer_id)
    sql = (
        "SELECT customer_id, SUM(amount_cents), SUM(discount_cents), "
        "SUM(COALESCE(cost_of_goods_cents, 0)), "
        "SUM(CASE WHEN cost_of_goods_cents IS NULL THEN amount_cents - discount_cents ELSE 0 END), "
        "SUM(is_credit_note = 0) "
        f"FROM {_source('orders', start, customer_id)} WHERE {where} GROUP BY customer_id"
    )
    return _int_frame(db, sql, params, ["customer_id", "revenue_cents", "reductions_cents",
                                        "cogs_cents", "net_default_cents", "order_count"])


def load_net_sums(db: Database, start: dt.date | None, end: dt.date,
                  customer_id: int | None = None) -> pd.Series:
    """Nettoerlös per customer in a period (for the trend and the share of wallet)."""
    where, params = _where("order_date", start, end, customer_id)
    sql = (f"SELECT customer_id, SUM(amount_cents - discount_cents) FROM orders WHERE {where} "
           "GROUP BY customer_id")
    return _int_frame(db, sql, params, ["customer_id", "net_cents"])["net_cents"]


def load_customer_dates(db: Database, end: dt.date, customer_id: int | None = None) -> pd.DataFrame:
    """Per customer (ISO text or None), all up to `end`: first order (only where customer_since
    is unknown — it stands in for it), last order, last contact of any type.

    One index seek per customer and value (MIN/MAX on the customer indexes) is 2–3× cheaper
    than grouping every order and contact.
    """
    where = "WHERE c.id = ?" if customer_id is not None else ""
    sql = (
        "SELECT c.id, CASE WHEN c.customer_since IS NULL THEN (SELECT MIN(order_date) FROM orders o "
        "  WHERE o.customer_id = c.id AND o.order_date <= ?1) END, "
        "(SELECT MAX(order_date) FROM orders o WHERE o.customer_id = c.id AND o.order_date <= ?1), "
        "(SELECT substr(MAX(occurred_at), 1, 10) FROM contacts k "
        "  WHERE k.customer_id = c.id AND k.occurred_at < ?2) "
        f"FROM customers c {where}"
    )
    params: list[Any] = [str(end), str(end + dt.timedelta(days=1))]
    if customer_id is not None:
        params.append(customer_id)
    return _frame(db, sql, params, ["customer_id", "first_order_date", "last_order_date",
                                    "last_contact_date"])


def load_cost_sums(db: Database, start: dt.date | None, end: dt.date,
                   customer_id: int | None = None) -> pd.DataFrame:
    """Relationship costs per customer, one column per category code (cents)."""
    where, params = _where("cost_date", start, end, customer_id)
    sums = ", ".join(f"SUM(CASE WHEN category = '{c}' THEN amount_cents ELSE 0 END)"
                     for c in COST_CATEGORIES)
    sql = (f"SELECT customer_id, {sums} FROM {_source('costs', start, customer_id)} "
           f"WHERE {where} GROUP BY customer_id")
    return _int_frame(db, sql, params, ["customer_id", *COST_CATEGORIES])


def load_contact_sums(db: Database, start: dt.date | None, end: dt.date,
                      customer_id: int | None = None) -> pd.DataFrame:
    """Contacts (other than order records) and complaints in the period, per customer."""
    day_after = end + dt.timedelta(days=1)
    where, params = _where("occurred_at", start, day_after, customer_id, end_exclusive=True)
    sql = (f"SELECT customer_id, SUM(type <> 'order'), SUM(type = 'complaint') "
           f"FROM {_source('contacts', start, customer_id)} WHERE {where} GROUP BY customer_id")
    return _int_frame(db, sql, params, ["customer_id", "contact_count", "complaint_count"])


def load_history_groups(db: Database, period: str) -> pd.Series:
    """customer_id → group code as saved in the group history for `period`."""
    rows = db.conn.execute("SELECT customer_id, group_code FROM group_history WHERE period = ?",
                           [period]).fetchall()
    ids, groups = zip(*rows, strict=True) if rows else ((), ())
    return pd.Series(list(groups), index=pd.Index(list(ids), dtype="int64", name="customer_id"),
                     dtype=object)


def load_numbers_and_names(db: Database, customer_ids: list[int]) -> pd.DataFrame:
    """number and name (index: customer_id) of the given customers."""
    rows = db.conn.execute(
        "SELECT id, number, name FROM customers WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(customer_ids)]).fetchall()
    frame = pd.DataFrame.from_records(rows, columns=["customer_id", "number", "name"])
    return frame.set_index("customer_id")


def first_order_year(db: Database) -> int | None:
    """The calendar year of the oldest order (None without orders)."""
    first = db.conn.execute("SELECT min(order_date) FROM orders").fetchone()[0]
    return int(str(first)[:4]) if first else None


def total_changes(db: Database) -> int:
    """Rows changed through this connection so far (cheap change detector for caches)."""
    return int(db.conn.total_changes)
