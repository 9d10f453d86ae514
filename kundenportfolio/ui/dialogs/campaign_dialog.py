"""Create a campaign: name, instrument, target groups, period, budget."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from kundenportfolio.core.models import Campaign, Group
from kundenportfolio.core.scoring import group_label
from kundenportfolio.data.campaign_data import create_campaign
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


class CampaignDialog(FormDialog):
    """After a successful save, `campaign` is the new Campaign (with id)."""

    def __init__(self, repository: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.campaign: Campaign | None = None
        settings = repository.all_settings()
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("New campaign"))
        self.line("name", self.tr("Name"))
        self.instrument = QComboBox()
        self.instrument.setObjectName("instrument_id")
        for instrument in repository.list_instruments():
            self.instrument.addItem(instrument.name, instrument.id)
        self.form.add_field("instrument_id", self.tr("Instrument"), self.instrument)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[Group, QCheckBox] = {}
        for group in Group:
            check = QCheckBox(group_label(settings, group))
            check.setObjectName(f"group_{group.value}")
            self.group_boxes[group] = check
            row.addWidget(check)
        self.form.add_field("target_groups", self.tr("Target groups (none: all)"), box)
        self.date_line("start_date", self.tr("From"), today)
        self.date_line("end_date", self.tr("To"), today + dt.timedelta(days=30))
        self.budget = MoneyLineEdit(settings["number_format"])
        self.budget.setObjectName("budget_cents")
        self.budget.set_cents(None)
        self.form.add_field("budget_cents", self.tr("Budget (optional)"), self.budget)
        self.finish_layout()

    def build_record(self, errors: dict[str, str]) -> dict[str, Any] | None:
        name = self.text("name")
        if not name:
            errors["name"] = self.tr("Please enter a name.")
        start = self.date("start_date", errors)
        end = self.date("end_date", errors)
        budget = None
        if self.budget.text().strip():
            budget = self.money("budget_cents", errors)
        if self.instrument.currentData() is None:
            errors["instrument_id"] = self.tr("Please choose an instrument.")
        if errors or start is None or end is None:
            return None
        if end < start:
            errors["end_date"] = self.tr("The end lies before the start.")
            return None
        return {"name": name, "instrument_id": self.instrument.currentData(),
                "target_groups": [g for g, box in self.group_boxes.items() if box.isChecked()],
                "start": start, "end": end, "budget_cents": budget}

    def write(self, record: object) -> None:
        assert isinstance(record, dict)
        self.campaign = create_campaign(self.repository, **record)
