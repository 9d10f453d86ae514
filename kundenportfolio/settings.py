"""Every business setting declared once: key, type, default (after Picard's options.py).

These live in the database's `settings` table (JSON values), so they travel with the file.
Window state and UI preferences are not here; the UI keeps them in QSettings.
Each feature adds its settings to `DECLARED` through `declare()`; reading an undeclared key
is a programming error.
"""

from __future__ import annotations

import math
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


def check(key: str, value: Any) -> str | None:
    """German message if `value` is not valid for the declared setting `key`; None if it is.

    Float settings take only finite numbers: inf and nan slip through checks like ``>= 0``
    and crash later (an infinite CLV horizon raises OverflowError in core/value.py).
    """
    setting = DECLARED.get(key)
    if setting is None:
        return "Unbekannte Einstellung."
    if setting.type is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "Bitte eine Zahl angeben."
        if not math.isfinite(value):
            return "Bitte eine endliche Zahl angeben."
    if setting.validate is None:
        return None
    try:
        return setting.validate(value)
    except (TypeError, ValueError):
        return "Ungültiger Wert."


def _one_of(*choices: str) -> Validator:
    def check(value: Any) -> str | None:
        return None if value in choices else f"Erlaubt sind: {', '.join(choices)}."

    return check


def _percent(value: Any) -> str | None:
    return None if 0 <= float(value) <= 100 else "Ein Prozentwert von 0 bis 100."


def _non_negative(value: Any) -> str | None:
    return None if float(value) >= 0 else "Der Wert darf nicht negativ sein."


def _years(value: Any) -> str | None:
    # As the settings page allows; discounted over decades, later years add next to nothing.
    return None if 0 <= float(value) <= 50 else "Eine Anzahl Jahre von 0 bis 50."


SETTINGS_VERSION_KEY = declare("settings_version", int, SETTINGS_VERSION)
COMPANY_NAME = declare("company_name", str, "")
COMPANY_LOGO = declare("company_logo_path", str, "")
CURRENCY = declare("currency", str, "CHF", _one_of("CHF", "EUR"))
NUMBER_FORMAT = declare("number_format", str, "de-CH", _one_of("de-CH", "de-DE", "de-AT"))
UI_LANGUAGE = declare("ui_language", str, "de", _one_of("de", "en"))
DEFAULT_MARGIN_PERCENT = declare("default_margin_percent", float, 35.0, _percent)
DISCOUNT_RATE_PERCENT = declare("clv_discount_rate_percent", float, 8.0, _percent)
REMAINING_YEARS = declare("clv_remaining_years", float, 5.0, _years)

# ---- data safety (issue 8): backup folder and rotation --------------------------------------


def _positive_int(value: Any) -> str | None:
    return None if isinstance(value, int) and value >= 0 else "Eine ganze Zahl ab 0."


def _at_least_one(value: Any) -> str | None:
    # 0 would let the rotation delete the backup it has just made
    return None if isinstance(value, int) and value >= 1 else "Eine ganze Zahl ab 1."


def _folder_or_default(value: Any) -> str | None:
    from pathlib import PurePosixPath, PureWindowsPath

    if not isinstance(value, str):
        return "Ungültiger Wert."
    if value and not (PureWindowsPath(value).is_absolute() or PurePosixPath(value).is_absolute()):
        return "Bitte einen vollständigen Ordnerpfad angeben (z. B. E:\\Sicherungen)."
    return None


BACKUP_DIR = declare("backup_dir", str, "", _folder_or_default)  # "": paths.default_backup_dir()
BACKUP_KEEP_LAST = declare("backup_keep_last", int, 10, _at_least_one)
BACKUP_KEEP_DAILY_DAYS = declare("backup_keep_daily_days", int, 14, _positive_int)
BACKUP_KEEP_WEEKLY_WEEKS = declare("backup_keep_weekly_weeks", int, 8, _positive_int)
BACKUP_KEEP_MONTHLY_MONTHS = declare("backup_keep_monthly_months", int, 12, _positive_int)
BACKUP_ON_CLOSE_MINUTES = declare("backup_on_close_minutes", int, 60, _positive_int)

# ---- Kundenwert, ranking and portfolio (issue 3) ---------------------------------------------
# Criterion codes of the two axes (METHOD §3); labels live in core/scoring.py.
ATTRACTIVENESS_CRITERIA = ("kundenwert", "trend", "potential", "payment", "reference")
POSITION_CRITERIA = ("share_of_wallet", "frequency", "duration", "complaints", "relationship",
                     "contacts")
GROUP_CODES = ("star", "ertrag", "fragezeichen", "mitnahme")
COST_CATEGORY_CODES = ("visit", "service", "complaint_handling", "gift", "event", "marketing",
                       "other")


def _weights(codes: tuple[str, ...]) -> Validator:
    """Weights per criterion in percent: known codes, each 0–100, together exactly 100 %."""

    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) - set(codes):
            return f"Gewichte nur für diese Kriterien: {', '.join(codes)}."
        try:
            numbers = [float(v) for v in value.values()]
        except (TypeError, ValueError):
            return "Jedes Gewicht muss eine Zahl (Prozent) sein."
        if any(not 0 <= n <= 100 for n in numbers):
            return "Jedes Gewicht liegt zwischen 0 und 100 %."
        total = sum(numbers)
        if abs(total - 100) > 0.01:
            return f"Die Gewichte müssen zusammen 100 % ergeben (jetzt {total:g} %)."
        return None

    return check


