"""The one way the program reads and writes its records: a repository returning dataclasses.

Every multi-step write runs in one transaction (`db.atomic()`). Parent rows are changed with
UPDATE, never INSERT OR REPLACE (REPLACE deletes the row and cascades to its children).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlite_utils import Database

from kundenportfolio import settings as declared_settings
from kundenportfolio.core.errors import (
    DuplicateWarning,
    FieldError,
    NotFoundError,
    ValidationError,
)
from kundenportfolio.core.models import (
    Campaign,
    CampaignParticipant,
    Contact,
    ContactType,
    Cost,
    Customer,
    Direction,
    GroupSnapshot,
    Instrument,
    Order,
    Staff,
)
from kundenportfolio.core.scoring import validate_settings
from kundenportfolio.core.search_text import phone_search_forms
from kundenportfolio.core.validation import (
    normalise_name,
    normalise_phone,
    validate_contact,
    validate_cost,
    validate_customer,
    validate_order,
)
from kundenportfolio.data.rows import from_row, to_db, to_row

T = TypeVar("T")

TABLES: dict[type, str] = {
    Staff: "staff",
    Customer: "customers",
    Contact: "contacts",
    Order: "orders",
    Cost: "costs",
    Instrument: "instruments",
    Campaign: "campaigns",
    GroupSnapshot: "group_history",
}
# what a record is called in a message («Kampagne Nr. 77 gibt es nicht.»)
NOUNS: dict[type, str] = {
    Staff: "Mitarbeiter/in", Customer: "Kunde", Contact: "Kontakt", Order: "Auftrag",
    Cost: "Kosteneintrag", Instrument: "Instrument", Campaign: "Kampagne",
    GroupSnapshot: "Gruppenstand",
}


def order_contact_subject(is_credit_note: bool, order_number: str | None) -> str:
    """The subject of an order's Bestellung contact: «Auftrag A-1», «Gutschrift G-7»."""
    kind = "Gutschrift" if is_credit_note else "Auftrag"
    return f"{kind} {order_number}" if order_number else kind


# the same in SQL, for the bulk writers (import, demo) over the orders table
ORDER_CONTACT_SUBJECT_SQL = (
    "CASE is_credit_note WHEN 1 THEN 'Gutschrift' ELSE 'Auftrag' END"
    " || CASE WHEN order_number IS NULL THEN '' ELSE ' ' || order_number END"
)


