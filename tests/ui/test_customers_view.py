"""Section «Kunden»: the Betreuer filter follows the staff, German shortcut and plural texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.core.models import Contact, ContactType, Order, Staff
from kundenportfolio.data.repository import Repository

from .conftest import TODAY


def staff_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    combo = window.customers_view.staff_filter
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_staff_filter_follows_added_and_renamed_staff(window, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    view = window.customers_view
    assert staff_names(window) == ["Anna Keller", "Beat Meier"]
    beat = next(s for s in shop.list_staff() if s.name == "Beat Meier")
    view.staff_filter.setCurrentIndex(view.staff_filter.findData(beat.id))
    assert view.proxy.rowCount() == 1  # Garage Huber

    carla = shop.add_staff(Staff(name="Carla Brunner"))  # e.g. created by an import
    shop.update_staff(Staff(id=beat.id, name="Beat Meier-Graf"))
    window.data_changed()  # what an import, a restore or a settings change calls
    assert staff_names(window) == ["Anna Keller", "Beat Meier-Graf", "Carla Brunner"]
    assert view.staff_filter.currentData() == beat.id  # the choice is kept
    assert view.staff_filter.currentText() == "Beat Meier-Graf"
    assert view.proxy.rowCount() == 1

    # the new member can be chosen and filters; a write reloads the list with the same choice
    assert carla.id is not None
    view.staff_filter.setCurrentIndex(view.staff_filter.findData(carla.id))
    assert view.proxy.rowCount() == 0
    shop.delete_staff(carla.id)
    window.writer.add_contact(Contact(customer_id=1, occurred_at=dt.datetime(2026, 11, 20, 9, 0),
                                      type=ContactType.CALL, subject="Anruf"))
    assert staff_names(window) == ["Anna Keller", "Beat Meier-Graf"]
    assert view.staff_filter.currentData() is None  # gone: back to «All», all rows shown
    assert view.proxy.rowCount() == 3


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from kundenportfolio.app import install_translators

    locale = QLocale()
    translators = install_translators(qapp, "de")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(locale)


def _german_window(qtbot, shop: Repository, tmp_path: Path):  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    window = MainWindow(shop, tmp_path / "de.sqlite3", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_search_placeholder_names_the_shortcut_the_german_way(german, qtbot, shop: Repository,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    window = _german_window(qtbot, shop, tmp_path)
    text = window.customers_view.search.placeholderText()
    assert text == "Suche nach Nummer, Name, Ort, Ansprechpartner, Telefon, E-Mail (Strg+F)"
    find = next(a for a in window.findChildren(type(window.undo_action))
                if a.text() == "Kunde &suchen")
    assert "Strg+F" in find.shortcut().toString(find.shortcut().SequenceFormat.NativeText)


def test_delete_question_uses_german_singular_and_plural(german, qtbot, shop: Repository,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path, monkeypatch) -> None:
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = _german_window(qtbot, shop, tmp_path)
    view = window.customers_view
    view.select_customer(2)  # one order (with its Bestellung contact) and one visit cost
    assert view.delete_customer() is False
    assert "Damit werden auch gelöscht: 1 Auftrag, 1 Kontakt, 1 Betreuungskosten-Eintrag." \
        in asked[-1]
    for day in (2, 3):
        shop.record_order(Order(customer_id=2, order_date=TODAY.replace(day=day),
                                amount_cents=10_000))
    view.delete_customer()
    assert "3 Aufträge, 3 Kontakte, 1 Betreuungskosten-Eintrag" in asked[-1]
    translate = QCoreApplication.translate
    assert translate("CustomersView", "%n campaign participation(s)", "", 1) == \
        "1 Kampagnenteilnahme"
    assert translate("CustomersView", "%n group history record(s)", "", 2) == \
        "2 Einträge im Gruppenverlauf"
