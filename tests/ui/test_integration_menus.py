"""The main window reaches every feature: Kampagnen section, Vorschläge tab, import, export of
any list, backup/restore, privacy (Datenauskunft, anonymisation)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kundenportfolio.core.models import Customer
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui import window_actions
from kundenportfolio.ui.export_view import export_model
from kundenportfolio.ui.models.record_table import RecordColumn, RecordTableModel
from kundenportfolio.ui.models.roles import COLUMN_KIND_ROLE


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: German Excel detects the encoding
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


# ---- sections and tabs -----------------------------------------------------------------


def test_campaigns_section_in_order_and_in_view_menu(window) -> None:  # type: ignore[no-untyped-def]
    keys = [s.key for s in window.sections]
    assert keys == ["customers", "portfolio", "ranking", "forecast", "campaigns", "settings"]
    window.show_section("campaigns")
    assert window.stack.currentWidget() is window.section("campaigns")
    view_menu = window.menuBar().actions()[2].menu()
    assert "Campaigns" in [a.text() for a in view_menu.actions()]


def test_suggestions_tab_follows_the_selected_customer(window, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    detail = window.customers_view.detail
    panel = detail.suggestions
    assert detail.tabs.tabText(detail.suggestions_index) == "Suggestions"
    assert panel.today == dt.date(2026, 11, 26)  # the window's "today", not the clock
    hotel = shop.get_customer_by_number("10003")
    window.open_customer(hotel.id)
    assert panel.customer_id == hotel.id
    detail.tabs.setCurrentIndex(detail.suggestions_index)  # computed when the tab is seen
    # Hotel Sonne has no contact in the last 12 months: the review says so
    assert "No staff contact in the last 12 months." in panel.review_label.text()
    garage = shop.get_customer_by_number("10002")
    window.open_customer(garage.id)  # tab visible: refreshed at once
    assert panel.customer_id == garage.id
    assert panel.review_label.text() != ""


# ---- import ----------------------------------------------------------------------------


def test_import_through_the_window_reloads_list_sections_and_status(  # type: ignore[no-untyped-def]
        window, shop: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: list[str]) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes("Kundennummer;Name;Ort\r\n10004;Schreinerei Ammann;Thun\r\n".encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "Tables (*.csv *.xlsx *.txt)")))
    invalidated: list[bool] = []
    original = window.store.invalidate
    monkeypatch.setattr(window.store, "invalidate", lambda: (invalidated.append(True), original()))
    assert window.import_action.text() == "&Import…"
    wizard = window.open_import()
    wizard.file_page.browse_button.click()
    wizard.next()
    wizard.next()
    wizard.accept()
    assert wizard.result is not None and wizard.result.inserted == 1
    assert invalidated  # the values are computed anew
    assert window.customers_view.model.rowCount() == 4
    assert window.customer_count_label.text() == "4 customer(s)"
    window.show_section("ranking")
    assert window.section("ranking").export_model().rowCount() == 4


# ---- export ----------------------------------------------------------------------------


def test_export_customer_list_csv_and_xlsx(window, shop: Repository, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shop.add_customer(Customer(number="10005", name="=HYPERLINK(\"x\")", city="-Bern"))
    window.data_changed()
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    target = tmp_path / "kunden.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)")))
    assert window.export_list() == target
    rows = read_csv(target)
    assert rows[0] == ["No.", "Name", "Place", "Account manager", "Group", "Rank",
                       "Customer value", "ABC", "Last contact", "Status"]
    by_number = {r[0]: r for r in rows[1:]}
    assert [r[0] for r in rows[1:4]] == ["10001", "10002", "10003"]  # sorted by rank
    # 10001: 35 % × 30'000.00 = 10'500.00 → decimal comma, no thousands mark
    assert by_number["10001"][6] == "10500,00"
    assert by_number["10001"][5] == "1"
    assert by_number["10001"][8] == "01.09.2026"  # the order of 1 Sep 2026 is the last contact
    assert by_number["10002"][6] == "1500,00"  # 1'750.00 − 250.00 visit
    assert by_number["10005"][1] == "'=HYPERLINK(\"x\")"  # neutralised formula
    assert by_number["10005"][2] == "'-Bern"

    # the filter applies: only Zürich's bakery is searched
    window.customers_view.search.setText("bäckerei")
    window.customers_view.apply_search()
    xlsx = tmp_path / "kunden.xlsx"
    assert window.export_list(path=xlsx) == xlsx
    sheet = load_workbook(xlsx).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 2
    assert values[1][0] == "10001"
    assert values[1][6] == 10500.0  # a real number (cents / 100)
    assert sheet.cell(2, 7).number_format == "#,##0.00"
    assert values[1][8] == dt.datetime(2026, 9, 1)
    window.customers_view.search.setText("hyperlink")
    window.customers_view.apply_search()
    window.export_list(path=xlsx)
    cell = load_workbook(xlsx).active.cell(2, 2)
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"  # text, never a formula


def test_export_of_each_section_list(window, tmp_path: Path, messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    window.show_section("ranking")
    path = window.export_list(path=tmp_path / "rangliste.csv")
    rows = read_csv(path)
    assert rows[0][:3] == ["Rank", "No.", "Customer"]
    assert rows[1][1] == "10001" and rows[1][-1] == "10500,00"  # CM IV = Kundenwert
    window.show_section("portfolio")
    rows = read_csv(window.export_list(path=tmp_path / "portfolio.csv"))
    assert rows[0][:2] == ["No.", "Name"] and len(rows) == 4
    assert rows[1][5] == "10500,00"
    window.show_section("forecast")
    rows = read_csv(window.export_list(path=tmp_path / "plan.csv"))
    assert rows[0][:3] == ["Group", "Kind", "Period"]
    forecast = window.section("forecast")
    forecast.tabs.setCurrentWidget(forecast.risk_table)
    rows = read_csv(window.export_list(path=tmp_path / "risk.csv"))
    assert rows[0][:2] == ["No.", "Name"]
    window.show_section("campaigns")
    campaigns = window.section("campaigns")
    campaigns.tabs.setCurrentIndex(2)
    rows = read_csv(window.export_list(path=tmp_path / "teilnehmer.csv"))
    assert rows == [["Number", "Name", "City", "Took part"]]  # no campaign selected
    window.show_section("settings")
    assert window.export_list(path=tmp_path / "x.csv") is None
    assert messages == ["This section has no list to export."]
    assert not (tmp_path / "x.csv").exists()


def test_models_declare_their_column_kinds(window) -> None:  # type: ignore[no-untyped-def]
    window.show_section("ranking")
    model = window.section("ranking").export_model()
    horizontal = Qt.Orientation.Horizontal
    kinds = [model.headerData(c, horizontal, COLUMN_KIND_ROLE) for c in range(model.columnCount())]
    assert kinds[:2] == ["integer", "text"] and kinds[-1] == "money"
    forecast = window.section("forecast").plan_model
    assert forecast.headerData(3, Qt.Orientation.Horizontal, COLUMN_KIND_ROLE) == "money"


def test_export_model_writes_kinds_from_the_model(tmp_path: Path) -> None:
    model = RecordTableModel([
        RecordColumn("Datum", lambda r: "shown", kind="date", raw=lambda r: r[0]),
        RecordColumn("Betrag", lambda r: "shown", lambda r: r[1], kind="money"),
        RecordColumn("Anteil", lambda r: "shown", kind="number", raw=lambda r: r[2]),
        RecordColumn("Text", lambda r: r[3]),
    ])
    model.set_records([(dt.date(2026, 1, 31), -123456, 0.5, "@Summe")])
    assert export_model(model, tmp_path / "a.csv") == 1
    assert read_csv(tmp_path / "a.csv")[1] == ["31.01.2026", "-1234,56", "0,50", "'@Summe"]
    assert export_model(model, tmp_path / "b.csv", columns=[3, 1]) == 1
    assert read_csv(tmp_path / "b.csv") == [["Text", "Betrag"], ["'@Summe", "-1234,56"]]


# ---- backup, restore -------------------------------------------------------------------


@pytest.fixture
def file_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from kundenportfolio.data.database import open_database
    from kundenportfolio.ui.main_window import MainWindow
    from tests.ui.conftest import TODAY, build_shop

    path = tmp_path / "shop.sqlite3"
    repo = build_shop(Repository(open_database(path)))
    win = MainWindow(repo, path, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_backup_now_and_restore(file_window, messages: list[str],  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = file_window
    made = window.backup_now()
    assert made is not None and made.exists()
    assert messages and str(made) in messages[-1]
    window.repository.add_customer(Customer(number="10009", name="Nach der Sicherung"))
    window.data_changed()
    assert window.customers_view.model.rowCount() == 4
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window_actions.restore(window, made)
    assert window.customers_view.model.rowCount() == 3  # the state of the backup
    assert window.repository.count_customers() == 3
    assert window.undo_stack.count() == 0


def test_backup_on_close(file_window, messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    from kundenportfolio.data import backup

    folder = backup.backup_dir_for(file_window.db_path)
    file_window.close()
    names = [p.name for p in folder.iterdir()]
    assert [n for n in names if n.endswith(f"_{backup.ON_CLOSE}.sqlite3")], names
    assert messages == []


def test_backup_and_restore_entries_in_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for text in ("&Import…", "&Export list…", "&Back up now", "&Restore backup…"):
        assert text in texts
    edit = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "Export data &information (JSON/PDF)…" in edit and "&Anonymise customer…" in edit


# ---- privacy ---------------------------------------------------------------------------


def test_privacy_export_and_anonymise(window, shop: Repository, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.export_information(path=tmp_path / "a.json") is None  # nobody selected
    assert "select a customer" in messages[-1]
    bakery = shop.get_customer_by_number("10001")
    window.open_customer(bakery.id)
    out = window.export_information(path=tmp_path / "auskunft.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Bäckerei Müller AG"
    pdf = window.export_information(path=tmp_path / "auskunft.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    text = window_actions.erasure_text("10001", "Bäckerei Müller AG")
    assert "Erased:" in text and "Kept: orders with their amounts" in text
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # closed without choosing
    assert window.anonymise_customer() is None
    assert shop.get_customer(bakery.id).name == "Bäckerei Müller AG"
    result = window_actions.anonymise(window, confirm=False)
    assert result.anonymous_name == "Anonymisiert 10001"
    customer = shop.get_customer(bakery.id)
    assert customer.name == "Anonymisiert 10001" and customer.email is None
    assert len(shop.list_orders(bakery.id)) == 2  # bookkeeping records stay
    assert window.customers_view.detail.title.text() == "10001  Anonymisiert 10001"


def test_export_follows_moved_and_hidden_columns(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = window.customers_view.table.horizontalHeader()
    header.moveSection(1, 0)  # Name first, as the user dragged it
    for column in range(2, header.count()):
        header.setSectionHidden(column, True)
    rows = read_csv(window.export_list(path=tmp_path / "zwei.csv"))
    assert rows[0] == ["Name", "No."]
    assert rows[1] == ["Bäckerei Müller AG", "10001"]
    header.moveSection(0, 1)
    for column in range(2, header.count()):
        header.setSectionHidden(column, False)


def test_bulk_export_equals_what_the_table_shows(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The ranking exports through export_values (fast path); with a group filter and a
    header sort its rows must be exactly the rows the proxy shows, in that order."""
    window.show_section("ranking")
    ranking = window.section("ranking")
    ranking.proxy.sort(2, Qt.SortOrder.DescendingOrder)  # by name, Z first
    rows = read_csv(window.export_list(path=tmp_path / "alle.csv"))
    proxy = ranking.proxy
    shown = [[proxy.index(r, c).data() for c in (1, 2)] for r in range(proxy.rowCount())]
    assert [r[1:3] for r in rows[1:]] == shown
    assert [r[2] for r in rows[1:]] == ["Hotel Sonne", "Garage Huber GmbH", "Bäckerei Müller AG"]
    ranking.set_group(str(window.store.result(window.period).table.loc[
        window.repository.get_customer_by_number("10002").id, "group"]))
    rows = read_csv(window.export_list(path=tmp_path / "gruppe.csv"))
    assert [r[1] for r in rows[1:]] == ["10002"]
    assert rows[1][-1] == "1500,00"
