"""Repository round-trips for every entity, field-named errors, atomicity (issue 2 §3, §6)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from kundenportfolio.core.errors import NotFoundError, ValidationError
from kundenportfolio.core.models import (
    Campaign,
    ComplaintStatus,
    Contact,
    ContactType,
    Cost,
    CostCategory,
    Customer,
    CustomerStatus,
    Direction,
    Group,
    GroupSnapshot,
    Instrument,
    InstrumentScope,
    Order,
    Staff,
)
from kundenportfolio.data.repository import Repository


def test_staff_round_trip(repo: Repository) -> None:
    anna = repo.add_staff(Staff(name="Anna Keller", email="anna@example.ch"))
    assert repo.get_staff(anna.id) == anna
    anna.active = False
    repo.update_staff(anna)
    assert repo.list_staff(active_only=True) == []
    repo.delete_staff(anna.id)
    with pytest.raises(NotFoundError):
        repo.get_staff(anna.id)


def test_customer_round_trip_all_fields(repo: Repository, staff: Staff) -> None:
    full = Customer(
        number="20001", name="Schreinerei Graf GmbH", contact_person="Jörg Graf",
        street="Hauptstrasse 5", postcode="6003", city="Luzern", country="CH",
        phone="+41 41 222 33 44", email="info@graf.ch", industry="Handwerk", region="Zentralschweiz",
        staff_id=staff.id, customer_since=dt.date(2015, 3, 1), status=CustomerStatus.INACTIVE,
        marketing_consent=True, consent_date=dt.date(2024, 1, 5), consent_source="Messe",
        opt_out_date=None, potential_cents=5_000_000, rating_payment=4, rating_reference=5,
        rating_relationship=3, notes="Zahlt pünktlich", group_override=Group.STAR,
        group_override_reason="Strategischer Partner",
    )
    repo.add_customer(full)
    assert repo.get_customer(full.id) == full
    assert repo.get_customer_by_number("20001") == full
    full.city = "Kriens"
    repo.update_customer(full)
    assert repo.get_customer(full.id).city == "Kriens"


def test_update_customer_keeps_orders_and_contacts(repo: Repository, customer: Customer) -> None:
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 5, 1), amount_cents=1000))
    customer.name = "Bäckerei Müller & Söhne AG"
    repo.update_customer(customer)
    assert len(repo.list_orders(customer.id)) == 1
    assert len(repo.list_contacts(customer.id)) == 1


def test_duplicate_number_refused_with_next_free(repo: Repository, customer: Customer) -> None:
    with pytest.raises(ValidationError) as info:
        repo.add_customer(Customer(number="10001", name="Andere AG"))
    assert "number" in info.value.fields
    assert "10002" in info.value.fields["number"]
    assert repo.next_customer_number() == "10002"


def test_duplicate_warnings(repo: Repository, customer: Customer) -> None:
    by_name = repo.find_duplicates(Customer(number="x", name="BAECKEREI MÜLLER", postcode="8004"))
    assert [w.customer_id for w in by_name] == [customer.id]
    by_mail = repo.find_duplicates(
        Customer(number="x", name="Ganz anders", email="INFO@baeckerei-mueller.ch"))
    assert by_mail[0].reasons == ["gleiche E-Mail-Adresse"]
    by_phone = repo.find_duplicates(Customer(number="x", name="Nochmal", phone="044 123 45 67"))
    assert by_phone[0].reasons == ["gleiche Telefonnummer"]
    assert repo.find_duplicates(customer) == []  # itself is no duplicate


def test_duplicate_warning_despite_legal_form_with_dots(repo: Repository) -> None:
    first = repo.add_customer(Customer(number="20001", name="Hotel Richter e.K.", postcode="80331"))
    found = repo.find_duplicates(Customer(number="x", name="Hotel Richter", postcode="80331"))
    assert [(w.customer_id, w.reasons) for w in found] == [(first.id, ["gleicher Name und gleiche PLZ"])]


def test_contact_round_trip(repo: Repository, customer: Customer, staff: Staff) -> None:
    complaint = repo.add_contact(Contact(
        customer_id=customer.id, occurred_at=dt.datetime(2025, 6, 2, 10, 15),
        type=ContactType.COMPLAINT, direction=Direction.INBOUND, staff_id=staff.id,
        subject="Falsche Lieferung", notes="Ware beschädigt", outcome="Ersatz zugesagt",
        revenue_impact_cents=-50000, buys_from_competitor=True,
    ))
    assert complaint.complaint_status == ComplaintStatus.OPEN
    assert repo.get_contact(complaint.id) == complaint
    complaint.complaint_status = ComplaintStatus.DONE
    repo.update_contact(complaint)
    assert repo.list_contacts(customer.id)[0].complaint_status == ComplaintStatus.DONE
    repo.delete_contact(complaint.id)
    assert repo.list_contacts(customer.id) == []


def test_order_records_contact_and_round_trips(repo: Repository, customer: Customer, staff: Staff) -> None:
    order = repo.record_order(
        Order(customer_id=customer.id, order_date=dt.date(2025, 7, 1), amount_cents=250000,
              discount_cents=5000, cost_of_goods_cents=150000, order_number="A-77", note="Skonto"),
        staff_id=staff.id,
    )
    assert repo.get_order(order.id) == order
    [contact] = repo.list_contacts(customer.id)
    assert (contact.type, contact.order_id, contact.staff_id) == (ContactType.ORDER, order.id, staff.id)
    order.order_date = dt.date(2025, 7, 3)
    repo.update_order(order)
    assert repo.list_contacts(customer.id)[0].occurred_at.date() == dt.date(2025, 7, 3)
    repo.delete_order(order.id)
    assert repo.list_contacts(customer.id) == []


def test_order_and_contact_are_atomic(repo: Repository, customer: Customer,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An error in the second write (the contact) leaves no order behind."""
    original = repo._insert

    def fail_on_contact(obj: object) -> int:
        if isinstance(obj, Contact):
            raise sqlite3.OperationalError("disk I/O error")
        return original(obj)

    monkeypatch.setattr(repo, "_insert", fail_on_contact)
    with pytest.raises(sqlite3.OperationalError):
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 2), amount_cents=100))
    assert repo.db.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    assert repo.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_order_errors_name_field(repo: Repository, customer: Customer) -> None:
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 2), amount_cents=100,
                            order_number="A-1"))
    with pytest.raises(ValidationError) as info:
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 3),
                                amount_cents=100, order_number="A-1"))
    assert "order_number" in info.value.fields
    with pytest.raises(ValidationError) as info:
        repo.record_order(Order(customer_id=9999, order_date=dt.date(2025, 1, 3), amount_cents=100))
    assert "customer_id" in info.value.fields
    with pytest.raises(ValidationError) as info:
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 3), amount_cents=-5))
    assert "amount_cents" in info.value.fields


