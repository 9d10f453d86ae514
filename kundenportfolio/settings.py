"""Every business setting declared once: key, type, default (after Picard's options.py).

These live in the database's `settings` table (JSON values), so they travel with the file.
Window state and UI preferences are not here; the UI keeps them in QSettings.
Each feature adds its settings to `DECLARED` through `declare()`; reading an undeclared key
is a programming error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SETTINGS_VERSION = 1

Validator = Callable[[Any], str | None]  # returns a German error message, or None if valid


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    validate: Validator | None = None


DECLARED: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, validate: Validator | None = None) -> Setting:
    setting = Setting(key, type_, default, validate)
    DECLARED[key] = setting
    return setting


def _one_of(*choices: str) -> Validator:
    def check(value: Any) -> str | None:
        return None if value in choices else f"Erlaubt sind: {', '.join(choices)}."

    return check


def _percent(value: Any) -> str | None:
    return None if 0 <= float(value) <= 100 else "Ein Prozentwert von 0 bis 100."


def _non_negative(value: Any) -> str | None:
    return None if float(value) >= 0 else "Der Wert darf nicht negativ sein."


SETTINGS_VERSION_KEY = declare("settings_version", int, SETTINGS_VERSION)
COMPANY_NAME = declare("company_name", str, "")
COMPANY_LOGO = declare("company_logo_path", str, "")
CURRENCY = declare("currency", str, "CHF", _one_of("CHF", "EUR"))
NUMBER_FORMAT = declare("number_format", str, "de-CH", _one_of("de-CH", "de-DE", "de-AT"))
UI_LANGUAGE = declare("ui_language", str, "de", _one_of("de", "en"))
DEFAULT_MARGIN_PERCENT = declare("default_margin_percent", float, 35.0, _percent)
DISCOUNT_RATE_PERCENT = declare("clv_discount_rate_percent", float, 8.0, _percent)
REMAINING_YEARS = declare("clv_remaining_years", float, 5.0, _non_negative)
