"""All-time sums per customer, kept current by triggers (table `customer_totals`, m005).

The all-time portfolio needs every order, contact and cost of every customer; grouping
~3 million rows took most of its time. The table holds those sums per customer, and
triggers on orders/contacts/costs (INSERT, DELETE, UPDATE of the summed columns) add and
subtract each change, whoever writes it (repository, import, erasure, cascading deletes).
All-time up to a day = totals − the few rows dated after that day (date indexes).

Bulk loaders may drop the triggers, write, then call `rebuild` and `create_triggers`
(see data/demo.py). `available` tells the loaders whether the triggers are all in place;
if not (e.g. a later table rebuild lost them), they fall back to grouping the tables.
The SQL here is part of migration m005: change it only together with a new migration.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pandas as pd
from sqlite_utils import Database

from kundenportfolio.data import aggregates

# frozen with m005 (the CHECK of costs.category in m001)
CATEGORIES = ("visit", "service", "complaint_handling", "gift", "event", "marketing", "other")
ORDER_COLUMNS = ("revenue_cents", "reductions_cents", "cogs_cents", "net_default_cents",
                 "order_count")
CONTACT_COLUMNS = ("contact_count", "complaint_count")
COST_COLUMNS = tuple(f"cost_{c}_cents" for c in CATEGORIES)
TRIGGERS = tuple(f"trg_totals_{table}_{event}" for table in ("orders", "contacts", "costs")
                 for event in ("insert", "delete", "update"))

TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS customer_totals (customer_id INTEGER PRIMARY KEY, "
    + ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0"
                for c in (*ORDER_COLUMNS, *CONTACT_COLUMNS, *COST_COLUMNS))
    + ")"
)

# The sums one row contributes, per table ({r} = NEW or OLD); same expressions as the loaders.
_ORDER_TERMS = ("{r}.amount_cents", "{r}.discount_cents", "COALESCE({r}.cost_of_goods_cents, 0)",
                "CASE WHEN {r}.cost_of_goods_cents IS NULL "
                "THEN {r}.amount_cents - {r}.discount_cents ELSE 0 END",
                "({r}.is_credit_note = 0)")
_CONTACT_TERMS = ("({r}.type <> 'order')", "({r}.type = 'complaint')")
_COST_TERMS = tuple(f"CASE WHEN {{r}}.category = '{c}' THEN {{r}}.amount_cents ELSE 0 END"
                    for c in CATEGORIES)
_TABLES = {  # table: (summed columns, terms, columns whose update changes the sums)
    "orders": (ORDER_COLUMNS, _ORDER_TERMS,
               "customer_id, amount_cents, discount_cents, cost_of_goods_cents, is_credit_note"),
    "contacts": (CONTACT_COLUMNS, _CONTACT_TERMS, "customer_id, type"),
    "costs": (COST_COLUMNS, _COST_TERMS, "customer_id, category, amount_cents"),
}


def _add(table: str) -> str:
    """Upsert NEW's contribution."""
    columns, terms, _ = _TABLES[table]
    values = ", ".join(t.format(r="NEW") for t in terms)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in columns)
    return (f"INSERT INTO customer_totals (customer_id, {', '.join(columns)}) "
            f"VALUES (NEW.customer_id, {values}) ON CONFLICT (customer_id) DO UPDATE SET {updates};")


def _subtract(table: str) -> str:
    """Take OLD's contribution away (only UPDATE: a deleted customer's row stays deleted)."""
    columns, terms, _ = _TABLES[table]
    updates = ", ".join(f"{c} = {c} - {t.format(r='OLD')}"
                        for c, t in zip(columns, terms, strict=True))
    return f"UPDATE customer_totals SET {updates} WHERE customer_id = OLD.customer_id;"


