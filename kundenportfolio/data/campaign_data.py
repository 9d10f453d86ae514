"""Campaigns on the database: create, participants, participation as contacts, evaluation.

The rules live in `core.campaigns`; this module loads their inputs and writes in one
transaction per user action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kundenportfolio.core import campaigns as rules
from kundenportfolio.core import value
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.models import (
    Campaign,
    Contact,
    ContactType,
    Direction,
    Group,
    Instrument,
)
from kundenportfolio.core.periods import Period
from kundenportfolio.data import aggregates
from kundenportfolio.data.repository import Repository
from kundenportfolio.data.rows import to_db


def load_contactability(repo: Repository) -> pd.DataFrame:
    """Index customer_id: may_advertise, anonymized, has_email, has_address, number."""
    rows = repo.db.execute(
        "SELECT id, (marketing_consent = 1 AND opt_out_date IS NULL AND anonymized_at IS NULL), "
        "anonymized_at IS NOT NULL, coalesce(trim(email), '') <> '', "
        "coalesce(trim(street), '') <> '' AND coalesce(trim(postcode), '') <> '' "
        "AND coalesce(trim(city), '') <> '', number FROM customers"
    ).fetchall()
    frame = pd.DataFrame.from_records(rows, columns=["customer_id", "may_advertise", "anonymized",
                                                     "has_email", "has_address", "number"])
    frame = frame.set_index("customer_id")
    for column in ("may_advertise", "anonymized", "has_email", "has_address"):
        frame[column] = frame[column].astype(bool)
    return frame


def _instrument(repo: Repository, instrument_id: int | None) -> Instrument | None:
    return None if instrument_id is None else repo.get_instrument(instrument_id)


def create_campaign(repo: Repository, name: str, instrument_id: int | None,
                    target_groups: Sequence[Group | str], start: dt.date, end: dt.date,
                    budget_cents: int | None = None) -> Campaign:
    """A new campaign; a retired instrument or a negative budget is refused."""
    errors = []
    if instrument_id is not None:
        instrument = repo.get_instrument(instrument_id)
        if instrument.retired_at is not None:
            errors.append(FieldError("instrument_id", f"«{instrument.name}» ist ausgemustert."))
    if budget_cents is not None and budget_cents < 0:
        errors.append(FieldError("budget_cents", "Das Budget darf nicht negativ sein."))
    if errors:
        raise ValidationError(errors)
    campaign = Campaign(name=name.strip(), instrument_id=instrument_id, start_date=start,
                        end_date=end, target_groups=[Group(g) for g in target_groups],
                        budget_cents=budget_cents)
    return repo.add_campaign(campaign)


def save_participants(repo: Repository, campaign_id: int, customer_ids: Sequence[int]) -> None:
    """Replace the participant list after checking consent (nothing written if refused)."""
    campaign = repo.get_campaign(campaign_id)
    contactable = load_contactability(repo)
    rules.check_consent(contactable, contactable["number"], _instrument(repo,
                        campaign.instrument_id), list(customer_ids))
    repo.set_participants(campaign_id, list(customer_ids))


def mark_participation(repo: Repository, campaign_id: int, customer_ids: Sequence[int],
                       day: dt.date, *, staff_id: int | None = None,
                       contact_type: ContactType | None = None) -> int:
    """Mark customers as having taken part; logs exactly one contact each, in one transaction.

    Customers already marked are skipped (marking twice logs nothing twice). Customers not
    on the list are refused. Returns the number of newly logged contacts.
    """
    campaign = repo.get_campaign(campaign_id)
    kind = contact_type or rules.participation_contact_type(
        _instrument(repo, campaign.instrument_id))
    listed = {p.customer_id: p for p in repo.list_participants(campaign_id)}
    missing = [i for i in customer_ids if i not in listed]
    if missing:
        raise ValidationError(FieldError(
            "participants", f"Nicht auf der Teilnehmerliste: Kunden-IDs "
            f"{', '.join(map(str, missing))}."))
    logged = 0
    with repo.transaction():
        for customer_id in dict.fromkeys(customer_ids):
            if listed[customer_id].participated_at is not None:
                continue
            contact = Contact(customer_id=customer_id, occurred_at=dt.datetime.combine(
                day, dt.time(0, 0)), type=kind, direction=Direction.OUTBOUND, staff_id=staff_id,
                subject=f"Kampagne {campaign.name}", campaign_id=campaign_id)
            repo.add_contact(contact)  # a savepoint in our transaction: all or none
            repo.db.execute(
                "UPDATE campaign_participants SET participated_at = ?, contact_id = ? "
                "WHERE campaign_id = ? AND customer_id = ?",
                [to_db(day), contact.id, campaign_id, customer_id])
            logged += 1
    return logged


def window_values(repo: Repository, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Index customer_id: revenue_cents and kundenwert_cents (KDB IV) from start to end,
    computed exactly like the portfolio (core.value) — customers without data left out."""
    settings = repo.all_settings()
    orders = aggregates.load_order_sums(repo.db, start, end)
    costs = aggregates.load_cost_sums(repo.db, start, end)
    index = orders.index.union(costs.index)
    kdb = value.compute_kdb(orders, value.costs_to_levels(
        costs, settings.get("cost_level_mapping") or {}), index,
        float(settings.get("default_margin_percent", 35.0)))
    return pd.DataFrame({"revenue_cents": kdb["revenue_cents"],
                         "kundenwert_cents": kdb["kdb4_cents"]}, index=index)