def test_absurd_amount_is_a_field_error_not_an_overflow(repo: Repository, customer: Customer) -> None:
    with pytest.raises(ValidationError) as info:  # used to raise OverflowError from sqlite3
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 3),
                                amount_cents=10**22))
    assert "zu gross" in info.value.fields["amount_cents"]
    assert repo.db.execute("SELECT count(*) FROM orders").fetchone()[0] == 0


def test_cost_round_trip(repo: Repository, customer: Customer) -> None:
    cost = repo.add_cost(Cost(customer_id=customer.id, cost_date=dt.date(2025, 2, 1),
                              category=CostCategory.GIFT, amount_cents=4500, note="Weinflasche"))
    assert repo.get_cost(cost.id) == cost
    cost.amount_cents = 5000
    repo.update_cost(cost)
    assert repo.list_costs(customer.id)[0].amount_cents == 5000
    repo.delete_cost(cost.id)
    assert repo.list_costs(customer.id) == []


def test_instrument_and_campaign_round_trip(repo: Repository, customer: Customer) -> None:
    instrument = repo.add_instrument(Instrument(
        code="test_besuch", name="Persönlicher Besuch", scope=InstrumentScope.STAR_ERTRAG,
        groups=[Group.STAR, Group.ERTRAG], cost_per_participant_cents=12000))
    assert repo.get_instrument(instrument.id) == instrument
    campaign = repo.add_campaign(Campaign(
        name="Frühjahrsbesuche", instrument_id=instrument.id, start_date=dt.date(2025, 3, 1),
        end_date=dt.date(2025, 4, 30), target_groups=[Group.STAR], budget_cents=300000))
    assert repo.get_campaign(campaign.id) == campaign
    repo.set_participants(campaign.id, [customer.id])
    [participant] = repo.list_participants(campaign.id)
    participant.participated_at = dt.date(2025, 3, 15)
    repo.update_participant(participant)
    assert repo.list_participants(campaign.id)[0].participated_at == dt.date(2025, 3, 15)
    with pytest.raises(sqlite3.IntegrityError):  # used instruments are retired, not deleted
        repo.db.execute("DELETE FROM instruments WHERE id = ?", [instrument.id])
    repo.retire_instrument(instrument.id, dt.date(2025, 5, 1))
    assert instrument.id not in [i.id for i in repo.list_instruments()]
    with pytest.raises(ValidationError) as info:
        repo.add_campaign(Campaign(name="X", instrument_id=None, start_date=dt.date(2025, 2, 1),
                                   end_date=dt.date(2025, 1, 1)))
    assert "end_date" in info.value.fields


