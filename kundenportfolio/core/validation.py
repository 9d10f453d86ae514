"""Validation of user input. Every error names the field it is about.

The validators take already-typed dataclasses (the UI and the importer parse text with
`parse_date` and `money.parse_money` first, reporting the field on failure) and check the
rules that hold whatever the input channel was.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.models import (
    ComplaintStatus,
    Contact,
    ContactType,
    Cost,
    Customer,
    Order,
)
from kundenportfolio.core.money import MAX_CENTS

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class DateFormatError(ValueError):
    """Text is not a real calendar date in TT.MM.JJJJ or ISO form."""


def parse_date(text: str) -> dt.date:
    """Parse ``TT.MM.JJJJ`` or ``JJJJ-MM-TT``; only real calendar dates."""
    raw = (text or "").strip()
    if not raw:
        raise DateFormatError("Bitte ein Datum eingeben (TT.MM.JJJJ).")
    if m := _ISO.match(raw):
        year, month, day = (int(g) for g in m.groups())
    elif m := _GERMAN.match(raw):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise DateFormatError(f"«{text}» ist kein Datum (Format TT.MM.JJJJ, z. B. 31.12.2025).")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateFormatError(f"«{text}» gibt es im Kalender nicht.") from None


def parse_datetime(text: str) -> dt.datetime:
    """Parse a date with an optional time ``HH:MM`` (``31.12.2025 14:30``)."""
    raw = (text or "").strip().replace("T", " ")
    date_part, _, time_part = raw.partition(" ")
    day = parse_date(date_part)
    if not time_part.strip():
        return dt.datetime.combine(day, dt.time(0, 0))
    m = _TIME.match(time_part.strip()[:5])
    if not m or not (0 <= int(m.group(1)) < 24 and 0 <= int(m.group(2)) < 60):
        raise DateFormatError(f"«{time_part}» ist keine Uhrzeit (Format HH:MM).")
    return dt.datetime.combine(day, dt.time(int(m.group(1)), int(m.group(2))))


def format_date(day: dt.date | None) -> str:
    """``31.12.2025`` — the German date form used in every message and list."""
    return "" if day is None else day.strftime("%d.%m.%Y")


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def normalise_name(name: str) -> str:
    """Company name reduced for duplicate detection: case, accents, legal forms, punctuation."""
    text = name.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss")
    # Dots only abbreviate here: without them e.K., e.U., Ges.m.b.H. and Co.KG match below.
    text = text.replace(".", "")
    text = re.sub(
        r"\b(gmbh|gesmbh|ag|kg|klg|og|ohg|gbr|e\s*k|e\s*u|ug|sa\s*rl|sa|co\s*kg|co|und|&)\b",
        " ", text,
    )
    return re.sub(r"[^a-z0-9]+", "", text)


def normalise_phone(phone: str) -> str:
    """Digits only, with +41/0041/+49/+43 prefixes folded into a national 0."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0041", "0049", "0043", "41", "49", "43"):
        if phone.strip().startswith(("+", "00")) and digits.startswith(prefix):
            return "0" + digits[len(prefix):].lstrip("0")
    return digits


def _amount_in_range(errors: list[FieldError], field: str, cents: int | None) -> None:
    # Bigger amounts are typing errors and would overflow SQLite's 64-bit integers.
    if cents is not None and abs(cents) > MAX_CENTS:
        errors.append(FieldError(field, "Der Betrag ist zu gross (höchstens 100 Milliarden)."))


def _rating(errors: list[FieldError], field: str, value: int | None) -> None:
    if value is not None and not 1 <= value <= 5:
        errors.append(FieldError(field, "Bewertung von 1 bis 5 oder leer lassen."))


