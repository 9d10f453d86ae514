"""Import: one transaction, every bad row named, idempotent re-import, bulk order contacts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kundenportfolio.core.models import ContactType, Customer
from kundenportfolio.data.importing import (
    ImportCancelled,
    ImportFailed,
    import_file,
)
from kundenportfolio.data.repository import Repository


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def count(repo: Repository, table: str) -> int:
    return int(repo.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def customers_cp1252(tmp_path: Path) -> Path:
    return write(tmp_path / "kunden.csv",
                 "Kundennummer;Firma;PLZ;Ort;Land;Betreuer;Kunde seit;Werbeeinwilligung;"
                 "Bedarfspotenzial\n"
                 "10001;Bäckerei Müller AG;8004;Zürich;Schweiz;Anna Keller;01.04.2019;ja;12.500,50\n"
                 "10002;Öko-Gärtnerei Weiß;50667;Köln;DE;Jörg Brändle;2020-02-03;nein;800\n",
                 "cp1252")


def test_windows_1252_customers_with_umlauts_and_decimal_commas(
        repo: Repository, customers_cp1252: Path) -> None:
    result = import_file(repo, "customers", customers_cp1252)
    assert (result.rows, result.inserted, result.updated, result.unchanged) == (2, 2, 0, 0)
    assert result.created_staff == ["Anna Keller", "Jörg Brändle"]
    first, second = repo.list_customers()
    assert (first.name, first.city, first.country) == ("Bäckerei Müller AG", "Zürich", "CH")
    assert first.potential_cents == 1_250_050  # 12.500,50 -> 12'500.50
    assert first.customer_since == dt.date(2019, 4, 1) and first.marketing_consent is True
    assert (second.name, second.potential_cents) == ("Öko-Gärtnerei Weiß", 80_000)
    assert repo.get_staff(second.staff_id or 0).name == "Jörg Brändle"


def test_customer_reimport_updates_in_place(repo: Repository, customers_cp1252: Path,
                                            tmp_path: Path) -> None:
    import_file(repo, "customers", customers_cp1252)
    before = repo.get_customer_by_number("10001")
    orders = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n10001;01.02.2024;100,00\n")
    import_file(repo, "orders", orders)
    again = import_file(repo, "customers", customers_cp1252)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    # A partial file: only the city changes; the other fields and the orders stay.
    moved = write(tmp_path / "k2.csv", "customer_number;city\n10001;Winterthur\n")
    result = import_file(repo, "customers", moved)
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 0)
    after = repo.get_customer_by_number("10001")
    assert after.id == before.id and after.city == "Winterthur"
    assert after.potential_cents == before.potential_cents and after.name == before.name
    assert len(repo.list_orders(after.id or 0)) == 1  # no REPLACE, no cascade


@pytest.fixture
def two_customers(repo: Repository) -> Repository:
    repo.add_customer(Customer(number="10001", name="Müller AG"))
    repo.add_customer(Customer(number="10002", name="Keller GmbH"))
    return repo


def test_utf8_bom_orders_with_decimal_point_create_order_contacts(
        two_customers: Repository, tmp_path: Path) -> None:
    repo = two_customers
    path = write(tmp_path / "orders.csv",
                 "\ufeffcustomer_number,date,order_number,amount,discount,cost_of_goods,note\n"
                 '10001,2024-03-05,A-1,"1,234.50",34.50,800,Grüße\n'
                 "10002,06.03.2024,,99.95,,,\n")
    result = import_file(repo, "orders", path)
    assert (result.inserted, result.updated) == (2, 0)
    order = repo.list_orders(1)[0]
    assert (order.amount_cents, order.discount_cents, order.cost_of_goods_cents) == (
        123_450, 3_450, 80_000)
    assert order.order_number == "A-1" and order.note == "Grüße"
    # Each order logged its Bestellung contact, as Repository.record_order does.
    contact = repo.list_contacts(1)[0]
    assert (contact.type, contact.subject, contact.order_id) == (
        ContactType.ORDER, "Auftrag A-1", order.id)
    assert contact.occurred_at == dt.datetime(2024, 3, 5, 0, 0)
    assert repo.list_contacts(2)[0].subject == "Auftrag"


def test_xlsx_orders(two_customers: Repository, tmp_path: Path) -> None:
    path = tmp_path / "auftraege.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Kunden-Nr", "Auftragsdatum", "Nettobetrag", "Rabatt"])
    book.active.append([10002, dt.datetime(2023, 12, 31), 2500.4, 0])
    book.active.append(["10001", "15.01.2024", "1.000,00", None])
    book.save(path)
    result = import_file(two_customers, "orders", path)
    assert result.inserted == 2
    (order,) = two_customers.list_orders(2)
    assert (order.order_date, order.amount_cents) == (dt.date(2023, 12, 31), 250_040)
    assert two_customers.list_orders(1)[0].amount_cents == 100_000


def test_bad_rows_write_nothing_and_are_all_named(two_customers: Repository,
                                                  tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv",
                 "Kundennummer;Datum;Betrag;Rabatt\n"
                 "10001;01.02.2024;100,00;0\n"
                 "10001;31.02.2024;100,00;0\n"  # line 3: no such day
                 "10002;01.03.2024;abc;0\n"  # line 4: no amount
                 "10002;01.03.2024;50,00;60,00\n")  # line 5: discount above the amount
    with pytest.raises(ImportFailed) as caught:
        import_file(two_customers, "orders", path)
    errors = caught.value.errors
    assert [(e.line, e.column) for e in errors] == [(3, "Datum"), (4, "Betrag"), (5, "Rabatt")]
    assert "gibt es im Kalender nicht" in errors[0].message
    assert "Zeile 3, Spalte «Datum»" in str(caught.value)
    assert count(two_customers, "orders") == 0 and count(two_customers, "contacts") == 0


def test_orders_reimport_changes_nothing(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv",
                 "Kundennummer;Datum;Auftragsnummer;Betrag\n"
                 "10001;01.02.2024;A-1;100,00\n"
                 "10001;02.02.2024;;50,00\n"
                 "10001;02.02.2024;;50,00\n"  # the same order twice on one day: both kept
                 "10002;03.02.2024;;70,00\n")
    first = import_file(two_customers, "orders", path)
    second = import_file(two_customers, "orders", path)
    assert (first.inserted, second.inserted, second.updated, second.unchanged) == (4, 0, 0, 4)
    assert count(two_customers, "orders") == 4 and count(two_customers, "contacts") == 4


def test_order_matched_by_number_is_updated_with_its_contact(two_customers: Repository,
                                                             tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "Kundennummer;Datum;Auftragsnummer;Betrag\n"
                              "10001;01.02.2024;A-1;100,00\n")
    write(tmp_path / "b.csv", "Kundennummer;Datum;Auftragsnummer;Betrag\n"
                              "10001;05.02.2024;A-1;120,00\n")
    import_file(two_customers, "orders", tmp_path / "a.csv")
    result = import_file(two_customers, "orders", tmp_path / "b.csv")
    assert (result.inserted, result.updated) == (0, 1)
    (order,) = two_customers.list_orders(1)
    assert (order.amount_cents, order.order_date) == (12_000, dt.date(2024, 2, 5))
    (contact,) = two_customers.list_contacts(1)
    assert contact.occurred_at == dt.datetime(2024, 2, 5, 0, 0)


def test_duplicate_order_number_in_file_is_refused(two_customers: Repository,
                                                   tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Auftragsnummer;Betrag\n"
                                     "10001;01.02.2024;A-1;1\n10002;01.02.2024;A-1;2\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(two_customers, "orders", path)
    assert [e.line for e in caught.value.errors] == [2, 3]
    assert "mehrfach" in caught.value.errors[0].message


def test_unknown_customer_numbers(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n"
                                     "10001;01.02.2024;10\n10099;01.02.2024;20\n"
                                     "10098;01.02.2024;30\n10099;02.02.2024;40\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(two_customers, "orders", path)
    assert [(e.line, e.column) for e in caught.value.errors] == [
        (3, "Kundennummer"), (4, "Kundennummer"), (5, "Kundennummer")]
    assert "10099 gibt es nicht" in caught.value.errors[0].message
    assert count(two_customers, "customers") == 2
    result = import_file(two_customers, "orders", path, create_missing_customers=True)
    assert result.created_customers == ["10099", "10098"] and result.inserted == 4
    assert two_customers.get_customer_by_number("10099").name == "Kunde 10099"


def test_ambiguous_amount_column_is_refused(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n"
                                     "10001;01.02.2024;1.234\n10002;01.02.2024;2.500\n")
    with pytest.raises(ImportFailed, match="«Betrag».*1234 oder 1,234"):
        import_file(two_customers, "orders", path)
    # With the mark given, 1.234 reads as 1234 (decimal comma, point groups thousands).
    import_file(two_customers, "orders", path, decimal_mark=",")
    assert two_customers.list_orders(1)[0].amount_cents == 123_400


def test_ambiguous_column_follows_the_files_other_columns(two_customers: Repository,
                                                          tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag;Rabatt\n"
                                     "10001;01.02.2024;1.234;10,50\n")
    import_file(two_customers, "orders", path)
    order = two_customers.list_orders(1)[0]
    assert (order.amount_cents, order.discount_cents) == (123_400, 1_050)


def test_missing_required_column(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum\n10001;01.02.2024\n")
    with pytest.raises(ImportFailed, match="Spalte «Betrag» fehlt"):
        import_file(two_customers, "orders", path)


def test_mapping_overrides_headers(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "K;D;X;Y\n10001;01.02.2024;5,00;7,00\n")
    import_file(two_customers, "orders", path,
                mapping={"customer_number": 0, "order_date": 1, "amount_cents": 3})
    assert two_customers.list_orders(1)[0].amount_cents == 700


def test_cancel_rolls_back_and_progress_is_reported(two_customers: Repository,
                                                    tmp_path: Path) -> None:
    rows = "".join(f"10001;01.02.2024;{i},00\n" for i in range(12_000))
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n" + rows)
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        import_file(two_customers, "orders", path, progress=lambda d, t: seen.append((d, t)),
                    cancel=lambda: len(seen) >= 3)
    assert count(two_customers, "orders") == 0
    seen.clear()
    import_file(two_customers, "orders", path, progress=lambda d, t: seen.append((d, t)))
    # 12,000 rows + a quarter for the merge = 15,000 units, ending complete.
    assert seen[-1] == (15_000, 15_000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_dry_run_counts_but_writes_nothing(two_customers: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n10001;01.02.2024;10\n")
    calls: list[int] = []
    result = import_file(two_customers, "orders", path, dry_run=True,
                         before_import=lambda: calls.append(1))
    assert (result.inserted, result.dry_run, calls) == (1, True, [])
    assert count(two_customers, "orders") == 0
    import_file(two_customers, "orders", path, before_import=lambda: calls.append(1))
    assert calls == [1]


def test_contacts_and_costs_import_idempotent(two_customers: Repository, tmp_path: Path) -> None:
    contacts = write(tmp_path / "k.csv",
                     "Kundennummer;Datum;Art;Richtung;Mitarbeiter;Betreff;Notiz\n"
                     "10001;03.02.2024 14:30;Anruf;eingehend;Anna Keller;Preisanfrage;\n"
                     "10002;04.02.2024;Reklamation;ein;;Lieferung zu spät;verärgert\n")
    costs = write(tmp_path / "c.csv", "Kundennummer;Datum;Kategorie;Betrag;Bemerkung\n"
                                      "10001;05.02.2024;Werbegeschenk;45,90;Wein\n"
                                      "10001;05.02.2024;Besuch;120;\n")
    assert import_file(two_customers, "contacts", contacts).inserted == 2
    assert import_file(two_customers, "costs", costs).inserted == 2
    assert import_file(two_customers, "contacts", contacts).unchanged == 2
    assert import_file(two_customers, "costs", costs).unchanged == 2
    (call,) = two_customers.list_contacts(1)
    assert (call.type, call.occurred_at, call.direction) == (
        ContactType.CALL, dt.datetime(2024, 2, 3, 14, 30), "in")
    (complaint,) = two_customers.list_contacts(2)
    assert complaint.complaint_status == "open"  # a complaint starts open
    gift = [c for c in two_customers.list_costs(1) if c.category == "gift"][0]
    assert (gift.amount_cents, gift.note) == (4_590, "Wein")


def test_file_database_is_backed_up_before_import(file_repo: Repository, tmp_path: Path) -> None:
    from kundenportfolio.data import backup

    file_repo.add_customer(Customer(number="10001", name="Müller AG"))
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n10001;01.02.2024;10\n")
    import_file(file_repo, "orders", path)
    db_file = Path(file_repo.db.execute("PRAGMA database_list").fetchone()[2])
    reasons = [b.reason for b in backup.list_backups(backup.backup_dir_for(db_file), db_file)]
    assert reasons == [backup.BEFORE_IMPORT]


def test_bad_row_with_unknown_customer_names_both_problems(two_customers: Repository,
                                                           tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\n10077;01.13.2024;10\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(two_customers, "orders", path)
    assert [(e.line, e.column) for e in caught.value.errors] == [
        (2, "Datum"), (2, "Kundennummer")]


@pytest.mark.parametrize(
    ("mark", "text", "cents"),
    [(",", "1234,50", 123_450), (",", "0,05", 5), (",", "-12,50", -1_250), (",", "12,5", 1_250),
     (",", "1.234,50", 123_450), (",", " 7,00 ", 700), (",", "", None), (".", "1,234.50", 123_450),
     (".", "12", 1_200)],
)
def test_amount_cells(mark: str, text: str, cents: int | None) -> None:
    from kundenportfolio.data.import_specs import converter, field_spec

    assert converter(field_spec("orders", "amount_cents"), mark)(text) == cents  # type: ignore[arg-type]


def test_suggested_mapping_recognises_german_and_english_headers() -> None:
    from kundenportfolio.data.import_specs import suggest_mapping

    headers = ["KUNDENNUMMER", "Firma", "Straße", "postcode", "E-Mail", "Kunde seit", "Unbekannt"]
    assert suggest_mapping("customers", headers) == {
        "number": 0, "name": 1, "street": 2, "postcode": 3, "email": 4, "customer_since": 5}


ISSUE_HEADERS = {  # the header names issue 7 lists, German and English
    "customers": {"number": ["Kundennummer", "customer_number"],
                  "name": ["Firma", "Name", "company"],
                  "contact_person": ["Ansprechpartner", "contact_person"],
                  "street": ["Strasse", "street"], "postcode": ["PLZ", "postcode"],
                  "city": ["Ort", "city"], "country": ["Land", "country"],
                  "phone": ["Telefon", "phone"], "email": ["E-Mail", "email"],
                  "industry": ["Branche", "industry"], "staff": ["Betreuer", "responsible"],
                  "customer_since": ["Kunde seit", "customer_since"],
                  "marketing_consent": ["Werbeeinwilligung", "marketing_consent"],
                  "potential_cents": ["Bedarfspotenzial", "potential"],
                  "notes": ["Notiz", "Bemerkung", "note"]},
    "orders": {"order_date": ["Datum", "date"],
               "amount_cents": ["Betrag", "Nettobetrag", "amount"],
               "discount_cents": ["Rabatt", "discount"],
               "cost_of_goods_cents": ["Wareneinsatz", "cost_of_goods"],
               "order_number": ["Auftragsnummer", "order_number"], "note": ["Notiz", "note"]},
    "contacts": {"type": ["Art", "type"], "subject": ["Betreff", "subject"],
                 "notes": ["Bemerkung", "note"]},
    "costs": {"category": ["Kategorie", "category"], "customer_number": ["Kundennummer"]},
}


@pytest.mark.parametrize(
    ("entity", "field", "header"),
    [(e, f, h) for e, fields in ISSUE_HEADERS.items() for f, hs in fields.items() for h in hs],
)
def test_every_issue_header_is_recognised(entity: str, field: str, header: str) -> None:
    from kundenportfolio.data.import_specs import suggest_mapping

    assert suggest_mapping(entity, ["x", header.upper()]) == {field: 1}
