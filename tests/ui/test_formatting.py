"""Display formats through QLocale agree with the money module's promise per number format."""

from __future__ import annotations

import datetime as dt

import pytest

from kundenportfolio.core.money import MAX_CENTS, MoneyFormatError, parse_money
from kundenportfolio.core.money import format_money as plain_format_money
from kundenportfolio.ui.formatting import format_date, format_datetime, format_money, format_number
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


@pytest.mark.parametrize(("number_format", "expected"), [
    ("de-CH", "1'234'567.50"),  # Qt's de-CH data has the apostrophe (checked, Qt 6.12)
    ("de-DE", "1.234.567,50"),
    ("de-AT", "1.234.567,50"),  # Qt would use a narrow space; the program promises the point
])
def test_money_per_number_format(number_format: str, expected: str) -> None:
    assert format_money(123_456_750, number_format) == expected
    assert format_money(-5, number_format) == ("-0.05" if number_format == "de-CH" else "-0,05")
    assert format_money(None, number_format) == ""


@pytest.mark.parametrize("cents", [0, 1, 99, 100, 123_456, -100_000_001, 9_007_199_254_740_993])
@pytest.mark.parametrize("number_format", ["de-CH", "de-DE", "de-AT"])
def test_same_text_as_core_and_parses_back(cents: int, number_format: str) -> None:
    text = format_money(cents, number_format)  # 9'007'199'254'740'993 is beyond float precision
    assert text == plain_format_money(cents, number_format)
    if abs(cents) <= MAX_CENTS:
        assert parse_money(text, number_format) == cents
    else:  # formatted exactly, but no one may type in such an amount
        with pytest.raises(MoneyFormatError):
            parse_money(text, number_format)


def test_numbers_and_dates() -> None:
    assert format_number(1234.56, "de-CH", 1) == "1'234.6"
    assert format_number(1234.56, "de-DE", 1) == "1.234,6"
    assert format_number(float("nan"), "de-CH") == ""
    assert format_date(dt.date(2026, 3, 1)) == "01.03.2026"
    assert format_datetime(dt.datetime(2026, 3, 1, 14, 5)) == "01.03.2026 14:05"
    assert format_datetime(dt.datetime(2026, 3, 1)) == "01.03.2026"


def test_money_line_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = MoneyLineEdit("de-DE", optional=True)
    qtbot.addWidget(edit)
    assert edit.cents() is None  # optional and empty
    edit.set_cents(123_450)
    assert edit.text() == "1.234,50"
    edit.setText("1.234,5")
    assert edit.cents() == 123_450
