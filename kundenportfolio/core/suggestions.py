"""Kundenansprache optimieren (METHOD §5): which instrument fits whom, and why.

Inputs are the portfolio table (`PortfolioResult.table`), the contact aggregates
(`data.engagement.Engagement`), the instrument catalogue and the settings. Pure pandas.

Rules a controller may ask about:
* "Kontakt fällig": the last contact (of any type, orders included) lies MORE than the group's
  contact interval ago: interval 30, last contact 30 days ago → not yet due; 31 days → due.
  A customer never contacted is due.
* "Kundenwert steigt": rank within the top N (setting) with a positive Kundenwert, or a yearly
  revenue trend of at least the set percentage.
* Consent: customers without marketing consent, with an opt-out or anonymised never get an
  advertising instrument; a service instrument (is_advertising = False) may be suggested instead,
  labelled "Servicekontakt". If no service instrument fits, the suggestion is left out.
  Anonymised customers get no suggestions at all (there is nobody left to contact).
* Only active customers get suggestions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

import pandas as pd

from kundenportfolio.core.models import Group, Instrument, InstrumentScope
from kundenportfolio.core.scoring import group_label, group_strategy


class Reason(IntEnum):
    """Why a customer should be addressed; the value is the priority (1 = first)."""

    COMPLAINT_OPEN = 1
    CONTACT_DUE = 2
    VALUE_RISING = 3
    NEEDS_ANALYSIS = 4
    UNPROFITABLE = 5


REASON_TEXTS: dict[Reason, str] = {
    Reason.COMPLAINT_OPEN: "Reklamation offen",
    Reason.CONTACT_DUE: "Kontakt fällig",
    Reason.VALUE_RISING: "Kundenwert steigt — für individuelle Aktion vormerken",
    Reason.NEEDS_ANALYSIS: "Fragezeichen: Bedarfsanalyse anbieten",
    Reason.UNPROFITABLE: "unrentabel: Betreuung vereinfachen",
}

# Preferred instruments per reason (and group); others fitting the group follow as fallback.
PREFERRED: dict[Reason, dict[str, tuple[str, ...]]] = {
    Reason.CONTACT_DUE: {
        "star": ("persoenlicher_besuch", "jahresgespraech"),
        "ertrag": ("jahresgespraech", "persoenlicher_besuch"),
        "fragezeichen": ("bedarfsanalyse", "probeangebot"),
        "mitnahme": ("saisonales_mailing", "newsletter", "online_bestellung"),
    },
    Reason.VALUE_RISING: {"*": ("messe_event_einladung", "individuelles_werbegeschenk",
                                "incentive")},
    Reason.NEEDS_ANALYSIS: {"*": ("bedarfsanalyse", "probeangebot", "cross_selling")},
    Reason.UNPROFITABLE: {"*": ("online_bestellung", "mindestbestellwert", "standardangebote")},
}

KIND_ADVERTISING = "Werbung"
KIND_SERVICE = "Servicekontakt"

COLUMNS = ["customer_id", "number", "name", "group", "rank", "kundenwert_cents", "priority",
           "reason", "reason_text", "detail", "instrument_id", "instrument_code",
           "instrument_name", "kind", "staff_id", "staff_name", "last_contact_date",
           "days_since_contact"]


# ---- settings and groups --------------------------------------------------------------------


def contact_interval(settings: Mapping[str, Any], group: str) -> int:
    """Days after which a contact with a customer of `group` is due."""
    return int(settings["contact_interval_days"][str(group)])


def group_strategy_text(settings: Mapping[str, Any], group: str) -> str:
    """The group's Normstrategie (the editable text from the settings)."""
    return group_strategy(settings, group)


def group_label_text(settings: Mapping[str, Any], group: str) -> str:
    return group_label(settings, group)


