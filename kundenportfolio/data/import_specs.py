"""What can be imported and exported: the columns of each entity and how a cell becomes a value.

One table (`FIELDS`) serves both directions: the importer recognises a column by its
German or English header (case-insensitive), the exporter writes the canonical German
header (`FieldSpec.header`), so an export re-imports unchanged. Enum codes travel as the
German words users type (``Anruf``, ``Werbegeschenk``); the codes themselves are accepted too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kundenportfolio.core.models import (
    ComplaintStatus,
    ContactType,
    CostCategory,
    CustomerStatus,
    Direction,
    Group,
)
from kundenportfolio.core.tabular import (
    FAST_AMOUNT as _FAST_AMOUNT,
)
from kundenportfolio.core.tabular import (
    Cell,
    DecimalMark,
    cell_text,
    normalise_header,
    parse_cents,
)
from kundenportfolio.core.validation import parse_date, parse_datetime

Entity = Literal["customers", "orders", "contacts", "costs"]
ENTITIES: tuple[Entity, ...] = ("customers", "orders", "contacts", "costs")
ENTITY_NAMES: dict[str, str] = {
    "customers": "Kunden", "orders": "Aufträge", "contacts": "Kontakte", "costs": "Betreuungskosten",
}
Kind = Literal["text", "money", "date", "datetime", "bool", "choice", "integer"]


@dataclass(frozen=True)
class FieldSpec:
    name: str  # the dataclass attribute (customer_number/staff are resolved to ids)
    header: str  # canonical German header, written by the export
    aliases: tuple[str, ...] = ()  # further German/English names
    kind: Kind = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (code, German word) for kind "choice"

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.header, self.name, *self.aliases)}


CONTACT_TYPE_WORDS = (
    (ContactType.CALL, "Anruf"), (ContactType.INQUIRY, "Anfrage"), (ContactType.OFFER, "Angebot"),
    (ContactType.ORDER, "Bestellung"), (ContactType.COMPLAINT, "Reklamation"),
    (ContactType.VISIT, "Besuch"), (ContactType.EMAIL, "E-Mail"), (ContactType.EVENT, "Messe/Event"),
    (ContactType.OTHER, "Sonstiges"),
)
COST_CATEGORY_WORDS = (
    (CostCategory.VISIT, "Besuch"), (CostCategory.SERVICE, "Service"),
    (CostCategory.COMPLAINT_HANDLING, "Reklamationsbearbeitung"),
    (CostCategory.GIFT, "Werbegeschenk"), (CostCategory.EVENT, "Event"),
    (CostCategory.MARKETING, "Marketing"), (CostCategory.OTHER, "Sonstiges"),
)
DIRECTION_WORDS = ((Direction.INBOUND, "eingehend"), (Direction.OUTBOUND, "ausgehend"))
STATUS_WORDS = ((CustomerStatus.ACTIVE, "aktiv"), (CustomerStatus.INACTIVE, "inaktiv"))
COMPLAINT_WORDS = ((ComplaintStatus.OPEN, "offen"), (ComplaintStatus.DONE, "erledigt"))
COUNTRY_WORDS = (("DE", "DE"), ("AT", "AT"), ("CH", "CH"), ("LI", "LI"))
# The default group names; fixed here (not the renamable labels of the settings) so that an
# export re-imports whatever the groups are called on screen.
GROUP_WORDS = ((Group.STAR, "Starkunden"), (Group.ERTRAG, "Ertragskunden"),
               (Group.FRAGEZEICHEN, "Fragezeichenkunden"), (Group.MITNAHME, "Mitnahmekunden"))
# Extra spellings accepted on import (normalised header form -> code).
_EXTRA_CHOICES = {
    "messe": "event", "event": "event", "mail": "email", "telefon": "call", "telefonat": "call",
    "auftrag": "order", "reklamationsbearbeitung": "complaint_handling", "geschenk": "gift",
    "ein": "in", "aus": "out", "inbound": "in", "outbound": "out", "eingang": "in",
    "ausgang": "out", "deutschland": "DE", "germany": "DE", "oesterreich": "AT", "austria": "AT",
    "schweiz": "CH", "switzerland": "CH", "suisse": "CH", "liechtenstein": "LI",
    "erledigt": "done", "geschlossen": "done", "closed": "done",
    "starkunde": "star", "ertragskunde": "ertrag", "fragezeichenkunde": "fragezeichen",
    "mitnahmekunde": "mitnahme",
}

CUSTOMER_NUMBER = FieldSpec(
    "customer_number", "Kundennummer",
    ("Kunden-Nr", "Kundennr", "KdNr", "Kd-Nr", "customer_no", "customer_id", "customer"),
    required=True,
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "customers": (
        FieldSpec("number", "Kundennummer", ("Kunden-Nr", "Kundennr", "KdNr", "Nummer", "Nr",
                                             "customer_number", "customer_no"), required=True),
        FieldSpec("name", "Firma", ("Name", "company", "Firmenname", "Kunde", "Kundenname")),
        FieldSpec("contact_person", "Ansprechpartner", ("Kontaktperson", "Ansprechperson",
                                                        "contact")),
        FieldSpec("street", "Strasse", ("Straße", "Adresse", "address")),
        FieldSpec("postcode", "PLZ", ("Postleitzahl", "zip", "postal_code", "zip_code")),
        FieldSpec("city", "Ort", ("Stadt", "city", "town")),
        FieldSpec("country", "Land", ("country",), "choice", choices=COUNTRY_WORDS),
        FieldSpec("phone", "Telefon", ("Tel", "Telefonnummer", "phone")),
        FieldSpec("email", "E-Mail", ("Mail", "EMail-Adresse", "E-Mail-Adresse", "email")),
        FieldSpec("industry", "Branche", ("industry",)),
        FieldSpec("region", "Region", ("Gebiet", "region")),
        FieldSpec("staff", "Betreuer", ("Betreuerin", "Kundenbetreuer", "responsible", "staff")),
        FieldSpec("customer_since", "Kunde seit", ("customer_since",), "date"),
        FieldSpec("status", "Status", ("status",), "choice", choices=STATUS_WORDS),
        FieldSpec("marketing_consent", "Werbeeinwilligung", ("Einwilligung", "marketing_consent",
                                                             "consent"), "bool"),
        FieldSpec("consent_date", "Einwilligung am", ("Einwilligungsdatum", "consent_date"),
                  "date"),
        FieldSpec("consent_source", "Einwilligung über", ("Einwilligungsquelle",
                                                          "Quelle der Einwilligung",
                                                          "consent_source")),
        FieldSpec("opt_out_date", "Widerspruch am", ("Widerspruchsdatum", "Abgemeldet am",
                                                     "opt_out_date", "opt_out"), "date"),
        FieldSpec("potential_cents", "Bedarfspotenzial", ("Potenzial", "Bedarfspotential",
                                                          "potential"), "money"),
        FieldSpec("rating_payment", "Zahlungsverhalten", ("Bewertung Zahlung",
                                                          "rating_payment"), "integer"),
        FieldSpec("rating_reference", "Referenzwert", ("Bewertung Referenz",
                                                       "rating_reference"), "integer"),
        FieldSpec("rating_relationship", "Beziehungsqualität", ("Bewertung Beziehung",
                                                                "rating_relationship"),
                  "integer"),
        FieldSpec("group_override", "Feste Gruppe", ("group_override",), "choice",
                  choices=GROUP_WORDS),
        FieldSpec("group_override_reason", "Grund für feste Gruppe", ("Grund feste Gruppe",
                                                                      "group_override_reason")),
        FieldSpec("notes", "Notiz", ("Bemerkung", "Notizen", "note", "notes")),
    ),
    "orders": (
        CUSTOMER_NUMBER,
        FieldSpec("order_date", "Datum", ("Auftragsdatum", "Bestelldatum", "date", "order_date"),
                  "date", required=True),
        FieldSpec("order_number", "Auftragsnummer", ("Auftrags-Nr", "Auftragsnr", "Belegnummer",
                                                     "order_number", "order_no")),
        FieldSpec("amount_cents", "Betrag", ("Nettobetrag", "Umsatz", "amount", "net_amount"),
                  "money", required=True),
        FieldSpec("discount_cents", "Rabatt", ("Erlösschmälerung", "discount"), "money"),
        FieldSpec("cost_of_goods_cents", "Wareneinsatz", ("cost_of_goods", "cogs"), "money"),
        FieldSpec("note", "Notiz", ("Bemerkung", "note", "notes")),
    ),
    "contacts": (
        CUSTOMER_NUMBER,
        FieldSpec("occurred_at", "Datum", ("Zeitpunkt", "date", "occurred_at"), "datetime",
                  required=True),
        FieldSpec("type", "Art", ("Kontaktart", "Typ", "type"), "choice", required=True,
                  choices=CONTACT_TYPE_WORDS),
        FieldSpec("direction", "Richtung", ("direction",), "choice", choices=DIRECTION_WORDS),
        FieldSpec("staff", "Betreuer", ("Mitarbeiter", "responsible", "staff")),
        FieldSpec("subject", "Betreff", ("subject",)),
        FieldSpec("notes", "Notiz", ("Bemerkung", "Notizen", "note", "notes")),
        FieldSpec("outcome", "Ergebnis", ("outcome", "result")),
        FieldSpec("complaint_status", "Reklamationsstatus", ("complaint_status",), "choice",
                  choices=COMPLAINT_WORDS),
        FieldSpec("revenue_impact_cents", "Umsatzwirkung", ("revenue_impact",), "money"),
        FieldSpec("buys_from_competitor", "Kauft bei Konkurrenz", ("Konkurrenz",
                                                                   "buys_from_competitor"), "bool"),
    ),
    "costs": (
        CUSTOMER_NUMBER,
        FieldSpec("cost_date", "Datum", ("date", "cost_date"), "date", required=True),
        FieldSpec("category", "Kategorie", ("Kostenart", "category"), "choice", required=True,
                  choices=COST_CATEGORY_WORDS),
        FieldSpec("amount_cents", "Betrag", ("Kosten", "amount"), "money", required=True),
        FieldSpec("note", "Notiz", ("Bemerkung", "note", "notes")),
    ),
}


def field_spec(entity: str, name: str) -> FieldSpec:
    return next(f for f in FIELDS[entity] if f.name == name)


def recognised_columns(entity: str, headers: list[str]) -> dict[str, list[int]]:
    """Field name -> the indexes of every column whose header names that field."""
    normalised = [normalise_header(h) for h in headers]
    found: dict[str, list[int]] = {}
    for spec in FIELDS[entity]:
        names = spec.names()
        indexes = [i for i, header in enumerate(normalised) if header and header in names]
        if indexes:
            found[spec.name] = indexes
    return found


def suggest_mapping(entity: str, headers: list[str]) -> dict[str, int]:
    """Field name -> column index, recognised from the headers; each column used once.

    A field that two or more columns name (``Betrag`` and ``Nettobetrag``) is left out:
    which one is meant is not guessed (see `mapping_conflicts`).
    """
    mapping: dict[str, int] = {}
    for name, indexes in recognised_columns(entity, headers).items():
        if len(indexes) == 1 and indexes[0] not in mapping.values():
            mapping[name] = indexes[0]
    return mapping


def _column_label(headers: list[str], index: int) -> str:
    header = headers[index].strip() if index < len(headers) else ""
    return f"«{header}»" if header else f"Nr. {index + 1}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} und {items[-1]}"


def mapping_conflicts(entity: str, headers: list[str],
                      mapping: Mapping[str, int] | None = None) -> list[str]:
    """German messages for an import that would silently drop a column.

    Without `mapping` (columns recognised by their headers): a field named by two or more
    columns. With `mapping` (chosen by the user): one column given to two or more fields.
    """
    header_of = {spec.name: spec.header for spec in FIELDS[entity]}
    messages = []
    if mapping is None:
        for name, indexes in recognised_columns(entity, headers).items():
            if len(indexes) > 1:
                columns = _and([_column_label(headers, i) for i in indexes])
                messages.append(
                    f"Die Spalten {columns} gehören {'beide' if len(indexes) == 2 else 'alle'} "
                    f"zum Feld «{header_of[name]}»; welche gemeint ist, ist nicht erkennbar. "
                    "Bitte die überzählige Spalte löschen oder umbenennen, oder im "
                    "Import-Assistenten die richtige Spalte wählen.")
        return messages
    by_column: dict[int, list[str]] = {}
    for name, index in mapping.items():
        by_column.setdefault(index, []).append(name)
    for index, names in sorted(by_column.items()):
        if len(names) > 1:
            fields = _and([f"«{header_of.get(n, n)}»" for n in names])
            messages.append(f"Die Spalte {_column_label(headers, index)} ist mehreren Feldern "
                            f"zugeordnet ({fields}); eine Spalte kann nur ein Feld füllen.")
    return messages


def choice_word(spec: FieldSpec, code: str | None) -> str:
    """The German word the export writes for a code."""
    if code is None:
        return ""
    return next((word for c, word in spec.choices if c == code), code)


# ---- cell converters: raise ValueError with a German reason ----------------------------

_TRUE = {"ja", "j", "yes", "y", "x", "1", "wahr", "true"}
_FALSE = {"nein", "n", "no", "0", "falsch", "false", "-"}


def convert_text(cell: Cell) -> str | None:
    if cell.__class__ is str:
        text = cell.strip()
        if not text or text[0] != "'":
            return text or None
    text = cell_text(cell)
    # Our own exports neutralise =+-@ with a leading apostrophe; undo it.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    return text or None


def _convert_choice(spec: FieldSpec, cell: Cell) -> str | None:
    text = cell_text(cell)
    if not text:
        return None
    key = normalise_header(text)
    for code, word in spec.choices:
        if key in (normalise_header(code), normalise_header(word)):
            return str(code)
    extra = _EXTRA_CHOICES.get(key)
    if extra is not None and extra in {str(c) for c, _ in spec.choices}:
        return extra
    if spec.name == "country" and len(text) == 2 and text.isalpha():
        return text.upper()
    allowed = ", ".join(word for _, word in spec.choices)
    raise ValueError(f"«{text}» ist nicht bekannt (erlaubt: {allowed}).")


def _convert_bool(cell: Cell) -> bool | None:
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell).casefold()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"«{cell_text(cell)}»: bitte ja oder nein.")


def _convert_date(cell: Cell) -> str | None:
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    text = cell_text(cell)
    if not text:
        return None
    if len(text) == 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text).isoformat()  # fast path for big files
        except ValueError:
            pass
    return parse_date(text).isoformat()


def _convert_datetime(cell: Cell) -> str | None:
    if isinstance(cell, dt.datetime):
        return cell.strftime("%Y-%m-%d %H:%M")
    if isinstance(cell, dt.date):
        return f"{cell.isoformat()} 00:00"
    text = cell_text(cell)
    if not text:
        return None
    return parse_datetime(text).strftime("%Y-%m-%d %H:%M")


_INTEGER = re.compile(r"-?[0-9]+")


def _convert_integer(cell: Cell) -> int | None:
    if isinstance(cell, bool):
        raise ValueError(f"«{cell_text(cell)}» ist keine ganze Zahl.")
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    text = cell_text(cell)
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    raise ValueError(f"«{text}» ist keine ganze Zahl.")


def _cached(convert: Callable[[Cell], Any]) -> Callable[[Cell], Any]:
    """Dates repeat thousands of times in a big file: convert each distinct text once."""
    cache: dict[str, Any] = {}

    def cached(cell: Cell) -> Any:
        if cell.__class__ is not str:
            return convert(cell)
        try:
            return cache[cell]
        except KeyError:
            value = cache[cell] = convert(cell)
            if len(cache) > 50_000:
                cache.clear()
            return value
    return cached


def converter(spec: FieldSpec, mark: DecimalMark) -> Callable[[Cell], Any]:
    """The function turning one cell of this field into its stored value (None if empty).

    The common CSV cases (plain text, ``1234,50``) take a fast path: a million rows.
    """
    if spec.kind == "money":
        fast = _FAST_AMOUNT[mark].match

        def money(cell: Cell) -> int | None:
            if cell.__class__ is str:
                # 1234,50: string slicing beats the regex by far on a million cells.
                if len(cell) > 3 and cell[-3] == mark and cell[-2:].isdecimal() and (
                        cell[:-3].isdecimal()):
                    return int(cell[:-3] + cell[-2:])
                if m := fast(cell):
                    sign, whole, fraction = m.groups()
                    cents = int(whole) * 100 + (int((fraction + "0")[:2]) if fraction else 0)
                    return -cents if sign else cents
                if not cell.strip():
                    return None
            elif cell is None:
                return None
            return parse_cents(cell, mark)
        return money
    if spec.kind == "date":
        return _cached(_convert_date)
    if spec.kind == "datetime":
        return _cached(_convert_datetime)
    if spec.kind == "bool":
        return _convert_bool
    if spec.kind == "integer":
        return _convert_integer
    if spec.kind == "choice":
        return _cached(lambda cell: _convert_choice(spec, cell))
    return convert_text


# ---- export: rows keyed by the field names above ---------------------------------------

_EXPORT_SQL = {
    "customers": "SELECT c.*, s.name AS staff FROM customers c "
                 "LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.number",
    "orders": "SELECT o.*, c.number AS customer_number FROM orders o "
              "JOIN customers c ON c.id = o.customer_id ORDER BY o.order_date, o.id",
    "contacts": "SELECT k.*, c.number AS customer_number, s.name AS staff FROM contacts k "
                "JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.staff_id "
                "ORDER BY k.occurred_at, k.id",
    "costs": "SELECT k.*, c.number AS customer_number FROM costs k "
             "JOIN customers c ON c.id = k.customer_id ORDER BY k.cost_date, k.id",
}


def export_rows(repo: Any, entity: str) -> Iterator[dict[str, Any]]:
    """All records of an entity as dicts with the keys of `FIELDS[entity]` (streamed)."""
    yield from repo.db.query(_EXPORT_SQL[entity])