def test_group_history_round_trip(repo: Repository, customer: Customer) -> None:
    snap = GroupSnapshot(customer_id=customer.id, period="2024", snapshot_date=dt.date(2024, 12, 31),
                         group=Group.FRAGEZEICHEN, attractiveness=70.0, position=30.0,
                         kundenwert_cents=120000, rank=3, abc="B")
    repo.save_snapshots([snap])
    repo.save_snapshots([GroupSnapshot(customer_id=customer.id, period="2024",
                                       snapshot_date=dt.date(2024, 12, 31), group=Group.ERTRAG)])
    [stored] = repo.list_history(customer.id)
    assert stored.group == Group.ERTRAG
    assert repo.list_periods() == ["2024"]


def test_delete_customer_cascades_and_reports(repo: Repository, customer: Customer) -> None:
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 1, 2), amount_cents=100))
    repo.add_cost(Cost(customer_id=customer.id, cost_date=dt.date(2025, 1, 2),
                       category=CostCategory.VISIT, amount_cents=100))
    deps = repo.customer_dependents(customer.id)
    assert (deps["orders"], deps["contacts"], deps["costs"]) == (1, 1, 1)
    repo.delete_customer(customer.id)
    assert repo.db.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    assert repo.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_deleting_staff_keeps_customer(repo: Repository, customer: Customer, staff: Staff) -> None:
    repo.delete_staff(staff.id)
    assert repo.get_customer(customer.id).staff_id is None


def test_settings_validated_all_or_nothing(repo: Repository) -> None:
    assert repo.get_setting("number_format") == "de-CH"
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"company_name": "Muster AG", "number_format": "en-US"})
    assert "number_format" in info.value.fields
    assert repo.get_setting("company_name") == ""
    repo.set_settings({"company_name": "Muster AG", "number_format": "de-DE"})
    assert repo.get_setting("number_format") == "de-DE"
    repo.reset_settings()
    assert repo.get_setting("number_format") == "de-CH"


def test_missing_records_are_named_in_german(repo: Repository) -> None:
    with pytest.raises(NotFoundError, match=r"^Kampagne Nr\. 77 gibt es nicht\.$"):
        repo.get_campaign(77)
    with pytest.raises(NotFoundError, match=r"^Auftrag Nr\. 5 gibt es nicht mehr\.$"):
        repo.delete_order(5)
