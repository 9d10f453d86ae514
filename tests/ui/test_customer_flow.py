"""Working with customers through the window: dialogs, quick contact, orders, delete, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.customer_table import COLUMN_INDEX


def _cell(win, customer_id: int, key: str) -> str:  # type: ignore[no-untyped-def]
    view = win.customers_view
    row = view.model.row_of(customer_id)
    assert row is not None
    return str(view.proxy.index(row, COLUMN_INDEX[key]).data())


def test_create_customer_through_dialog(window, shop: Repository, qtbot, tmp_path: Path) -> None:
    dialog = window.customers_view.new_customer()
    assert dialog.text("number") == "10004"  # next free number after 10003
    dialog.form.fields["name"].setText("Schreinerei Holzer")
    dialog.form.fields["city"].setText("Chur")
    dialog.form.fields["potential_cents"].setText("12'500.50")
    dialog.grab().save(str(tmp_path / "customer_dialog.png"))
    dialog.save()
    created = shop.get_customer_by_number("10004")
    assert created.name == "Schreinerei Holzer"
    assert created.potential_cents == 1_250_050
    assert not dialog.isVisible()
    # the new customer is listed, selected and counted in the status bar
    assert window.customers_view.current_customer_id() == created.id
    assert _cell(window, created.id, "name") == "Schreinerei Holzer"
    assert window.customer_count_label.text().startswith("4")


def test_bad_amount_shows_german_message_and_saves_nothing(window, shop: Repository) -> None:
    dialog = window.customers_view.new_customer()
    dialog.form.fields["name"].setText("Metzgerei Wyss")
    dialog.form.fields["potential_cents"].setText("1,234.50")  # de-DE habits in a de-CH shop
    dialog.save()
    message = dialog.form.error_text("potential_cents")
    assert "Im Format de-CH ist der Punkt das Dezimalzeichen" in message
    assert dialog.form.errors["potential_cents"].isVisibleTo(dialog)
    assert dialog.result() == 0 and shop.count_customers() == 3


def test_bad_order_amount_and_date_stay_at_their_fields(window, shop: Repository) -> None:
    window.customers_view.select_customer(3)
    dialog = window.customers_view.new_order()
    dialog.form.fields["order_date"].setText("31.02.2026")
    dialog.form.fields["amount_cents"].setText("zwölf Franken")
    dialog.save()
    assert dialog.form.error_text("order_date") == "«31.02.2026» gibt es im Kalender nicht."
    assert "kein Betrag" in dialog.form.error_text("amount_cents")
    assert shop.list_orders(3) == []


def test_validation_error_from_repository_goes_next_to_the_field(window, shop: Repository) -> None:
    dialog = window.customers_view.new_customer()
    dialog.form.fields["number"].setText("10001")  # taken
    dialog.form.fields["name"].setText("Andere Firma")
    dialog.save()
    assert "10001 ist schon vergeben" in dialog.form.error_text("number")
    assert shop.count_customers() == 3


def test_duplicate_warning_offers_the_existing_customer(window, shop: Repository) -> None:
    dialog = window.customers_view.new_customer()
    dialog.form.fields["name"].setText("Baeckerei Mueller")  # same as «Bäckerei Müller AG»
    dialog.form.fields["postcode"].setText("8004")
    dialog.save()
    assert shop.count_customers() == 3 and dialog.duplicate_box.isVisibleTo(dialog)
    dialog.findChild(type(dialog.buttons.buttons()[0]), "open_duplicate_1").click()
    assert window.customers_view.current_customer_id() == 1
    assert shop.count_customers() == 3


def test_contact_and_order_change_value_rank_and_group(window, shop: Repository, qtbot,
                                                       tmp_path: Path) -> None:
    view = window.customers_view
    view.select_customer(3)
    detail = view.detail
    # before: Hotel Sonne has no orders: 0.00, last of three, Mitnahmekunden
    assert _cell(window, 3, "kundenwert_cents") == "0.00"
    assert _cell(window, 3, "rank") == "3"
    assert _cell(window, 3, "group") == "Mitnahmekunden"
    assert detail.badge.text() == "Mitnahmekunden"
    assert detail.rank_label.text() == "Rank 3 of 3"

    detail.quick_subject.setText("Offerte besprochen")
    detail.quick_button.click()
    assert [c.subject for c in shop.list_contacts(3)] == ["Offerte besprochen"]
    assert detail.contacts.rowCount() == 1

    dialog = view.new_order()
    dialog.form.fields["order_date"].setText("20.11.2026")
    dialog.form.fields["amount_cents"].setText("50'000.00")
    dialog.save()
    # 50'000.00 × 35 % default margin = 17'500.00 > 10'500.00 of Bäckerei Müller → rank 1
    assert _cell(window, 3, "kundenwert_cents") == "17'500.00"
    assert _cell(window, 3, "rank") == "1"
    assert _cell(window, 1, "rank") == "2"
    # high attractiveness now, still a weak position (one order): Fragezeichenkunden
    assert _cell(window, 3, "group") == "Fragezeichenkunden"
    assert detail.badge.text() == "Fragezeichenkunden"
    assert detail.rank_label.text() == "Rank 1 of 3"
    assert detail.value_label.text() == "Customer value CHF 17'500.00"
    assert detail.orders.rowCount() == 1
    detail.tabs.setCurrentIndex(4)
    window.grab().save(str(tmp_path / "after_order.png"))

    # Undo takes the order back out, and the list shows the old values again
    window.undo_action.trigger()
    assert shop.list_orders(3) == []
    assert _cell(window, 3, "rank") == "3"
    window.redo_action.trigger()
    assert _cell(window, 3, "kundenwert_cents") == "17'500.00"


def test_edit_master_data_in_tab_and_undo(window, shop: Repository) -> None:
    view = window.customers_view
    view.select_customer(2)
    form = view.detail.form
    form.form.fields["city"].setText("Thun")
    form.save()
    assert shop.get_customer(2).city == "Thun"
    assert _cell(window, 2, "city") == "Thun"
    window.undo_action.trigger()
    assert shop.get_customer(2).city == "Bern"
    assert _cell(window, 2, "city") == "Bern"
    assert view.detail.form.text("city") == "Bern"


def test_delete_asks_what_goes_along(window, shop: Repository, monkeypatch) -> None:
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    view = window.customers_view
    view.select_customer(2)
    assert view.delete_customer() is False  # "No": nothing happens
    assert shop.count_customers() == 3
    # numerus forms (%n): German «1 Auftrag», «2 Aufträge» (test_customers_view.py)
    assert "1 order(s)" in asked[0] and "1 contact(s)" in asked[0]  # the order's Bestellung contact
    assert "1 relationship cost record(s)" in asked[0]
    view.table.setFocus()
    assert view.delete_customer() is True
    assert shop.count_customers() == 2
    assert view.model.row_of(2) is None
    assert window.customer_count_label.text().startswith("2")


def test_keyboard_shortcuts(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each shortcut pressed on the shown window does its job (dialogs are not shown modal)."""
    from PySide6.QtWidgets import QApplication, QDialog

    from kundenportfolio.ui.dialogs.contact_dialog import ContactDialog
    from kundenportfolio.ui.dialogs.customer_dialog import CustomerDialog
    from kundenportfolio.ui.dialogs.order_dialog import OrderDialog

    opened: list[QDialog] = []
    monkeypatch.setattr(QDialog, "open", lambda dialog: opened.append(dialog))
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    view = window.customers_view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
        widget = QApplication.focusWidget() or window
        qtbot.keyClick(widget, key, modifier)

    control = Qt.KeyboardModifier.ControlModifier
    view.search.setText("zz")
    view.table.setFocus()
    press(Qt.Key.Key_F, control)  # Ctrl+F: into the search field, its text selected
    assert QApplication.focusWidget() is view.search
    assert view.search.selectedText() == "zz"
    qtbot.keyClicks(view.search, "huber")  # typing replaces it
    assert view.search.text() == "huber"
    view.apply_search()
    assert view.proxy.rowCount() == 1
    press(Qt.Key.Key_N, control)  # Ctrl+N: new customer, even from the search field
    assert len(opened) == 1 and isinstance(opened[-1], CustomerDialog)
    view.search.clear()
    view.apply_search()

    view.table.setFocus()
    view.table.selectRow(view.model.row_of(2))
    press(Qt.Key.Key_Return)  # Enter: the customer opens in the detail
    assert view.detail.customer is not None and view.detail.customer.id == 2
    press(Qt.Key.Key_K, control)  # Ctrl+K: contact for that customer
    assert isinstance(opened[-1], ContactDialog) and opened[-1].original.customer_id == 2
    press(Qt.Key.Key_B, control)  # Ctrl+B: order for that customer
    assert isinstance(opened[-1], OrderDialog) and opened[-1].original.customer_id == 2
    assert len(opened) == 3

    view.table.setFocus()
    press(Qt.Key.Key_Delete)  # Del in the list: asks first (answered «No»)
    assert len(asked) == 1 and "Garage Huber GmbH" in asked[0]
    view.search.setFocus()
    press(Qt.Key.Key_Delete)  # Del while typing deletes a character, never a customer
    assert len(asked) == 1
    assert window.repository.count_customers() == 3


