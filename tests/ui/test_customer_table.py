"""The customer list model and its filter proxy: contents, search, filters, sorting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kundenportfolio.core.periods import Period
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.customer_table import (
    COLUMN_INDEX,
    SORT_ROLE,
    CustomerFilterProxy,
    CustomerTableModel,
)
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel

from .conftest import TODAY


@pytest.fixture
def models(shop: Repository):  # type: ignore[no-untyped-def]
    table = PortfolioStore(shop).result(Period.last_12_months(TODAY)).table
    model = CustomerTableModel("de-CH", {"star": "Starkunden", "mitnahme": "Mitnahmekunden",
                                         "ertrag": "Ertragskunden",
                                         "fragezeichen": "Fragezeichenkunden"})
    model.set_table(table, shop.customer_search_texts())
    proxy = CustomerFilterProxy()
    proxy.setSourceModel(model)
    proxy.apply()
    return model, proxy


def names(proxy: CustomerFilterProxy) -> list[str]:
    return [proxy.index(r, COLUMN_INDEX["name"]).data() for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester, models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_search("müller")
    qtmodeltester.check(proxy)


def test_record_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RecordTableModel([RecordColumn("Jahr", lambda r: str(r[0])),
                              RecordColumn("Umsatz", lambda r: str(r[1]), lambda r: r[1], True)])
    model.set_records([(2025, 100), (2026, 250)])
    qtmodeltester.check(model)
    assert model.index(1, 1).data(SORT_ROLE) == 250


def test_cells_show_value_rank_group_in_german_formats(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    # default order: by rank; Bäckerei 10'500.00 (rank 1), Garage 1'500.00, Hotel 0.00
    assert names(proxy) == ["Bäckerei Müller AG", "Garage Huber GmbH", "Hotel Sonne"]
    row = [proxy.index(0, c).data() for c in range(proxy.columnCount())]
    assert row[:4] == ["10001", "Bäckerei Müller AG", "Zürich", "Anna Keller"]
    assert row[5:8] == ["1", "10'500.00", "A"]
    assert row[8] == "01.09.2026"  # last contact: the Bestellung contact of the 1.9. order
    assert row[9] == "active"
    assert proxy.index(0, COLUMN_INDEX["kundenwert_cents"]).data(SORT_ROLE) == 1_050_000
    model.number_format = "de-DE"
    assert proxy.index(0, COLUMN_INDEX["kundenwert_cents"]).data() == "10.500,00"


@pytest.mark.parametrize(("text", "expected"), [
    ("müller", ["Bäckerei Müller AG"]),  # name (and contact person)
    ("BERN", ["Garage Huber GmbH"]),  # place, any case
    ("petra@", ["Garage Huber GmbH"]),  # e-mail
    ("044 123", ["Bäckerei Müller AG"]),  # phone
    ("1000", ["Bäckerei Müller AG", "Garage Huber GmbH", "Hotel Sonne"]),  # number
    ("petra huber", ["Garage Huber GmbH"]),  # contact person
    ("müller zürich", ["Bäckerei Müller AG"]),  # every word somewhere
    ("müller bern", []),
    ("zzz", []),
])
def test_search_as_you_type(models, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    proxy.set_search(text)
    assert names(proxy) == expected


def test_search_refines_while_typing_and_widens_on_backspace(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    for typed, count in (("h", 3), ("ho", 1), ("hot", 1), ("ho", 1), ("h", 3), ("", 3)):
        proxy.set_search(typed)  # "h": Hans Müller, Huber, Hotel; "ho": only Hotel
        assert proxy.rowCount() == count, typed


def test_filters_group_staff_status(models, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    beat = next(s for s in shop.list_staff() if s.name == "Beat Meier")
    proxy.set_filters(staff_id=beat.id)
    assert names(proxy) == ["Garage Huber GmbH"]
    group_of_hotel = model.value(3, "group")
    proxy.set_filters(group=group_of_hotel)
    assert "Hotel Sonne" in names(proxy)
    assert all(model.value(model.customer_id(r), "group") == group_of_hotel
               for r in range(proxy.rowCount()))
    proxy.set_filters(status="inactive")
    assert names(proxy) == []


def test_money_sorts_as_numbers_not_text(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    column = COLUMN_INDEX["kundenwert_cents"]
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    # as text "0.00" < "1'500.00" < "10'500.00" happens to agree; descending shows the numbers
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, column).data() for r in range(3)] == ["10'500.00", "1'500.00", "0.00"]
    proxy.sort(COLUMN_INDEX["name"], Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Hotel Sonne", "Garage Huber GmbH", "Bäckerei Müller AG"]
    assert proxy.sortColumn() == COLUMN_INDEX["name"]


def test_last_contact_sorts_by_date(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    proxy.sort(COLUMN_INDEX["last_contact_date"], Qt.SortOrder.AscendingOrder)
    # Hotel: none (first), Garage 01.05.2026, Bäckerei 01.09.2026
    assert names(proxy) == ["Hotel Sonne", "Garage Huber GmbH", "Bäckerei Müller AG"]
    assert dt.date(2026, 5, 1) < dt.date(2026, 9, 1)


def test_search_index_maps_hits_to_rows_and_never_across_rows() -> None:
    from kundenportfolio.ui.models.customer_table import SearchIndex

    index = SearchIndex(["abc zürich", "xyz bern", "müller\nabc", ""])
    assert index.find("abc").tolist() == [0, 2]  # twice in row 2 counted once
    assert index.find("bern").tolist() == [1]
    assert index.find("ch\nxy").tolist() == []  # never across the row separator
    assert index.find("zz").tolist() == []
    index.MAX_HITS = 1
    assert index.find("abc") is None  # too common: the caller scans in Python


def test_search_with_index_and_cache_gives_same_rows_as_plain_scan(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    for typed in ("h", "hu", "hub", "huber", "huber b", "huber", "hu", "", "petra", "zz"):
        proxy.set_search(typed)
        words = typed.split()
        expected = sorted(int(model.ids[p]) for p, h in enumerate(model.haystacks)
                          if all(w in h for w in words))
        got = sorted(model.customer_id(r) for r in range(proxy.rowCount()))
        assert got == expected, typed


@pytest.mark.parametrize(("text", "expected"), [
    ("0441234567", ["Bäckerei Müller AG"]),  # stored «044 123 45 67», typed without spaces
    ("4412345", ["Bäckerei Müller AG"]),  # a digit run from the middle
    ("044 123", ["Bäckerei Müller AG"]),  # as stored, still found
])
def test_phone_found_without_its_spaces(models, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    proxy.set_search(text)
    assert names(proxy) == expected


def test_international_phone_found_by_national_and_plain_digits(shop: Repository) -> None:
    from kundenportfolio.core.models import Customer
    from kundenportfolio.core.search_text import customer_search_text as search_text

    zurich = shop.add_customer(Customer(number="10004", name="Zahnarzt Graf", country="CH",
                                        phone="+41 44 765 43 21"))
    hamburg = shop.add_customer(Customer(number="10005", name="Kontor Brandt", country="DE",
                                         phone="0049 40 123 456 78"))
    assert zurich.id and hamburg.id
    texts = shop.customer_search_texts()
    assert texts[zurich.id] == search_text(zurich)  # one customer after a write: the same
    model = CustomerTableModel()
    model.set_table(PortfolioStore(shop).result(Period.last_12_months(TODAY)).table, texts)
    proxy = CustomerFilterProxy()
    proxy.setSourceModel(model)
    for typed, name in (("0447654321", "Zahnarzt Graf"), ("+41447654321", "Zahnarzt Graf"),
                        ("41447654321", "Zahnarzt Graf"), ("7654321", "Zahnarzt Graf"),
                        ("04012345678", "Kontor Brandt"), ("+41 44 765", "Zahnarzt Graf")):
        proxy.set_search(typed)
        assert names(proxy) == [name], typed


@pytest.mark.parametrize("phone", ["+41 44 123 45 67", "0041 44 123 45 67", "+49 (0)40 123456",
                                   "044 123 45 67", "+43 1 234 56", "+1 555 0100", "00 49 30 1",
                                   "0441234567", "+41441234567", "Tel. 044/123", "n/a", "", " "])
def test_phone_search_forms_hold_the_digits_and_the_national_form(phone: str) -> None:
    from kundenportfolio.core.search_text import phone_search_forms
    from kundenportfolio.core.validation import normalise_phone

    forms = phone_search_forms(phone)
    digits = "".join(c for c in phone if c.isdigit())
    if not digits:
        assert forms == ""
        return
    text = phone.lower() + forms  # what the search looks in
    assert digits in text and normalise_phone(phone) in text
    assert forms == "" or forms.startswith(" ")  # never glued to the e-mail before it


def test_typing_on_checks_only_the_new_word_on_the_earlier_rows(models, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Speed (audit: «+49 40» took 160–180 ms on 100k customers): a keystroke refines the
    narrowest earlier result and looks only for the words it does not already guarantee."""
    _model, proxy = models
    looked_for: list[tuple[str, int | None]] = []
    original = proxy._rows_containing

    def spy(word, pool):  # type: ignore[no-untyped-def]
        looked_for.append((word, None if pool is None else len(pool)))
        return original(word, pool)

    monkeypatch.setattr(proxy, "_rows_containing", spy)
    proxy.set_search("huber")
    proxy.set_search("huber p")  # «huber» is known: only «p», on the rows of «huber»
    assert looked_for == [("huber", None), ("p", 1)]
    looked_for.clear()
    proxy.set_search("huber pet")
    assert looked_for == [("pet", 1)]
    looked_for.clear()
    proxy.set_search("pet huber")  # same words, other order: answered by «huber pet»
    assert looked_for == [] and names(proxy) == ["Garage Huber GmbH"]
    proxy.set_search("huber b")  # «b» lies in «huber»: nothing left to look for
    assert looked_for == [] and names(proxy) == ["Garage Huber GmbH"]
