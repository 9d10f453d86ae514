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
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

import numpy as np
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


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.replace("{n}", str(n))


def _reason_masks(frame: pd.DataFrame, settings: Mapping[str, Any], as_of: dt.date
                  ) -> dict[Reason, tuple[pd.Series, list[str]]]:
    """Per reason: which rows have it and the detail text of those rows (vectorised).

    `frame`: portfolio table rows joined with Engagement.customers prefixed "e_".
    """
    out: dict[Reason, tuple[pd.Series, list[str]]] = {}
    complaints = frame["e_open_complaints"].astype("int64")
    mask = complaints > 0
    out[Reason.COMPLAINT_OPEN] = (mask, [
        _plural(int(n), "1 offene Reklamation", "{n} offene Reklamationen")
        for n in complaints[mask]])

    intervals = frame["group"].astype(str).map(
        {g.value: contact_interval(settings, g.value) for g in Group}).astype("int64")
    last = pd.to_datetime(frame["e_last_contact_date"], errors="coerce")
    days = (pd.Timestamp(as_of) - last).dt.days  # NaN: never contacted
    mask = days.isna() | (days > intervals)
    out[Reason.CONTACT_DUE] = (mask, [
        "noch nie kontaktiert" if pd.isna(d) else
        f"letzter Kontakt vor {int(d)} Tagen (Intervall {int(i)} Tage)"
        for d, i in zip(days[mask], intervals[mask], strict=True)])

    top_ranks = int(settings["suggestion_top_ranks"])
    trend_percent = float(settings["suggestion_rising_trend_percent"])
    top = (frame["rank"].astype("int64") <= top_ranks) & (frame["kundenwert_cents"] > 0)
    trend = frame["revenue_trend"].astype("float64") * 100.0
    rising = trend >= trend_percent  # NaN compares False
    mask = top | rising
    details = []
    for is_top, rank, is_rising, pct in zip(top[mask], frame["rank"][mask], rising[mask],
                                            trend[mask], strict=True):
        parts = [f"Rang {int(rank)}"] if is_top else []
        if is_rising:
            parts.append(f"Umsatz {pct:+.0f} % pro Jahr")
        details.append(", ".join(parts))
    out[Reason.VALUE_RISING] = (mask, details)

    mask = frame["group"].astype(str) == Group.FRAGEZEICHEN.value
    out[Reason.NEEDS_ANALYSIS] = (mask, ["attraktiv, aber schwache Lieferantenposition"]
                                  * int(mask.sum()))
    mask = frame["unprofitable"].astype(bool)
    out[Reason.UNPROFITABLE] = (mask, ["Kundenwert negativ"] * int(mask.sum()))
    return out


def build_suggestions(table: pd.DataFrame, engagement: Any, instruments: Sequence[Instrument],
                      settings: Mapping[str, Any], as_of: dt.date, *,
                      groups: Sequence[str] | None = None,
                      customer_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """One row per (customer, reason), sorted by priority, then Kundenwert (highest first).

    `engagement` is a data.engagement.Engagement for the same day. Columns: COLUMNS.
    Vectorised per reason; the instrument is chosen once per (reason, group, consent).
    """
    frame = table
    if groups:
        frame = frame[frame["group"].isin([str(g) for g in groups])]
    if customer_ids is not None:
        frame = frame[frame.index.isin(list(customer_ids))]
    frame = frame[frame["status"] == "active"]
    frame = frame.join(engagement.customers.add_prefix("e_"), how="inner")
    frame = frame[~frame["e_anonymized"].astype(bool)]
    active = [i for i in instruments if i.retired_at is None]
    choice = {(reason, g.value, consent): choose_instrument(reason, g.value, active, consent)
              for reason in Reason for g in Group for consent in (False, True)}
    parts: list[pd.DataFrame] = []
    for reason, (mask, details) in _reason_masks(frame, settings, as_of).items():
        sub = frame[mask]
        picked = [choice[(reason, str(g), bool(c))]
                  for g, c in zip(sub["group"], sub["e_may_advertise"], strict=True)]
        allowed = [ok for _, ok in picked]
        chosen = [inst for inst, _ in picked]
        part = pd.DataFrame({
            "customer_id": sub.index.astype("int64"), "number": sub["number"].to_numpy(),
            "name": sub["name"].to_numpy(), "group": sub["group"].astype(str).to_numpy(),
            "rank": sub["rank"].astype("int64").to_numpy(),
            "kundenwert_cents": sub["kundenwert_cents"].astype("int64").to_numpy(),
            "priority": int(reason), "reason": reason.name.lower(),
            "reason_text": REASON_TEXTS[reason], "detail": details,
            "instrument_id": [i.id if i else None for i in chosen],
            "instrument_code": [i.code if i else None for i in chosen],
            "instrument_name": [i.name if i else None for i in chosen],
            "kind": [KIND_ADVERTISING if i is not None and i.is_advertising else KIND_SERVICE
                     for i in chosen],
            "staff_id": sub["e_staff_id"].to_numpy(),
            "staff_name": sub["e_staff_name"].to_numpy(),
            "last_contact_date": sub["e_last_contact_date"].to_numpy(),
        })
        parts.append(part.loc[np.array(allowed, dtype=bool)])
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    last = pd.to_datetime(out["last_contact_date"], errors="coerce")
    out["days_since_contact"] = (pd.Timestamp(as_of) - last).dt.days.astype("Int64")
    out["last_contact_date"] = [d if isinstance(d, dt.date) else None
                                for d in out["last_contact_date"]]
    out["instrument_id"] = out["instrument_id"].astype("Int64")
    out["staff_id"] = out["staff_id"].astype("Int64")
    out = out.sort_values(["priority", "kundenwert_cents", "customer_id"],
                          ascending=[True, False, True], kind="stable")
    return out[COLUMNS].reset_index(drop=True)
