"""Import of files that are broken as a whole or line by line: a German message naming the
line or column, and nothing written (audit: broken CSV lines, non-text files, ambiguous
decimals, duplicate column mappings, singular/plural, customer round trip)."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kundenportfolio.core.models import Customer, Group
from kundenportfolio.core.tabular import TableError, iter_rows, open_table
from kundenportfolio.data.database import open_memory
from kundenportfolio.data.importing import ImportFailed, ImportResult, import_file
from kundenportfolio.data.repository import Repository
from kundenportfolio.reports.export import export_entity

ORDERS_HEADER = "Kundennummer;Datum;Auftragsnummer;Betrag;Notiz\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def orders(repo: Repository) -> list[tuple[str | None, int, str | None]]:
    return [(row[0], row[1], row[2]) for row in repo.db.execute(
        "SELECT order_number, amount_cents, note FROM orders ORDER BY id")]


@pytest.fixture
def shop(repo: Repository) -> Repository:
    repo.add_customer(Customer(number="K1", name="Bäckerei Müller AG"))
    repo.add_customer(Customer(number="K2", name="Garage Huber GmbH"))
    return repo


# ---- 1. structurally broken CSV lines -----------------------------------------------------

def test_line_with_extra_fields_is_refused_and_nothing_written(shop: Repository,
                                                               tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER
                 + "K2;2026-04-03;E0;7,00;gut\n"
                 + "K1;2026-04-04;E1;10,00;a;extra;felder\n"
                 + "K2;2026-04-05;E2;5,00;ok\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(shop, "orders", path)
    (error,) = caught.value.errors
    assert error.line == 3
    assert str(error).startswith("Zeile 3: Die Zeile hat 7 Felder, die Kopfzeile aber nur "
                                 "5 Spalten (überzählig: «extra», «felder»).")
    assert "Semikolon" in str(error)
    assert "1 fehlerhafte Zeile." in str(caught.value)
    assert orders(shop) == []  # all or nothing: the good lines 2 and 4 are not written either


def test_unclosed_quote_that_swallows_the_next_line_is_refused(shop: Repository,
                                                               tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER
                 + "K2;2026-04-03;E0;7,00;gut\n"
                 + 'K1;2026-04-04;E1;10,00;"offenes Zitat\n'
                 + "K2;2026-04-05;E2;5,00;ok\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(shop, "orders", path)
    (error,) = caught.value.errors
    assert error.line == 3  # where the quote opened
    assert "Anführungszeichen am Anfang von Spalte «Notiz» wird nicht geschlossen" in str(error)
    assert "enthält auch Zeile 4 («K2;2026-04-05;E2;5,00;ok»)" in str(error)
    assert orders(shop) == []


def test_every_broken_line_is_named(shop: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER
                 + "K1;2026-04-04;E1;10,00;a;b\n"
                 + "K2;2026-04-05;E2;5,00;ok\n"
                 + "K2;2026-04-06;E3;5,00;x;y;z;w;v\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(shop, "orders", path)
    assert [e.line for e in caught.value.errors] == [2, 4]
    assert "überzählig: «b»" in str(caught.value.errors[0])
    assert "«y», «z», «w», …" in str(caught.value.errors[1])
    assert "2 fehlerhafte Zeilen." in str(caught.value)


def test_trailing_empty_cells_and_short_lines_are_accepted(shop: Repository,
                                                           tmp_path: Path) -> None:
    # Excel writes empty separators for formatted cells further right, and leaves out the
    # separators of empty cells at the end of a line: neither loses data.
    path = write(tmp_path / "o.csv", ORDERS_HEADER
                 + "K1;2026-04-04;E1;10,00;mit Leerzellen;;\n"
                 + "K2;2026-04-05;E2;5,00\n")
    result = import_file(shop, "orders", path)
    assert result.inserted == 2
    assert orders(shop) == [("E1", 1000, "mit Leerzellen"), ("E2", 500, None)]


def test_multiline_note_with_semicolons_is_fine(shop: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER
                 + 'K1;2026-04-04;E1;10,00;"Zeile 1; mit Semikolon\nZeile 2"\n'
                 + "K2;2026-04-05;E2;5,00;ok\n")
    assert import_file(shop, "orders", path).inserted == 2
    assert orders(shop)[0][2] == "Zeile 1; mit Semikolon\r\nZeile 2"


def test_quote_running_far_into_the_file_names_its_line(shop: Repository,
                                                        tmp_path: Path) -> None:
    lines = "".join(f"K2;2026-04-05;E{i};5,00;{'x' * 60}\n" for i in range(3000))
    path = write(tmp_path / "o.csv", ORDERS_HEADER + 'K1;2026-04-04;E;1,00;"offen\n' + lines)
    with pytest.raises((TableError, ImportFailed), match="Zeile 2: ") as caught:
        import_file(shop, "orders", path)
    assert "Anführungszeichen" in str(caught.value)
    assert orders(shop) == []


def test_iter_rows_without_a_problem_list_raises(tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER + "K1;2026-04-04;E1;10,00;a;b\n")
    with pytest.raises(TableError, match="Zeile 2: ") as caught:
        list(iter_rows(open_table(path)))
    assert caught.value.line == 2
    problems: list = []
    assert list(iter_rows(open_table(path), problems=problems)) == []
    assert [p.line for p in problems] == [2]


# ---- 2. files that are no table -----------------------------------------------------------

NOT_A_TABLE = re.escape("ist keine Textdatei (CSV) und keine Excel-Datei.")


def test_pdf_renamed_to_csv(shop: Repository, tmp_path: Path) -> None:
    path = tmp_path / "auftraege.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Length 20>>\nstream\n"
                     b"x\x9c\x81\x8d\x00\x00\xff\nendstream\n")
    with pytest.raises(TableError, match=f"«auftraege.csv» {NOT_A_TABLE}"):
        import_file(shop, "orders", path)


def test_random_bytes(shop: Repository, tmp_path: Path) -> None:
    path = tmp_path / "daten.csv"
    path.write_bytes(os.urandom(5000))
    with pytest.raises(TableError, match=NOT_A_TABLE):
        import_file(shop, "orders", path)


def test_undecodable_bytes_past_the_sample(shop: Repository, tmp_path: Path) -> None:
    # Windows-1252 has no character for 0x81: found only while reading, deep in the file.
    body = "".join(f"K1;2026-04-04;E{i};10,00;Grüße\n" for i in range(3000))
    path = tmp_path / "o.csv"
    path.write_bytes((ORDERS_HEADER + body).encode("cp1252") + b"K2;x;\x81;1,00;\n")
    with pytest.raises(TableError, match=NOT_A_TABLE):
        import_file(shop, "orders", path)
    assert orders(shop) == []


def test_xlsx_with_csv_ending_is_named(shop: Repository, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Kundennummer", "Datum", "Betrag"])
    book.save(tmp_path / "a.xlsx")
    path = tmp_path / "a.csv"
    path.write_bytes((tmp_path / "a.xlsx").read_bytes())
    with pytest.raises(TableError, match="Excel-Datei mit der falschen Endung «.csv»"):
        import_file(shop, "orders", path)


def test_xlsx_that_is_no_zip(shop: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "a.xlsx", "Kundennummer;Datum;Betrag\nK1;2026-04-04;1,00\n")
    with pytest.raises(TableError, match="«a.xlsx» ist keine gültige Excel-Datei"):
        import_file(shop, "orders", path)


def test_damaged_xlsx(shop: Repository, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Kundennummer", "Datum", "Betrag"])
    book.save(good)
    truncated = tmp_path / "kaputt.xlsx"
    truncated.write_bytes(good.read_bytes()[:600])
    with pytest.raises(TableError, match="«kaputt.xlsx»"):
        import_file(shop, "orders", truncated)
    # A readable zip whose sheet is broken: found only while the rows are read.
    broken = tmp_path / "blatt.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(TableError, match="«blatt.xlsx» ist beschädigt"):
        import_file(shop, "orders", broken)


# ---- 3. ambiguous decimal marks ----------------------------------------------------------

def test_ambiguous_amount_names_both_readings_and_how_to_choose(shop: Repository,
                                                                tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Nettobetrag\nK1;2026-04-04;1,500\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(shop, "orders", path)
    text = str(caught.value)
    assert "Spalte «Nettobetrag»: «1,500» kann 1500 oder 1,5 bedeuten" in text
    assert "--decimal comma" in text and "«Dezimalzeichen»" in text
    assert "1234 oder 1,234" not in text
    assert text.startswith("Nichts importiert: ein Problem mit der Datei.")
    assert "Zeile(n)" not in text and caught.value.bad_lines == 0
    import_file(shop, "orders", path, decimal_mark=".")
    assert orders(shop) == [(None, 150_000, None)]


# ---- 4. singular and plural --------------------------------------------------------------

def test_summary_singular_and_plural() -> None:
    assert ImportResult("orders", rows=1, inserted=1).summary().startswith(
        "Aufträge: 1 Zeile importiert – 1 neu")
    assert ImportResult("orders", rows=2, dry_run=True).summary().startswith(
        "Aufträge: 2 Zeilen würden importiert")
    assert ImportResult("orders", rows=1, dry_run=True).summary().startswith(
        "Aufträge: 1 Zeile würde importiert")
    assert "1 fehlender Kunde angelegt." in ImportResult(
        "orders", rows=1, created_customers=["K9"]).summary()
    assert "2 fehlende Kunden angelegt." in ImportResult(
        "orders", rows=2, created_customers=["K8", "K9"]).summary()
    assert "1 fehlender Kunde würde angelegt." in ImportResult(
        "orders", rows=1, created_customers=["K9"], dry_run=True).summary()


def test_one_line_import_says_zeile(shop: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER + "K1;2026-04-04;E1;10,00;ok\n")
    assert import_file(shop, "orders", path).summary() == (
        "Aufträge: 1 Zeile importiert – 1 neu, 0 geändert, 0 unverändert.")


# ---- 5. two columns for one field --------------------------------------------------------

def test_two_columns_recognised_as_the_same_field_are_refused(shop: Repository,
                                                              tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv",
                 "Kundennummer;Datum;Betrag;Nettobetrag\nK1;2026-04-04;11,90;10,00\n")
    with pytest.raises(ImportFailed, match="Die Spalten «Betrag» und «Nettobetrag» gehören "
                                           "beide zum Feld «Betrag»"):
        import_file(shop, "orders", path)
    assert orders(shop) == []
    # Choosing the column (as the wizard does) resolves it.
    import_file(shop, "orders", path, mapping={"customer_number": 0, "order_date": 1,
                                               "amount_cents": 3})
    assert orders(shop) == [(None, 1000, None)]


def test_one_column_mapped_to_two_fields_is_refused(shop: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Kundennummer;Datum;Betrag\nK1;2026-04-04;10,00\n")
    with pytest.raises(ImportFailed, match="Die Spalte «Betrag» ist mehreren Feldern zugeordnet "
                                           r"\(«Betrag» und «Rabatt»\)"):
        import_file(shop, "orders", path, mapping={"customer_number": 0, "order_date": 1,
                                                   "amount_cents": 2, "discount_cents": 2})
    assert orders(shop) == []


# ---- 6. customer export -> import round trip ----------------------------------------------

@pytest.fixture
def rich_customer(repo: Repository) -> Repository:
    repo.add_customer(Customer(
        number="10001", name="Bäckerei Müller AG", marketing_consent=True,
        consent_date=dt.date(2024, 5, 2), consent_source="Messe Basel",
        rating_payment=4, rating_reference=2, rating_relationship=5,
        group_override=Group.STAR, group_override_reason="Schlüsselkunde Region Zürich"))
    repo.add_customer(Customer(number="10002", name="Öko-Gärtnerei Weiß",
                               marketing_consent=False, opt_out_date=dt.date(2025, 1, 15),
                               consent_date=dt.date(2023, 3, 1), consent_source="Formular"))
    return repo


def customer_fields(repo: Repository) -> list[tuple[object, ...]]:
    return [(c.number, c.marketing_consent, c.consent_date, c.consent_source, c.opt_out_date,
             c.rating_payment, c.rating_reference, c.rating_relationship, c.group_override,
             c.group_override_reason) for c in repo.list_customers()]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_customer_round_trip_keeps_consent_ratings_and_fixed_group(
        rich_customer: Repository, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"kunden{suffix}"
    export_entity(rich_customer, "customers", path)
    source = open_table(path)
    for header in ("Einwilligung am", "Einwilligung über", "Widerspruch am", "Zahlungsverhalten",
                   "Referenzwert", "Beziehungsqualität", "Feste Gruppe",
                   "Grund für feste Gruppe"):
        assert header in source.headers
    target = Repository(open_memory())
    try:
        result = import_file(target, "customers", path)
        assert (result.inserted, result.updated) == (2, 0)
        assert customer_fields(target) == customer_fields(rich_customer)
        assert target.get_customer_by_number("10001").group_override == Group.STAR
        again = import_file(target, "customers", path)  # idempotent
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    finally:
        target.db.close()
    again = import_file(rich_customer, "customers", path)
    assert (again.inserted, again.updated) == (0, 0)


def test_customer_import_checks_ratings_and_groups(repo: Repository, tmp_path: Path) -> None:
    path = write(tmp_path / "k.csv",
                 "Kundennummer;Firma;Zahlungsverhalten;Feste Gruppe;Grund für feste Gruppe\n"
                 "1;A AG;7;Starkunde;wichtig\n"
                 "2;B AG;3,5;;\n"
                 "3;C AG;2;Ertragskunden;\n"
                 "4;D AG;;Goldkunden;x\n"
                 "5;E AG;5;mitnahme;Grund\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(repo, "customers", path)
    lines = {e.line: str(e) for e in caught.value.errors}
    assert sorted(lines) == [2, 3, 4, 5]
    assert "Zahlungsverhalten" in lines[2]
    assert "«3,5» ist keine ganze Zahl." in lines[3]
    assert "Grund für feste Gruppe" in lines[4]
    assert "«Goldkunden» ist nicht bekannt" in lines[5]
    assert repo.list_customers() == []


def test_an_absurd_amount_is_a_line_error_not_an_overflow(shop: Repository,
                                                          tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", ORDERS_HEADER + "K1;2026-04-01;A1;10,00;ok\n"
                 "K1;2026-04-02;A2;200000000000,00;viel zu viel\n")
    with pytest.raises(ImportFailed) as caught:
        import_file(shop, "orders", path)
    assert [e.line for e in caught.value.errors] == [3]
    assert orders(shop) == []