def fits_group(instrument: Instrument, group: str) -> bool:
    """Active instrument tagged for `group` (no tag: all groups)."""
    if instrument.retired_at is not None:
        return False
    return not instrument.groups or group in {str(g) for g in instrument.groups}


def instruments_for_group(instruments: Sequence[Instrument], group: str) -> list[Instrument]:
    """Instruments that fit a group: the group's own first, then Star/Ertrag, all, individual."""
    order = {InstrumentScope.GROUP: 0, InstrumentScope.STAR_ERTRAG: 1, InstrumentScope.ALL: 2,
             InstrumentScope.INDIVIDUAL: 3}
    fitting = [i for i in instruments if fits_group(i, group)]
    return sorted(fitting, key=lambda i: (order[InstrumentScope(i.scope)], i.name))


def group_overview(instruments: Sequence[Instrument], settings: Mapping[str, Any]
                   ) -> list[dict[str, Any]]:
    """Per group: label, Normstrategie, contact interval and the fitting instruments."""
    return [
        {"group": g.value, "label": group_label_text(settings, g.value),
         "strategy": group_strategy_text(settings, g.value),
         "contact_interval_days": contact_interval(settings, g.value),
         "instruments": instruments_for_group(instruments, g.value)}
        for g in Group
    ]


# ---- per customer ---------------------------------------------------------------------------


def _candidates(reason: Reason, group: str, instruments: Sequence[Instrument]) -> list[Instrument]:
    prefs = PREFERRED.get(reason, {})
    codes = prefs.get(group, prefs.get("*", ()))
    by_code = {i.code: i for i in instruments if fits_group(i, group)}
    first = [by_code[c] for c in codes if c in by_code]
    if reason is Reason.VALUE_RISING:
        rest = [i for i in instruments_for_group(instruments, group)
                if i.scope == InstrumentScope.INDIVIDUAL]
    else:
        rest = [i for i in instruments_for_group(instruments, group)
                if i.scope != InstrumentScope.INDIVIDUAL]
    return first + [i for i in rest if i not in first]


def choose_instrument(reason: Reason, group: str, instruments: Sequence[Instrument],
                      may_advertise: bool) -> tuple[Instrument | None, bool]:
    """(instrument, allowed). Without consent only service instruments are allowed.

    A complaint needs no instrument (it is a service contact); for a due contact without a
    fitting allowed instrument a plain service contact (instrument None) is still allowed.
    """
    if reason is Reason.COMPLAINT_OPEN:
        return None, True
    for instrument in _candidates(reason, group, instruments):
        if may_advertise or not instrument.is_advertising:
            return instrument, True
    return None, reason is Reason.CONTACT_DUE


def _is_rising(row: Any, top_ranks: int, trend_percent: float) -> bool:
    trend = row.revenue_trend
    top = int(row.rank) <= top_ranks and int(row.kundenwert_cents) > 0
    return top or (trend is not None and not math.isnan(float(trend))
                   and float(trend) * 100.0 >= trend_percent)


