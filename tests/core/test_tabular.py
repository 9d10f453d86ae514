"""Reading CSV/XLSX: encodings, delimiters, decimal marks, header names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kundenportfolio.core.money import MoneyFormatError
from kundenportfolio.core.tabular import (
    AmbiguousDecimalError,
    TableError,
    detect_decimal_mark,
    detect_delimiter,
    iter_rows,
    normalise_header,
    open_table,
    parse_cents,
    preview,
)


def test_windows_1252_semicolon_file_keeps_umlauts(tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes("Kundennummer;Firma;Ort\r\n10001;Bäckerei Müller AG;Zürich\r\n"
                     .encode("cp1252"))
    source = open_table(path)
    assert (source.encoding, source.delimiter) == ("cp1252", ";")
    assert source.headers == ["Kundennummer", "Firma", "Ort"]
    assert list(iter_rows(source)) == [(2, ["10001", "Bäckerei Müller AG", "Zürich"])]


def test_utf8_bom_comma_file(tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes(b"\xef\xbb\xbfcustomer_number,company\n10002,\xc3\x96l AG\n")
    source = open_table(path)
    # The BOM is not part of the first header (else "customer_number" would not be recognised).
    assert (source.encoding, source.delimiter, source.headers) == (
        "utf-8-sig", ",", ["customer_number", "company"])
    assert preview(source) == [["10002", "Öl AG"]]


def test_utf8_without_bom_tab_file(tmp_path: Path) -> None:
    path = tmp_path / "k.txt"
    path.write_text("Nr\tName\n1\tGrün\n", encoding="utf-8")
    source = open_table(path)
    assert (source.encoding, source.delimiter) == ("utf-8", "\t")


def test_semicolon_wins_over_decimal_commas() -> None:
    # Commas in the amounts would split rows unevenly; the semicolon splits all lines in 3.
    lines = ["Kundennummer;Datum;Betrag\n", "1;01.01.2024;12,50\n", "2;02.01.2024;7,00\n"]
    assert detect_delimiter(lines) == ";"


def test_line_numbers_count_blank_and_multiline_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('A;B\n1;"zwei\nZeilen"\n\n3;x\n', encoding="utf-8")
    # Row 1 spans lines 2-3, line 4 is blank, the next row is on line 5.
    assert [line for line, _ in iter_rows(open_table(path))] == [2, 5]


def test_xlsx_chosen_sheet_keeps_types(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Leer"
    sheet = book.create_sheet("Aufträge")
    sheet.append(["Kundennummer", "Datum", "Betrag"])
    sheet.append([10001, dt.datetime(2024, 3, 5), 1234.5])
    book.save(path)
    with pytest.raises(TableError, match="Blatt «Fehlt»"):
        open_table(path, sheet="Fehlt")
    source = open_table(path, sheet="Aufträge")
    assert source.sheet_names == ["Leer", "Aufträge"]
    assert list(iter_rows(source)) == [(2, [10001, dt.datetime(2024, 3, 5), 1234.5])]
    assert preview(source) == [["10001", "05.03.2024", "1234.5"]]


def test_header_normalisation() -> None:
    assert normalise_header(" Kunde seit ") == "kundeseit"
    assert normalise_header("Customer_Since") == "customersince"
    assert normalise_header("E-Mail") == "email"
    assert normalise_header("Straße") == "strasse"


@pytest.mark.parametrize(
    ("values", "mark"),
    [
        (["1234,50", "12"], ","),
        (["1.234,50"], ","),
        (["1,234.50", "7"], "."),
        (["1'234.50"], "."),
        (["12.5"], "."),
        (["1.234.567"], ","),  # several points: they group thousands
        (["12", "7"], ","),  # whole numbers read the same either way
    ],
)
def test_decimal_mark_detected(values: list[str], mark: str) -> None:
    assert detect_decimal_mark(values, "Betrag") == mark


def test_ambiguous_decimal_column_is_refused() -> None:
    with pytest.raises(AmbiguousDecimalError, match="«Betrag».*«1.234»"):
        detect_decimal_mark(["1.234", "2.500"], "Betrag")


def test_mixed_decimal_marks_are_refused() -> None:
    with pytest.raises(AmbiguousDecimalError, match="gemischt"):
        detect_decimal_mark(["12,50", "7.25"], "Betrag")


def test_parse_cents() -> None:
    assert parse_cents("1.234,50", ",") == 123450
    assert parse_cents("-12,5", ",") == -1250
    assert parse_cents("1,234.50", ".") == 123450
    assert parse_cents("1'234.05", ".") == 123405
    assert parse_cents(1234.505, ",") == 123451  # xlsx float: half up to the cent
    assert parse_cents(12, ".") == 1200
    with pytest.raises(MoneyFormatError):
        parse_cents("12,345", ",")  # three decimals are no amount
