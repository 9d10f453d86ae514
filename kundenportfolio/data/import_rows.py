"""From file cells to checked rows: conversion, lookups and validation for the importer.

Big files are converted column by column in batches (a list comprehension per column is
several times faster than a loop per cell); a batch with any bad cell is converted again row
by row to name every bad cell. Orders, contacts and costs come out as tuples ready for the
staging table; every problem is reported through the import context with line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from itertools import repeat
from typing import TYPE_CHECKING, Any

from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import Contact, ContactType, Cost, CostCategory, Order
from kundenportfolio.core.money import MAX_CENTS
from kundenportfolio.core.tabular import Cell, DecimalMark, iter_rows
from kundenportfolio.core.validation import validate_contact, validate_cost, validate_order
from kundenportfolio.data.import_specs import FIELDS, FieldSpec, converter

if TYPE_CHECKING:
    from kundenportfolio.data.importing import ImportResult, _Context

BATCH = 5000
Columns = dict[str, list[Any]]
_Converter = tuple[str, int, Callable[[Cell], Any], FieldSpec]


def _converters(ctx: _Context, entity: str, marks: Mapping[str, DecimalMark]) -> list[_Converter]:
    return [(s.name, ctx.mapping[s.name], converter(s, marks.get(s.name, ",")), s)
            for s in FIELDS[entity] if s.name in ctx.mapping]


def _convert_row(ctx: _Context, converters: list[_Converter], line: int,
                 cells: list[Cell]) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    ok = True
    for name, index, convert, spec in converters:
        cell = cells[index] if index < len(cells) else None
        try:
            values[name] = convert(cell)
        except ValueError as exc:
            ctx.error(line, name, str(exc))
            ok = False
            continue
        if spec.required and values[name] is None:
            ctx.error(line, name, "Der Wert fehlt.")
            ok = False
    return values if ok else None


def rows(ctx: _Context, entity: str,
         marks: Mapping[str, DecimalMark]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Converted rows (line, field -> value) one by one; bad cells are reported, the row skipped."""
    converters = _converters(ctx, entity, marks)
    for count, (line, cells) in enumerate(iter_rows(ctx.source), start=1):
        if count % BATCH == 0:
            ctx.tick(BATCH)
        values = _convert_row(ctx, converters, line, cells)
        if values is not None:
            yield line, values


def batches(ctx: _Context, entity: str,
            marks: Mapping[str, DecimalMark]) -> Iterator[tuple[list[int], Columns]]:
    """Converted rows column-wise, BATCH rows at a time: (lines, field -> values)."""
    converters = _converters(ctx, entity, marks)
    width = max(index for _, index, _, _ in converters) + 1
    lines: list[int] = []
    cells: list[list[Cell]] = []
    for line, row in iter_rows(ctx.source):
        lines.append(line)
        cells.append(row if len(row) >= width else row + [None] * (width - len(row)))
        if len(lines) == BATCH:
            yield _convert_batch(ctx, converters, lines, cells)
            ctx.tick(BATCH)
            lines, cells = [], []
    if lines:
        yield _convert_batch(ctx, converters, lines, cells)


def _convert_batch(ctx: _Context, converters: list[_Converter], lines: list[int],
                   cells: list[list[Cell]]) -> tuple[list[int], Columns]:
    try:
        columns = {name: [convert(row[index]) for row in cells]
                   for name, index, convert, _ in converters}
        if not any(spec.required and None in columns[name] for name, _, _, spec in converters):
            return lines, columns
    except ValueError:
        pass
    # Some cell is bad: once more row by row, to report every bad cell with its line.
    good_lines: list[int] = []
    columns = {name: [] for name, _, _, _ in converters}
    for line, row in zip(lines, cells, strict=True):
        values = _convert_row(ctx, converters, line, row)
        if values is not None:
            good_lines.append(line)
            for name, value in values.items():
                columns[name].append(value)
        else:
            number = _quiet(converters, "customer_number", row)
            if number:  # so an unknown customer on a bad row is reported too
                ctx.bad_row_customers.append((line, number))
    return good_lines, columns


def _quiet(converters: list[_Converter], field: str, row: list[Cell]) -> Any:
    for name, index, convert, _ in converters:
        if name == field:
            try:
                return convert(row[index])
            except ValueError:
                return None
    return None


