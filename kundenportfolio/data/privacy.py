"""Privacy: information about one customer (GDPR Art. 15/20, revDSG Art. 25/28) and erasure
(GDPR Art. 17, revDSG Art. 32) by anonymisation.

Export: every row of every table that refers to the customer (found through a `customer_id`
column, so tables added later are included automatically), as JSON and as readable German text.

Erasure keeps what bookkeeping law requires for 10 years (orders with their amounts, costs,
and thereby the portfolio totals) under an anonymous customer record ("Anonymisiert 10001"),
and removes every personal text. It runs with `PRAGMA secure_delete`, then VACUUMs and
truncates the -wal so the old texts are not left in free pages of the file or its WAL.
Backups made earlier still hold the data until they rotate out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kundenportfolio.core.errors import NotFoundError

EXPORT_FORMAT = "kundenportfolio-datenauskunft"
EXPORT_VERSION = 1

# Customer columns holding personal data, erased (NULL) on anonymisation.
PERSONAL_CUSTOMER_COLUMNS = ("contact_person", "street", "postcode", "city", "phone", "email",
                             "notes", "group_override_reason", "consent_source")
# Free-text columns of dependent tables (any table with customer_id) erased on anonymisation.
PERSONAL_TEXT_COLUMNS = {"subject", "notes", "note", "outcome", "contact_person", "email",
                         "phone", "street", "comment", "comments", "description", "raw",
                         "source"}
TABLE_TITLES = {
    "contacts": "Kontakte",
    "orders": "Aufträge",
    "costs": "Betreuungskosten",
    "campaign_participants": "Kampagnenteilnahmen",
    "group_history": "Gruppenverlauf (Portfolio)",
    "consent_history": "Einwilligungen (Verlauf)",
}
CUSTOMER_LABELS = {
    "number": "Kundennummer", "name": "Firma/Name", "contact_person": "Ansprechperson",
    "street": "Strasse", "postcode": "PLZ", "city": "Ort", "country": "Land",
    "phone": "Telefon", "email": "E-Mail", "industry": "Branche", "region": "Region",
    "customer_since": "Kunde seit", "status": "Status", "notes": "Notizen",
    "marketing_consent": "Werbeeinwilligung", "consent_date": "Einwilligung am",
    "consent_source": "Einwilligung über", "opt_out_date": "Widerspruch am",
    "potential_cents": "Bedarfspotenzial pro Jahr", "anonymized_at": "Anonymisiert am",
}


def _customer_row(db: Database, number: str) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM customers WHERE number = ?", [number.strip()]))
    if not rows:
        raise NotFoundError(f"Kundennummer {number} gibt es nicht.")
    return rows[0]


def customer_tables(db: Database) -> list[str]:
    """Every table (other than customers) with a customer_id column, in creation order."""
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY rowid")]
    return [n for n in names if n != "customers"
            and any(col == "customer_id" for _cid, col, *_ in db.execute(f"PRAGMA table_info([{n}])"))]


# ---- Auskunft / export -------------------------------------------------------------------


def export_customer(db: Database, number: str, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """Everything stored about one customer, JSON-ready."""
    customer = _customer_row(db, number)
    cid = customer["id"]
    tables = {table: list(db.query(f"SELECT * FROM [{table}] WHERE customer_id = ? "
                                   "ORDER BY rowid", [cid]))
              for table in customer_tables(db)}
    campaign_ids = {r["campaign_id"] for r in tables.get("campaign_participants", [])}
    campaigns = {str(r["id"]): r["name"] for r in db.query(
        f"SELECT id, name FROM campaigns WHERE id IN ({','.join('?' * len(campaign_ids))})",
        sorted(campaign_ids))} if campaign_ids else {}
    staff = None
    if customer.get("staff_id") is not None:
        row = db.execute("SELECT name FROM staff WHERE id = ?", [customer["staff_id"]]).fetchone()
        staff = row[0] if row else None
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "created_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "customer": customer,
        "consent": {k: customer.get(k) for k in ("marketing_consent", "consent_date",
                                                 "consent_source", "opt_out_date")},
        "responsible_staff": staff,
        "campaign_names": campaigns,
        "tables": tables,
    }


def write_export_json(data: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    temp.replace(out)


def export_text(data: dict[str, Any]) -> str:
    """A readable German version of the export (plain text; reports can turn it into PDF)."""
    customer = data["customer"]
    lines = [f"Datenauskunft zu Kunde {customer['number']}",
             f"Erstellt am {data['created_at'].replace('T', ' ')}", "", "Stammdaten"]
    for key, label in CUSTOMER_LABELS.items():
        value = customer.get(key)
        if key == "marketing_consent":
            value = "ja" if value else "nein"
        lines.append(f"  {label}: {'—' if value in (None, '') else value}")
    lines.append(f"  Betreuer/in: {data['responsible_staff'] or '—'}")
    for table, rows in data["tables"].items():
        lines += ["", f"{TABLE_TITLES.get(table, table)} ({len(rows)})"]
        for row in rows:
            shown = {k: v for k, v in row.items()
                     if k not in ("id", "customer_id") and v not in (None, "")}
            if table == "campaign_participants":
                shown["Kampagne"] = data["campaign_names"].get(str(row["campaign_id"]), "?")
            lines.append("  " + "; ".join(f"{k}: {v}" for k, v in shown.items()))
    return "\n".join(lines) + "\n"


# ---- Löschen / anonymisieren -------------------------------------------------------------


@dataclass
class ErasureResult:
    number: str
    anonymous_name: str
    cleared_texts: int  # text fields of dependent rows that were erased
    remaining: list[str] = field(default_factory=list)  # where old strings still occur


def _text_columns(db: Database, table: str) -> list[str]:
    return [col for _cid, col, typ, *_ in db.execute(f"PRAGMA table_info([{table}])")
            if (typ or "").upper() in ("TEXT", "")]


def find_strings(db: Database, needles: list[str]) -> list[str]:
    """Where any of the strings still occurs in a text column (German descriptions)."""
    found = []
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for col in _text_columns(db, table):
            for needle in needles:
                hits = db.execute(f"SELECT count(*) FROM [{table}] WHERE instr([{col}], ?) > 0",
                                  [needle]).fetchone()[0]
                if hits:
                    found.append(f"Tabelle {table}, Spalte {col}: {hits}× «{needle}»")
    return found


def erase_customer(db: Database, number: str, *, now: dt.datetime | None = None) -> ErasureResult:
    """Anonymise a customer; orders, amounts and costs stay (bookkeeping), detached from the
    person. Compacts the file afterwards (VACUUM, WAL truncated)."""
    customer = _customer_row(db, number)
    cid, number = customer["id"], customer["number"]
    needles = [str(customer[c]).strip() for c in ("name", "contact_person", "email", "phone",
                                                  "street") if customer.get(c)]
    needles = [n for n in needles if len(n) >= 4]
    anonymous = f"Anonymisiert {number}"
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    db.execute("PRAGMA secure_delete = ON")  # freed space is overwritten with zeros
    cleared = 0
    with db.atomic():
        db.execute(
            "UPDATE customers SET name = ?, "
            + ", ".join(f"{c} = NULL" for c in PERSONAL_CUSTOMER_COLUMNS)
            + ", marketing_consent = 0, consent_date = NULL, status = 'inactive', "
            "anonymized_at = ?, updated_at = datetime('now') WHERE id = ?",
            [anonymous, stamp, cid])
        for table in customer_tables(db):
            columns = [c for c in _text_columns(db, table) if c in PERSONAL_TEXT_COLUMNS]
            for col in columns:
                cursor = db.execute(f"UPDATE [{table}] SET [{col}] = NULL WHERE customer_id = ? "
                                    f"AND [{col}] IS NOT NULL", [cid])
                cleared += cursor.rowcount
    compact(db)
    return ErasureResult(number, anonymous, cleared, find_strings(db, needles))


def compact(db: Database) -> None:
    """Rewrite the file without free pages and empty the WAL, so erased texts are gone."""
    db.execute("PRAGMA secure_delete = ON")
    db.conn.execute("VACUUM")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def file_mentions(db_path: Path, text: str) -> bool:
    """Does the raw file or its -wal still contain `text` (UTF-8 bytes)?"""
    needle = text.encode("utf-8")
    for suffix in ("", "-wal", "-journal"):
        candidate = db_path.with_name(db_path.name + suffix)
        if candidate.exists() and needle in candidate.read_bytes():
            return True
    return False
