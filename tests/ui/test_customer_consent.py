"""Marketing consent in the customer dialog (issue 8): date and source of the consent, the
opt-out date when it is withdrawn, German dates, messages at the field, consent history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kundenportfolio.core.models import Customer
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.customer_dialog import CustomerDialog

TODAY = dt.date(2026, 11, 26)
QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kundenportfolio_de.qm"


def _dialog(qtbot, repo: Repository, customer: Customer | None = None) -> CustomerDialog:  # type: ignore[no-untyped-def]
    dialog = CustomerDialog(repo, customer, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _history(repo: Repository, customer_id: int) -> list[tuple[int, str | None, str | None, str | None]]:
    return [tuple(row) for row in repo.db.execute(
        "SELECT marketing_consent, consent_date, source, opt_out_date FROM consent_history "
        "WHERE customer_id = ? ORDER BY id", [customer_id]).fetchall()]


@pytest.fixture
def consented(repo: Repository) -> Customer:
    return repo.add_customer(Customer(
        number="10001", name="Bäckerei Müller AG", country="CH", marketing_consent=True,
        consent_date=dt.date(2024, 3, 1), consent_source="Messe"))


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_shows_consent_date_and_source_in_german_format(qtbot, repo: Repository,  # type: ignore[no-untyped-def]
                                                        consented: Customer) -> None:
    dialog = _dialog(qtbot, repo, consented)
    assert dialog.consent.isChecked()
    assert dialog.consent_date.text() == "01.03.2024"
    assert dialog.consent_source.currentText() == "Messe"
    assert dialog.opt_out_date.text() == "" and not dialog.opt_out_date.isEnabled()
    sources = [dialog.consent_source.itemText(i) for i in range(dialog.consent_source.count())]
    assert sources == ["", "Form", "Phone", "E-mail", "Trade fair", "Contract"]
    assert dialog.consent_source.isEditable()  # free text, the list only suggests


def test_new_consent_is_dated_today_and_needs_its_source(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, repo)
    dialog.form.fields["name"].setText("Schreinerei Holzer")
    assert not dialog.consent_date.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.consent_date.isEnabled() and dialog.consent_date.text() == "26.11.2026"
    dialog.save()
    assert repo.count_customers() == 0  # nothing written
    assert "how the consent was given" in dialog.form.error_text("consent_source")
    assert dialog.form.errors["consent_source"].isVisibleTo(dialog)
    dialog.consent_source.setCurrentText("Telefon")
    dialog.consent_date.setText("20.11.2026")  # the call was last week
    dialog.save()
    created = repo.get_customer_by_number(dialog.text("number"))
    assert created.marketing_consent
    assert created.consent_date == dt.date(2026, 11, 20)
    assert created.consent_source == "Telefon"
    assert created.opt_out_date is None
    assert _history(repo, created.id) == [(1, "2026-11-20", "Telefon", None)]


def test_withdrawing_sets_the_opt_out_date_and_keeps_the_evidence(qtbot, repo: Repository,  # type: ignore[no-untyped-def]
                                                                   consented: Customer) -> None:
    dialog = _dialog(qtbot, repo, consented)
    dialog.consent.setChecked(False)
    assert dialog.opt_out_date.text() == "26.11.2026" and dialog.opt_out_date.isEnabled()
    assert dialog.consent_date.text() == "01.03.2024" and not dialog.consent_date.isEnabled()
    assert dialog.consent_source.currentText() == "Messe"
    dialog.save()
    stored = repo.get_customer(consented.id)
    assert not stored.marketing_consent
    assert stored.opt_out_date == TODAY
    assert (stored.consent_date, stored.consent_source) == (dt.date(2024, 3, 1), "Messe")
    assert _history(repo, consented.id) == [(1, "2024-03-01", "Messe", None),
                                            (0, "2024-03-01", "Messe", "2026-11-26")]


def test_ticking_again_before_saving_restores_the_stored_consent(qtbot, repo: Repository,  # type: ignore[no-untyped-def]
                                                                  consented: Customer) -> None:
    dialog = _dialog(qtbot, repo, consented)
    dialog.consent.setChecked(False)
    dialog.consent.setChecked(True)
    assert dialog.consent_date.text() == "01.03.2024"
    assert dialog.consent_source.currentText() == "Messe"
    assert dialog.opt_out_date.text() == ""
    dialog.save()
    assert len(_history(repo, consented.id)) == 1  # nothing changed, nothing recorded


def test_consent_after_an_opt_out_is_a_new_consent(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    withdrawn = repo.add_customer(Customer(
        number="10002", name="Garage Huber GmbH", country="CH", marketing_consent=False,
        consent_date=dt.date(2023, 1, 10), consent_source="Formular",
        opt_out_date=dt.date(2025, 6, 1)))
    dialog = _dialog(qtbot, repo, withdrawn)
    assert dialog.opt_out_date.text() == "01.06.2025"
    dialog.consent.setChecked(True)
    assert dialog.consent_date.text() == "26.11.2026"
    assert dialog.consent_source.currentText() == ""  # to be asked again
    assert dialog.opt_out_date.text() == ""
    dialog.consent_source.setCurrentText("Vertrag")
    dialog.save()
    stored = repo.get_customer(withdrawn.id)
    assert stored.marketing_consent and stored.opt_out_date is None
    assert (stored.consent_date, stored.consent_source) == (TODAY, "Vertrag")
    # the earlier opt-out is kept in the consent history
    assert _history(repo, withdrawn.id)[0] == (0, "2023-01-10", "Formular", "2025-06-01")


def test_opt_out_without_ever_consenting(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    customer = repo.add_customer(Customer(number="10003", name="Hotel Sonne", country="CH"))
    dialog = _dialog(qtbot, repo, customer)
    assert dialog.opt_out_date.isEnabled() and dialog.opt_out_date.text() == ""
    dialog.opt_out_date.setText("2026-11-02")  # ISO is understood, shown German on reload
    dialog.save()
    stored = repo.get_customer(customer.id)
    assert stored.opt_out_date == dt.date(2026, 11, 2) and not stored.marketing_consent
    dialog.set_customer(stored)
    assert dialog.opt_out_date.text() == "02.11.2026"


@pytest.mark.parametrize(("key", "text", "message"), [
    ("consent_date", "31.02.2026", "«31.02.2026» gibt es im Kalender nicht."),
    ("consent_date", "01.12.2026", "The date 01.12.2026 is in the future."),
    ("consent_date", "", "Please enter the date of the consent."),
])
def test_bad_consent_date_stays_at_its_field(qtbot, repo: Repository, consented: Customer,  # type: ignore[no-untyped-def]
                                             key: str, text: str, message: str) -> None:
    dialog = _dialog(qtbot, repo, consented)
    dialog.consent_date.setText(text)
    dialog.save()
    assert dialog.form.error_text(key) == message
    assert repo.get_customer(consented.id).consent_date == dt.date(2024, 3, 1)


def test_opt_out_before_the_consent_or_missing_is_refused(qtbot, repo: Repository,  # type: ignore[no-untyped-def]
                                                          consented: Customer) -> None:
    dialog = _dialog(qtbot, repo, consented)
    dialog.consent.setChecked(False)
    dialog.opt_out_date.setText("28.02.2024")
    dialog.save()
    assert dialog.form.error_text("opt_out_date") == \
        "The opt-out cannot be earlier than the consent (01.03.2024)."
    dialog.opt_out_date.setText("")
    dialog.save()
    assert dialog.form.error_text("opt_out_date") == "Please enter the date of the opt-out."
    assert repo.get_customer(consented.id).marketing_consent  # nothing written


def test_older_consent_without_date_or_source_does_not_block_other_edits(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    imported = repo.add_customer(Customer(number="10004", name="Metzgerei Wyss", country="CH",
                                          marketing_consent=True))  # as the import stores it
    dialog = _dialog(qtbot, repo, imported)
    dialog.form.fields["city"].setText("Thun")
    dialog.save()
    stored = repo.get_customer(imported.id)
    assert stored.city == "Thun" and stored.marketing_consent and stored.consent_date is None


def test_consent_speaks_german(german, qtbot, repo: Repository, consented: Customer,  # type: ignore[no-untyped-def]
                               tmp_path: Path) -> None:
    dialog = _dialog(qtbot, repo, consented)
    assert dialog.form.labelForField(dialog.consent_date.parentWidget()).text() == "Einwilligung am"
    assert dialog.form.labelForField(dialog.opt_out_date.parentWidget()).text() == "Widerspruch am"
    sources = [dialog.consent_source.itemText(i) for i in range(dialog.consent_source.count())]
    assert sources == ["", "Formular", "Telefon", "E-Mail", "Messe", "Vertrag"]
    dialog.consent.setChecked(False)
    dialog.opt_out_date.setText("28.02.2024")
    dialog.save()
    assert dialog.form.error_text("opt_out_date") == \
        "Der Widerspruch kann nicht vor der Einwilligung (01.03.2024) liegen."
    assert dialog.grab().save(str(tmp_path / "einwilligung.png"))


def test_master_data_tab_records_a_withdrawal_then_a_new_consent(window, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    """In the customer detail the form stays open after saving: the next change of the box
    must start from what was just stored."""
    view = window.customers_view
    view.select_customer(1)
    form = view.detail.form
    assert form is not None and form.embedded
    form.today = lambda: TODAY
    form.consent.setChecked(True)
    form.consent_source.setCurrentText("Formular")
    form.save()
    assert _consent(shop, 1) == (True, dt.date(2026, 11, 26), "Formular", None)
    form = view.detail.form
    form.today = lambda: TODAY
    form.consent.setChecked(False)
    assert form.opt_out_date.text() == "26.11.2026"
    form.save()
    assert _consent(shop, 1) == (False, dt.date(2026, 11, 26), "Formular", TODAY)
    assert [row[0] for row in _history(shop, 1)] == [1, 0]


def _consent(repo: Repository, customer_id: int) -> tuple[bool, dt.date | None, str | None, dt.date | None]:
    c = repo.get_customer(customer_id)
    return c.marketing_consent, c.consent_date, c.consent_source, c.opt_out_date
