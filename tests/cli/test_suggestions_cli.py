"""`kundenportfolio suggestions` and `kundenportfolio campaign …` end to end (in-process)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from kundenportfolio.cli import COMMAND_MODULES, main
from kundenportfolio.core.models import Contact, ContactType, Customer, Order, Staff
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository

AS_OF = "2026-11-26"


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """Three customers with orders; 10002 has no marketing consent, 10003 opted out."""
    path = tmp_path / "firma.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    for number, name, consent, opt_out, amount in [
        ("10001", "Alpha AG", True, None, 50_000_00),
        ("10002", "Beta GmbH", False, None, 40_000_00),
        ("10003", "Gamma SA", True, dt.date(2026, 1, 1), 30_000_00),
    ]:
        customer = repo.add_customer(Customer(
            number=number, name=name, marketing_consent=consent, opt_out_date=opt_out,
            street="Bahnhofstrasse 1", postcode="01067", city="Dresden"))
        assert customer.id is not None
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2026, 11, 20),
                                amount_cents=amount))
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 11, 20),
                                amount_cents=amount // 2))
    db.close()
    return path


def test_commands_are_registered() -> None:
    assert "kundenportfolio.cli.suggestions" in COMMAND_MODULES
    assert "kundenportfolio.cli.campaign" in COMMAND_MODULES


def test_suggestions_terminal_respects_consent(db_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "suggestions", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Vorschläge zur Kundenansprache – Stichtag 26.11.2026")
    # revenue doubled (+100 %) and top ranks: "Kundenwert steigt" -> event invitation, but only
    # for Alpha (Beta: no consent, Gamma: opted out)
    rising = [line for line in out.splitlines() if "Kundenwert steigt" in line]
    assert len(rising) == 1 and "10001" in rising[0] and "Messe-/Event-Einladung" in rising[0]


def test_suggestions_csv_all_rows(db_file: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "vorschlaege.csv"
    assert main(["--db", str(db_file), "suggestions", "--as-of", AS_OF, "--out", str(out)]) == 0
    assert "Vorschläge geschrieben" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert rows and list(rows[0])[:3] == ["Priorität", "Kundennummer", "Name"]
    advertising = {r["Kundennummer"] for r in rows if r["Art"] == "Werbung"}
    assert advertising == {"10001"}
    assert all(r["Priorität"] in "12345" for r in rows)


def test_suggestions_bad_group_and_bad_file(db_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "suggestions", "--group", "gold"]) == 1
    assert "«gold» ist keine Gruppe" in capsys.readouterr().err
    assert main(["--db", str(db_file), "suggestions", "--out", "x.pdf"]) == 1
    assert ".csv oder .xlsx" in capsys.readouterr().err


def test_suggestions_overview(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "suggestions", "--overview"]) == 0
    out = capsys.readouterr().out
    assert "Starkunden — Kontakt alle 30 Tage" in out
    assert "Bedarfsanalyse (Service)" in out


def test_campaign_flow(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_file)]
    assert main([*db, "campaign", "create", "--name", "Hausmesse", "--instrument",
                 "messe_event_einladung", "--from", "2026-11-21", "--to", "2026-11-22",
                 "--budget", "300.00"]) == 0
    assert "Kampagne 1 angelegt" in capsys.readouterr().out
    assert main([*db, "campaign", "propose", "1"]) == 0
    assert "1 Teilnehmer vorgeschlagen" in capsys.readouterr().out  # only Alpha may be invited
    assert main([*db, "campaign", "participate", "1", "--date", "2026-11-22"]) == 0
    assert main([*db, "campaign", "participate", "1", "--date", "2026-11-22"]) == 0
    assert "0 Teilnahmen als Kontakt erfasst (1 waren schon erfasst)" in capsys.readouterr().out
    out = tmp_path / "teilnehmer.xlsx"
    assert main([*db, "campaign", "export", "1", "--out", str(out)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Kundennummer", "Firma", "Ansprechpartner", "Straße", "PLZ", "Ort")
    assert rows[1][:6] == ("10001", "Alpha AG", None, "Bahnhofstrasse 1", "01067", "Dresden")
    assert len(rows) == 2
    assert main([*db, "campaign", "evaluate", "1", "--as-of", AS_OF]) == 0
    assert "Noch nicht abschließend" in capsys.readouterr().out
    handle = open_database(db_file)
    try:
        contacts = Repository(handle).list_contacts(1)
        assert [c.type for c in contacts if c.campaign_id == 1] == [ContactType.EVENT]
    finally:
        handle.close()


def test_campaign_create_refuses_unknown_instrument(db_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "campaign", "create", "--name", "X", "--instrument",
                 "flyer", "--from", "2026-01-01", "--to", "2026-01-02"]) == 1
    assert "Kein Instrument «flyer»" in capsys.readouterr().err


def test_campaign_participants_edited_by_hand_respect_consent(
        db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_file)]
    assert main([*db, "campaign", "create", "--name", "Mailing", "--instrument",
                 "saisonales_mailing", "--from", "2026-12-01", "--to", "2026-12-20"]) == 0
    assert main([*db, "campaign", "participants", "1", "--add", "10001"]) == 0
    assert "Teilnehmerliste gespeichert: 1 Kunden." in capsys.readouterr().out
    # 10002 has no marketing consent: refused, the list stays as it was
    assert main([*db, "campaign", "participants", "1", "--add", "10002"]) == 1
    assert "Werbeeinwilligung" in capsys.readouterr().err
    assert main([*db, "campaign", "participants", "1"]) == 0
    out = capsys.readouterr().out
    assert "10001" in out and "10002" not in out and "1 Teilnehmer." in out
    assert main([*db, "campaign", "participants", "1", "--remove", "10001"]) == 0
    assert "gespeichert: 0 Kunden" in capsys.readouterr().out


def test_suggestions_review_lists_customers_without_responsible_person(
        db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "suggestions", "--review", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    # none of the three has a Betreuer; listed by Kundenwert: Alpha, Beta, Gamma
    assert "Kunden ohne Betreuer (3, nach Kundenwert):" in out
    listed = out.split("Kunden ohne Betreuer")[1].splitlines()[1:4]
    assert [line.split()[0] for line in listed] == ["10001", "10002", "10003"]


def _with_staff_and_phone(db_file: Path) -> None:
    """Beta gets a Betreuer (Meier), but Keller talked to Beta most; Alpha gets a phone."""
    handle = open_database(db_file)
    try:
        repo = Repository(handle)
        meier = repo.add_staff(Staff(name="Eva Meier"))
        keller = repo.add_staff(Staff(name="Jan Keller"))
        beta = repo.get_customer_by_number("10002")
        beta.staff_id = meier.id
        repo.update_customer(beta)
        assert beta.id is not None
        for day in (3, 10):
            repo.add_contact(Contact(customer_id=beta.id, type=ContactType.CALL,
                                     occurred_at=dt.datetime(2026, 11, day, 10, 0),
                                     staff_id=keller.id))
        alpha = repo.get_customer_by_number("10001")
        alpha.phone = "+49 351 1234567"
        repo.update_customer(alpha)
    finally:
        handle.close()


def test_suggestions_review_for_one_customer_answers_for_that_customer(
        db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _with_staff_and_phone(db_file)
    assert main(["--db", str(db_file), "suggestions", "--review", "--customer", "10002",
                 "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Kunden ohne Betreuer" not in out  # not the per-group review
    assert out.startswith("Review für Kunde 10002 Beta GmbH (")
    assert "  Betreuer: Eva Meier" in out
    assert ("  Hauptansprechpartner im Haus: Jan Keller (2 Kontakte in den letzten 12 Monaten) "
            "– nicht der zuständige Betreuer (Eva Meier).") in out
    assert "Umsatzentwicklung: +100 % pro Jahr" in out
    assert "Was schlecht läuft: Hauptkontakt ist nicht der Betreuer" in out
    assert "10001" not in out and "Alpha" not in out
    # a customer of another group than the one asked for is named, not silently skipped
    assert main(["--db", str(db_file), "suggestions", "--review", "--customer", "10002",
                 "--group", "mitnahme", "--as-of", AS_OF]) == 0
    assert "gehört zur Gruppe" in capsys.readouterr().out


def test_suggestions_file_amounts_are_numbers_not_display_text(
        db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_file)]
    csv_out, xlsx_out = tmp_path / "v.csv", tmp_path / "v.xlsx"
    assert main([*db, "suggestions", "--as-of", AS_OF, "--out", str(csv_out)]) == 0
    assert main([*db, "suggestions", "--as-of", AS_OF, "--out", str(xlsx_out)]) == 0
    with csv_out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    # German Excel CSV: decimal comma, no thousands separator (not «38'509.75»)
    values = [r["Kundenwert"] for r in rows]
    assert values and all(re.fullmatch(r"-?\d+,\d\d", v) for v in values), values
    assert any(len(v) > 7 for v in values)  # at least one amount of 10,000 or more
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_out).active
    header, *cells = list(sheet.iter_rows())
    column = [c.value for c in header].index("Kundenwert")
    amounts = [row[column] for row in cells]
    assert all(isinstance(c.value, int | float) and c.number_format == "#,##0.00" for c in amounts)
    assert sorted(f"{c.value:.2f}".replace(".", ",") for c in amounts) == sorted(values)
    assert isinstance(cells[0][[c.value for c in header].index("Priorität")].value, int)


def test_campaign_export_csv_keeps_phone_numbers_and_neutralises_formulas(
        db_file: Path, tmp_path: Path) -> None:
    _with_staff_and_phone(db_file)
    handle = open_database(db_file)
    try:
        repo = Repository(handle)
        alpha = repo.get_customer_by_number("10001")
        alpha.contact_person = "=HYPERLINK(\"http://x\";\"klick\")"
        repo.update_customer(alpha)
    finally:
        handle.close()
    db = ["--db", str(db_file)]
    assert main([*db, "campaign", "create", "--name", "Mailing", "--instrument",
                 "saisonales_mailing", "--from", "2026-12-01", "--to", "2026-12-20"]) == 0
    assert main([*db, "campaign", "participants", "1", "--add", "10001"]) == 0
    out = tmp_path / "serienbrief.csv"
    assert main([*db, "campaign", "export", "1", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh, delimiter=";"))
    assert row["Telefon"] == "'+49 351 1234567"  # German Excel would evaluate «+49 …»
    assert row["Ansprechpartner"] == "'=HYPERLINK(\"http://x\";\"klick\")"
    assert row["PLZ"] == "01067"


@pytest.mark.parametrize(("text", "written"), [
    ("+49 30 1234567", "'+49 30 1234567"),  # issue 7: every cell starting with + (Excel
    ("+41 (0)44 123 45 67", "'+41 (0)44 123 45 67"),  # would show #NULL! for «+41 44 …»)
    ("+43 1/234-56.78", "'+43 1/234-56.78"),
    ("+A1", "'+A1"),  # a cell reference
    ("+1+SUM(A1:A9)", "'+1+SUM(A1:A9)"),
    ("+49 30\n=1+1", "'+49 30\n=1+1"),
    ("+", "'+"),
    ("-5", "'-5"),
    ("=1+1", "'=1+1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("0351 123", "0351 123"),
])
def test_campaign_export_neutralises_every_formula_start(
        text: str, written: str, tmp_path: Path) -> None:
    import pandas as pd

    from kundenportfolio.reports.campaign_export import write_table

    out = tmp_path / "t.csv"
    write_table(pd.DataFrame({"Telefon": [text]}), out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.DictReader(fh, delimiter=";"))["Telefon"] == written
