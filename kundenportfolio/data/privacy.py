"""Privacy: information about one customer (GDPR Art. 15/20, revDSG Art. 25/28) and erasure
(GDPR Art. 17, revDSG Art. 32) by anonymisation.

Export: every row of every table that refers to the customer (found through a `customer_id`
column, so tables added later are included automatically), as JSON and as readable German text
(`readable_table`: the labels and values the text and the PDF show).

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

from kundenportfolio import settings as declared
from kundenportfolio.core.errors import NotFoundError
from kundenportfolio.core.money import format_money, separators

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
    "customer_totals": "Summen (abgeleitet)",
}
# Tables computed from the others: data about the person all the same (Art. 15 DSGVO), so in
# the Auskunft, with a note on where they come from.
DERIVED_TABLES = {
    "customer_totals": "Aus allen Aufträgen, Kontakten und Betreuungskosten oben berechnet "
                       "(für die Auswertungen gespeichert).",
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
COST_CATEGORY_LABELS = {
    "visit": "Besuch", "service": "Service", "complaint_handling": "Reklamationsbearbeitung",
    "gift": "Werbegeschenk", "event": "Event", "marketing": "Marketing", "other": "Sonstiges"}
# Columns of the dependent tables in the readable forms (PDF, text); the JSON keeps the names.
COLUMN_LABELS = {
    "occurred_at": "Zeitpunkt", "type": "Art", "direction": "Richtung", "staff_id": "Betreuer/in",
    "subject": "Betreff", "notes": "Notizen", "outcome": "Ergebnis",
    "complaint_status": "Reklamation", "revenue_impact_cents": "Umsatzwirkung",
    "buys_from_competitor": "kauft bei Konkurrenz", "campaign_id": "Kampagne",
    "order_date": "Datum", "order_number": "Auftragsnummer",
    "amount_cents": "Betrag", "discount_cents": "Erlösschmälerung",
    "cost_of_goods_cents": "Wareneinsatz", "is_credit_note": "Gutschrift", "note": "Notiz",
    "cost_date": "Datum", "category": "Kategorie", "participated_at": "Teilgenommen am",
    "period": "Periode", "snapshot_date": "Stand",
    "group_code": "Gruppe", "attractiveness": "Attraktivität", "position": "Lieferantenposition",
    "kundenwert_cents": "Kundenwert", "rank": "Rang", "abc": "ABC", "overridden": "manuell",
    "recorded_at": "Erfasst am", "marketing_consent": "Einwilligung", "consent_date": "Datum",
    "source": "Quelle", "opt_out_date": "Widerspruch am",
    # customer_totals
    "revenue_cents": "Umsatz", "reductions_cents": "Erlösschmälerungen",
    "cogs_cents": "Wareneinsatz", "net_default_cents": "Nettoerlös ohne erfassten Wareneinsatz",
    "order_count": "Anzahl Aufträge (ohne Gutschriften)",
    "contact_count": "Anzahl Kontakte (ohne Bestellungen)",
    "complaint_count": "Anzahl Reklamationen",
    **{f"cost_{code}_cents": f"Kosten {label}" for code, label in COST_CATEGORY_LABELS.items()},
}
# Internal row numbers: in the JSON, left out of the readable forms (campaign_id and staff_id
# are shown by name instead).
INTERNAL_COLUMNS = {"id", "customer_id", "order_id", "contact_id"}
CODES = {
    "status": {"active": "aktiv", "inactive": "inaktiv"},
    "type": {"call": "Anruf", "inquiry": "Anfrage", "offer": "Angebot", "order": "Bestellung",
             "complaint": "Reklamation", "visit": "Besuch", "email": "E-Mail",
             "event": "Messe/Event", "other": "Sonstiges"},
    "direction": {"in": "eingehend", "out": "ausgehend"},
    "category": COST_CATEGORY_LABELS,
    "group_code": dict(declared.GROUP_LABELS.default),
    "complaint_status": {"open": "offen", "done": "erledigt"},
}
BOOLEANS = {"buys_from_competitor", "is_credit_note", "overridden", "marketing_consent"}
DECIMALS = {"attractiveness": 1, "position": 1}  # scores 0–100


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
    campaigns = _names(db, "campaigns", _referenced(tables, "campaign_id"))
    staff_ids = _referenced(tables, "staff_id")
    if customer.get("staff_id") is not None:
        staff_ids.add(customer["staff_id"])
    staff_names = _names(db, "staff", staff_ids)
    staff = staff_names.get(str(customer.get("staff_id")))
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "created_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "customer": customer,
        "consent": {k: customer.get(k) for k in ("marketing_consent", "consent_date",
                                                 "consent_source", "opt_out_date")},
        "responsible_staff": staff,
        "campaign_names": campaigns,
        "staff_names": staff_names,  # staff_id -> name, for the contacts
        "tables": tables,
    }


def _referenced(tables: dict[str, list[dict[str, Any]]], column: str) -> set[int]:
    return {row[column] for rows in tables.values() for row in rows
            if row.get(column) is not None}


def _names(db: Database, table: str, ids: set[int]) -> dict[str, str]:
    """id (as text, like JSON keys) -> name of the rows of `table` (campaigns, staff)."""
    if not ids:
        return {}
    return {str(r["id"]): r["name"] for r in db.query(
        f"SELECT id, name FROM [{table}] WHERE id IN ({','.join('?' * len(ids))})", sorted(ids))}


def write_export_json(data: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    temp.replace(out)


def readable_value(key: str, value: Any, number_format: str = "de-CH") -> str:
    """A stored value as a German reader expects it: amounts in the chosen number format,
    dates TT.MM.JJJJ, codes and yes/no as words; "" for nothing."""
    if value is None or value == "":
        return ""
    if key in BOOLEANS:
        return "ja" if value else "nein"
    if key.endswith("_cents") and isinstance(value, int):
        return format_money(value, number_format)
    if key in DECIMALS and isinstance(value, int | float):
        _thousands, decimal = separators(number_format)
        return f"{value:.{DECIMALS[key]}f}".replace(".", decimal)
    if key in CODES:
        return CODES[key].get(str(value), str(value))
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:  # ISO date or date-time -> 31.12.2025 (14:30)
            day = dt.date.fromisoformat(text[:10])
            text = day.strftime("%d.%m.%Y") + text[10:].replace("T", " ")
        except ValueError:
            pass
    return text


def readable_table(data: dict[str, Any], table: str,
                   number_format: str = "de-CH") -> tuple[list[str], list[list[str]]]:
    """Column labels and rows of one exported table in German, as the PDF and text show them:
    internal row numbers left out, campaigns and staff by name, columns empty in every row
    left out."""
    rows = data["tables"][table]
    names = {"campaign_id": data.get("campaign_names", {}), "staff_id": data.get("staff_names", {})}
    keys = [k for k in (rows[0] if rows else {}) if k not in INTERNAL_COLUMNS
            and any(r.get(k) not in (None, "") for r in rows)]
    if "campaign_id" in keys:  # what the row is about first
        keys.insert(0, keys.pop(keys.index("campaign_id")))

    def shown(key: str, value: Any) -> str:
        if key in names and value is not None:
            return str(names[key].get(str(value), f"Nr. {value}"))
        return readable_value(key, value, number_format)

    return ([COLUMN_LABELS.get(k, k) for k in keys],
            [[shown(k, row.get(k)) for k in keys] for row in rows])


def export_text(data: dict[str, Any], number_format: str = "de-CH") -> str:
    """A readable German version of the export (plain text, the same content as the PDF)."""
    customer = data["customer"]
    lines = [f"Datenauskunft zu Kunde {customer['number']}",
             f"Erstellt am {readable_value('created_at', data['created_at'])}", "", "Stammdaten"]
    for key, label in CUSTOMER_LABELS.items():
        value = readable_value(key, customer.get(key), number_format)
        lines.append(f"  {label}: {value or '—'}")
    lines.append(f"  Betreuer/in: {data['responsible_staff'] or '—'}")
    for table, rows in data["tables"].items():
        lines += ["", f"{TABLE_TITLES.get(table, table)} ({len(rows)})"]
        labels, cells = readable_table(data, table, number_format)
        for row in cells:
            lines.append("  " + "; ".join(f"{label}: {value}" for label, value
                                          in zip(labels, row, strict=True) if value))
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