class Lookups:
    """Customer numbers and staff names -> ids, creating missing ones when allowed."""

    def __init__(self, ctx: _Context, create_missing: bool, result: ImportResult) -> None:
        self.ctx = ctx
        self.create_missing = create_missing
        self.result = result
        self.customers: dict[str, int] = {
            n: i for i, n in ctx.db.execute("SELECT id, number FROM customers")}
        self.staff: dict[str, int] = {
            str(n).casefold(): i for i, n in ctx.db.execute("SELECT id, name FROM staff")}

    def customer_ids(self, lines: list[int], numbers: list[str]) -> list[int | None]:
        """Ids for a batch of (already stripped) numbers; unknown ones are created or reported."""
        if self.ctx.bad_row_customers:
            for line, number in self.ctx.bad_row_customers:
                self._missing(line, number)
            self.ctx.bad_row_customers.clear()
        get = self.customers.get
        ids = [get(number) for number in numbers]
        if None in ids:
            for i, found in enumerate(ids):
                if found is None:
                    ids[i] = self._missing(lines[i], numbers[i])
        return ids

    def _missing(self, line: int, number: str) -> int | None:
        if number in self.customers:
            return int(self.customers[number])
        if not self.create_missing:
            self.ctx.error(line, "customer_number", f"Die Kundennummer {number} gibt es nicht "
                           "(Kunden zuerst importieren oder fehlende Kunden anlegen lassen).")
            return None
        if len(number) > 30:
            self.ctx.error(line, "customer_number", "Die Kundennummer ist länger als 30 Zeichen.")
            return None
        cursor = self.ctx.db.execute("INSERT INTO customers (number, name) VALUES (?, ?)",
                                     [number, f"Kunde {number}"])
        self.customers[number] = int(cursor.lastrowid or 0)
        self.result.created_customers.append(number)
        return int(self.customers[number])

    def staff_id(self, name: str | None) -> int | None:
        if not name:
            return None
        key = name.strip().casefold()
        if key not in self.staff:
            cursor = self.ctx.db.execute("INSERT INTO staff (name) VALUES (?)", [name.strip()])
            self.staff[key] = int(cursor.lastrowid or 0)
            self.result.created_staff.append(name.strip())
        return int(self.staff[key])


def _validate(ctx: _Context, line: int, check: Callable[[Any], None], obj: Any) -> bool:
    try:
        check(obj)
    except ValidationError as exc:
        for err in exc.errors:
            ctx.error(line, err.field, err.message)
        return False
    return True


def _column(columns: Columns, name: str) -> Any:
    return columns[name] if name in columns else repeat(None)


def build_orders(ctx: _Context, look: Lookups, lines: list[int],
                 c: Columns) -> list[tuple[Any, ...]]:
    out = []
    ids = look.customer_ids(lines, c["customer_number"])
    for line, customer_id, day, number, amount, discount, cogs, note in zip(
            lines, ids, c["order_date"], _column(c, "order_number"), c["amount_cents"],
            _column(c, "discount_cents"), _column(c, "cost_of_goods_cents"), _column(c, "note"),
            strict=False):  # repeat(None) stands in for unmapped columns
        discount = discount or 0
        # The common valid case is checked inline (a million rows); anything else goes
        # through validate_order for its German messages.
        if not (0 <= discount <= amount <= MAX_CENTS and (cogs is None or 0 <= cogs <= MAX_CENTS)
                and (number is None or len(number) <= 40)):
            order = Order(customer_id or 0, dt.date.min, amount, discount, cogs, number, amount < 0)
            if not _validate(ctx, line, validate_order, order):
                continue
        if customer_id is not None:
            out.append((line, customer_id, day, number, amount, discount, cogs, int(amount < 0),
                        note))
    return out


def build_contacts(ctx: _Context, look: Lookups, lines: list[int],
                   c: Columns) -> list[tuple[Any, ...]]:
    out = []
    ids = look.customer_ids(lines, c["customer_number"])
    for line, customer_id, when, kind, direction, staff, subject, notes, outcome, status, \
            impact, competitor in zip(
                lines, ids, c["occurred_at"], c["type"], _column(c, "direction"),
                _column(c, "staff"), _column(c, "subject"), _column(c, "notes"),
                _column(c, "outcome"), _column(c, "complaint_status"),
                _column(c, "revenue_impact_cents"), _column(c, "buys_from_competitor"),
                strict=False):
        contact = Contact(customer_id or 0, dt.datetime.min, ContactType(kind),
                          complaint_status=status, revenue_impact_cents=impact)
        if _validate(ctx, line, validate_contact, contact) and customer_id is not None:
            out.append((line, customer_id, when, kind, direction or "out", look.staff_id(staff),
                        subject, notes, outcome, contact.complaint_status, impact,
                        int(bool(competitor))))
    return out


def build_costs(ctx: _Context, look: Lookups, lines: list[int],
                c: Columns) -> list[tuple[Any, ...]]:
    out = []
    ids = look.customer_ids(lines, c["customer_number"])
    for line, customer_id, day, category, amount, note in zip(
            lines, ids, c["cost_date"], c["category"], c["amount_cents"], _column(c, "note"),
            strict=False):
        cost = Cost(customer_id or 0, dt.date.min, CostCategory(category), amount)
        if _validate(ctx, line, validate_cost, cost) and customer_id is not None:
            out.append((line, customer_id, day, category, amount, note))
    return out


BUILDERS = {"orders": build_orders, "contacts": build_contacts, "costs": build_costs}
