"""Campaigns: participant proposals under the consent rules, participation, evaluation."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kundenportfolio.core.campaigns import (
    ParticipantFilter,
    evaluate,
    evaluation_windows,
    export_frame,
    propose_participants,
)
from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import (
    Campaign,
    ContactType,
    Cost,
    CostCategory,
    Customer,
    Group,
    Order,
)
from kundenportfolio.data.campaign_data import (
    create_campaign,
    evaluate_campaign,
    load_contactability,
    mark_participation,
    save_participants,
    window_values,
)
from kundenportfolio.data.engagement import load_addresses
from kundenportfolio.data.repository import Repository

START = dt.date(2026, 3, 1)


def code_id(repo: Repository, code: str) -> int:
    found = next(i.id for i in repo.list_instruments() if i.code == code)
    assert found is not None
    return found


def add(repo: Repository, number: str, **kw: object) -> int:
    kw.setdefault("marketing_consent", True)
    customer = repo.add_customer(Customer(number=number, name=f"Firma {number}", **kw))  # type: ignore[arg-type]
    assert customer.id is not None
    return customer.id


def portfolio(groups: dict[int, str], **columns: dict[int, object]) -> pd.DataFrame:
    frame = pd.DataFrame({"group": pd.Series(groups)})
    frame["number"] = [str(i) for i in frame.index]  # as in the real table (and contactable)
    frame["status"] = "active"
    frame["staff_id"] = pd.Series(dtype="Int64")
    frame["industry"] = None
    frame["abc"] = "A"
    frame["rank"] = range(1, len(frame) + 1)
    frame["kundenwert_cents"] = [1000_00 - 10 * n for n in range(len(frame))]
    for name, values in columns.items():
        frame[name] = pd.Series(values).reindex(frame.index).fillna(frame.get(name))
    return frame


@pytest.fixture
def people(repo: Repository) -> dict[str, int]:
    return {
        "ok": add(repo, "1", street="Hauptstrasse 1", postcode="8000", city="Zürich",
                  email="a@example.ch"),
        "ok2": add(repo, "2"),
        "no_consent": add(repo, "3", marketing_consent=False),
        "opt_out": add(repo, "4", opt_out_date=dt.date(2026, 1, 2)),
        "anon": add(repo, "5", anonymized_at=dt.datetime(2026, 1, 3, 8, 0)),
        "mitnahme": add(repo, "6"),
    }


def test_proposal_respects_consent_and_target_groups(repo: Repository,
                                                      people: dict[str, int]) -> None:
    table = portfolio({cid: ("mitnahme" if key == "mitnahme" else "star")
                       for key, cid in people.items()})
    contactable = load_contactability(repo)
    campaign = Campaign(name="Messe", instrument_id=None, start_date=START, end_date=START,
                        target_groups=[Group.STAR, Group.ERTRAG])
    event = repo.get_instrument(code_id(repo, "messe_event_einladung"))
    assert propose_participants(table, contactable, campaign, event) == [people["ok"],
                                                                         people["ok2"]]
    # a service instrument may reach customers without consent, never anonymised ones
    service = repo.get_instrument(code_id(repo, "prioritaetsservice"))
    assert propose_participants(table, contactable, campaign, service) == [
        people["ok"], people["ok2"], people["no_consent"], people["opt_out"]]
    # filters: with a complete postal address only
    assert propose_participants(table, contactable, campaign, event,
                                ParticipantFilter(require_address=True)) == [people["ok"]]
    assert propose_participants(table, contactable, campaign, event,
                                ParticipantFilter(max_rank=1)) == [people["ok"]]


def test_hand_edited_list_refuses_customers_without_consent(repo: Repository,
                                                            people: dict[str, int]) -> None:
    campaign = create_campaign(repo, "Newsletter März", code_id(repo, "newsletter"), ["star"],
                               START, dt.date(2026, 3, 31), 500_00)
    assert campaign.id is not None
    for key in ("no_consent", "opt_out", "anon"):
        with pytest.raises(ValidationError) as info:
            save_participants(repo, campaign.id, [people["ok"], people[key]])
        assert "Werbeeinwilligung" in str(info.value)
        assert repo.list_participants(campaign.id) == []  # nothing written
    save_participants(repo, campaign.id, [people["ok"], people["ok2"]])
    assert [p.customer_id for p in repo.list_participants(campaign.id)] == [people["ok"],
                                                                             people["ok2"]]


def test_create_campaign_refuses_retired_instrument(repo: Repository) -> None:
    newsletter = code_id(repo, "newsletter")
    repo.retire_instrument(newsletter, dt.date(2026, 1, 1))
    with pytest.raises(ValidationError) as info:
        create_campaign(repo, "Alt", newsletter, [], START, START)
    assert "ausgemustert" in info.value.fields["instrument_id"]


def test_participation_logs_exactly_one_contact_each(repo: Repository,
                                                     people: dict[str, int]) -> None:
    campaign = create_campaign(repo, "Hausmesse", code_id(repo, "messe_event_einladung"), [],
                               START, dt.date(2026, 3, 2))
    assert campaign.id is not None
    ids = [people["ok"], people["ok2"]]
    save_participants(repo, campaign.id, ids)
    assert mark_participation(repo, campaign.id, ids, dt.date(2026, 3, 2)) == 2
    assert mark_participation(repo, campaign.id, ids, dt.date(2026, 3, 2)) == 0  # idempotent
    for cid in ids:
        contacts = repo.list_contacts(cid)
        assert len(contacts) == 1
        assert contacts[0].campaign_id == campaign.id
        assert contacts[0].type == ContactType.EVENT
        assert contacts[0].subject == "Kampagne Hausmesse"
    participants = repo.list_participants(campaign.id)
    assert all(p.participated_at == dt.date(2026, 3, 2) and p.contact_id for p in participants)


def test_participation_is_all_or_nothing(repo: Repository, people: dict[str, int]) -> None:
    campaign = create_campaign(repo, "Besuche", code_id(repo, "persoenlicher_besuch"), [],
                               START, START)
    assert campaign.id is not None
    save_participants(repo, campaign.id, [people["ok"]])
    with pytest.raises(ValidationError):
        mark_participation(repo, campaign.id, [people["ok"], people["ok2"]], START)
    assert repo.list_contacts(people["ok"]) == []
    assert mark_participation(repo, campaign.id, [people["ok"]], START) == 1
    assert repo.list_contacts(people["ok"])[0].type == ContactType.VISIT


def test_evaluation_windows_are_equally_long() -> None:
    campaign = Campaign(name="x", instrument_id=None, start_date=START,
                        end_date=dt.date(2026, 3, 3))
    # 90 days: before 01.12.2025–28.02.2026, after 01.03.2026–29.05.2026
    assert evaluation_windows(campaign, 90) == (
        (dt.date(2025, 12, 1), dt.date(2026, 2, 28)), (START, dt.date(2026, 5, 29)))
    long = Campaign(name="y", instrument_id=None, start_date=START, end_date=dt.date(2026, 12, 31))
    before, after = evaluation_windows(long, 90)  # campaign longer than 90 days: 306 days
    assert (after[1] - after[0]).days + 1 == (before[1] - before[0]).days + 1 == 306


def frame(values: dict[int, tuple[int, int]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(values, orient="index",
                                  columns=["revenue_cents", "kundenwert_cents"])


WINDOWS = ((dt.date(2025, 12, 1), dt.date(2026, 2, 28)), (START, dt.date(2026, 5, 29)))


def test_evaluation_on_hand_made_numbers() -> None:
    # participants 1, 2; comparison 3, 4 (5 has no data at all: counts as 0 -> 0)
    before = frame({1: (1000_00, 300_00), 2: (2000_00, 500_00), 3: (1000_00, 200_00),
                    4: (1000_00, 200_00)})
    after = frame({1: (1500_00, 450_00), 2: (2500_00, 650_00), 3: (1100_00, 220_00),
                   4: (900_00, 200_00)})
    result = evaluate(before, after, [1, 2], [1, 2, 3, 4, 5], WINDOWS, dt.date(2026, 6, 1),
                      100_00)
    # participants: revenue +500 +500 -> +500.00 each; Kundenwert +150 +150 -> +150.00 each
    # comparison (3, 4, 5): revenue +100 -100 +0 -> 0; Kundenwert +20 +0 +0 -> +6.67 each
    assert result.participants.revenue_before == 3000_00
    assert result.participants.revenue_after == 4000_00
    assert result.comparison.customers == 3
    assert result.revenue_effect_per_participant_cents == 500_00
    assert result.kundenwert_effect_per_participant_cents == 150_00 - 667  # 143.33
    assert result.cost_per_participant_cents == 50_00  # 100.00 / 2
    assert result.verdict_code == "worthwhile"
    assert result.verdict == ("Hat sich gelohnt: Kundenwert je Teilnehmer 143.33 CHF mehr als "
                              "bei den übrigen Kunden der Zielgruppen, mehr als die Kosten von "
                              "50.00 CHF je Teilnehmer.")


def test_evaluation_verdicts_cost_not_covered_no_effect_pending() -> None:
    before = frame({1: (1000_00, 100_00), 2: (1000_00, 100_00)})
    after = frame({1: (1100_00, 130_00), 2: (1000_00, 100_00)})
    # effect +30.00 against cost 40.00 per participant
    r = evaluate(before, after, [1], [2], WINDOWS, dt.date(2026, 5, 29), 40_00, "de-DE", "EUR")
    assert r.verdict_code == "not_covered"
    assert "30,00 EUR" in r.verdict and "40,00 EUR" in r.verdict
    r = evaluate(before, after, [2], [1], WINDOWS, dt.date(2026, 5, 29), None)
    assert r.verdict_code == "no_effect"  # 0 - 30.00 = -30.00
    assert r.kundenwert_effect_per_participant_cents == -30_00
    r = evaluate(before, after, [1], [2], WINDOWS, dt.date(2026, 5, 28), None)
    assert r.verdict_code == "pending" and "29.05.2026" in r.verdict
    assert evaluate(before, after, [], [1], WINDOWS, dt.date(2026, 6, 1), None
                    ).verdict_code == "no_participants"


def test_evaluate_campaign_from_the_database(repo: Repository, people: dict[str, int]) -> None:
    ok, ok2 = people["ok"], people["ok2"]
    campaign = create_campaign(repo, "Probe", code_id(repo, "probeangebot"), ["fragezeichen"],
                               START, START, 20_00)
    assert campaign.id is not None
    save_participants(repo, campaign.id, [ok])
    mark_participation(repo, campaign.id, [ok], START)
    # ok: 100.00 before (28.02.), 300.00 after (29.05., last day of the window), cost of goods
    # known -> KDB I = net - cogs; a 10.00 gift cost after. ok2 (comparison): 100 -> 100.
    repo.record_order(Order(customer_id=ok, order_date=dt.date(2026, 2, 28), amount_cents=100_00,
                            cost_of_goods_cents=60_00))
    repo.record_order(Order(customer_id=ok, order_date=dt.date(2026, 5, 29), amount_cents=300_00,
                            cost_of_goods_cents=180_00))
    repo.record_order(Order(customer_id=ok, order_date=dt.date(2026, 5, 30), amount_cents=999_00,
                            cost_of_goods_cents=0))  # outside the window
    repo.add_cost(Cost(customer_id=ok, cost_date=dt.date(2026, 4, 1), category=CostCategory.GIFT,
                       amount_cents=10_00))
    for day in (dt.date(2026, 1, 10), dt.date(2026, 4, 10)):
        repo.record_order(Order(customer_id=ok2, order_date=day, amount_cents=100_00,
                                cost_of_goods_cents=50_00))
    after = window_values(repo, START, dt.date(2026, 5, 29))
    assert after.loc[ok, "kundenwert_cents"] == 300_00 - 180_00 - 10_00  # 110.00
    groups = portfolio({ok: "fragezeichen", ok2: "fragezeichen", people["mitnahme"]: "mitnahme"})
    result = evaluate_campaign(repo, campaign.id, dt.date(2026, 6, 30), groups)
    # participant Kundenwert 40.00 -> 110.00 (+70.00); comparison ok2 50.00 -> 50.00 (0)
    assert result.participants.kundenwert_before == 40_00
    assert result.kundenwert_effect_per_participant_cents == 70_00
    assert result.revenue_effect_per_participant_cents == 200_00
    assert result.comparison.customers == 1
    assert result.cost_per_participant_cents == 20_00
    assert result.verdict_code == "worthwhile"


def test_export_frame_has_mail_merge_columns(repo: Repository, people: dict[str, int]) -> None:
    out = export_frame(load_addresses(repo, [people["ok"], people["ok2"]]))
    assert list(out.columns) == ["Kundennummer", "Firma", "Ansprechpartner", "Straße", "PLZ",
                                 "Ort", "Land", "E-Mail", "Telefon", "Betreuer"]
    assert out.iloc[0].tolist()[:7] == ["1", "Firma 1", None, "Hauptstrasse 1", "8000", "Zürich",
                                        "DE"]
