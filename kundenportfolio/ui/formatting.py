"""Money, numbers and dates for display, through QLocale per the ``number_format`` setting.

de-CH gives ``1'234.50`` and de-DE ``1.234,50`` from QLocale directly (checked with Qt 6.12).
Qt's CLDR data groups de-AT thousands with a non-breaking space, but the program promises
``1.234,50`` for Austria, so de-AT is formatted with the German (Germany) number rules.
Money is integer cents; the whole part is formatted as an integer so no float rounding
can creep into an amount.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from kundenportfolio.core.money import format_money as _plain_format_money

_COUNTRY = {
    "de-CH": QLocale.Country.Switzerland,
    "de-DE": QLocale.Country.Germany,
    "de-AT": QLocale.Country.Germany,  # see module docstring
}


_CACHE: dict[str, QLocale] = {}


def locale_for(number_format: str) -> QLocale:
    """The QLocale that formats numbers the way `number_format` promises."""
    locale = _CACHE.get(number_format)
    if locale is None:  # building a QLocale per table cell would be slow
        country = _COUNTRY.get(number_format, QLocale.Country.Switzerland)
        locale = _CACHE[number_format] = QLocale(QLocale.Language.German, country)
    return locale


def format_money(cents: int | None, number_format: str) -> str:
    """``1'234.50`` (de-CH) or ``1.234,50`` (de-DE/de-AT); empty for None."""
    if cents is None:
        return ""
    locale = locale_for(number_format)
    cents = int(cents)
    whole, frac = divmod(abs(cents), 100)
    text = f"{locale.toString(whole)}{locale.decimalPoint()}{frac:02d}"
    text = f"-{text}" if cents < 0 else text
    if locale.groupSeparator() not in ("'", ".", "\u2019"):  # unexpected Qt data: fall back
        return _plain_format_money(cents, number_format)
    return text.replace("\u2019", "'")


def format_number(value: float | int | None, number_format: str, decimals: int = 0) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    return locale_for(number_format).toString(float(value), "f", decimals)


def format_date(day: dt.date | None) -> str:
    """``31.12.2025`` — the same in all three German formats."""
    if day is None:
        return ""
    return QLocale(QLocale.Language.German).toString(QDate(day.year, day.month, day.day), "dd.MM.yyyy")


def format_datetime(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    text = format_date(moment.date())
    return text if (moment.hour, moment.minute) == (0, 0) else f"{text} {moment:%H:%M}"