def customer_reasons(row: Any, settings: Mapping[str, Any], as_of: dt.date
                     ) -> list[tuple[Reason, str]]:
    """(reason, detail in words) for one customer.

    `row`: a portfolio table row joined with Engagement.customers columns prefixed "e_"
    (group, rank, kundenwert_cents, revenue_trend, unprofitable, e_open_complaints,
    e_last_contact_date).
    """
    reasons: list[tuple[Reason, str]] = []
    group = str(row.group)
    if int(row.e_open_complaints) > 0:
        n = int(row.e_open_complaints)
        reasons.append((Reason.COMPLAINT_OPEN,
                        "1 offene Reklamation" if n == 1 else f"{n} offene Reklamationen"))
    interval = contact_interval(settings, group)
    last = row.e_last_contact_date
    if not isinstance(last, dt.date):
        reasons.append((Reason.CONTACT_DUE, "noch nie kontaktiert"))
    elif (as_of - last).days > interval:
        reasons.append((Reason.CONTACT_DUE,
                        f"letzter Kontakt vor {(as_of - last).days} Tagen "
                        f"(Intervall {interval} Tage)"))
    top_ranks = int(settings["suggestion_top_ranks"])
    trend_percent = float(settings["suggestion_rising_trend_percent"])
    if _is_rising(row, top_ranks, trend_percent):
        parts = []
        if int(row.rank) <= top_ranks and int(row.kundenwert_cents) > 0:
            parts.append(f"Rang {int(row.rank)}")
        trend = float(row.revenue_trend) if row.revenue_trend is not None else math.nan
        if not math.isnan(trend) and trend * 100.0 >= trend_percent:
            parts.append(f"Umsatz {trend * 100:+.0f} % pro Jahr")
        reasons.append((Reason.VALUE_RISING, ", ".join(parts)))
    if group == Group.FRAGEZEICHEN:
        reasons.append((Reason.NEEDS_ANALYSIS, "attraktiv, aber schwache Lieferantenposition"))
    if bool(row.unprofitable):
        reasons.append((Reason.UNPROFITABLE, "Kundenwert negativ"))
    return reasons


def build_suggestions(table: pd.DataFrame, engagement: Any, instruments: Sequence[Instrument],
                      settings: Mapping[str, Any], as_of: dt.date, *,
                      groups: Sequence[str] | None = None,
                      customer_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """One row per (customer, reason), sorted by priority, then Kundenwert (highest first).

    `engagement` is a data.engagement.Engagement for the same day. Columns: COLUMNS.
    """
    customers = engagement.customers
    frame = table
    if groups:
        frame = frame[frame["group"].isin([str(g) for g in groups])]
    if customer_ids is not None:
        frame = frame[frame.index.isin(list(customer_ids))]
    frame = frame[frame["status"] == "active"]
    frame = frame.join(customers.add_prefix("e_"), how="inner")
    frame = frame[~frame["e_anonymized"]]
    active = [i for i in instruments if i.retired_at is None]
    records: list[dict[str, Any]] = []
    for row in frame.itertuples():
        customer_id = int(row.Index)
        may_advertise = bool(row.e_may_advertise)
        last = row.e_last_contact_date
        days = (as_of - last).days if isinstance(last, dt.date) else None
        for reason, detail in customer_reasons(row, settings, as_of):
            instrument, allowed = choose_instrument(reason, str(row.group), active, may_advertise)
            if not allowed:
                continue  # only advertising would fit, and advertising is not allowed
            advertising = instrument is not None and instrument.is_advertising
            records.append({
                "customer_id": customer_id, "number": row.number, "name": row.name,
                "group": str(row.group), "rank": int(row.rank),
                "kundenwert_cents": int(row.kundenwert_cents), "priority": int(reason),
                "reason": reason.name.lower(), "reason_text": REASON_TEXTS[reason],
                "detail": detail,
                "instrument_id": instrument.id if instrument else None,
                "instrument_code": instrument.code if instrument else None,
                "instrument_name": instrument.name if instrument else None,
                "kind": KIND_ADVERTISING if advertising else KIND_SERVICE,
                "staff_id": None if pd.isna(row.e_staff_id) else int(row.e_staff_id),
                "staff_name": row.e_staff_name,
                "last_contact_date": last if days is not None else None,
                "days_since_contact": days,
            })
    out = pd.DataFrame.from_records(records, columns=COLUMNS)
    if out.empty:
        return out
    out["rank"] = out["rank"].astype("int64")
    out["kundenwert_cents"] = out["kundenwert_cents"].astype("int64")
    out["instrument_id"] = out["instrument_id"].astype("Int64")
    out["staff_id"] = out["staff_id"].astype("Int64")
    out["days_since_contact"] = out["days_since_contact"].astype("Int64")
    out = out.sort_values(["priority", "kundenwert_cents", "customer_id"],
                          ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)
