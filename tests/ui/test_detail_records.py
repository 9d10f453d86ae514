"""Contacts, orders and costs in the customer detail: edit and delete one (button, Del key,
context menu), each undoable through the window's undo stack like adding."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kundenportfolio.core.models import Campaign, Contact, ContactType, Cost, CostCategory, Order
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.customer_table import COLUMN_INDEX


def _cell(win, customer_id: int, key: str) -> str:  # type: ignore[no-untyped-def]
    view = win.customers_view
    row = view.model.row_of(customer_id)
    assert row is not None
    return str(view.proxy.index(row, COLUMN_INDEX[key]).data())


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation question; answered «Yes» (set `asked.answer` for another)."""
    questions: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return questions


def _button(detail, kind: type, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    button = detail.record_views[kind].parentWidget().findChild(QPushButton, name)
    assert button is not None
    return button


def test_delete_order_asks_and_undo_brings_it_back(window, shop: Repository,
                                                   asked: list[str]) -> None:
    view = window.customers_view
    view.select_customer(2)  # Garage Huber: order 5'000.00 of 01.05.2026, visit 250.00
    detail = view.detail
    detail.tabs.setCurrentIndex(2)
    delete = _button(detail, Order, "delete_button")
    assert not delete.isEnabled()  # nothing selected yet
    before = shop.list_orders(2)[0]
    bestellung = [c for c in shop.list_contacts(2) if c.order_id == before.id]
    assert len(bestellung) == 1
    detail.record_views[Order].selectRow(0)
    assert delete.isEnabled()
    delete.click()
    # what is deleted, with date and amount, and that its Bestellung contact goes along
    assert asked[0].startswith("Delete the order of 01.05.2026 over CHF 5'000.00?")
    assert "Its contact «Order» in the contact log is deleted with it." in asked[0]
    assert shop.list_orders(2) == [] and shop.list_contacts(2) == []
    # Kundenwert, list and header follow: 0.00 − visit 250.00
    assert _cell(window, 2, "kundenwert_cents") == "-250.00"
    assert detail.value_label.text() == "Customer value CHF -250.00"
    assert detail.orders.rowCount() == 0 and detail.contacts.rowCount() == 0

    assert window.undo_action.text().endswith("Delete order")
    window.undo_action.trigger()
    restored = shop.list_orders(2)
    assert [dataclasses.replace(o, id=None) for o in restored] == [
        dataclasses.replace(before, id=None)]
    contacts = shop.list_contacts(2)
    assert [(c.subject, c.type, c.order_id) for c in contacts] == [
        (bestellung[0].subject, ContactType.ORDER, restored[0].id)]
    assert _cell(window, 2, "kundenwert_cents") == "1'500.00"
    assert detail.orders.rowCount() == 1
    window.redo_action.trigger()
    assert shop.list_orders(2) == [] and shop.list_contacts(2) == []
    window.undo_action.trigger()
    assert len(shop.list_orders(2)) == 1


def test_undo_follows_a_record_restored_under_a_new_id(window, shop: Repository,
                                                       asked: list[str]) -> None:
    """Edit the order's contact, delete the order, then undo both: the contact edit is undone
    on the contact the undone delete brought back (a new id), the link to the order kept."""
    view = window.customers_view
    view.select_customer(2)
    detail = view.detail
    contact = shop.list_contacts(2)[0]
    window.writer.add_contact(dataclasses.replace(contact, notes="Lieferung Montag"))
    order = shop.list_orders(2)[0]
    window.writer.delete_order(order)
    # another order takes the freed ids: the restored ones get new ids
    other = shop.record_order(Order(customer_id=1, order_date=dt.date(2026, 10, 1),
                                    amount_cents=100_000))
    assert other.id == order.id
    window.undo_action.trigger()  # the order and its contact are back, new ids
    back = shop.list_contacts(2)[0]
    assert back.id != contact.id and shop.list_orders(2)[0].id != order.id
    assert back.notes == "Lieferung Montag" and back.order_id == shop.list_orders(2)[0].id
    window.undo_action.trigger()  # the edit of the contact
    back = shop.list_contacts(2)[0]
    assert back.notes is None and back.order_id == shop.list_orders(2)[0].id
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert shop.list_orders(2) == [] and shop.list_contacts(2) == []
    assert detail.contacts.rowCount() == 0


def test_an_id_given_again_is_another_record(window, shop: Repository) -> None:
    """SQLite gives a deleted row's id to the next new row: undo must not mix them up."""
    writer = window.writer
    window.customers_view.select_customer(3)
    first = Cost(customer_id=3, cost_date=dt.date(2026, 10, 1), category=CostCategory.GIFT,
                 amount_cents=10_000)
    writer.add_cost(first)
    writer.delete_cost(first)
    second = Cost(customer_id=3, cost_date=dt.date(2026, 10, 2), category=CostCategory.VISIT,
                  amount_cents=20_000)
    writer.add_cost(second)
    assert second.id == first.id  # the id was given again
    window.undo_action.trigger()  # add second
    assert shop.list_costs(3) == []
    window.undo_action.trigger()  # delete first
    assert [c.amount_cents for c in shop.list_costs(3)] == [10_000]
    window.undo_action.trigger()  # add first
    assert shop.list_costs(3) == []
    for _ in range(3):
        window.redo_action.trigger()
    assert [c.amount_cents for c in shop.list_costs(3)] == [20_000]


def test_edit_cost_and_contact_are_undoable(window, shop: Repository) -> None:
    view = window.customers_view
    view.select_customer(2)
    dialog = view.edit_record(view.detail.costs.record(0))
    dialog.form.fields["amount_cents"].setText("400.00")
    dialog.save()
    assert shop.list_costs(2)[0].amount_cents == 40_000
    assert _cell(window, 2, "kundenwert_cents") == "1'350.00"  # 1'750.00 − 400.00
    assert window.undo_action.text().endswith("Edit cost")
    window.undo_action.trigger()
    assert shop.list_costs(2)[0].amount_cents == 25_000
    assert _cell(window, 2, "kundenwert_cents") == "1'500.00"
    window.redo_action.trigger()
    assert shop.list_costs(2)[0].amount_cents == 40_000

    dialog = view.edit_record(view.detail.contacts.record(0))
    dialog.form.fields["subject"].setText("Auftrag telefonisch")
    dialog.save()
    assert shop.list_contacts(2)[0].subject == "Auftrag telefonisch"
    window.undo_action.trigger()
    assert shop.list_contacts(2)[0].subject == "Auftrag"
    assert view.detail.contacts.index(0, 2).data() == "Auftrag"


def test_delete_cost_and_contact_say_what(window, shop: Repository, asked: list[str]) -> None:
    view = window.customers_view
    view.select_customer(2)
    detail = view.detail
    detail.record_views[Cost].selectRow(0)
    assert detail.delete_selected(Cost)
    assert asked[-1].startswith("Delete the relationship cost «Visit» of 01.06.2026 over CHF 250.00?")
    assert "Edit › Undo brings it back." in asked[-1]
    assert shop.list_costs(2) == []
    assert _cell(window, 2, "kundenwert_cents") == "1'750.00"
    window.undo_action.trigger()
    assert [(c.category, c.amount_cents) for c in shop.list_costs(2)] == [("visit", 25_000)]

    detail.quick_subject.setText("Offerte besprochen")
    detail.quick_button.click()
    detail.record_views[Contact].selectRow(0)  # newest first: the quick contact
    assert detail.selected_record(Contact).subject == "Offerte besprochen"
    assert detail.delete_selected(Contact)
    assert asked[-1].startswith("Delete the contact «Call: Offerte besprochen» of ")
    assert [c.subject for c in shop.list_contacts(2)] == ["Auftrag"]


def test_answer_no_deletes_nothing(window, shop: Repository, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.No)
    view = window.customers_view
    view.select_customer(2)
    view.detail.record_views[Order].selectRow(0)
    assert view.detail.delete_selected(Order) is False
    assert len(shop.list_orders(2)) == 1
    assert window.undo_stack.count() == 0


def test_the_contact_of_an_order_is_deleted_with_the_order(window, shop: Repository,
                                                           asked: list[str], monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    view = window.customers_view
    view.select_customer(2)
    view.detail.record_views[Contact].selectRow(0)  # the order's Bestellung contact
    assert view.detail.delete_selected(Contact) is False
    assert asked == [] and "delete the order in the Orders tab" in told[0]
    assert len(shop.list_contacts(2)) == 1


def test_del_key_only_in_the_table_and_context_menu(window, shop: Repository, qtbot,
                                                    asked: list[str]) -> None:
    view = window.customers_view
    view.select_customer(2)
    detail = view.detail
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    detail.tabs.setCurrentIndex(1)
    table = detail.record_views[Contact]
    delete = [a for a in table.actions() if a.shortcut().matches(Qt.Key.Key_Delete)]
    assert len(delete) == 1
    assert delete[0].shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    detail.quick_subject.setText("Offerte")
    detail.quick_subject.setFocus()
    detail.quick_subject.setCursorPosition(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)  # typing: a character goes
    assert detail.quick_subject.text() == "fferte" and asked == []
    detail.tabs.setCurrentIndex(3)
    table = detail.record_views[Cost]
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and shop.list_costs(2) == []
    window.undo_action.trigger()

    # the context menu of a row: Edit… and Delete, for the row clicked (which it selects)
    table.clearSelection()
    pos = table.visualRect(table.model().index(0, 0)).center()
    menu = detail.record_menu(Cost, pos)
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Edit…", "Delete"]
    assert detail.selected_record(Cost).amount_cents == 25_000
    edits: list[object] = []
    detail.edit_record_requested.connect(edits.append)
    menu.actions()[0].trigger()
    assert edits == [detail.selected_record(Cost)]
    menu.close()
    assert detail.record_menu(Cost, table.viewport().rect().bottomRight()) is None  # no row


def test_campaign_contact_linked_again_after_undo(window, shop: Repository) -> None:
    campaign = shop.add_campaign(Campaign(name="Frühlingsaktion", instrument_id=None,
                                          start_date=dt.date(2026, 4, 1),
                                          end_date=dt.date(2026, 4, 30)))
    assert campaign.id is not None
    shop.set_participants(campaign.id, [1])
    contact = shop.add_contact(Contact(customer_id=1, occurred_at=dt.datetime(2026, 4, 2, 9, 0),
                                       type=ContactType.EMAIL, campaign_id=campaign.id))
    participant = shop.list_participants(campaign.id)[0]
    shop.update_participant(dataclasses.replace(participant, participated_at=dt.date(2026, 4, 2),
                                                contact_id=contact.id))
    window.customers_view.select_customer(1)
    window.writer.delete_contact(contact)
    assert shop.list_participants(campaign.id)[0].contact_id is None  # ON DELETE SET NULL
    window.undo_action.trigger()
    back = [c for c in shop.list_contacts(1) if c.campaign_id == campaign.id]
    assert len(back) == 1
    assert shop.list_participants(campaign.id)[0].contact_id == back[0].id


def test_undo_that_cannot_be_done_says_why(window, shop: Repository, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    window.customers_view.select_customer(2)
    order = Order(customer_id=2, order_date=dt.date(2026, 8, 1), amount_cents=100_000,
                  order_number="A-17")
    window.writer.record_order(order)
    window.writer.delete_order(order)
    shop.record_order(Order(customer_id=1, order_date=dt.date(2026, 8, 2), amount_cents=5_000,
                            order_number="A-17"))  # the number is taken meanwhile
    count = window.undo_stack.count()
    window.undo_action.trigger()
    assert len(warned) == 1 and "Delete order" in warned[0] and "A-17" in warned[0]
    assert window.undo_stack.count() == count - 1  # dropped: trying again would fail again
    assert [o.order_number for o in shop.list_orders(2)] == [None]


def test_detail_tabs_with_buttons_screenshot(window, tmp_path: Path) -> None:
    view = window.customers_view
    view.select_customer(2)
    view.detail.tabs.setCurrentIndex(2)
    view.detail.record_views[Order].selectRow(0)
    view.detail.grab().save(str(tmp_path / "orders_tab.png"))
    assert _button(view.detail, Order, "edit_button").isEnabled()
