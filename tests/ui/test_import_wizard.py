"""The import wizard: file dialog, pre-filled mapping, check report, cancellable import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from kundenportfolio.core.models import Customer
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.import_wizard import ImportWizard


@pytest.fixture
def customers(repo: Repository) -> Repository:
    repo.add_customer(Customer(number="10001", name="Bäckerei Müller AG"))
    repo.add_customer(Customer(number="10002", name="Garage Huber GmbH"))
    return repo


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def orders_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "aufträge.csv"
    path.write_bytes(("Kundennummer;Datum;Auftragsnummer;Nettobetrag;Bemerkung\r\n" + rows)
                     .encode("cp1252"))
    return path


def open_wizard(qtbot: QtBot, repo: Repository, path: Path,
                monkeypatch: pytest.MonkeyPatch) -> ImportWizard:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(path), "Tables (*.csv *.xlsx *.txt)"))
    wizard = ImportWizard(repo, entity="orders")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.browse_button.click()
    assert wizard.file_page.path_edit.text() == str(path)
    assert wizard.file_page.isComplete()
    wizard.next()
    return wizard


def test_import_through_the_wizard(qtbot: QtBot, customers: Repository, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;1.234,50;Grüße\r\n"
                                 "10002;02.02.2024;A-2;99,95;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    page = wizard.mapping_page
    # Preview: the umlauts of the Windows-1252 file came out right.
    assert page.preview_model.rowCount() == 2
    assert page.preview_model.item(0, 4).text() == "Grüße"
    assert page.preview_model.verticalHeaderItem(1).text() == "3"  # file line numbers
    # Mapping pre-filled from the headers: Nettobetrag -> amount (column 3), Bemerkung -> note.
    assert page.mapping() == {"customer_number": 0, "order_date": 1, "order_number": 2,
                              "amount_cents": 3, "note": 4}
    wizard.next()
    assert wizard.check_page.isComplete()
    assert "2 neu" in wizard.check_page.summary.text()
    assert customers.list_orders(1) == []  # the check wrote nothing
    wizard.accept()
    assert wizard.result is not None and wizard.result.inserted == 2
    assert [o.amount_cents for o in customers.list_orders(1)] == [123_450]
    assert "2 neu" in messages[-1]


def test_overridden_mapping_is_used(qtbot: QtBot, customers: Repository, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;5,00\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    page = wizard.mapping_page
    page.combos["note"].setCurrentIndex(0)  # (not imported)
    page.combos["amount_cents"].setCurrentIndex(5)  # the column "Bemerkung" (index 4) + 1
    wizard.next()
    wizard.accept()
    (order,) = customers.list_orders(1)
    assert (order.amount_cents, order.note) == (500, None)


def test_missing_required_column_blocks_next(qtbot: QtBot, customers: Repository,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    wizard.mapping_page.combos["amount_cents"].setCurrentIndex(0)
    assert not wizard.mapping_page.isComplete()


def test_check_report_lists_bad_rows(qtbot: QtBot, customers: Repository, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;\r\n"
                                 "10009;32.01.2024;A-2;10,00;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    wizard.next()
    assert not wizard.check_page.isComplete()
    report = wizard.check_page.report.toPlainText()
    assert "Zeile 3, Spalte «Datum»" in report and "Zeile 3, Spalte «Kundennummer»" in report
    assert customers.list_orders(1) == []


def test_cancelled_import_changes_nothing(qtbot: QtBot, customers: Repository, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          messages: list[str]) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    wizard.next()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    wizard.accept()
    assert wizard.result is None and wizard.isVisible()
    assert customers.list_orders(1) == []
    assert messages == ["Import abgebrochen. Es wurde nichts geändert."] or \
        messages == ["Import cancelled. Nothing was changed."]


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    root = Path(__file__).resolve().parents[2]
    assert translator.load(str(root / "resources" / "translations" / "kundenportfolio_de.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_check_page_counts_bad_rows_in_german(german, qtbot: QtBot,  # type: ignore[no-untyped-def]
                                              customers: Repository, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;\r\n"
                                 "10009;02.01.2024;A-2;10,00;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    assert ": die ersten 2 Zeilen, Zeichensatz UTF-8, Trennzeichen Semikolon" in \
        wizard.mapping_page.info.text()
    wizard.next()
    summary = wizard.check_page.summary.text()
    assert "1 fehlerhafte Zeile." in summary and "Zeile(n)" not in summary
    path.write_bytes(("Kundennummer;Datum;Auftragsnummer;Nettobetrag;Bemerkung\r\n"
                      "10009;02.01.2024;A-2;10,00;\r\n10008;02.01.2024;A-3;10,00;\r\n")
                     .encode("cp1252"))
    wizard.back()
    wizard.next()
    assert "2 fehlerhafte Zeilen." in wizard.check_page.summary.text()


def test_ambiguous_decimal_mark_is_chosen_in_the_wizard(
        german, qtbot: QtBot, customers: Repository,  # type: ignore[no-untyped-def]
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;1,500;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    page = wizard.mapping_page
    assert page.info.text().endswith(": die erste Zeile, Zeichensatz UTF-8, "
                                     "Trennzeichen Semikolon")
    assert page.decimal_combo.currentText() == "Automatisch erkennen"
    wizard.next()
    check = wizard.check_page
    assert not check.isComplete()
    # A problem of the whole file, not a faulty row: the report says which value and how.
    assert "fehlerhafte Zeile" not in check.summary.text()
    assert "Angaben auf der vorigen Seite" in check.summary.text()
    report = check.report.toPlainText()
    assert "«1,500» kann 1500 oder 1,5 bedeuten" in report and "«Dezimalzeichen»" in report
    wizard.back()
    page.decimal_combo.setCurrentIndex(page.decimal_combo.findData("."))
    assert page.decimal_combo.currentText().startswith("Punkt")
    wizard.next()
    assert check.isComplete()
    wizard.accept()
    assert [o.amount_cents for o in customers.list_orders(1)] == [150_000]


def test_two_amount_columns_are_left_for_the_user_to_choose(
        qtbot: QtBot, customers: Repository, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> None:
    path = tmp_path / "brutto_netto.csv"
    path.write_bytes("Kundennummer;Datum;Betrag;Nettobetrag\r\n10001;01.02.2024;11,90;10,00\r\n"
                     .encode("cp1252"))
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    page = wizard.mapping_page
    # Not silently one of them: no column chosen, a note naming both, Next disabled.
    assert "amount_cents" not in page.mapping()
    assert page.note.isVisibleTo(page)
    assert "«Betrag»: «Betrag», «Nettobetrag»" in page.note.text()
    assert not page.isComplete()
    page.combos["amount_cents"].setCurrentIndex(page.combos["amount_cents"].findData(3))
    assert page.isComplete()
    wizard.next()
    wizard.accept()
    assert [o.amount_cents for o in customers.list_orders(1)] == [1000]


def test_broken_line_is_reported_by_the_check(qtbot: QtBot, customers: Repository,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = orders_file(tmp_path, "10001;01.02.2024;A-1;10,00;a;extra\r\n"
                                 "10002;02.02.2024;A-2;5,00;\r\n")
    wizard = open_wizard(qtbot, customers, path, monkeypatch)
    assert wizard.mapping_page.preview_model.rowCount() == 1  # the broken line is left out
    wizard.next()
    assert not wizard.check_page.isComplete()
    assert wizard.check_page.report.toPlainText().startswith(
        "Zeile 2: Die Zeile hat 6 Felder, die Kopfzeile aber nur 5 Spalten")
    assert customers.list_orders(2) == []
