"""Customer import: match by number, update only what differs, insert the rest.

Customer files are small (thousands of rows), so this runs row by row with the domain
validator (`validate_customer`) on the merged record. Only the columns the file maps are
touched; an empty cell clears an optional field but keeps a required one (name, country,
status, consent), so a partial file never blanks what it does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import Customer
from kundenportfolio.core.validation import validate_customer
from kundenportfolio.data.rows import from_row, to_row

if TYPE_CHECKING:
    from kundenportfolio.data.importing import ImportResult, _Context

# NOT NULL columns: an empty cell keeps the existing value (or the default for a new one).
_KEEP_WHEN_EMPTY = {"name", "country", "status", "marketing_consent"}
_DEFAULTS: dict[str, Any] = {"name": "", "country": "DE", "status": "active",
                             "marketing_consent": 0}


def _same(old: Any, new: Any) -> bool:
    return old == new or (old in (None, "") and new in (None, ""))


def _db_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def import_customers(ctx: _Context, rows: Iterable[tuple[int, dict[str, Any]]],
                     result: ImportResult) -> None:
    db = ctx.db
    existing = {row["number"]: row for row in db.query("SELECT * FROM customers")}
    staff = {str(name).casefold(): sid for sid, name in db.execute("SELECT id, name FROM staff")}
    seen: dict[str, int] = {}
    inserts: list[Customer] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    count = 0
    for line, values in rows:
        count += 1
        number = str(values.pop("number")).strip()
        if number in seen:
            ctx.error(line, "number", f"Die Kundennummer {number} kommt in der Datei mehrfach "
                                      f"vor (auch Zeile {seen[number]}).")
            continue
        seen[number] = line
        changes = {k: _db_value(v) for k, v in values.items() if k != "staff"}
        if "staff" in values:
            changes["staff_id"] = _staff_id(ctx, staff, values["staff"], result)
        old = existing.get(number)
        for key in _KEEP_WHEN_EMPTY & changes.keys():
            if changes[key] is None:
                changes[key] = old[key] if old is not None else _DEFAULTS[key]
        if old is not None:
            changes = {k: v for k, v in changes.items() if not _same(old[k], v)}
            if not changes:
                continue
            customer = from_row(Customer, {**old, **changes})
        else:
            customer = from_row(Customer, {**_DEFAULTS, **changes, "number": number})
        try:
            validate_customer(customer)
        except ValidationError as exc:
            for err in exc.errors:
                ctx.error(line, err.field, err.message)
            continue
        if old is not None:
            updates.append((old["id"], changes))
        else:
            inserts.append(customer)
        if count % 1000 == 0:
            ctx.tick(1000)
    result.rows = count
    if ctx.errors:
        return
    for customer in inserts:
        row = to_row(customer)
        db.execute(f"INSERT INTO customers ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                   list(row.values()))
    for customer_id, changes in updates:
        db.execute(
            f"UPDATE customers SET {', '.join(f'{c} = ?' for c in changes)}, "
            "updated_at = datetime('now') WHERE id = ?",
            [*changes.values(), customer_id],
        )
    result.inserted += len(inserts)
    result.updated += len(updates)


def _staff_id(ctx: _Context, staff: dict[str, int], name: str | None,
              result: ImportResult) -> int | None:
    """The staff member of that name; a new name creates the staff member (reported)."""
    if not name:
        return None
    key = name.strip().casefold()
    if key not in staff:
        cursor = ctx.db.execute("INSERT INTO staff (name) VALUES (?)", [name.strip()])
        staff[key] = int(cursor.lastrowid or 0)
        result.created_staff.append(name.strip())
    return staff[key]
