"""Datenauskunft and erasure: every row exported; erasure keeps sums, leaves no trace in the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kundenportfolio.core.errors import NotFoundError
from kundenportfolio.core.models import (
    Campaign,
    ComplaintStatus,
    Contact,
    ContactType,
    Cost,
    CostCategory,
    Customer,
    Group,
    GroupSnapshot,
    Order,
    Staff,
)
from kundenportfolio.data import privacy
from kundenportfolio.data.repository import Repository

NAME = "Zuckerbäckerei Quästenberg"
PERSON = "Hildegard Quästenberg"
EMAIL = "hildegard@quaestenberg-zucker.ch"


def _fill(repo: Repository) -> tuple[Customer, Customer]:
    staff = repo.add_staff(Staff(name="Anna Keller"))
    colleague = repo.add_staff(Staff(name="Beat Meier"))
    target = repo.add_customer(Customer(
        number="10001", name=NAME, contact_person=PERSON, street="Rosenweg 17", postcode="3012",
        city="Bern", country="CH", phone="+41 31 987 65 43", email=EMAIL, staff_id=staff.id,
        marketing_consent=True, consent_date=dt.date(2024, 3, 1), consent_source="Messe BEA",
        opt_out_date=dt.date(2025, 6, 1), notes=f"{PERSON} mag keine Anrufe am Montag"))
    other = repo.add_customer(Customer(number="10002", name="Schreinerei Holzer",
                                       notes=f"empfohlen von {PERSON}"))
    repo.record_order(Order(customer_id=target.id, order_date=dt.date(2025, 1, 10),
                            amount_cents=120_000, discount_cents=5_000, order_number="A-1",
                            note=f"Lieferung an {PERSON}"))
    repo.record_order(Order(customer_id=target.id, order_date=dt.date(2025, 4, 2),
                            amount_cents=80_000, order_number="A-2"))
    repo.record_order(Order(customer_id=other.id, order_date=dt.date(2025, 2, 2),
                            amount_cents=50_000))
    repo.add_contact(Contact(customer_id=target.id, occurred_at=dt.datetime(2025, 5, 5, 9, 30),
                             staff_id=colleague.id, type=ContactType.COMPLAINT, subject=f"Reklamation {NAME}",
                             notes=f"{PERSON} verärgert", outcome="Gutschrift zugesagt",
                             complaint_status=ComplaintStatus.OPEN))
    repo.add_cost(Cost(customer_id=target.id, cost_date=dt.date(2025, 3, 3),
                       category=CostCategory.GIFT, amount_cents=4_500,
                       note=f"Pralinen für {PERSON}"))
    campaign = repo.add_campaign(Campaign(name="Frühlingsaktion", instrument_id=None,
                                          start_date=dt.date(2025, 3, 1),
                                          end_date=dt.date(2025, 3, 31)))
    repo.set_participants(campaign.id, [target.id, other.id])
    repo.save_snapshots([GroupSnapshot(customer_id=target.id, period="2025",
                                       snapshot_date=dt.date(2025, 12, 31), group=Group.STAR)])
    return target, other


def test_export_contains_every_row_of_every_table(file_repo: Repository, tmp_path: Path) -> None:
    target, _ = _fill(file_repo)
    db = file_repo.db
    data = privacy.export_customer(db, "10001", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    assert set(privacy.customer_tables(db)) >= {"orders", "contacts", "costs",
                                                 "campaign_participants", "group_history"}
    for table in privacy.customer_tables(db):
        expected = db.execute(f"SELECT count(*) FROM [{table}] WHERE customer_id = ?",
                              [target.id]).fetchone()[0]
        assert len(data["tables"][table]) == expected, table
    # 2 orders -> 2 order contacts + 1 complaint = 3 contacts; 1 cost; 1 campaign; 1 snapshot
    assert [len(data["tables"][t]) for t in ("orders", "contacts", "costs",
                                             "campaign_participants", "group_history")] \
        == [2, 3, 1, 1, 1]
    assert len(data["tables"]["consent_history"]) == 1
    assert data["customer"]["email"] == EMAIL
    assert data["consent"] == {"marketing_consent": 1, "consent_date": "2024-03-01",
                               "consent_source": "Messe BEA", "opt_out_date": "2025-06-01"}
    assert data["responsible_staff"] == "Anna Keller"
    assert list(data["campaign_names"].values()) == ["Frühlingsaktion"]

    out = tmp_path / "auskunft.json"
    privacy.write_export_json(data, out)
    loaded = json.loads(out.read_text(encoding="utf-8"))
    assert loaded["customer"]["name"] == NAME  # umlauts kept, not \u-escaped garbage
    assert NAME in out.read_text(encoding="utf-8")

    text = privacy.export_text(data)
    assert text.startswith("Datenauskunft zu Kunde 10001\nErstellt am 02.01.2026 03:04:05")
    assert f"Ansprechperson: {PERSON}" in text
    assert "Aufträge (2)" in text and "Kampagne: Frühlingsaktion" in text
    assert "Werbeeinwilligung: ja" in text


def test_readable_forms_name_staff_and_label_derived_sums(repo: Repository) -> None:
    """Text (and PDF) in German: staff by name, not by number; no raw table or column names."""
    _fill(repo)
    data = privacy.export_customer(repo.db, "10001", now=dt.datetime(2026, 1, 2, 3, 4, 5))
    assert data["staff_names"] == {"1": "Anna Keller", "2": "Beat Meier"}
    labels, rows = privacy.readable_table(data, "contacts")
    assert "Betreuer/in" in labels and "Mitarbeiter-Nr." not in labels
    complaint = dict(zip(labels, rows[-1], strict=True))
    assert complaint["Betreuer/in"] == "Beat Meier" and complaint["Art"] == "Reklamation"
    assert complaint["Zeitpunkt"] == "05.05.2025 09:30"
    labels, rows = privacy.readable_table(data, "customer_totals")  # derived, kept, labelled
    totals = dict(zip(labels, rows[0], strict=True))
    assert totals["Umsatz"] == "2'000.00" and totals["Kosten Werbegeschenk"] == "45.00"
    text = privacy.export_text(data, "de-DE")
    assert "Betreuer/in: Beat Meier" in text and "Summen (abgeleitet) (1)" in text
    assert "Umsatz: 2.000,00" in text and "Datum: 10.01.2025" in text
    for raw in ("customer_totals", "staff_id", "occurred_at", "revenue_cents", "_id:"):
        assert raw not in text, raw


def test_unknown_number_is_a_german_error(repo: Repository) -> None:
    with pytest.raises(NotFoundError, match="Kundennummer 99999 gibt es nicht"):
        privacy.export_customer(repo.db, "99999")


def _sums(repo: Repository) -> list[tuple[int, int, int]]:
    return [tuple(r) for r in repo.db.execute(
        "SELECT customer_id, sum(amount_cents), sum(discount_cents) FROM orders "
        "GROUP BY customer_id ORDER BY customer_id").fetchall()]


def test_erase_keeps_sums_and_removes_every_personal_string(file_repo: Repository,
                                                            tmp_path: Path) -> None:
    target, other = _fill(file_repo)
    db_path = tmp_path / "test.sqlite3"
    sums_before = _sums(file_repo)
    costs_before = file_repo.db.execute("SELECT sum(amount_cents) FROM costs").fetchone()[0]
    assert privacy.file_mentions(db_path, "Quästenberg")

    result = privacy.erase_customer(file_repo.db, "10001", now=dt.datetime(2026, 1, 2, 3, 4))

    # 1 order note + 1 cost note + complaint subject/notes/outcome + 2 order-contact subjects
    # + the consent source «Messe BEA» in the consent history = 8
    assert result.cleared_texts == 8
    history = file_repo.db.execute(
        "SELECT marketing_consent, consent_date, source, opt_out_date FROM consent_history "
        "WHERE customer_id = ? ORDER BY id", [target.id]).fetchall()
    assert history == [(1, "2024-03-01", None, "2025-06-01"),  # given (source erased)
                       (0, None, None, "2025-06-01")]  # cleared by the erasure
    assert _sums(file_repo) == sums_before == [(target.id, 200_000, 5_000), (other.id, 50_000, 0)]
    assert file_repo.db.execute("SELECT sum(amount_cents) FROM costs").fetchone()[0] \
        == costs_before == 4_500
    erased = file_repo.get_customer(target.id)
    assert erased.name == "Anonymisiert 10001"
    assert (erased.contact_person, erased.street, erased.postcode, erased.city, erased.phone,
            erased.email, erased.notes, erased.consent_date, erased.consent_source) == (None,) * 9
    assert erased.marketing_consent is False
    assert erased.opt_out_date == dt.date(2025, 6, 1)  # the objection stays on record
    assert erased.anonymized_at == dt.datetime(2026, 1, 2, 3, 4)
    assert len(file_repo.list_orders(target.id)) == 2  # orders stay with the anonymous record
    # the other customer's note mentions the person: reported, not silently changed
    assert result.remaining == [f"Tabelle customers, Spalte notes: 1× «{PERSON}»"]
    assert file_repo.get_customer(other.id).notes == f"empfohlen von {PERSON}"

    for needle in ("Rosenweg", "987 65 43", "Pralinen", "verärgert", "Lieferung an", EMAIL,
                   "Reklamation Zucker"):  # strings only the erased customer had
        assert not privacy.file_mentions(db_path, needle), needle

    file_repo.db.execute("UPDATE customers SET notes = 'empfohlen' WHERE id = ?", [other.id])
    privacy.compact(file_repo.db)
    for needle in ("Quästenberg", "quaestenberg", "Rosenweg", "987 65 43", "Pralinen",
                   "verärgert", "Gutschrift zugesagt", "Lieferung an"):
        assert not privacy.file_mentions(db_path, needle), needle
    assert privacy.file_mentions(db_path, "Schreinerei Holzer")  # the search itself works


def test_consent_history_records_changes_only(repo: Repository) -> None:
    customer = repo.add_customer(Customer(number="10001", name="Alpha AG"))  # no consent: no row
    customer.city = "Basel"
    repo.update_customer(customer)  # not a consent change: no row
    customer.marketing_consent, customer.consent_date = True, dt.date(2026, 1, 5)
    customer.consent_source = "Formular Website"
    repo.update_customer(customer)
    customer.marketing_consent, customer.opt_out_date = False, dt.date(2026, 3, 1)
    repo.update_customer(customer)
    rows = repo.db.execute("SELECT marketing_consent, consent_date, source, opt_out_date "
                           "FROM consent_history ORDER BY id").fetchall()
    assert rows == [(1, "2026-01-05", "Formular Website", None),
                    (0, "2026-01-05", "Formular Website", "2026-03-01")]
