"""Campaigns (METHOD §5): participant proposals, consent checks and the evaluation.

Pure functions; `data.campaign_data` loads the inputs and writes the results.

Evaluation, as a controller would do it by hand:
* Window: W = max(setting "campaign_evaluation_days", campaign length) days.
  Before = the W days up to the day before the start; after = the W days from the start on
  (orders placed during the campaign count as its effect).
* Participants = customers marked as participating (if nobody was marked yet: the list).
  Comparison group = the other active customers of the target groups (group as of the day
  before the start), so a general up- or downswing is not credited to the campaign.
* Effect per participant = (mean after − mean before of participants)
                         − (mean after − mean before of the comparison group),
  for revenue and for Kundenwert (KDB IV). Without a comparison group: the participants'
  own change.
* Cost = the campaign budget, else instrument cost per participant × participants.
  Verdict: worthwhile if the Kundenwert effect per participant exceeds the cost per
  participant. Costs also booked on the customers lower their after-Kundenwert already, so
  the verdict is then on the cautious side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.models import Campaign, ContactType, Instrument
from kundenportfolio.core.money import format_money

# Contact type logged for a participation, by instrument code (default: Messe/Event).
CONTACT_TYPES: dict[str, ContactType] = {
    "newsletter": ContactType.EMAIL, "website_social_media": ContactType.OTHER,
    "kundenmagazin": ContactType.OTHER, "saisonales_mailing": ContactType.OTHER,
    "jahresgespraech": ContactType.VISIT, "persoenlicher_besuch": ContactType.VISIT,
    "bedarfsanalyse": ContactType.VISIT, "exklusive_angebote": ContactType.OFFER,
    "probeangebot": ContactType.OFFER, "cross_selling": ContactType.OFFER,
    "standardangebote": ContactType.OFFER, "prioritaetsservice": ContactType.OTHER,
    "online_bestellung": ContactType.OTHER, "mindestbestellwert": ContactType.OTHER,
    "individuelles_werbegeschenk": ContactType.OTHER, "incentive": ContactType.OTHER,
    "messe_event_einladung": ContactType.EVENT,
}


def participation_contact_type(instrument: Instrument | None) -> ContactType:
    return CONTACT_TYPES.get(instrument.code, ContactType.EVENT) if instrument else ContactType.EVENT


@dataclass
class ParticipantFilter:
    """Optional narrowing of a participant proposal (None = no restriction)."""

    staff_id: int | None = None
    industry: str | None = None
    abc: Sequence[str] | None = None
    max_rank: int | None = None
    min_kundenwert_cents: int | None = None
    require_email: bool = False
    require_address: bool = False


def needs_consent(instrument: Instrument | None) -> bool:
    """Advertising instruments (and campaigns without an instrument) need marketing consent."""
    return instrument is None or instrument.is_advertising


def propose_participants(table: pd.DataFrame, contactable: pd.DataFrame, campaign: Campaign,
                         instrument: Instrument | None,
                         flt: ParticipantFilter | None = None) -> list[int]:
    """Customer ids for a campaign, best Kundenwert first.

    table: portfolio table (group, status, staff_id, industry, abc, rank, kundenwert_cents).
    contactable: index customer_id, columns may_advertise, anonymized, has_email, has_address
    (data.campaign_data.load_contactability).
    """
    flt = flt or ParticipantFilter()
    flags = contactable[["may_advertise", "anonymized", "has_email", "has_address"]]
    df = table.join(flags, how="inner")
    mask = (df["status"] == "active") & ~df["anonymized"].astype(bool)
    if campaign.target_groups:
        mask &= df["group"].isin([str(g) for g in campaign.target_groups])
    if needs_consent(instrument):
        mask &= df["may_advertise"].astype(bool)
    if flt.staff_id is not None:
        mask &= df["staff_id"] == flt.staff_id
    if flt.industry:
        mask &= df["industry"].fillna("").str.casefold() == flt.industry.casefold()
    if flt.abc:
        mask &= df["abc"].isin(list(flt.abc))
    if flt.max_rank is not None:
        mask &= df["rank"] <= flt.max_rank
    if flt.min_kundenwert_cents is not None:
        mask &= df["kundenwert_cents"] >= flt.min_kundenwert_cents
    if flt.require_email:
        mask &= df["has_email"].astype(bool)
    if flt.require_address:
        mask &= df["has_address"].astype(bool)
    chosen = df[mask.fillna(False).astype(bool)]
    chosen = chosen.sort_values(["kundenwert_cents"], ascending=False, kind="stable")
    return [int(i) for i in chosen.index]


def check_consent(contactable: pd.DataFrame, numbers: pd.Series, instrument: Instrument | None,
                  customer_ids: Sequence[int]) -> None:
    """Refuse a hand-edited list that includes customers who must not get advertising.

    numbers: customer number per id (for the message). Raises ValidationError.
    """
    unknown = [i for i in customer_ids if i not in contactable.index]
    if unknown:
        raise ValidationError(FieldError("participants",
                                         f"Unbekannte Kunden-IDs: {', '.join(map(str, unknown))}."))
    rows = contactable.loc[list(customer_ids)]
    blocked = rows[rows["anonymized"].astype(bool)]
    if needs_consent(instrument):
        blocked = rows[~rows["may_advertise"].astype(bool) | rows["anonymized"].astype(bool)]
    if len(blocked):
        listed = ", ".join(str(numbers.get(i, i)) for i in blocked.index[:10])
        more = f" und {len(blocked) - 10} weitere" if len(blocked) > 10 else ""
        raise ValidationError(FieldError(
            "participants",
            f"Ohne Werbeeinwilligung, mit Widerspruch oder anonymisiert: Kunden {listed}{more}. "
            "Diese Kunden dürfen nicht an einer Werbeaktion teilnehmen."))


# ---- evaluation ---------------------------------------------------------------------------


def evaluation_windows(campaign: Campaign, days: int
                       ) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """((before_start, before_end), (after_start, after_end)), both inclusive and equally long."""
    length = max(days, (campaign.end_date - campaign.start_date).days + 1)
    before_end = campaign.start_date - dt.timedelta(days=1)
    before = (before_end - dt.timedelta(days=length - 1), before_end)
    after = (campaign.start_date, campaign.start_date + dt.timedelta(days=length - 1))
    return before, after


@dataclass
class GroupFigures:
    """Sums of a set of customers in the before and after windows (cents)."""

    customers: int
    revenue_before: int
    revenue_after: int
    kundenwert_before: int
    kundenwert_after: int

    def mean_change(self, what: str) -> float:
        """Mean change per customer ("revenue" or "kundenwert"), 0 for an empty set."""
        if not self.customers:
            return 0.0
        change = int(getattr(self, f"{what}_after")) - int(getattr(self, f"{what}_before"))
        return change / self.customers


@dataclass
class CampaignEvaluation:
    before: tuple[dt.date, dt.date]
    after: tuple[dt.date, dt.date]
    complete: bool  # the after window has ended
    participants: GroupFigures
    comparison: GroupFigures
    revenue_effect_per_participant_cents: int
    kundenwert_effect_per_participant_cents: int
    cost_cents: int | None
    cost_per_participant_cents: int | None
    verdict_code: str  # no_participants | pending | worthwhile | not_covered | no_effect
    verdict: str  # German, plain


def figures(before: pd.DataFrame, after: pd.DataFrame, ids: Sequence[int]) -> GroupFigures:
    """before/after: index customer_id, columns revenue_cents, kundenwert_cents (missing = 0)."""
    idx = pd.Index(list(ids))
    b = before.reindex(idx, fill_value=0)
    a = after.reindex(idx, fill_value=0)
    return GroupFigures(len(idx), int(b["revenue_cents"].sum()), int(a["revenue_cents"].sum()),
                        int(b["kundenwert_cents"].sum()), int(a["kundenwert_cents"].sum()))


def evaluate(before: pd.DataFrame, after: pd.DataFrame, participants: Sequence[int],
             comparison: Sequence[int], windows: tuple[tuple[dt.date, dt.date],
                                                       tuple[dt.date, dt.date]],
             as_of: dt.date, cost_cents: int | None, number_format: str = "de-CH",
             currency: str = "CHF") -> CampaignEvaluation:
    """The evaluation of a campaign from per-customer window sums (see module docstring)."""
    p = figures(before, after, participants)
    c = figures(before, after, [i for i in comparison if i not in set(participants)])
    effects = {}
    for what in ("revenue", "kundenwert"):
        base = c.mean_change(what) if c.customers else 0.0
        effects[what] = round(p.mean_change(what) - base)
    per_participant = round(cost_cents / p.customers) if cost_cents is not None and p.customers \
        else None
    complete = as_of >= windows[1][1]

    def money(cents: int) -> str:
        return f"{format_money(cents, number_format)} {currency}"

    kw = effects["kundenwert"]
    versus = "mehr als bei den übrigen Kunden der Zielgruppen" if c.customers else \
        "gegenüber dem Zeitraum davor"
    if not p.customers:
        code, text = "no_participants", "Keine Teilnehmer – nichts auszuwerten."
    elif not complete:
        code = "pending"
        text = (f"Noch nicht abschließend: Der Vergleichszeitraum endet am "
                f"{windows[1][1]:%d.%m.%Y}. Bisher je Teilnehmer: Kundenwert {money(kw)} "
                f"({'im Vergleich zu den übrigen Kunden' if c.customers else 'zum Zeitraum davor'}).")
    elif kw > 0 and (per_participant is None or kw > per_participant):
        code = "worthwhile"
        cost = f", mehr als die Kosten von {money(per_participant)} je Teilnehmer" \
            if per_participant is not None else " (Kosten unbekannt)"
        text = f"Hat sich gelohnt: Kundenwert je Teilnehmer {money(kw)} {versus}{cost}."
    elif kw > 0:
        code = "not_covered"
        text = (f"Wirkung vorhanden, Kosten nicht gedeckt: Kundenwert je Teilnehmer {money(kw)} "
                f"{versus}, die Kosten betragen {money(per_participant or 0)} je Teilnehmer.")
    else:
        code = "no_effect"
        text = ("Keine Wirkung erkennbar: Der Kundenwert der Teilnehmer hat sich nicht besser "
                f"entwickelt ({money(kw)} je Teilnehmer {versus}).")
    return CampaignEvaluation(windows[0], windows[1], complete, p, c, effects["revenue"], kw,
                              cost_cents, per_participant, code, text)


EXPORT_COLUMNS = {"number": "Kundennummer", "name": "Firma", "contact_person": "Ansprechpartner",
                  "street": "Straße", "postcode": "PLZ", "city": "Ort", "country": "Land",
                  "email": "E-Mail", "phone": "Telefon", "staff_name": "Betreuer"}


def export_frame(addresses: Sequence[object]) -> pd.DataFrame:
    """Mail-merge table with German headers from data.engagement.Address records."""
    rows = [{k: getattr(a, k) for k in EXPORT_COLUMNS} for a in addresses]
    return pd.DataFrame.from_records(rows, columns=list(EXPORT_COLUMNS)).rename(
        columns=EXPORT_COLUMNS)