def test_enter_opens_customer(window, qtbot) -> None:
    view = window.customers_view
    view.table.setFocus()
    view.table.selectRow(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.detail.customer is not None
    assert view.detail.customer.id == view.model.customer_id(1)
    assert view.detail.tabs.currentIndex() == 0


def test_edit_order_from_the_orders_tab(window, shop: Repository) -> None:
    view = window.customers_view
    view.select_customer(2)
    dialog = view.edit_record(view.detail.orders.record(0))
    assert dialog.form.fields["amount_cents"].text() == "5'000.00"
    dialog.form.fields["amount_cents"].setText("6'000")
    dialog.save()
    # 6'000.00 × 35 % − visit 250.00 = 1'850.00
    assert shop.list_orders(2)[0].amount_cents == 600_000
    assert _cell(window, 2, "kundenwert_cents") == "1'850.00"
    assert view.detail.value_label.text() == "Customer value CHF 1'850.00"


def test_cost_dialog_records_cost_and_lowers_value(window, shop: Repository) -> None:
    view = window.customers_view
    view.select_customer(1)
    dialog = view.new_cost()
    dialog.form.fields["amount_cents"].setText("-5")
    dialog.save()
    assert dialog.form.error_text("amount_cents") == "Kosten können nicht negativ sein."
    dialog.form.fields["amount_cents"].setText("500.00")
    dialog.form.fields["cost_date"].setText("20.11.2026")  # inside the window's period
    dialog.save()
    # 10'500.00 − 500.00 = 10'000.00
    assert _cell(window, 1, "kundenwert_cents") == "10'000.00"
    assert view.detail.costs.rowCount() == 1


def test_full_contact_dialog_complaint(window, shop: Repository) -> None:
    view = window.customers_view
    view.select_customer(1)
    dialog = view.new_contact()
    dialog.type.setCurrentIndex(dialog.type.findData("complaint"))
    dialog.form.fields["occurred_at"].setText("12.11.2026 09:30")
    dialog.form.fields["subject"].setText("Brot zu spät")
    dialog.impact.setText("1'200.00")
    dialog.save()
    saved = shop.list_contacts(1)[0]
    assert (saved.subject, saved.complaint_status, saved.revenue_impact_cents) == \
        ("Brot zu spät", "open", 120_000)
    assert view.detail.contacts.index(0, 1).data() == "Complaint"


def test_failed_incremental_update_falls_back_to_full_recompute(window, shop: Repository,
                                                                 monkeypatch) -> None:
    def broken(_customer_id: int) -> None:
        raise ValueError("assignment destination is read-only")

    monkeypatch.setattr(window.store, "customer_changed", broken)
    window.customers_view.select_customer(3)
    dialog = window.customers_view.new_order()
    dialog.form.fields["order_date"].setText("20.11.2026")
    dialog.form.fields["amount_cents"].setText("50'000.00")
    dialog.save()
    assert _cell(window, 3, "kundenwert_cents") == "17'500.00"  # recomputed, not stale
    assert _cell(window, 3, "rank") == "1"


def test_history_tab_shows_groups_and_movement(window, shop: Repository) -> None:
    import datetime as dt

    from kundenportfolio.core.models import Group, GroupSnapshot

    view = window.customers_view
    view.select_customer(3)
    assert view.detail.history.rowCount() == 0
    assert not view.detail.history_hint.isHidden()  # its tab is not the current one
    shop.save_snapshots([
        GroupSnapshot(customer_id=3, period="2025", snapshot_date=dt.date(2025, 12, 31),
                      group=Group.MITNAHME, rank=3, kundenwert_cents=0),
        GroupSnapshot(customer_id=3, period="2026", snapshot_date=dt.date(2026, 11, 26),
                      group=Group.FRAGEZEICHEN, rank=1, kundenwert_cents=1_750_000),
    ])
    view.detail.refresh()
    history = view.detail.history
    rows = [[history.index(r, c).data() for c in range(history.columnCount())]
            for r in range(history.rowCount())]
    assert rows == [
        ["2026", "26.11.2026", "Fragezeichenkunden", "1", "17'500.00",
         "Mitnahmekunden → Fragezeichenkunden"],
        ["2025", "31.12.2025", "Mitnahmekunden", "3", "0.00", ""],
    ]
    assert view.detail.history_hint.isHidden()


def test_new_order_without_customer_says_so(window) -> None:  # type: ignore[no-untyped-def]
    assert window.customers_view.current_customer_id() is None
    assert window.customers_view.new_order() is None
    assert window.statusBar().currentMessage() == "Please select a customer first."
