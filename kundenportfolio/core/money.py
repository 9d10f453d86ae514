"""Money as integer cents: strict parsing and formatting per number format.

The three formats the program knows (settings key ``number_format``):

* ``de-CH``: ``1'234.50`` — apostrophe groups thousands, point is the decimal mark
* ``de-DE`` and ``de-AT``: ``1.234,50`` — point groups thousands, comma is the decimal mark

Parsing is strict: input that could mean two different amounts in the chosen format is
refused with an explanation rather than guessed (``1.234`` under de-CH could be
1234 or 1.234).
"""

from __future__ import annotations

import re
from typing import Literal

NumberFormat = Literal["de-CH", "de-DE", "de-AT"]
NUMBER_FORMATS: tuple[NumberFormat, ...] = ("de-CH", "de-DE", "de-AT")

_CURRENCY = re.compile(r"^(CHF|EUR|Fr\.|SFr\.|€)\s*|\s*(CHF|EUR|Fr\.|SFr\.|€)$", re.IGNORECASE)
_SPACES = str.maketrans("", "", " \u00a0\u202f")
_MINUS = ("-", "\u2212")

# Largest amount accepted anywhere: 100 billion currency units. Far above any real order or
# cost, and 10^13 cents leave room in SQLite's 64-bit integers (max ≈ 9.2 × 10^18) for sums of
# ~900'000 such amounts; they also stay exact as float64 (exact up to 2^53 ≈ 9 × 10^15).
MAX_CENTS = 10**13


class MoneyFormatError(ValueError):
    """The text is not an amount in the chosen number format; the message says why."""


def separators(number_format: str) -> tuple[str, str]:
    """(thousands separator, decimal mark) of a number format."""
    if number_format == "de-CH":
        return "'", "."
    if number_format in ("de-DE", "de-AT"):
        return ".", ","
    raise ValueError(f"Unbekanntes Zahlenformat: {number_format}")


def parse_money(text: str, number_format: str) -> int:
    """Parse an amount typed by a user into cents, strictly per `number_format`."""
    thousands, decimal = separators(number_format)
    raw = (text or "").strip()
    if not raw:
        raise MoneyFormatError("Bitte einen Betrag eingeben.")
    raw = _CURRENCY.sub("", raw).strip().translate(_SPACES)
    if number_format == "de-CH":
        raw = raw.replace("\u2019", "'")  # typographic apostrophe, as Word types it
    negative = raw.startswith(_MINUS)
    if negative:
        raw = raw[1:]
    example = "1'234.50" if number_format == "de-CH" else "1.234,50"
    if not raw or not re.fullmatch(r"[0-9'.,]+", raw):
        raise MoneyFormatError(f"«{text}» ist kein Betrag (Beispiel: {example}).")
    if number_format == "de-CH" and "," in raw:
        raise MoneyFormatError(
            f"«{text}»: Im Format de-CH ist der Punkt das Dezimalzeichen "
            f"und ' trennt die Tausender (Beispiel: {example})."
        )
    if number_format != "de-CH" and "'" in raw:
        raise MoneyFormatError(
            f"«{text}»: Im Format {number_format} trennt der Punkt die Tausender "
            f"und das Komma ist das Dezimalzeichen (Beispiel: {example})."
        )
    # 1.234 could be 1234 or 1.234; 0.005 could not be thousands (no group starts with 0).
    if number_format == "de-CH" and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", raw):
        raise MoneyFormatError(
            f"«{text}» ist mehrdeutig: Im Format de-CH ist der Punkt das Dezimalzeichen. "
            f"Für Tausender bitte 1'234 schreiben; Beträge haben höchstens zwei "
            f"Nachkommastellen."
        )
    if raw.count(decimal) > 1:
        raise MoneyFormatError(f"«{text}» enthält mehr als ein Dezimalzeichen.")
    integer_part, _, fraction = raw.partition(decimal)
    if fraction and not fraction.isdigit():
        raise MoneyFormatError(f"«{text}»: Nach dem Dezimalzeichen dürfen nur Ziffern stehen.")
    if len(fraction) > 2:
        raise MoneyFormatError(
            f"«{text}» hat {len(fraction)} Nachkommastellen; Beträge haben höchstens zwei."
        )
    if thousands in integer_part:
        groups = integer_part.split(thousands)
        if decimal == "," and not fraction and len(groups) == 2 and 1 <= len(groups[1]) <= 2:
            # 1234.50 under de-DE/de-AT: a decimal point where the comma belongs
            suggestion = f"{'-' if negative else ''}{groups[0]}{decimal}{groups[1]}"
            raise MoneyFormatError(
                f"«{text}»: Im Format {number_format} ist das Komma das Dezimalzeichen, "
                f"der Punkt trennt die Tausender. Gemeint ist wohl «{suggestion}»."
            )
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
            raise MoneyFormatError(
                f"«{text}»: Die Tausendergruppen stimmen nicht (Beispiel: {example})."
            )
        integer_part = "".join(groups)
    if not integer_part:
        integer_part = "0"
    if not integer_part.isdigit():
        raise MoneyFormatError(f"«{text}» ist kein Betrag (Beispiel: {example}).")
    # Too many digits are refused before int(), which itself refuses over 4300 digits.
    too_long = len(integer_part.lstrip("0")) > len(str(MAX_CENTS // 100))
    cents = 0 if too_long else int(integer_part) * 100 + int((fraction + "00")[:2])
    if too_long or cents > MAX_CENTS:
        raise MoneyFormatError(
            f"«{text}» ist zu gross; der grösste mögliche Betrag ist "
            f"{format_money(MAX_CENTS, number_format)}."
        )
    return -cents if negative else cents


def format_money(cents: int, number_format: str, *, grouping: bool = True) -> str:
    """Format cents as ``1'234.50`` (de-CH) or ``1.234,50`` (de-DE/de-AT)."""
    thousands, decimal = separators(number_format)
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(int(cents)), 100)
    digits = f"{whole:,}".replace(",", thousands) if grouping else str(whole)
    return f"{sign}{digits}{decimal}{frac:02d}"


def cents_to_units(cents: int) -> float:
    """Currency units for exports that need a plain number (CSV with decimal point, XLSX)."""
    return cents / 100


def format_units_plain(cents: int) -> str:
    """``1234.50``: decimal point, no thousands separator — the machine-readable CSV form."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(int(cents)), 100)
    return f"{sign}{whole}.{frac:02d}"