def validate_customer(customer: Customer) -> None:
    errors: list[FieldError] = []
    if not customer.number.strip():
        errors.append(FieldError("number", "Die Kundennummer fehlt."))
    elif len(customer.number) > 30:
        errors.append(FieldError("number", "Die Kundennummer ist länger als 30 Zeichen."))
    if not customer.name.strip():
        errors.append(FieldError("name", "Der Name (Firma) fehlt."))
    if customer.email and not is_valid_email(customer.email):
        errors.append(FieldError("email", f"«{customer.email}» ist keine gültige E-Mail-Adresse."))
    if customer.potential_cents is not None and customer.potential_cents < 0:
        errors.append(FieldError("potential_cents", "Das Bedarfspotenzial kann nicht negativ sein."))
    _amount_in_range(errors, "potential_cents", customer.potential_cents)
    _rating(errors, "rating_payment", customer.rating_payment)
    _rating(errors, "rating_reference", customer.rating_reference)
    _rating(errors, "rating_relationship", customer.rating_relationship)
    if customer.group_override and not (customer.group_override_reason or "").strip():
        errors.append(
            FieldError("group_override_reason", "Bitte einen Grund für die feste Gruppe angeben.")
        )
    _consent_dates(errors, customer)
    if customer.country not in ("DE", "AT", "CH", "LI") and len(customer.country) != 2:
        errors.append(FieldError("country", "Land als zweistelliger Code (DE, AT, CH)."))
    if errors:
        raise ValidationError(errors)


def _consent_dates(errors: list[FieldError], customer: Customer) -> None:
    """Consent evidence (issue 8) must be plausible: no dates in the future, and a withdrawn
    consent not withdrawn before it was given (a renewed consent may follow an old opt-out)."""
    today = dt.date.today()
    for field, day in (("consent_date", customer.consent_date),
                       ("opt_out_date", customer.opt_out_date)):
        if day is not None and day > today:
            errors.append(FieldError(field, "Das Datum liegt in der Zukunft."))
    if (not customer.marketing_consent and customer.consent_date and customer.opt_out_date
            and customer.opt_out_date < customer.consent_date):
        errors.append(FieldError("opt_out_date",
                                 "Der Widerruf kann nicht vor der Einwilligung liegen."))


def validate_order(order: Order) -> None:
    errors: list[FieldError] = []
    if order.amount_cents < 0 and not order.is_credit_note:
        errors.append(
            FieldError("amount_cents", "Negative Beträge nur bei einer Gutschrift.")
        )
    if order.is_credit_note and order.amount_cents > 0:
        errors.append(
            FieldError("amount_cents", "Eine Gutschrift hat einen negativen Betrag.")
        )
    if order.discount_cents < 0:
        errors.append(FieldError("discount_cents", "Die Erlösschmälerung kann nicht negativ sein."))
    elif order.discount_cents > abs(order.amount_cents):
        # also on a credit note: −100 with 500 discount would be a Nettoerlös of −600
        what = "der Betrag der Gutschrift" if order.amount_cents < 0 else "der Umsatz"
        errors.append(
            FieldError("discount_cents", f"Die Erlösschmälerung ist grösser als {what}.")
        )
    _amount_in_range(errors, "amount_cents", order.amount_cents)
    _amount_in_range(errors, "discount_cents", order.discount_cents)
    _amount_in_range(errors, "cost_of_goods_cents", order.cost_of_goods_cents)
    if order.cost_of_goods_cents is not None and order.cost_of_goods_cents < 0 and not (
        order.is_credit_note
    ):
        errors.append(FieldError("cost_of_goods_cents", "Der Wareneinsatz kann nicht negativ sein."))
    if order.order_number is not None and len(order.order_number) > 40:
        errors.append(FieldError("order_number", "Die Auftragsnummer ist zu lang (max. 40)."))
    if errors:
        raise ValidationError(errors)


def validate_contact(contact: Contact) -> None:
    errors: list[FieldError] = []
    is_complaint = contact.type == ContactType.COMPLAINT
    if contact.complaint_status is not None and not is_complaint:
        errors.append(FieldError("complaint_status", "Nur eine Reklamation hat einen Status."))
    if contact.revenue_impact_cents is not None and not is_complaint:
        errors.append(
            FieldError("revenue_impact_cents", "Nur eine Reklamation hat eine Umsatzwirkung.")
        )
    _amount_in_range(errors, "revenue_impact_cents", contact.revenue_impact_cents)
    if is_complaint and contact.complaint_status is None:
        contact.complaint_status = ComplaintStatus.OPEN
    if errors:
        raise ValidationError(errors)


def validate_cost(cost: Cost) -> None:
    errors: list[FieldError] = []
    if cost.amount_cents < 0:
        errors.append(FieldError("amount_cents", "Kosten können nicht negativ sein."))
    _amount_in_range(errors, "amount_cents", cost.amount_cents)
    if errors:
        raise ValidationError(errors)
