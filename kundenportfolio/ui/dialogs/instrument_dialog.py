"""Add or change a marketing instrument of the catalogue."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from kundenportfolio.core.models import Group, Instrument, InstrumentScope
from kundenportfolio.core.scoring import group_label
from kundenportfolio.data.campaign_data import save_instrument
from kundenportfolio.ui.dialogs.base import FormDialog
from kundenportfolio.ui.widgets.money_edit import MoneyLineEdit


class InstrumentDialog(FormDialog):
    """After a successful save, `instrument` is the stored Instrument (with id)."""

    def __init__(self, repository: Any, instrument: Instrument | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.original = instrument or Instrument(code="", name="", scope=InstrumentScope.GROUP)
        self.instrument: Instrument | None = None
        settings = repository.all_settings()
        self.setWindowTitle(self.tr("New instrument") if instrument is None
                            else self.tr("Edit instrument"))
        self.line("name", self.tr("Name"), self.original.name)
        self.line("description", self.tr("Description"), self.original.description)
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        for scope, text in ((InstrumentScope.ALL, self.tr("all groups")),
                            (InstrumentScope.STAR_ERTRAG, self.tr("only Star and Ertrag")),
                            (InstrumentScope.INDIVIDUAL, self.tr("individual")),
                            (InstrumentScope.GROUP, self.tr("group-specific"))):
            self.scope.addItem(text, scope.value)
        self.scope.setCurrentIndex(self.scope.findData(InstrumentScope(self.original.scope).value))
        self.form.add_field("scope", self.tr("Scope"), self.scope)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[Group, QCheckBox] = {}
        for group in Group:
            check = QCheckBox(group_label(settings, group))
            check.setChecked(group in self.original.groups)
            self.group_boxes[group] = check
            row.addWidget(check)
        self.form.add_field("groups", self.tr("Groups"), box)
        self.advertising = QCheckBox(self.tr("Advertising (needs marketing consent)"))
        self.advertising.setChecked(self.original.is_advertising)
        self.form.add_field("is_advertising", "", self.advertising)
        self.cost = MoneyLineEdit(settings["number_format"])
        self.cost.setObjectName("cost_per_participant_cents")
        self.cost.set_cents(self.original.cost_per_participant_cents)
        self.form.add_field("cost_per_participant_cents", self.tr("Cost per participant"),
                            self.cost)
        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self._scope_changed()
        self.finish_layout()

    def _scope_changed(self) -> None:
        """Only "group-specific" and "individual" let the user pick the groups."""
        free = self.scope.currentData() in (InstrumentScope.GROUP.value,
                                            InstrumentScope.INDIVIDUAL.value)
        for box in self.group_boxes.values():
            box.setEnabled(free)

    def build_record(self, errors: dict[str, str]) -> Instrument | None:
        cost = self.money("cost_per_participant_cents", errors) if self.cost.text().strip() \
            else None
        if errors:
            return None
        return dataclasses.replace(
            self.original, name=self.text("name"), description=self.text("description"),
            scope=InstrumentScope(self.scope.currentData()),
            groups=[g for g, box in self.group_boxes.items() if box.isChecked()],
            is_advertising=self.advertising.isChecked(), cost_per_participant_cents=cost)

    def write(self, record: object) -> None:
        assert isinstance(record, Instrument)
        self.instrument = save_instrument(self.repository, record)