def evaluate_campaign(repo: Repository, campaign_id: int, as_of: dt.date,
                      groups_table: pd.DataFrame | None = None,
                      store: Any = None) -> rules.CampaignEvaluation:
    """Evaluate a campaign as of a day.

    groups_table: a portfolio table (index customer_id, columns group, status) for the
    comparison group; default: the portfolio of the 12 months before the campaign start,
    from `store` (a PortfolioStore, whose cache the GUI shares) or computed afresh.
    """
    campaign = repo.get_campaign(campaign_id)
    settings = repo.all_settings()
    windows = rules.evaluation_windows(campaign, int(settings["campaign_evaluation_days"]))
    listed = repo.list_participants(campaign_id)
    marked = [p.customer_id for p in listed if p.participated_at is not None]
    participants = marked or [p.customer_id for p in listed]
    if groups_table is None:
        from kundenportfolio.data.portfolio_store import PortfolioStore

        period = Period.last_12_months(campaign.start_date - dt.timedelta(days=1))
        groups_table = (store or PortfolioStore(repo)).result(period).table
    targets = [str(g) for g in campaign.target_groups] or [g.value for g in Group]
    listed_ids = {p.customer_id for p in listed}
    pool = groups_table[groups_table["group"].isin(targets) & (groups_table["status"] == "active")]
    comparison = [int(i) for i in pool.index if int(i) not in listed_ids]
    before = window_values(repo, *windows[0])
    after = window_values(repo, *windows[1])
    instrument = _instrument(repo, campaign.instrument_id)
    cost = campaign.budget_cents
    if cost is None and instrument and instrument.cost_per_participant_cents is not None:
        cost = instrument.cost_per_participant_cents * len(participants)
    return rules.evaluate(before, after, participants, comparison, windows, as_of, cost,
                          str(settings["number_format"]), str(settings["currency"]))


def _code_from(name: str) -> str:
    """A stable code from a German name: "Kunden-Event Süd" -> "kunden_event_sued"."""
    text = name.strip().lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return "_".join("".join(ch if ch.isalnum() and ch.isascii() else " " for ch in text).split())


def save_instrument(repo: Repository, instrument: Instrument) -> Instrument:
    """Add (id None) or change an instrument after checking it; German messages per field.

    A new instrument without a code gets one from its name (made unique). Scope "all" and
    "star_ertrag" fix their groups; "group" needs at least one group.
    """
    from kundenportfolio.core.models import InstrumentScope

    errors = []
    instrument.name = instrument.name.strip()
    if not instrument.name:
        errors.append(FieldError("name", "Der Name fehlt."))
    if instrument.cost_per_participant_cents is not None and \
            instrument.cost_per_participant_cents < 0:
        errors.append(FieldError("cost_per_participant_cents",
                                 "Die Kosten dürfen nicht negativ sein."))
    scope = InstrumentScope(instrument.scope)
    if scope is InstrumentScope.ALL or (scope is InstrumentScope.INDIVIDUAL
                                        and not instrument.groups):
        instrument.groups = list(Group)
    elif scope is InstrumentScope.STAR_ERTRAG:
        instrument.groups = [Group.STAR, Group.ERTRAG]
    elif not instrument.groups:
        errors.append(FieldError("groups", "Bitte mindestens eine Kundengruppe wählen."))
    if errors:
        raise ValidationError(errors)
    if instrument.id is None:
        base = instrument.code.strip() or _code_from(instrument.name) or "instrument"
        taken = {i.code for i in repo.list_instruments(include_retired=True)}
        code, n = base, 2
        while code in taken:
            code, n = f"{base}_{n}", n + 1
        instrument.code = code
        return repo.add_instrument(instrument)
    repo.update_instrument(instrument)
    return instrument