class Repository:
    """Typed access to one open Kundenportfolio database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- generic helpers -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical operation: all of it is written, or none of it."""
        with self.db.atomic() as db:
            yield db

    def _insert(self, obj: Any) -> int:
        row = to_row(obj)
        cursor = self.db.execute(
            f"INSERT INTO {TABLES[type(obj)]} ({', '.join(row)}) "
            f"VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
        obj.id = int(cursor.lastrowid or 0)
        return obj.id

    def _update(self, obj: Any) -> None:
        if obj.id is None:
            raise ValueError("Ein neuer Datensatz kann nicht geändert werden.")
        row = to_row(obj)
        extra = ", updated_at = datetime('now')" if isinstance(obj, Customer) else ""
        cursor = self.db.execute(
            f"UPDATE {TABLES[type(obj)]} SET {', '.join(f'{c} = ?' for c in row)}{extra} "
            "WHERE id = ?",
            [*row.values(), obj.id],
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"{NOUNS[type(obj)]} Nr. {obj.id} gibt es nicht mehr.")

    def _get(self, cls: type[T], record_id: int) -> T:
        rows = list(self.db.query(f"SELECT * FROM {TABLES[cls]} WHERE id = ?", [record_id]))
        if not rows:
            raise NotFoundError(f"{NOUNS[cls]} Nr. {record_id} gibt es nicht.")
        return from_row(cls, rows[0])

    def _list(self, cls: type[T], where: str = "1", params: list[Any] | None = None,
              order_by: str = "id") -> list[T]:
        sql = f"SELECT * FROM {TABLES[cls]} WHERE {where} ORDER BY {order_by}"
        return [from_row(cls, row) for row in self.db.query(sql, params or [])]

    def _delete(self, cls: type, record_id: int) -> None:
        with self.transaction():
            cursor = self.db.execute(f"DELETE FROM {TABLES[cls]} WHERE id = ?", [record_id])
            if cursor.rowcount == 0:
                raise NotFoundError(f"{NOUNS[cls]} Nr. {record_id} gibt es nicht mehr.")

    def _customer_must_exist(self, customer_id: int) -> None:
        if not self.db.execute("SELECT 1 FROM customers WHERE id = ?", [customer_id]).fetchone():
            raise ValidationError(FieldError("customer_id", "Diesen Kunden gibt es nicht."))

    # ---- staff -----------------------------------------------------------------------

    def add_staff(self, staff: Staff) -> Staff:
        if not staff.name.strip():
            raise ValidationError(FieldError("name", "Der Name fehlt."))
        with self.transaction():
            self._insert(staff)
        return staff

    def update_staff(self, staff: Staff) -> None:
        if not staff.name.strip():
            raise ValidationError(FieldError("name", "Der Name fehlt."))
        with self.transaction():
            self._update(staff)

    def get_staff(self, staff_id: int) -> Staff:
        return self._get(Staff, staff_id)

    def list_staff(self, *, active_only: bool = False) -> list[Staff]:
        return self._list(Staff, "active = 1" if active_only else "1", order_by="name")

    def delete_staff(self, staff_id: int) -> None:
        self._delete(Staff, staff_id)

    # ---- customers -------------------------------------------------------------------

    def _check_number_free(self, customer: Customer) -> None:
        row = self.db.execute(
            "SELECT id FROM customers WHERE number = ? AND id IS NOT ?",
            [customer.number.strip(), customer.id],
        ).fetchone()
        if row:
            raise ValidationError(
                FieldError(
                    "number",
                    f"Die Kundennummer {customer.number} ist schon vergeben "
                    f"(nächste freie: {self.next_customer_number()}).",
                )
            )

    def add_customer(self, customer: Customer) -> Customer:
        customer.number = customer.number.strip()
        validate_customer(customer)
        with self.transaction():
            self._check_number_free(customer)
            self._insert(customer)
        return customer

    def update_customer(self, customer: Customer) -> None:
        customer.number = customer.number.strip()
        validate_customer(customer)
        with self.transaction():
            self._check_number_free(customer)
            self._update(customer)

    def get_customer(self, customer_id: int) -> Customer:
        return self._get(Customer, customer_id)

    def get_customer_by_number(self, number: str) -> Customer:
        rows = self._list(Customer, "number = ?", [number.strip()])
        if not rows:
            raise NotFoundError(f"Kundennummer {number} gibt es nicht.")
        return rows[0]

    def list_customers(self) -> list[Customer]:
        return self._list(Customer, order_by="number")

    def count_customers(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM customers").fetchone()[0])

    def customer_search_texts(self) -> dict[int, str]:
        """customer id -> lowercase text of number, name, place, contact person, phone, e-mail,
        and the phone number's digits (`core.search_text.phone_search_forms`).

        One query for the GUI's search-as-you-type (100k customers in well under a second).
        """
        sql = ("SELECT id, number || ' ' || name || ' ' || coalesce(city, '') || ' ' || "
               "coalesce(postcode, '') || ' ' || coalesce(contact_person, '') || ' ' || "
               "coalesce(phone, '') || ' ' || coalesce(email, ''), phone FROM customers")
        # SQLite's lower() only folds ASCII; Python's folds Ä/Ö/Ü too
        return {int(row[0]): row[1].lower() + phone_search_forms(row[2])
                for row in self.db.execute(sql)}

    def delete_customer(self, customer_id: int) -> None:
        """Deletes the customer with its orders, contacts, costs and history (cascade)."""
        self._delete(Customer, customer_id)

    def customer_dependents(self, customer_id: int) -> dict[str, int]:
        """What a deletion takes along, for the confirmation message."""
        counts = {}
        for table in ("orders", "contacts", "costs", "campaign_participants", "group_history"):
            counts[table] = int(
                self.db.execute(
                    f"SELECT count(*) FROM {table} WHERE customer_id = ?", [customer_id]
                ).fetchone()[0]
            )
        return counts

    def next_customer_number(self) -> str:
        """The next free number: one above the highest purely numeric number (start 10001)."""
        row = self.db.execute(
            "SELECT max(CAST(number AS INTEGER)) FROM customers "
            "WHERE number GLOB '[0-9]*' AND number NOT GLOB '*[^0-9]*'"
        ).fetchone()
        return str(max(int(row[0] or 10000), 10000) + 1)

    def find_duplicates(self, customer: Customer) -> list[DuplicateWarning]:
        """Likely duplicates of `customer` (other ids): a warning, never a block."""
        found: dict[int, DuplicateWarning] = {}

        def hit(row: Mapping[str, Any], reason: str) -> None:
            if row["id"] == customer.id:
                return
            warning = found.setdefault(
                row["id"], DuplicateWarning(row["id"], row["number"], row["name"])
            )
            warning.reasons.append(reason)

        if customer.postcode and customer.name:
            key = normalise_name(customer.name)
            for row in self.db.query(
                "SELECT id, number, name FROM customers WHERE postcode = ?",
                [customer.postcode.strip()],
            ):
                if key and normalise_name(row["name"]) == key:
                    hit(row, "gleicher Name und gleiche PLZ")
        if customer.email:
            for row in self.db.query(
                "SELECT id, number, name FROM customers WHERE email = ? COLLATE NOCASE",
                [customer.email.strip()],
            ):
                hit(row, "gleiche E-Mail-Adresse")
        if customer.phone and len(normalise_phone(customer.phone)) >= 6:
            wanted = normalise_phone(customer.phone)
            tail = re.sub(r"\D", "", customer.phone)[-4:]
            for row in self.db.query(
                "SELECT id, number, name, phone FROM customers WHERE phone LIKE ?",
                [f"%{tail[-2:]}"],
            ):
                if normalise_phone(row["phone"] or "") == wanted:
                    hit(row, "gleiche Telefonnummer")
        return list(found.values())

    # ---- contacts --------------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        validate_contact(contact)
        with self.transaction():
            self._customer_must_exist(contact.customer_id)
            self._insert(contact)
        return contact

    def update_contact(self, contact: Contact) -> None:
        validate_contact(contact)
        with self.transaction():
            self._update(contact)

    def get_contact(self, contact_id: int) -> Contact:
        return self._get(Contact, contact_id)

    def list_contacts(self, customer_id: int) -> list[Contact]:
        """The contact log of a customer, newest first."""
        return self._list(Contact, "customer_id = ?", [customer_id], "occurred_at DESC, id DESC")

    def delete_contact(self, contact_id: int) -> None:
        self._delete(Contact, contact_id)

    # ---- orders ----------------------------------------------------------------------

    def _check_order_number_free(self, order: Order) -> None:
        if order.order_number is None:
            return
        if self.db.execute(
            "SELECT 1 FROM orders WHERE order_number = ? AND id IS NOT ?",
            [order.order_number, order.id],
        ).fetchone():
            raise ValidationError(
                FieldError("order_number", f"Die Auftragsnummer {order.order_number} gibt es schon.")
            )

    def record_order(self, order: Order, *, staff_id: int | None = None,
                     direction: Direction = Direction.INBOUND) -> Order:
        """Record an order and, in the same transaction, its contact of type Bestellung."""
        if order.order_number is not None:
            order.order_number = order.order_number.strip() or None
        validate_order(order)
        with self.transaction():
            self._customer_must_exist(order.customer_id)
            self._check_order_number_free(order)
            self._insert(order)
            subject = order_contact_subject(order.is_credit_note, order.order_number)
            self._insert(
                Contact(
                    customer_id=order.customer_id,
                    occurred_at=dt.datetime.combine(order.order_date, dt.time(0, 0)),
                    type=ContactType.ORDER,
                    direction=direction,
                    staff_id=staff_id,
                    subject=subject,
                    order_id=order.id,
                )
            )
        return order

    def update_order(self, order: Order) -> None:
        validate_order(order)
        with self.transaction():
            self._check_order_number_free(order)
            self._update(order)
            self.db.execute(
                "UPDATE contacts SET occurred_at = ? WHERE order_id = ? "
                "AND substr(occurred_at, 1, 10) <> ?",
                [to_db(dt.datetime.combine(order.order_date, dt.time(0, 0))), order.id,
                 order.order_date.isoformat()],
            )

    def get_order(self, order_id: int) -> Order:
        return self._get(Order, order_id)

    def list_orders(self, customer_id: int) -> list[Order]:
        return self._list(Order, "customer_id = ?", [customer_id], "order_date DESC, id DESC")

    def delete_order(self, order_id: int) -> None:
        """Deletes the order and the Bestellung contact it recorded."""
        self._delete(Order, order_id)

    # ---- relationship costs ----------------------------------------------------------

    def add_cost(self, cost: Cost) -> Cost:
        validate_cost(cost)
        with self.transaction():
            self._customer_must_exist(cost.customer_id)
            self._insert(cost)
        return cost

    def update_cost(self, cost: Cost) -> None:
        validate_cost(cost)
        with self.transaction():
            self._update(cost)

    def get_cost(self, cost_id: int) -> Cost:
        return self._get(Cost, cost_id)

    def list_costs(self, customer_id: int) -> list[Cost]:
        return self._list(Cost, "customer_id = ?", [customer_id], "cost_date DESC, id DESC")

    def delete_cost(self, cost_id: int) -> None:
        self._delete(Cost, cost_id)

    # ---- marketing instruments -------------------------------------------------------

    def add_instrument(self, instrument: Instrument) -> Instrument:
        if not instrument.name.strip():
            raise ValidationError(FieldError("name", "Der Name fehlt."))
        with self.transaction():
            self._insert(instrument)
        return instrument

    def update_instrument(self, instrument: Instrument) -> None:
        with self.transaction():
            self._update(instrument)

    def get_instrument(self, instrument_id: int) -> Instrument:
        return self._get(Instrument, instrument_id)

    def list_instruments(self, *, include_retired: bool = False) -> list[Instrument]:
        where = "1" if include_retired else "retired_at IS NULL"
        return self._list(Instrument, where, order_by="name")

    def delete_instrument(self, instrument_id: int) -> None:
        """Delete an instrument no campaign uses; otherwise refuse (retire it instead)."""
        used = self.db.execute("SELECT count(*) FROM campaigns WHERE instrument_id = ?",
                               [instrument_id]).fetchone()[0]
        message = (f"Das Instrument wird in {used} Kampagne(n) verwendet und kann nicht "
                   "gelöscht werden. Bitte stattdessen ausmustern.")
        if used:
            raise ValidationError(FieldError("instrument_id", message))
        try:
            self._delete(Instrument, instrument_id)
        except sqlite3.IntegrityError as exc:  # a campaign added meanwhile: the schema refuses
            raise ValidationError(FieldError("instrument_id", "Das Instrument wird verwendet. "
                                             "Bitte stattdessen ausmustern.")) from exc

    def retire_instrument(self, instrument_id: int, day: dt.date) -> None:
        """Instruments are retired, never deleted: campaigns may refer to them."""
        with self.transaction():
            self.db.execute(
                "UPDATE instruments SET retired_at = ? WHERE id = ?", [day.isoformat(),
                                                                       instrument_id]
            )

    # ---- campaigns -------------------------------------------------------------------

    def add_campaign(self, campaign: Campaign) -> Campaign:
        if not campaign.name.strip():
            raise ValidationError(FieldError("name", "Der Name der Kampagne fehlt."))
        if campaign.end_date < campaign.start_date:
            raise ValidationError(FieldError("end_date", "Das Ende liegt vor dem Beginn."))
        with self.transaction():
            self._insert(campaign)
        return campaign

    def update_campaign(self, campaign: Campaign) -> None:
        if campaign.end_date < campaign.start_date:
            raise ValidationError(FieldError("end_date", "Das Ende liegt vor dem Beginn."))
        with self.transaction():
            self._update(campaign)

    def get_campaign(self, campaign_id: int) -> Campaign:
        return self._get(Campaign, campaign_id)

    def list_campaigns(self) -> list[Campaign]:
        return self._list(Campaign, order_by="start_date DESC, id DESC")

    def delete_campaign(self, campaign_id: int) -> None:
        self._delete(Campaign, campaign_id)

    def set_participants(self, campaign_id: int, customer_ids: list[int]) -> None:
        """Replace the participant list, keeping what is known of those who stay."""
        with self.transaction():
            keep = set(customer_ids)
            current = {p.customer_id for p in self.list_participants(campaign_id)}
            for customer_id in current - keep:
                self.db.execute(
                    "DELETE FROM campaign_participants WHERE campaign_id = ? AND customer_id = ?",
                    [campaign_id, customer_id],
                )
            for customer_id in sorted(keep - current):
                self.db.execute(
                    "INSERT INTO campaign_participants (campaign_id, customer_id) VALUES (?, ?)",
                    [campaign_id, customer_id],
                )

    def list_participants(self, campaign_id: int) -> list[CampaignParticipant]:
        return [
            from_row(CampaignParticipant, row)
            for row in self.db.query(
                "SELECT * FROM campaign_participants WHERE campaign_id = ? ORDER BY customer_id",
                [campaign_id],
            )
        ]

    def update_participant(self, participant: CampaignParticipant) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE campaign_participants SET participated_at = ?, contact_id = ? "
                "WHERE campaign_id = ? AND customer_id = ?",
                [to_db(participant.participated_at), participant.contact_id,
                 participant.campaign_id, participant.customer_id],
            )

    # ---- group history ---------------------------------------------------------------

    def save_snapshots(self, snapshots: list[GroupSnapshot]) -> None:
        """Store a period's groups; a second snapshot of the same period replaces the first."""
        with self.transaction():
            for snap in snapshots:
                row = to_row(snap)
                columns = ", ".join(row)
                updates = ", ".join(f"{c} = excluded.{c}" for c in row
                                    if c not in ("customer_id", "period"))
                self.db.execute(
                    f"INSERT INTO group_history ({columns}) VALUES "
                    f"({', '.join('?' for _ in row)}) "
                    f"ON CONFLICT (customer_id, period) DO UPDATE SET {updates}",
                    list(row.values()),
                )

    def list_history(self, customer_id: int) -> list[GroupSnapshot]:
        return self._list(GroupSnapshot, "customer_id = ?", [customer_id], "snapshot_date, id")

    def list_period_snapshots(self, period: str) -> list[GroupSnapshot]:
        return self._list(GroupSnapshot, "period = ?", [period], "customer_id")

    def list_periods(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT period FROM group_history GROUP BY period ORDER BY max(snapshot_date)"
        ).fetchall()]

    # ---- settings --------------------------------------------------------------------

    def get_setting(self, key: str) -> Any:
        setting = declared_settings.DECLARED[key]
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return setting.default if row is None else json.loads(row[0])

    def all_settings(self) -> dict[str, Any]:
        stored = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM settings")}
        return {key: stored.get(key, s.default) for key, s in declared_settings.DECLARED.items()}

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Validate and store several settings at once: all or nothing.

        The whole resulting settings are checked, not only the changed keys: a rule like
        A ≤ B for the ABC thresholds can break when only one of them changes.
        """
        with self.transaction():
            validate_settings({**self.all_settings(), **values})
            for key, value in values.items():
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value, ensure_ascii=False)],
                )

    def reset_settings(self, keys: list[str] | None = None) -> None:
        """Back to the declared defaults (all, or the given keys)."""
        with self.transaction():
            if keys is None:
                self.db.execute("DELETE FROM settings")
            else:
                for key in keys:
                    self.db.execute("DELETE FROM settings WHERE key = ?", [key])
