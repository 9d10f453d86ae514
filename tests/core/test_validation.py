"""Dates, e-mail, entity rules: every error names its field (issue 2 §3)."""

from __future__ import annotations

import datetime as dt

import pytest

from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import Contact, ContactType, Cost, CostCategory, Customer, Group, Order
from kundenportfolio.core.money import MAX_CENTS
from kundenportfolio.core.validation import (
    DateFormatError,
    normalise_name,
    normalise_phone,
    parse_date,
    parse_datetime,
    validate_contact,
    validate_cost,
    validate_customer,
    validate_order,
)


def test_dates_german_and_iso() -> None:
    assert parse_date("31.12.2025") == dt.date(2025, 12, 31)
    assert parse_date("1.2.2024") == dt.date(2024, 2, 1)
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)
    assert parse_datetime("03.04.2025 14:30") == dt.datetime(2025, 4, 3, 14, 30)


@pytest.mark.parametrize("text", ["31.02.2025", "2023-02-29", "32.01.2025", "12/31/2025", "", "2025"])
def test_dates_refused(text: str) -> None:
    with pytest.raises(DateFormatError):
        parse_date(text)


def test_customer_errors_name_fields() -> None:
    with pytest.raises(ValidationError) as info:
        validate_customer(Customer(number=" ", name="", email="kein-at.ch", rating_payment=7,
                                   group_override=Group.STAR))
    assert set(info.value.fields) == {"number", "name", "email", "rating_payment",
                                      "group_override_reason"}
    assert "E-Mail" in info.value.fields["email"]


def test_negative_amount_only_for_credit_note() -> None:
    with pytest.raises(ValidationError) as info:
        validate_order(Order(customer_id=1, order_date=dt.date(2025, 1, 1), amount_cents=-100))
    assert "amount_cents" in info.value.fields
    validate_order(Order(customer_id=1, order_date=dt.date(2025, 1, 1), amount_cents=-100,
                         is_credit_note=True))


def test_discount_larger_than_amount_refused() -> None:
    with pytest.raises(ValidationError, match="grösser als der Umsatz"):
        validate_order(Order(customer_id=1, order_date=dt.date(2025, 1, 1), amount_cents=100,
                             discount_cents=200))


def test_credit_note_discount_limited_to_its_amount() -> None:
    day = dt.date(2025, 1, 1)
    with pytest.raises(ValidationError) as info:  # Nettoerlös would be −600
        validate_order(Order(customer_id=1, order_date=day, amount_cents=-100, discount_cents=500,
                             is_credit_note=True))
    assert info.value.fields == {
        "discount_cents": "Die Erlösschmälerung ist grösser als der Betrag der Gutschrift."
    }
    validate_order(Order(customer_id=1, order_date=day, amount_cents=-100, discount_cents=100,
                         is_credit_note=True))


def test_absurd_amounts_refused_with_field() -> None:
    day = dt.date(2025, 1, 1)
    huge = 10**22  # would not even fit SQLite's 64-bit integers
    with pytest.raises(ValidationError) as info:
        validate_order(Order(customer_id=1, order_date=day, amount_cents=huge,
                             cost_of_goods_cents=huge))
    assert set(info.value.fields) == {"amount_cents", "cost_of_goods_cents"}
    assert "zu gross" in info.value.fields["amount_cents"]
    with pytest.raises(ValidationError) as info:
        validate_order(Order(customer_id=1, order_date=day, amount_cents=-huge,
                             is_credit_note=True))
    assert set(info.value.fields) == {"amount_cents"}
    with pytest.raises(ValidationError) as info:
        validate_cost(Cost(customer_id=1, cost_date=day, category=CostCategory.VISIT,
                           amount_cents=huge))
    assert set(info.value.fields) == {"amount_cents"}
    with pytest.raises(ValidationError) as info:
        validate_customer(Customer(number="1", name="X", potential_cents=huge))
    assert set(info.value.fields) == {"potential_cents"}
    validate_order(Order(customer_id=1, order_date=day, amount_cents=MAX_CENTS))


def test_complaint_fields_only_on_complaints() -> None:
    when = dt.datetime(2025, 1, 1, 9, 0)
    with pytest.raises(ValidationError) as info:
        validate_contact(Contact(customer_id=1, occurred_at=when, type=ContactType.CALL,
                                 revenue_impact_cents=100))
    assert "revenue_impact_cents" in info.value.fields
    complaint = Contact(customer_id=1, occurred_at=when, type=ContactType.COMPLAINT)
    validate_contact(complaint)
    assert complaint.complaint_status == "open"


def test_cost_not_negative() -> None:
    with pytest.raises(ValidationError):
        validate_cost(Cost(customer_id=1, cost_date=dt.date(2025, 1, 1),
                           category=CostCategory.VISIT, amount_cents=-1))


def test_normalisation_for_duplicates() -> None:
    assert normalise_name("Müller AG") == normalise_name("MUELLER ag")
    assert normalise_name("Schreinerei Graf GmbH") == normalise_name("schreinerei graf")
    assert normalise_name("Bäckerei Müller AG") != normalise_name("Bäckerei Maier AG")


@pytest.mark.parametrize("name", [
    "Hotel Richter e.K.", "Hotel Richter e. K.", "Hotel Richter e.U.", "Hotel Richter GmbH",
    "Hotel Richter GmbH & Co. KG", "Hotel Richter GmbH & Co.KG", "Hotel Richter Ges.m.b.H.",
    "Hotel Richter AG", "Hotel Richter SA", "Hotel Richter Sàrl", "Hotel Richter S.à r.l.",
    "Hotel Richter KlG", "Hotel Richter OG", "Hotel Richter KG", "Hotel Richter OHG",
])
def test_legal_forms_ignored_for_duplicates(name: str) -> None:
    assert normalise_name(name) == normalise_name("Hotel Richter")
    assert normalise_phone("+41 44 123 45 67") == normalise_phone("044 123 45 67")


def test_consent_dates_must_be_plausible() -> None:
    import datetime as dt

    from kundenportfolio.core.models import Customer
    from kundenportfolio.core.validation import validate_customer

    today = dt.date.today()
    future = Customer(number="1", name="A", marketing_consent=True,
                      consent_date=today + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        validate_customer(future)
    assert caught.value.errors[0].field == "consent_date"
    withdrawn_first = Customer(number="1", name="A", marketing_consent=False,
                               consent_date=dt.date(2025, 5, 1), opt_out_date=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="vor der Einwilligung"):
        validate_customer(withdrawn_first)
    renewed = Customer(number="1", name="A", marketing_consent=True,
                       consent_date=dt.date(2025, 5, 1), opt_out_date=dt.date(2024, 1, 1))
    validate_customer(renewed)  # consent given again after an old opt-out


def test_backup_settings_refuse_what_would_lose_backups() -> None:
    from kundenportfolio import settings

    assert settings.BACKUP_KEEP_LAST.validate(0) == "Eine ganze Zahl ab 1."
    assert settings.BACKUP_KEEP_LAST.validate(1) is None
    assert settings.BACKUP_DIR.validate("") is None
    assert settings.BACKUP_DIR.validate("E:\\\\Sicherungen") is None
    assert settings.BACKUP_DIR.validate("/media/usb/sicherungen") is None
    assert "vollständigen Ordnerpfad" in settings.BACKUP_DIR.validate("Sicherungen")
