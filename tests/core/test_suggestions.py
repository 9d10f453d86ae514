"""Suggestions per customer and group, consent rules, the "Kontakt fällig" boundary, review."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from kundenportfolio.core.models import (
    ComplaintStatus,
    Contact,
    ContactType,
    Customer,
    Staff,
)
from kundenportfolio.core.review import main_communicators, review, review_by_group
from kundenportfolio.core.suggestions import (
    KIND_SERVICE,
    build_suggestions,
    group_overview,
)
from kundenportfolio.data.engagement import load_engagement
from kundenportfolio.data.repository import Repository

AS_OF = dt.date(2026, 11, 26)


def add_customer(repo: Repository, number: str, **kw: object) -> int:
    kw.setdefault("marketing_consent", True)
    customer = repo.add_customer(Customer(number=number, name=f"Kunde {number}", **kw))  # type: ignore[arg-type]
    assert customer.id is not None
    return customer.id


def contact(repo: Repository, customer_id: int, day: dt.date, staff_id: int | None = None,
            type_: ContactType = ContactType.CALL, **kw: object) -> None:
    repo.add_contact(Contact(customer_id=customer_id, occurred_at=dt.datetime.combine(
        day, dt.time(10, 0)), type=type_, staff_id=staff_id, **kw))  # type: ignore[arg-type]


def table(rows: dict[int, dict[str, object]]) -> pd.DataFrame:
    """A portfolio table as in PORTFOLIO_API with only the columns suggestions read."""
    base = {"number": "", "name": "", "status": "active", "group": "ertrag", "rank": 50,
            "kundenwert_cents": 100_00, "revenue_trend": math.nan, "unprofitable": False}
    frame = pd.DataFrame.from_dict({k: {**base, **v} for k, v in rows.items()}, orient="index")
    frame.index.name = "customer_id"
    return frame


def reasons_of(result: pd.DataFrame, customer_id: int) -> list[str]:
    return list(result.loc[result["customer_id"] == customer_id, "reason"])


def settings(repo: Repository) -> dict[str, object]:
    return repo.all_settings()


def test_contact_due_exactly_at_the_interval_boundary(repo: Repository) -> None:
    # Star interval 30 days (default). As of 26.11.2026:
    # 27.10.2026 is 30 days ago -> not due; 26.10.2026 is 31 days ago -> due.
    on_boundary = add_customer(repo, "1")
    past_boundary = add_customer(repo, "2")
    never = add_customer(repo, "3")
    contact(repo, on_boundary, dt.date(2026, 10, 27))
    contact(repo, past_boundary, dt.date(2026, 10, 26))
    contact(repo, never, AS_OF + dt.timedelta(days=1))  # after the day: ignored
    t = table({i: {"group": "star"} for i in (on_boundary, past_boundary, never)})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert "contact_due" not in reasons_of(result, on_boundary)
    assert "contact_due" in reasons_of(result, past_boundary)
    due = result[(result["customer_id"] == past_boundary) & (result["reason"] == "contact_due")]
    assert due.iloc[0]["days_since_contact"] == 31
    assert due.iloc[0]["reason_text"] == "Kontakt fällig"
    assert "contact_due" in reasons_of(result, never)


def test_interval_is_configurable_per_group(repo: Repository) -> None:
    cid = add_customer(repo, "1")
    contact(repo, cid, AS_OF - dt.timedelta(days=10))
    t = table({cid: {"group": "mitnahme"}})
    values = settings(repo)
    values["contact_interval_days"] = {"star": 30, "ertrag": 60, "fragezeichen": 45, "mitnahme": 9}
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(), values,
                               AS_OF)
    assert reasons_of(result, cid) == ["contact_due"]  # 10 days > 9


def test_no_consent_opt_out_anonymised_never_get_advertising(repo: Repository) -> None:
    ok = add_customer(repo, "1")
    no_consent = add_customer(repo, "2", marketing_consent=False)
    opted_out = add_customer(repo, "3", opt_out_date=dt.date(2026, 1, 5))
    anonymised = add_customer(repo, "4", anonymized_at=dt.datetime(2026, 2, 1, 9, 0))
    ids = (ok, no_consent, opted_out, anonymised)
    for cid in ids:
        contact(repo, cid, AS_OF)  # no contact due
    # rank 1..4 -> "Kundenwert steigt" (advertising instruments only: event, gift, incentive)
    t = table({cid: {"group": "star", "rank": n, "kundenwert_cents": 1000_00 - n}
               for n, cid in enumerate(ids, 1)})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert reasons_of(result, ok) == ["value_rising"]
    assert result.iloc[0]["instrument_code"] == "messe_event_einladung"
    assert result.iloc[0]["kind"] == "Werbung"
    for cid in (no_consent, opted_out, anonymised):
        assert reasons_of(result, cid) == []


def test_without_consent_a_service_instrument_is_suggested_and_labelled(repo: Repository) -> None:
    cid = add_customer(repo, "1", marketing_consent=False)
    # Mitnahme, never contacted, unprofitable: contact due + simplify care
    t = table({cid: {"group": "mitnahme", "unprofitable": True, "kundenwert_cents": -50_00}})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert list(result["reason"]) == ["contact_due", "unprofitable"]
    # mailing/newsletter are advertising -> skipped; Online-Bestellung is a service instrument
    assert list(result["instrument_code"]) == ["online_bestellung", "online_bestellung"]
    assert set(result["kind"]) == {KIND_SERVICE}


def test_anonymised_customer_gets_no_service_suggestion_either(repo: Repository) -> None:
    cid = add_customer(repo, "1", anonymized_at=dt.datetime(2026, 2, 1, 9, 0))
    contact(repo, cid, dt.date(2025, 1, 1), type_=ContactType.COMPLAINT,
            complaint_status=ComplaintStatus.OPEN)
    t = table({cid: {"group": "fragezeichen"}})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert result.empty


def test_sorted_by_priority_then_kundenwert(repo: Repository) -> None:
    a = add_customer(repo, "1")
    b = add_customer(repo, "2")
    c = add_customer(repo, "3")
    contact(repo, a, AS_OF)
    contact(repo, b, AS_OF, type_=ContactType.COMPLAINT, complaint_status=ComplaintStatus.OPEN)
    contact(repo, c, AS_OF, type_=ContactType.COMPLAINT, complaint_status=ComplaintStatus.OPEN)
    # a: Fragezeichen (priority 4); b, c: open complaints (priority 1), c worth more
    t = table({a: {"group": "fragezeichen", "kundenwert_cents": 9000_00},
               b: {"kundenwert_cents": 10_00}, c: {"kundenwert_cents": 20_00}})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert list(zip(result["customer_id"], result["reason"], strict=True)) == [
        (c, "complaint_open"), (b, "complaint_open"), (a, "needs_analysis")]
    assert result.iloc[0]["kind"] == KIND_SERVICE
    assert result.iloc[2]["instrument_code"] == "bedarfsanalyse"
    assert result.iloc[2]["reason_text"] == "Fragezeichen: Bedarfsanalyse anbieten"


def test_rising_trend_and_inactive_and_group_filter(repo: Repository) -> None:
    rising = add_customer(repo, "1")
    flat = add_customer(repo, "2")
    inactive = add_customer(repo, "3")
    for cid in (rising, flat, inactive):
        contact(repo, cid, AS_OF)
    # trend 0.10 = +10 % >= 10 % setting -> rising; 0.099 is not
    t = table({rising: {"revenue_trend": 0.10}, flat: {"revenue_trend": 0.099},
               inactive: {"revenue_trend": 0.5, "status": "inactive"}})
    eng = load_engagement(repo, AS_OF)
    result = build_suggestions(t, eng, repo.list_instruments(), settings(repo), AS_OF)
    assert list(result["customer_id"]) == [rising]
    assert result.iloc[0]["detail"] == "Umsatz +10 % pro Jahr"
    only_star = build_suggestions(t, eng, repo.list_instruments(), settings(repo), AS_OF,
                                  groups=["star"])
    assert only_star.empty


def test_retired_instrument_is_not_suggested(repo: Repository) -> None:
    cid = add_customer(repo, "1")
    contact(repo, cid, AS_OF)
    event = next(i for i in repo.list_instruments() if i.code == "messe_event_einladung")
    assert event.id is not None
    repo.retire_instrument(event.id, AS_OF)
    t = table({cid: {"rank": 1}})
    result = build_suggestions(t, load_engagement(repo, AS_OF), repo.list_instruments(),
                               settings(repo), AS_OF)
    assert list(result["instrument_code"]) == ["individuelles_werbegeschenk"]


def test_group_overview_has_strategy_interval_and_fitting_instruments(repo: Repository) -> None:
    overview = {g["group"]: g for g in group_overview(repo.list_instruments(), settings(repo))}
    mitnahme = [i.code for i in overview["mitnahme"]["instruments"]]
    # own group first (alphabetical by name), then the four for all groups, then individual
    assert mitnahme[:3] == ["mindestbestellwert", "online_bestellung", "standardangebote"]
    assert "jahresgespraech" not in mitnahme
    assert "jahresgespraech" in [i.code for i in overview["star"]["instruments"]]
    assert overview["star"]["strategy"].startswith("Halten und ausbauen")
    assert overview["ertrag"]["contact_interval_days"] == 60


@pytest.fixture
def two_staff(repo: Repository) -> tuple[int, int]:
    anna = repo.add_staff(Staff(name="Anna"))
    ben = repo.add_staff(Staff(name="Ben"))
    assert anna.id is not None and ben.id is not None
    return anna.id, ben.id


def test_main_communicator_most_contacts_in_last_12_months(
        repo: Repository, two_staff: tuple[int, int]) -> None:
    anna, ben = two_staff
    cid = add_customer(repo, "1", staff_id=anna)
    # Ben: 2 contacts in the window; Anna: 1 in the window + 5 older than 12 months
    # (window 27.11.2025–26.11.2026), so Ben is the main communicator, not the Betreuerin.
    contact(repo, cid, dt.date(2025, 11, 27), ben)
    contact(repo, cid, dt.date(2026, 3, 1), ben)
    contact(repo, cid, dt.date(2026, 6, 1), anna)
    for month in range(1, 6):
        contact(repo, cid, dt.date(2025, month, 1), anna)
    contact(repo, cid, dt.date(2025, 11, 26), anna)  # one day before the window
    eng = load_engagement(repo, AS_OF)
    main = main_communicators(eng.customers, eng.staff_contacts)
    assert main.loc[cid, "main_staff_id"] == ben
    assert main.loc[cid, "main_contacts"] == 2
    t = table({cid: {}})
    answers = review(t, eng, settings(repo))
    assert answers.loc[cid, "main_is_responsible"] is False
    assert "Hauptkontakt ist nicht der Betreuer" in answers.loc[cid, "goes_badly"]


def test_main_communicator_tie_goes_to_the_responsible_person(
        repo: Repository, two_staff: tuple[int, int]) -> None:
    anna, ben = two_staff
    cid = add_customer(repo, "1", staff_id=anna)
    contact(repo, cid, dt.date(2026, 3, 1), anna)
    contact(repo, cid, dt.date(2026, 9, 1), ben)  # 1:1, Ben more recent, Anna responsible
    eng = load_engagement(repo, AS_OF)
    assert main_communicators(eng.customers, eng.staff_contacts).loc[cid, "main_staff_id"] == anna


def test_review_no_responsible_and_group_summary(repo: Repository,
                                                 two_staff: tuple[int, int]) -> None:
    anna, _ = two_staff
    orphan = add_customer(repo, "1")
    cared = add_customer(repo, "2", staff_id=anna)
    contact(repo, cared, dt.date(2026, 5, 1), anna, type_=ContactType.COMPLAINT,
            complaint_status=ComplaintStatus.OPEN)
    t = table({orphan: {"group": "mitnahme", "revenue_trend": -0.2, "unprofitable": True,
                        "kundenwert_cents": -5_00},
               cared: {"group": "mitnahme", "revenue_trend": 0.3}})
    answers = review(t, load_engagement(repo, AS_OF), settings(repo))
    assert bool(answers.loc[orphan, "no_responsible"]) is True
    assert answers.loc[orphan, "main_is_responsible"] is None
    assert answers.loc[orphan, "goes_badly"] == (
        "Umsatz sinkt (-20 % pro Jahr); unrentabel (Kundenwert negativ); "
        "kein Kontakt in den letzten 12 Monaten; kein Betreuer")
    assert answers.loc[cared, "goes_well"] == (
        "Umsatz steigt (+30 % pro Jahr); Kundenwert positiv; Betreuer ist Hauptkontakt")
    assert answers.loc[cared, "goes_badly"] == "1 offene Reklamation"
    summary = review_by_group(answers, settings(repo))
    row = summary.loc["mitnahme"]
    # 2 customers, 1 without Betreuer, 1 with an open complaint, 1 rising, 1 falling,
    # Kundenwert 100.00 - 5.00 = 95.00
    assert (row["customers"], row["no_responsible"], row["open_complaints"], row["rising"],
            row["falling"], row["kundenwert_cents"]) == (2, 1, 1, 1, 1, 95_00)


def test_engagement_for_one_customer_matches_the_full_load(
        repo: Repository, two_staff: tuple[int, int]) -> None:
    anna, ben = two_staff
    a = add_customer(repo, "1", staff_id=anna)
    b = add_customer(repo, "2", staff_id=ben, marketing_consent=False)
    contact(repo, a, dt.date(2026, 3, 1), ben)
    contact(repo, b, dt.date(2026, 4, 1), anna, type_=ContactType.COMPLAINT,
            complaint_status=ComplaintStatus.OPEN)
    full = load_engagement(repo, AS_OF)
    one = load_engagement(repo, AS_OF, customer_id=b)
    assert list(one.customers.index) == [b]
    assert one.customers.loc[b].to_dict() == full.customers.loc[b].to_dict()
    assert one.customers.loc[b, "open_complaints"] == 1
    assert not one.customers.loc[b, "may_advertise"]
    assert one.staff_contacts[["customer_id", "staff_id", "contacts"]].values.tolist() == [
        [b, anna, 1]]
