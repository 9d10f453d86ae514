"""Set-based merge of staged import rows into orders, contacts and costs.

Rows are first loaded into a TEMP staging table (``line`` is the file line). Matching a
staged row to an existing record happens by key in SQL: rows with the same key are paired
in order of appearance (the 2nd identical order in the file matches the 2nd identical order
in the database), so importing a file twice inserts nothing the second time, even when a
file legitimately holds two identical rows. Only mapped columns are compared and updated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database

from kundenportfolio.data.repository import ORDER_CONTACT_SUBJECT_SQL

STAGE = "temp.import_stage"
_SRC = "temp.import_match_src"
_DST = "temp.import_match_dst"


class Counts(Protocol):
    inserted: int
    updated: int


@dataclass(frozen=True)
class MatchStep:
    where: str  # which staged rows this step matches; "{s}" stands for a table alias
    keys: tuple[str, ...]  # expressions valid on the staging table and the target table
    values: tuple[str, ...]  # columns compared and updated (when mapped)
    target_where: str = "1"


@dataclass(frozen=True)
class Plan:
    table: str
    columns: tuple[str, ...]  # staged = inserted columns, in this order after `line`
    steps: tuple[MatchStep, ...]
    field_of: dict[str, str]  # column -> import field deciding whether it is "mapped"
    unique_field: str | None = None  # a column that must not repeat within the file
    # Inserting in index order (customer, date) instead of file order: the customer/date
    # indexes of orders and of their contacts then grow at the end (~25 % less SQL time).
    insert_order: str = "customer_id, line"


PLANS: dict[str, Plan] = {
    "orders": Plan(
        "orders",
        ("customer_id", "order_date", "order_number", "amount_cents", "discount_cents",
         "cost_of_goods_cents", "is_credit_note", "note"),
        (
            MatchStep("{s}order_number IS NOT NULL", ("order_number",),
                      ("customer_id", "order_date", "amount_cents", "is_credit_note",
                       "discount_cents", "cost_of_goods_cents", "note"),
                      "order_number IS NOT NULL"),
            MatchStep("{s}order_number IS NULL", ("customer_id", "order_date", "amount_cents"),
                      ("discount_cents", "cost_of_goods_cents", "note")),
        ),
        {"customer_id": "customer_number", "is_credit_note": "amount_cents"},
        unique_field="order_number",
        insert_order="customer_id, order_date, line",
    ),
    "contacts": Plan(
        "contacts",
        ("customer_id", "occurred_at", "type", "direction", "staff_id", "subject", "notes",
         "outcome", "complaint_status", "revenue_impact_cents", "buys_from_competitor"),
        (
            MatchStep("1", ("customer_id", "occurred_at", "type", "coalesce(subject, '')"),
                      ("direction", "staff_id", "notes", "outcome", "complaint_status",
                       "revenue_impact_cents", "buys_from_competitor")),
        ),
        {"customer_id": "customer_number", "staff_id": "staff"},
        insert_order="customer_id, occurred_at, line",
    ),
    "costs": Plan(
        "costs",
        ("customer_id", "cost_date", "category", "amount_cents", "note"),
        (MatchStep("1", ("customer_id", "cost_date", "category", "amount_cents"), ("note",)),),
        {"customer_id": "customer_number"},
        insert_order="customer_id, cost_date, line",
    ),
}


def create_staging(db: Database, plan: Plan) -> None:
    drop_staging(db)
    db.execute(f"CREATE TABLE {STAGE} (line INTEGER PRIMARY KEY, {', '.join(plan.columns)}, "
               "target_id INTEGER)")


def stage(db: Database, plan: Plan, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        marks = ", ".join("?" for _ in range(len(plan.columns) + 1))
        db.conn.executemany(
            f"INSERT INTO {STAGE} (line, {', '.join(plan.columns)}) VALUES ({marks})", rows)


def drop_staging(db: Database) -> None:
    for table in (STAGE, _SRC, _DST):
        db.execute(f"DROP TABLE IF EXISTS {table}")


def duplicate_keys(db: Database, plan: Plan) -> list[tuple[int, str]]:
    """(line, German message) for every row whose unique column repeats within the file."""
    column = plan.unique_field
    if column is None:
        return []
    found = []
    for value, lines in db.execute(
        f"SELECT {column}, group_concat(line, ', ') FROM {STAGE} WHERE {column} IS NOT NULL "
        f"GROUP BY {column} HAVING count(*) > 1"
    ).fetchall():
        for line in str(lines).split(", "):
            found.append((int(line), f"«{value}» kommt in der Datei mehrfach vor (Zeilen {lines})."))
    return found


def _where(step: MatchStep, alias: str = "") -> str:
    return step.where.format(s=alias)


def _match(db: Database, plan: Plan, step: MatchStep) -> None:
    """Set target_id of the staged rows of `step` to their existing counterparts."""
    if not db.execute(f"SELECT 1 FROM {STAGE} WHERE {_where(step)} LIMIT 1").fetchone():
        return
    if not db.execute(f"SELECT 1 FROM {plan.table} LIMIT 1").fetchone():
        return
    keys = ", ".join(f"{k} AS k{i}" for i, k in enumerate(step.keys))
    part = ", ".join(step.keys)
    first = step.keys[0]
    for table in (_SRC, _DST):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(
        f"CREATE TABLE {_SRC} AS SELECT line, {keys}, "
        f"row_number() OVER (PARTITION BY {part} ORDER BY line) AS n "
        f"FROM {STAGE} WHERE {_where(step)}"
    )
    db.execute(
        f"CREATE TABLE {_DST} AS SELECT id, {keys}, "
        f"row_number() OVER (PARTITION BY {part} ORDER BY id) AS n "
        f"FROM {plan.table} WHERE {step.target_where} "
        f"AND {first} IN (SELECT {first} FROM {STAGE} WHERE {_where(step)}) "
        f"AND id NOT IN (SELECT target_id FROM {STAGE} WHERE target_id IS NOT NULL)"
    )
    columns = [f"k{i}" for i in range(len(step.keys))] + ["n"]
    db.execute(f"CREATE INDEX temp.import_match_dst_key ON import_match_dst ({', '.join(columns)})")
    on = " AND ".join(f"s.{c} = d.{c}" for c in columns)
    db.execute(
        f"UPDATE {STAGE} SET target_id = m.id FROM "
        f"(SELECT s.line, d.id FROM {_SRC} s JOIN {_DST} d ON {on}) AS m "
        "WHERE import_stage.line = m.line"
    )


def _update(db: Database, plan: Plan, step: MatchStep, mapped: set[str]) -> int:
    values = [c for c in step.values if plan.field_of.get(c, c) in mapped]
    if not values:
        return 0
    assign = ", ".join(f"{c} = s.{c}" for c in values)
    differs = " OR ".join(f"{plan.table}.{c} IS NOT s.{c}" for c in values)
    cursor = db.execute(
        f"UPDATE {plan.table} SET {assign} FROM {STAGE} AS s "
        f"WHERE s.target_id = {plan.table}.id AND {_where(step, 's.')} AND ({differs})"
    )
    return int(cursor.rowcount)


def merge(db: Database, plan: Plan, mapped: set[str], counts: Counts) -> Iterator[bool]:
    """Match, update, insert; yields after each step so the caller can report and cancel."""
    for step in plan.steps:
        _match(db, plan, step)
        yield True
    for step in plan.steps:
        counts.updated += _update(db, plan, step, mapped)
    if plan.table == "orders":
        _sync_order_contacts(db)
    yield True
    max_before = db.execute(f"SELECT coalesce(max(id), 0) FROM {plan.table}").fetchone()[0]
    columns = ", ".join(plan.columns)
    cursor = db.execute(
        f"INSERT INTO {plan.table} ({columns}) SELECT {columns} FROM {STAGE} "
        f"WHERE target_id IS NULL ORDER BY {plan.insert_order}"
    )
    counts.inserted += int(cursor.rowcount)
    yield True
    if plan.table == "orders":
        # The Bestellung contact every order gets (as Repository.record_order writes it).
        db.execute(
            "INSERT INTO contacts (customer_id, occurred_at, type, direction, subject, order_id) "
            f"SELECT customer_id, order_date || ' 00:00', 'order', 'in', {ORDER_CONTACT_SUBJECT_SQL}, "
            "id FROM orders WHERE id > ? ORDER BY id",
            [max_before],
        )
    yield True


def _sync_order_contacts(db: Database) -> None:
    """An updated order moves its Bestellung contact along (customer, date), as update_order."""
    db.execute(
        "UPDATE contacts SET customer_id = o.customer_id, "
        "occurred_at = CASE WHEN substr(contacts.occurred_at, 1, 10) <> o.order_date "
        "THEN o.order_date || ' 00:00' ELSE contacts.occurred_at END "
        f"FROM orders AS o JOIN {STAGE} AS s ON s.target_id = o.id "
        "WHERE contacts.order_id = o.id AND (contacts.customer_id <> o.customer_id "
        "OR substr(contacts.occurred_at, 1, 10) <> o.order_date)"
    )
