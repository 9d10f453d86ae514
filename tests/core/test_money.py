"""Strict money parsing and formatting per number format (issue 2 §3)."""

from __future__ import annotations

import pytest

from kundenportfolio.core.money import (
    MAX_CENTS,
    MoneyFormatError,
    format_money,
    format_units_plain,
    parse_money,
)


@pytest.mark.parametrize(
    ("text", "fmt", "cents"),
    [
        ("1'234.50", "de-CH", 123450),
        ("1234.50", "de-CH", 123450),
        ("1’234.5", "de-CH", 123450),  # typographic apostrophe as Word types it
        ("CHF 12.05", "de-CH", 1205),
        ("-40.00", "de-CH", -4000),
        ("1'000'000", "de-CH", 100000000),
        ("1.234,50", "de-DE", 123450),
        ("1234,50", "de-DE", 123450),
        ("1.234", "de-DE", 123400),  # unambiguous in de-DE: thousands
        ("12,5 €", "de-AT", 1250),
        ("0,99", "de-AT", 99),
        ("7", "de-DE", 700),
    ],
)
def test_parse_valid(text: str, fmt: str, cents: int) -> None:
    assert parse_money(text, fmt) == cents


@pytest.mark.parametrize(
    ("text", "fmt", "reason"),
    [
        ("1.234", "de-CH", "mehrdeutig"),
        ("1,50", "de-CH", "der Punkt das Dezimalzeichen"),
        ("1'234.50", "de-DE", "das Komma ist das Dezimalzeichen"),
        ("1.234.5", "de-DE", "Tausendergruppen"),
        ("1,234", "de-DE", "höchstens zwei"),
        ("12.345.6", "de-CH", "mehr als ein Dezimalzeichen"),
        ("abc", "de-CH", "kein Betrag"),
        ("", "de-DE", "Betrag eingeben"),
        ("12'34", "de-CH", "Tausendergruppen"),
    ],
)
def test_parse_rejects_with_reason(text: str, fmt: str, reason: str) -> None:
    with pytest.raises(MoneyFormatError, match=reason):
        parse_money(text, fmt)


def test_format() -> None:
    assert format_money(123450, "de-CH") == "1'234.50"
    assert format_money(123450, "de-DE") == "1.234,50"
    assert format_money(-5, "de-AT") == "-0,05"
    assert format_money(100000000, "de-CH") == "1'000'000.00"
    assert format_units_plain(-123456) == "-1234.56"


@pytest.mark.parametrize("fmt", ["de-CH", "de-DE", "de-AT"])
@pytest.mark.parametrize("cents", [0, 1, 99, 100, 123456789, -250])
def test_format_parse_round_trip(fmt: str, cents: int) -> None:
    assert parse_money(format_money(cents, fmt), fmt) == cents


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        # more than two decimals is not ambiguous: say what is wrong
        ("0.005", "de-CH", "«0.005» hat 3 Nachkommastellen; Beträge haben höchstens zwei."),
        # a decimal point under de-DE/de-AT: explain the comma and suggest the right form
        ("1234.50", "de-DE", "Im Format de-DE ist das Komma das Dezimalzeichen, der Punkt "
                             "trennt die Tausender. Gemeint ist wohl «1234,50»."),
        ("-1.5", "de-AT", "Gemeint ist wohl «-1,5»."),
    ],
)
def test_parse_messages_say_what_is_wrong(text: str, fmt: str, message: str) -> None:
    with pytest.raises(MoneyFormatError) as info:
        parse_money(text, fmt)
    assert message in str(info.value)
    assert "mehrdeutig" not in str(info.value)
    assert "Tausendergruppen" not in str(info.value)


@pytest.mark.parametrize("fmt", ["de-CH", "de-DE", "de-AT"])
@pytest.mark.parametrize("text", ["99999999999999999999999", "100000000001", "-100000000001",
                                  "9" * 5000])
def test_parse_refuses_absurd_amounts(text: str, fmt: str) -> None:
    with pytest.raises(MoneyFormatError, match="zu gross"):
        parse_money(text, fmt)


@pytest.mark.parametrize("fmt", ["de-CH", "de-DE", "de-AT"])
def test_largest_amount_round_trips(fmt: str) -> None:
    assert parse_money(format_money(MAX_CENTS, fmt), fmt) == MAX_CENTS
    assert parse_money(format_money(-MAX_CENTS, fmt), fmt) == -MAX_CENTS
    assert MAX_CENTS * 100_000 < 2**63  # sums of many such amounts still fit SQLite's integers
    with pytest.raises(MoneyFormatError, match="zu gross"):
        parse_money(format_money(MAX_CENTS + 1, fmt), fmt)
