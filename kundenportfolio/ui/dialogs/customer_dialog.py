"""New/edit customer: master data with messages at the fields and a duplicate warning.

Marketing consent (issue 8) is kept with its date and source; withdrawing it records the
opt-out date. Ticking the box fills in today as the consent date and clears an earlier
opt-out; unticking keeps date and source (evidence of what was withdrawn) and fills in today
as the opt-out date. Both dates can be corrected (a letter that arrived yesterday). Every
change of these fields is recorded in the consent history by a database trigger (m004).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.errors import DuplicateWarning
from kundenportfolio.core.models import Customer, CustomerStatus, Group
from kundenportfolio.core.validation import DateFormatError, format_date, parse_date
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.widgets.field_form import ERROR_STYLE
from kundenportfolio.ui.widgets.group_badge import group_labels
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


@dataclasses.dataclass(frozen=True)
class Consent:
    given: bool
    date: dt.date | None
    source: str | None
    opt_out: dt.date | None


class CustomerDialog(FormDialog):
    """`customer` None: a new customer. `writer` stores it (default: the repository)."""

    open_customer = Signal(int)  # the user chose to open an existing (duplicate) customer

    def __init__(self, repository: Repository, customer: Customer | None = None,
                 parent: QWidget | None = None,
                 writer: Callable[[Customer], None] | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.repository = repository
        self.writer = writer
        self.today = today
        number_format = repository.get_setting("number_format")
        for key, caption in (
            ("number", self.tr("Customer no.")), ("name", self.tr("Name / company")),
            ("contact_person", self.tr("Contact person")), ("street", self.tr("Street")),
            ("postcode", self.tr("Postcode")), ("city", self.tr("Place")),
            ("country", self.tr("Country (CH, DE, AT)")), ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")), ("industry", self.tr("Industry")),
            ("region", self.tr("Region")),
        ):
            self.line(key, caption)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("(none)"), None)
        for member in repository.list_staff():
            self.staff.addItem(member.name, member.id)
        self.form.add_field("staff_id", self.tr("Account manager"), self.staff)
        self.date_line("customer_since", self.tr("Customer since"), None)
        self.status = QComboBox()
        self.status.addItem(self.tr("active"), CustomerStatus.ACTIVE.value)
        self.status.addItem(self.tr("inactive"), CustomerStatus.INACTIVE.value)
        self.form.add_field("status", self.tr("Status"), self.status)
        self._build_consent()
        self.potential = MoneyLineEdit(number_format, optional=True)
        self.potential.setObjectName("potential_cents")
        self.form.add_field("potential_cents", self.tr("Demand potential per year"), self.potential)
        self.ratings: dict[str, QSpinBox] = {}
        for key, label in (
            ("rating_payment", self.tr("Payment behaviour (1–5)")),
            ("rating_reference", self.tr("Reference value (1–5)")),
            ("rating_relationship", self.tr("Relationship quality (1–5)")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 5)
            spin.setSpecialValueText(self.tr("not rated"))
            self.ratings[key] = spin
            self.form.add_field(key, label, spin)
        self.override = QComboBox()
        self.override.addItem(self.tr("computed"), None)
        labels = group_labels(repository.all_settings())
        for group in Group:
            self.override.addItem(labels.get(group.value, group.value), group.value)
        self.form.add_field("group_override", self.tr("Fixed group"), self.override)
        self.line("group_override_reason", self.tr("Reason for fixed group"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.form.add_field("notes", self.tr("Notes"), self.notes)
        self.duplicate_box = QFrame()
        self.duplicate_box.setObjectName("duplicate_box")
        self.duplicate_layout = QVBoxLayout(self.duplicate_box)
        self.duplicate_box.hide()
        self.layout_.addWidget(self.duplicate_box)
        self.finish_layout()
        self.set_customer(customer)

    def set_customer(self, customer: Customer | None) -> None:
        """Show `customer` (None: a new one); reusing the widgets keeps the detail fast."""
        self.original = customer
        self.duplicates_acknowledged = False
        self.duplicate_box.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.form.clear_errors()
        self.general_error.hide()
        c = customer or Customer(number=self.repository.next_customer_number(), name="",
                                 country="CH")
        self.setWindowTitle(self.tr("New customer") if customer is None else
                            self.tr("Edit customer %1").replace("%1", c.number))
        for key in ("number", "name", "contact_person", "street", "postcode", "city", "country",
                    "phone", "email", "industry", "region", "group_override_reason"):
            widget = self.form.fields[key]
            assert isinstance(widget, QLineEdit)
            widget.setText(getattr(c, key) or "")
        self.staff.setCurrentIndex(max(0, self.staff.findData(c.staff_id)))
        date_edit = self.form.fields["customer_since"]
        assert isinstance(date_edit, QLineEdit)
        date_edit.setText(format_date(c.customer_since))
        self.status.setCurrentIndex(max(0, self.status.findData(c.status.value)))
        self._set_consent(c)
        self.potential.set_cents(c.potential_cents)
        for key, spin in self.ratings.items():
            spin.setValue(getattr(c, key) or 0)
        self.override.setCurrentIndex(
            max(0, self.override.findData(c.group_override.value if c.group_override else None)))
        self.notes.setPlainText(c.notes or "")

    def build_record(self, errors: dict[str, str]) -> Customer | None:
        base = self.original or Customer(number="", name="")
        override = self.override.currentData()
        consent = self._consent_values(errors)
        record = dataclasses.replace(
            base,
            number=self.text("number"),
            name=self.text("name"),
            contact_person=self.optional_text("contact_person"),
            street=self.optional_text("street"),
            postcode=self.optional_text("postcode"),
            city=self.optional_text("city"),
            country=(self.text("country") or "CH").upper(),
            phone=self.optional_text("phone"),
            email=self.optional_text("email"),
            industry=self.optional_text("industry"),
            region=self.optional_text("region"),
            staff_id=self.staff.currentData(),
            customer_since=self.date("customer_since", errors, optional=True),
            status=CustomerStatus(self.status.currentData()),
            marketing_consent=consent.given,
            consent_date=consent.date,
            consent_source=consent.source,
            opt_out_date=consent.opt_out,
            potential_cents=self.money("potential_cents", errors),
            rating_payment=self.ratings["rating_payment"].value() or None,
            rating_reference=self.ratings["rating_reference"].value() or None,
            rating_relationship=self.ratings["rating_relationship"].value() or None,
            group_override=Group(override) if override else None,
            group_override_reason=self.optional_text("group_override_reason"),
            notes=self.notes.toPlainText().strip() or None,
        )
        return record

    # ---- marketing consent -------------------------------------------------------------

    def _build_consent(self) -> None:
        self.consent = QCheckBox(self.tr("agrees to advertising"))
        self.consent.setObjectName("marketing_consent")
        self.form.add_field("marketing_consent", self.tr("Marketing consent"), self.consent)
        self.consent_date = QLineEdit()
        self.consent_date.setObjectName("consent_date")
        self.consent_date.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.consent_date.setMaximumWidth(92)
        self.consent_source = QComboBox()
        self.consent_source.setObjectName("consent_source")
        self.consent_source.setEditable(True)
        self.consent_source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.consent_source.addItems(["", self.tr("Form"), self.tr("Phone"), self.tr("E-mail"),
                                      self.tr("Trade fair"), self.tr("Contract")])
        source_edit = self.consent_source.lineEdit()
        assert source_edit is not None  # editable
        source_edit.setMaxLength(100)
        source_edit.setPlaceholderText(self.tr("e.g. form"))
        self._composite_row(self.tr("Consent given on"), [
            ("consent_date", None, self.consent_date),
            ("consent_source", self.tr("via"), self.consent_source)])
        self.opt_out_date = QLineEdit()
        self.opt_out_date.setObjectName("opt_out_date")
        self.opt_out_date.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.opt_out_date.setMaximumWidth(92)
        self.opt_out_date.setToolTip(self.tr(
            "Filled in when the consent is withdrawn. A customer may also object to "
            "advertising without ever having consented."))
        self.form.add_field("opt_out_date", self.tr("Opted out on"), self.opt_out_date)
        self.consent.toggled.connect(self._consent_toggled)

    def _composite_row(self, label: str,
                       parts: list[tuple[str, str | None, QWidget]]) -> None:
        """Several fields in one row, each with its own message below the row."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        for key, caption, widget in parts:
            if caption:
                line.addSpacing(6)
                line.addWidget(QLabel(caption))
            line.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
            self.form.fields[key] = widget
        column.addLayout(line)
        for key, _caption, _widget in parts:
            column.addWidget(self.form.error_label(key))
        self.form.addRow(label, box)

    def _set_consent(self, c: Customer) -> None:
        self.consent.blockSignals(True)
        self.consent.setChecked(c.marketing_consent)
        self.consent.blockSignals(False)
        self.consent_date.setText(format_date(c.consent_date))
        self.consent_source.setCurrentText(c.consent_source or "")
        self.opt_out_date.setText(format_date(c.opt_out_date))
        self._consent_enabled()

    def _consent_toggled(self, checked: bool) -> None:
        original = self.original or Customer(number="", name="")
        if checked == original.marketing_consent:  # changed back: as stored
            self._set_consent(original)
            return
        if checked:  # a new consent: today, and how it was given is asked for
            self.consent_date.setText(format_date(self.today()))
            self.consent_source.setCurrentText("")
            self.opt_out_date.clear()  # an earlier opt-out stays in the consent history
        else:  # withdrawn: date and source stay as evidence, the opt-out is dated today
            self.consent_date.setText(format_date(original.consent_date))
            self.consent_source.setCurrentText(original.consent_source or "")
            self.opt_out_date.setText(format_date(self.today()))
        self._consent_enabled()

    def _consent_enabled(self) -> None:
        checked = self.consent.isChecked()
        self.consent_date.setEnabled(checked)
        self.consent_source.setEnabled(checked)
        self.opt_out_date.setEnabled(not checked)

    def _consent_values(self, errors: dict[str, str]) -> Consent:
        original = self.original
        had_consent = original is not None and original.marketing_consent
        checked = self.consent.isChecked()
        source = self.consent_source.currentText().strip() or None
        if checked:
            consent_day = self._consent_day("consent_date", self.consent_date, errors)
            opt_out = None
            # required, except where an older record never had it (e.g. imported consents)
            date_known = not had_consent or bool(original and original.consent_date)
            if consent_day is None and "consent_date" not in errors and date_known:
                errors["consent_date"] = self.tr("Please enter the date of the consent.")
            source_known = not had_consent or bool(original and original.consent_source)
            if source is None and source_known:
                errors["consent_source"] = self.tr(
                    "Please enter how the consent was given (e.g. form, phone).")
        else:  # date and source are shown read-only: what was consented to, as stored
            consent_day = original.consent_date if original is not None else None
            source = original.consent_source if original is not None else None
            opt_out = self._consent_day("opt_out_date", self.opt_out_date, errors)
            if opt_out is None and "opt_out_date" not in errors and had_consent:
                errors["opt_out_date"] = self.tr("Please enter the date of the opt-out.")
            if consent_day and opt_out and opt_out < consent_day:
                errors["opt_out_date"] = self.tr(
                    "The opt-out cannot be earlier than the consent (%1)."
                ).replace("%1", format_date(consent_day))
        return Consent(checked, consent_day, source, opt_out)

    def _consent_day(self, key: str, edit: QLineEdit, errors: dict[str, str]) -> dt.date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            day = parse_date(text)
        except DateFormatError as exc:
            errors[key] = str(exc)
            return None
        if day > self.today():
            errors[key] = self.tr("The date %1 is in the future.").replace("%1", format_date(day))
            return None
        return day

    def before_write(self, record: object) -> bool:
        assert isinstance(record, Customer)
        if self.duplicates_acknowledged:
            return True
        duplicates = self.repository.find_duplicates(record)
        if not duplicates:
            return True
        self._show_duplicates(duplicates)
        self.duplicates_acknowledged = True  # a second click on Save stores it anyway
        return False

    def _show_duplicates(self, duplicates: list[DuplicateWarning]) -> None:
        while self.duplicate_layout.count():
            item = self.duplicate_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        title = QLabel(self.tr("This customer may already exist:"))
        title.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.duplicate_layout.addWidget(title)
        for dup in duplicates:
            button = QPushButton(self.tr("Open %1 %2 (%3)").replace("%1", dup.customer_number)
                                 .replace("%2", dup.name).replace("%3", ", ".join(dup.reasons)))
            button.setObjectName(f"open_duplicate_{dup.customer_id}")
            button.clicked.connect(lambda _=False, cid=dup.customer_id: self._open(cid))
            self.duplicate_layout.addWidget(button)
        self.duplicate_layout.addWidget(QLabel(self.tr("Click Save again to store it anyway.")))
        self.duplicate_box.show()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save anyway"))

    def _open(self, customer_id: int) -> None:
        self.open_customer.emit(customer_id)
        self.reject()

    def write(self, record: object) -> None:
        assert isinstance(record, Customer)
        if self.writer is not None:
            self.writer(record)
        elif record.id is None:
            self.repository.add_customer(record)
        else:
            self.repository.update_customer(record)