def trigger_sql() -> list[str]:
    out = []
    for table, (_, _, watched) in _TABLES.items():
        out += [
            f"CREATE TRIGGER IF NOT EXISTS trg_totals_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {_add(table)} END",
            f"CREATE TRIGGER IF NOT EXISTS trg_totals_{table}_delete AFTER DELETE ON {table} "
            f"BEGIN {_subtract(table)} END",
            f"CREATE TRIGGER IF NOT EXISTS trg_totals_{table}_update AFTER UPDATE OF {watched} "
            f"ON {table} BEGIN {_subtract(table)} {_add(table)} END",
        ]
    out.append("CREATE TRIGGER IF NOT EXISTS trg_totals_customers_delete AFTER DELETE ON customers "
               "BEGIN DELETE FROM customer_totals WHERE customer_id = OLD.id; END")
    return out


# For the few rows after a day: without a hint SQLite walks the whole customer index to avoid
# sorting for GROUP BY (0.1 s per table on 100,000 customers instead of ~0 ms).
DATE_INDEXES = {"orders": "idx_orders_date", "contacts": "idx_contacts_time_customer_type",
                "costs": "idx_costs_date_customer"}


def _grouped(table: str, where: str = "1", by_date: bool = False) -> str:
    columns, terms, _ = _TABLES[table]
    sums = ", ".join(f"SUM({t.format(r=table)})" for t in terms)
    source = f"{table} INDEXED BY {DATE_INDEXES[table]}" if by_date else table
    return f"SELECT customer_id, {sums} FROM {source} WHERE {where} GROUP BY customer_id"


def create_triggers(conn: sqlite3.Connection) -> None:
    for sql in trigger_sql():
        conn.execute(sql)


def drop_triggers(conn: sqlite3.Connection) -> None:
    """Before a bulk load; call `rebuild` and `create_triggers` after it."""
    for name in (*TRIGGERS, "trg_totals_customers_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute the whole table from orders, contacts and costs (one grouped pass each)."""
    conn.execute(TABLE_SQL)
    conn.execute("DELETE FROM customer_totals")
    for table, (columns, _, _) in _TABLES.items():
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
        conn.execute(f"INSERT INTO customer_totals (customer_id, {', '.join(columns)}) "
                     f"{_grouped(table)} ON CONFLICT (customer_id) DO UPDATE SET {updates}")


def available(db: Database) -> bool:
    """True when the table, every trigger keeping it current and the date indexes are there."""
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master")}
    return names.issuperset(("customer_totals", *TRIGGERS, *DATE_INDEXES.values()))


def _frame(db: Database, sql: str, params: list[str], columns: tuple[str, ...]) -> pd.DataFrame:
    return aggregates._int_frame(db, sql, params, ["customer_id", *columns])


def load_all_time(db: Database, end: dt.date) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(order sums, cost sums per category, contact counts) of every customer up to `end`.

    Same columns and values as aggregates.load_order_sums/load_cost_sums/load_contact_sums
    with start None; rows dated after `end` (usually none) are taken away again.
    """
    day_after = str(end + dt.timedelta(days=1))
    all_columns = (*ORDER_COLUMNS, *CONTACT_COLUMNS, *COST_COLUMNS)
    totals = _frame(db, f"SELECT customer_id, {', '.join(all_columns)} FROM customer_totals", [],
                    all_columns)
    later = {
        "orders": _frame(db, _grouped("orders", "order_date > ?", True), [str(end)], ORDER_COLUMNS),
        "contacts": _frame(db, _grouped("contacts", "occurred_at >= ?", True), [day_after],
                           CONTACT_COLUMNS),
        "costs": _frame(db, _grouped("costs", "cost_date > ?", True), [str(end)], COST_COLUMNS),
    }
    for frame in later.values():
        if not frame.empty:
            if not frame.index.isin(totals.index).all():  # only if the table was out of date
                totals = totals.reindex(totals.index.union(frame.index), fill_value=0)
            totals.loc[frame.index, list(frame.columns)] -= frame.to_numpy()
    orders = totals[list(ORDER_COLUMNS)]
    costs = totals[list(COST_COLUMNS)].set_axis(list(CATEGORIES), axis=1)
    contacts = totals[list(CONTACT_COLUMNS)]
    return orders, costs, contacts
