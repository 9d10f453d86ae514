"""Log or edit a contact (Anruf, Anfrage, Reklamation …)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType, Direction
from kundenportfolio.core.validation import format_date
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.labels import CONTACT_TYPES, DIRECTIONS, label
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


def combo(table: dict[str, str], current: str | None) -> QComboBox:
    box = QComboBox()
    for code in table:
        box.addItem(label(table, code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ContactDialog(FormDialog):
    def __init__(self, repository: Repository, customer_id: int, contact: Contact | None = None,
                 parent: QWidget | None = None,
                 writer: Callable[[Contact], None] | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.writer = writer
        self.original = contact or Contact(customer_id=customer_id, occurred_at=dt.datetime.now(),
                                           type=ContactType.CALL)
        c = self.original
        self.setWindowTitle(self.tr("Log contact") if contact is None else self.tr("Edit contact"))
        when = format_date(c.occurred_at.date()) + c.occurred_at.strftime(" %H:%M")
        self.line("occurred_at", self.tr("Date and time"), when)
        self.type = combo(CONTACT_TYPES, c.type.value)
        self.form.add_field("type", self.tr("Type"), self.type)
        self.direction = combo(DIRECTIONS, c.direction.value)
        self.form.add_field("direction", self.tr("Direction"), self.direction)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("(none)"), None)
        for member in repository.list_staff(active_only=True):
            self.staff.addItem(member.name, member.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(c.staff_id)))
        self.form.add_field("staff_id", self.tr("Staff member"), self.staff)
        self.line("subject", self.tr("Subject"), c.subject)
        self.line("notes", self.tr("Notes"), c.notes)
        self.line("outcome", self.tr("Outcome"), c.outcome)
        self.complaint_open = QCheckBox(self.tr("complaint still open"))
        self.complaint_open.setChecked(c.complaint_status != ComplaintStatus.DONE)
        self.form.add_field("complaint_status", self.tr("Complaint"), self.complaint_open)
        self.impact = MoneyLineEdit(repository.get_setting("number_format"), optional=True)
        self.impact.setObjectName("revenue_impact_cents")
        self.impact.set_cents(c.revenue_impact_cents)
        self.form.add_field("revenue_impact_cents", self.tr("Revenue impact"), self.impact)
        self.competitor = QCheckBox(self.tr("buys from a competitor"))
        self.competitor.setChecked(c.buys_from_competitor)
        self.form.add_field("buys_from_competitor", self.tr("Competition"), self.competitor)
        self.type.currentIndexChanged.connect(self._complaint_fields)
        self._complaint_fields()
        self.finish_layout()

    def _complaint_fields(self) -> None:
        is_complaint = self.type.currentData() == ContactType.COMPLAINT.value
        self.complaint_open.setEnabled(is_complaint)
        self.impact.setEnabled(is_complaint)

    def build_record(self, errors: dict[str, str]) -> Contact | None:
        is_complaint = self.type.currentData() == ContactType.COMPLAINT.value
        occurred = self.datetime("occurred_at", errors)
        impact = self.money("revenue_impact_cents", errors) if is_complaint else None
        if errors or occurred is None:
            return None
        status = None
        if is_complaint:
            status = ComplaintStatus.OPEN if self.complaint_open.isChecked() else ComplaintStatus.DONE
        return dataclasses.replace(
            self.original, occurred_at=occurred, type=ContactType(self.type.currentData()),
            direction=Direction(self.direction.currentData()), staff_id=self.staff.currentData(),
            subject=self.optional_text("subject"), notes=self.optional_text("notes"),
            outcome=self.optional_text("outcome"), complaint_status=status,
            revenue_impact_cents=impact, buys_from_competitor=self.competitor.isChecked(),
        )

    def write(self, record: object) -> None:
        assert isinstance(record, Contact)
        if self.writer is not None:
            self.writer(record)
        elif record.id is None:
            self.repository.add_contact(record)
        else:
            self.repository.update_contact(record)