def _level_mapping(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != set(COST_CATEGORY_CODES):
        return f"Für jede Kostenart eine Stufe angeben: {', '.join(COST_CATEGORY_CODES)}."
    if any(level not in ("II", "III", "IV") for level in value.values()):
        return "Erlaubte Stufen: II (Marketing), III (Vertrieb), IV (Service)."
    return None


def _group_texts(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != set(GROUP_CODES):
        return "Für jede der vier Gruppen einen Text angeben."
    if any(not isinstance(v, str) or not v.strip() for v in value.values()):
        return "Kein Text darf leer sein."
    return None


SCORE_WEIGHTS_ATTRACTIVENESS = declare(
    "score_weights_attractiveness", dict,
    {"kundenwert": 40.0, "trend": 20.0, "potential": 20.0, "payment": 10.0, "reference": 10.0},
    _weights(ATTRACTIVENESS_CRITERIA),
)
SCORE_WEIGHTS_POSITION = declare(
    "score_weights_position", dict,
    {"share_of_wallet": 25.0, "frequency": 25.0, "duration": 15.0, "complaints": 10.0,
     "relationship": 15.0, "contacts": 10.0},
    _weights(POSITION_CRITERIA),
)
# fixed: split at the thresholds below; median: split each axis at the median of all customers
SCORE_SPLIT_RULE = declare("score_split_rule", str, "fixed", _one_of("fixed", "median"))
SCORE_SPLIT_ATTRACTIVENESS = declare("score_split_attractiveness", float, 50.0, _percent)
SCORE_SPLIT_POSITION = declare("score_split_position", float, 50.0, _percent)
ABC_THRESHOLD_A = declare("abc_threshold_a_percent", float, 80.0, _percent)
ABC_THRESHOLD_B = declare("abc_threshold_b_percent", float, 95.0, _percent)
COST_LEVEL_MAPPING = declare(
    "cost_level_mapping", dict,
    {"gift": "II", "event": "II", "marketing": "II", "visit": "III",
     "service": "IV", "complaint_handling": "IV", "other": "IV"},
    _level_mapping,
)
GROUP_LABELS = declare(
    "group_labels", dict,
    {"star": "Starkunden", "ertrag": "Ertragskunden", "fragezeichen": "Fragezeichenkunden",
     "mitnahme": "Mitnahmekunden"},
    _group_texts,
)
GROUP_STRATEGIES = declare(
    "group_strategies", dict,
    {"star": "Halten und ausbauen: in die Beziehung investieren, persönliche Betreuung, "
             "exklusive Angebote.",
     "ertrag": "Halten und effizient betreuen: das Niveau sichern, nicht überinvestieren.",
     "fragezeichen": "Entwickeln oder abbauen («grosser Schritt oder raus»): Bedarf analysieren, "
                     "massgeschneiderte Angebote, dann entscheiden.",
     "mitnahme": "Kostengünstig betreuen: standardisierte, günstige Kanäle, Mindestbestellwerte."},
    _group_texts,
)
PORTFOLIO_SETTING_KEYS = (
    "default_margin_percent", "clv_discount_rate_percent", "clv_remaining_years",
    "score_weights_attractiveness", "score_weights_position", "score_split_rule",
    "score_split_attractiveness", "score_split_position", "abc_threshold_a_percent",
    "abc_threshold_b_percent", "cost_level_mapping", "group_labels", "group_strategies",
)

# ---- Kundenansprache (issue 6): contact intervals, suggestion rules, campaign evaluation ------


def _intervals(value: Any) -> str | None:
    groups = ("star", "ertrag", "fragezeichen", "mitnahme")
    if not isinstance(value, dict) or set(value) != set(groups):
        return "Für jede Kundengruppe ein Kontaktintervall in Tagen."
    if not all(isinstance(v, int) and v >= 1 for v in value.values()):
        return "Ein Kontaktintervall ist eine ganze Zahl von Tagen ab 1."
    return None


def _int_at_least_1(value: Any) -> str | None:
    return None if isinstance(value, int) and value >= 1 else "Eine ganze Zahl ab 1."


# "Kontakt fällig" when the last contact is MORE than this many days ago.
CONTACT_INTERVAL_DAYS = declare(
    "contact_interval_days", dict,
    {"star": 30, "ertrag": 60, "fragezeichen": 45, "mitnahme": 180}, _intervals,
)
# "Kundenwert steigt": rank 1..N, or a yearly revenue trend of at least this percentage.
SUGGESTION_TOP_RANKS = declare("suggestion_top_ranks", int, 10, _int_at_least_1)
SUGGESTION_RISING_TREND_PERCENT = declare("suggestion_rising_trend_percent", float, 10.0,
                                          _non_negative)
# Campaign evaluation: days compared before and after the campaign start.
CAMPAIGN_EVALUATION_DAYS = declare("campaign_evaluation_days", int, 90, _int_at_least_1)

# ---- Kaufverhalten prognostizieren (issue 5) -------------------------------------------------


def _positive_number(value: Any) -> str | None:
    return None if float(value) > 0 else "Eine Zahl grösser als 0."


def _negative_percent(value: Any) -> str | None:
    return None if -100 <= float(value) <= 0 else "Ein Prozentwert von −100 bis 0."


# At risk when no order for longer than this multiple of the customer's usual order interval.
FORECAST_RISK_INTERVAL_MULTIPLE = declare("forecast_risk_interval_multiple", float, 2.0,
                                          _positive_number)
# At risk when the revenue trend falls by at least this much per year (negative percent).
FORECAST_RISK_TREND_PERCENT = declare("forecast_risk_trend_percent", float, -20.0,
                                      _negative_percent)
# An order counts as a large one-off order from this multiple of the customer's median order.
FORECAST_LARGE_ORDER_FACTOR = declare("forecast_large_order_factor", float, 3.0, _positive_number)
# Forecast horizon of the per-customer forecast and the planning table, in days.
FORECAST_HORIZON_DAYS = declare("forecast_horizon_days", int, 365, _int_at_least_1)
