"""Section "Kampagnen": instrument catalogue, suggestions list, campaigns with their evaluation.

Constructed as ``CampaignsView(repository, store, today=...)`` like every section; nothing is
computed until the section is first shown, and the suggestions in a background thread (the
contact history of 100,000 customers takes seconds to read). Emits ``customer_activated(int)``
when a suggestion is double-clicked.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.core.models import Campaign, Group, Instrument, InstrumentScope
from kundenportfolio.core.periods import Period
from kundenportfolio.core.scoring import group_label
from kundenportfolio.ui.formatting import format_date, format_money
from kundenportfolio.ui.models.record_table import SORT_ROLE, RecordColumn, RecordTableModel
from kundenportfolio.ui.views.campaign_texts import group_text, verdict_text
from kundenportfolio.ui.widgets.participants_panel import ParticipantsPanel
from kundenportfolio.ui.widgets.suggestions_panel import suggestion_columns, suggestion_records

log = logging.getLogger(__name__)


def _suggestions(engagement: Any, table: Any, instruments: list[Instrument],
                 settings: dict[str, Any], today: dt.date) -> tuple[list[dict[str, Any]], Any]:
    """All suggestions and the review answers per group (run in a background thread)."""
    from kundenportfolio.core.review import review, review_by_group
    from kundenportfolio.core.suggestions import build_suggestions

    result = build_suggestions(table, engagement, instruments, settings, today)
    return (suggestion_records(result),
            review_by_group(review(table, engagement, settings), settings))


def _table(parent: QWidget, model: RecordTableModel) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's order until clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    # columns as wide as their header and values, still resizable by hand
    model.modelReset.connect(view.resizeColumnsToContents)
    return view, proxy


class CampaignsView(QWidget):
    customer_activated = Signal(int)

    def __init__(self, repository: Any, store: Any, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.store = store
        self.today = today or dt.date.today()
        self.settings: dict[str, Any] = {}
        self._loaded = False
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_catalogue(), self.tr("Instrument catalogue"))
        self.tabs.addTab(self._build_suggestions(), self.tr("Suggestions"))
        self.tabs.addTab(self._build_campaigns(), self.tr("Campaigns"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # ---- building ------------------------------------------------------------------------

    def _groups_text(self, groups: list[Group]) -> str:
        if len(groups) in (0, len(Group)):
            return self.tr("all groups")
        return ", ".join(group_label(self.settings, g) for g in groups)

    def _money(self, cents: int | None) -> str:
        return "" if cents is None else format_money(cents, self.settings["number_format"])

    def _build_catalogue(self) -> QWidget:
        scopes = {InstrumentScope.ALL: self.tr("all groups"),
                  InstrumentScope.STAR_ERTRAG: self.tr("only Star and Ertrag"),
                  InstrumentScope.INDIVIDUAL: self.tr("individual"),
                  InstrumentScope.GROUP: self.tr("group-specific")}
        self.catalogue_model = RecordTableModel([
            RecordColumn(self.tr("Instrument"), lambda i: i.name),
            RecordColumn(self.tr("Scope"), lambda i: scopes[InstrumentScope(i.scope)]),
            RecordColumn(self.tr("Groups"), lambda i: self._groups_text(i.groups)),
            RecordColumn(self.tr("Type"), lambda i: self.tr("Advertising") if i.is_advertising
                         else self.tr("Service contact")),
            RecordColumn(self.tr("Cost per participant"),
                         lambda i: self._money(i.cost_per_participant_cents),
                         lambda i: i.cost_per_participant_cents or 0, right=True, kind="money",
                         raw=lambda i: i.cost_per_participant_cents),
            RecordColumn(self.tr("Retired"), lambda i: format_date(i.retired_at), kind="date",
                         raw=lambda i: i.retired_at),
            RecordColumn(self.tr("Description"), lambda i: i.description),
        ], self)
        page = QWidget(self)
        self.catalogue_table, self.catalogue_proxy = _table(page, self.catalogue_model)
        self.show_retired = QCheckBox(self.tr("Show retired instruments"), page)
        self.show_retired.toggled.connect(lambda _on: self._load_catalogue())
        self.retire_button = QPushButton(self.tr("Retire"), page)
        self.retire_button.clicked.connect(self._retire)
        self.add_instrument_button = QPushButton(self.tr("New instrument…"), page)
        self.add_instrument_button.clicked.connect(lambda: self._edit_instrument(None))
        self.edit_instrument_button = QPushButton(self.tr("Edit…"), page)
        self.edit_instrument_button.clicked.connect(self._edit_selected_instrument)
        self.catalogue_table.doubleClicked.connect(lambda _i: self._edit_selected_instrument())
        bar = QHBoxLayout()
        bar.addWidget(self.show_retired)
        bar.addStretch(1)
        for button in (self.add_instrument_button, self.edit_instrument_button,
                       self.retire_button):
            bar.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.catalogue_table)
        return page

    def _build_suggestions(self) -> QWidget:
        page = QWidget(self)
        columns = [
            RecordColumn(self.tr("Number"), lambda r: r["number"]),
            RecordColumn(self.tr("Name"), lambda r: r["name"]),
            RecordColumn(self.tr("Group"), lambda r: group_label(self.settings, r["group"])),
            RecordColumn(self.tr("Kundenwert"), lambda r: self._money(r["kundenwert_cents"]),
                         lambda r: r["kundenwert_cents"], right=True, kind="money"),
            *suggestion_columns(),
            RecordColumn(self.tr("Responsible"), lambda r: r["staff_name"] or ""),
        ]
        self.suggestions_model = RecordTableModel(columns, self)
        self.suggestions_table, self.suggestions_proxy = _table(page, self.suggestions_model)
        self.suggestions_table.doubleClicked.connect(self._suggestion_activated)
        self.group_filter = QComboBox(page)
        self.group_filter.currentIndexChanged.connect(lambda _i: self._show_suggestions())
        self.suggestions_count = QLabel(page)
        self.strategy_label = QLabel(page)  # Normstrategie, instruments, review answers
        self.strategy_label.setWordWrap(True)
        self._all_suggestions: list[dict[str, Any]] = []
        self._review_summary: Any = None
        self._suggestions_job: Any = None  # startup.Background while they are computed
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Group:"), page))
        bar.addWidget(self.group_filter)
        bar.addStretch(1)
        bar.addWidget(self.suggestions_count)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.strategy_label)
        layout.addWidget(self.suggestions_table)
        return page

    def _build_campaigns(self) -> QWidget:
        page = QWidget(self)
        self.campaign_model = RecordTableModel([
            RecordColumn(self.tr("Campaign"), lambda c: c.name),
            RecordColumn(self.tr("Instrument"), lambda c: self._instrument_name(c.instrument_id)),
            RecordColumn(self.tr("From"), lambda c: format_date(c.start_date),
                         lambda c: c.start_date, kind="date"),
            RecordColumn(self.tr("To"), lambda c: format_date(c.end_date), lambda c: c.end_date,
                         kind="date"),
            RecordColumn(self.tr("Target groups"), lambda c: self._groups_text(c.target_groups)),
            RecordColumn(self.tr("Budget"), lambda c: self._money(c.budget_cents),
                         lambda c: c.budget_cents or 0, right=True, kind="money",
                         raw=lambda c: c.budget_cents),
            RecordColumn(self.tr("Participants"), lambda c: str(self._counts[c.id][0]),
                         lambda c: self._counts[c.id][0], right=True, kind="integer"),
            RecordColumn(self.tr("Took part"), lambda c: str(self._counts[c.id][1]),
                         lambda c: self._counts[c.id][1], right=True, kind="integer"),
        ], self)
        self._counts: dict[int | None, tuple[int, int]] = {}
        self._instruments: dict[int, Instrument] = {}
        self.campaign_table, self.campaign_proxy = _table(page, self.campaign_model)
        self.campaign_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_evaluation())
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New campaign…"), page)
        self.propose_button = QPushButton(self.tr("Propose participants"), page)
        self.participate_button = QPushButton(self.tr("Mark all as participated"), page)
        self.export_button = QPushButton(self.tr("Export participants…"), page)
        for button, slot in ((self.new_button, self._new_campaign),
                             (self.propose_button, self._propose),
                             (self.participate_button, self._participate),
                             (self.export_button, self._export)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.verdict_label = QLabel(page)
        self.verdict_label.setWordWrap(True)
        self.figure = Figure(figsize=(6.0, 3.2))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(220)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.verdict_label)
        lower_layout.addWidget(self.canvas, 1)
        self.participants = ParticipantsPanel(self.repository, page)
        self.participants.changed.connect(self._after_change)
        bottom = QSplitter(Qt.Orientation.Horizontal, page)
        bottom.addWidget(lower)
        bottom.addWidget(self.participants)
        bottom.setSizes([650, 350])
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.campaign_table)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        return page

    # ---- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything (after data or settings changes); deferred while hidden."""
        if not self.isVisible():
            self._loaded = False
            return
        self._loaded = True
        self.settings = dict(self.repository.all_settings())
        self._fill_groups()
        self._load_catalogue()
        self._load_suggestions()
        self._load_campaigns()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _fill_groups(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), None)
        for group in Group:
            self.group_filter.addItem(group_label(self.settings, group), group.value)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        self.group_filter.blockSignals(False)

    def _load_catalogue(self) -> None:
        instruments = self.repository.list_instruments(include_retired=True)
        self._instruments = {i.id: i for i in instruments if i.id is not None}
        shown = [i for i in instruments if self.show_retired.isChecked() or i.retired_at is None]
        self.catalogue_model.set_records(shown)

    def _instrument_name(self, instrument_id: int | None) -> str:
        instrument = self._instruments.get(instrument_id or -1)
        return instrument.name if instrument else "—"

    def _load_suggestions(self) -> None:
        """Compute all suggestions and the review answers once, in the background; the group
        filter only filters."""
        if not self.settings:
            return
        from kundenportfolio.data.background_read import reader
        from kundenportfolio.data.engagement import load_engagement
        from kundenportfolio.ui.startup import Background

        # a copy: the store updates its table in place when a customer changes
        table = self.store.result(Period.last_12_months(self.today)).table.copy()
        today, settings = self.today, dict(self.settings)
        instruments = self.repository.list_instruments()
        read = reader(self.repository, lambda repository: load_engagement(repository, today))
        job = Background(lambda: _suggestions(read(), table, instruments, settings, today), self)
        job.done.connect(lambda result, error: self._suggestions_done(job, result, error))
        self._suggestions_job = job
        self.suggestions_count.setText(self.tr("Computing suggestions…"))
        job.start()

    def _suggestions_done(self, job: Any, result: Any, error: BaseException | None) -> None:
        if job is not self._suggestions_job:  # a newer request (data changed) is running
            return
        self._suggestions_job = None
        if error is not None:
            log.error("Vorschläge nicht berechnet", exc_info=error)
            self.suggestions_count.setText(self.tr("The suggestions could not be computed: %1")
                                           .replace("%1", str(error)))
            return
        self._all_suggestions, self._review_summary = result
        self._show_suggestions()

    def is_busy(self) -> bool:
        """True while the suggestions are computed (smoke test, tests)."""
        return self._suggestions_job is not None

    def _show_suggestions(self) -> None:
        group = self.group_filter.currentData()
        records = [r for r in self._all_suggestions if group is None or r["group"] == group]
        self.suggestions_model.set_records(records)
        self.suggestions_count.setText(self.tr("%1 suggestions").replace("%1", str(len(records))))
        self.strategy_label.setText(self.group_text(group))

    def group_text(self, group: str | None) -> str:
        return group_text(self.repository, self.settings, self._review_summary, group)

    def _load_campaigns(self) -> None:
        campaigns = self.repository.list_campaigns()
        self._counts = {}
        for campaign in campaigns:
            participants = self.repository.list_participants(campaign.id)
            self._counts[campaign.id] = (
                len(participants), sum(p.participated_at is not None for p in participants))
        self.campaign_model.set_records(campaigns)
        self._show_evaluation()

    # ---- actions -------------------------------------------------------------------------

    def _selected(self, table: QTableView, proxy: QSortFilterProxyModel,
                  model: RecordTableModel) -> Any:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        return model.record(proxy.mapToSource(rows[0]).row())

    def selected_campaign(self) -> Campaign | None:
        return self._selected(self.campaign_table, self.campaign_proxy, self.campaign_model)

    def _retire(self) -> None:
        instrument = self._selected(self.catalogue_table, self.catalogue_proxy,
                                    self.catalogue_model)
        if instrument is None or instrument.retired_at is not None:
            return
        self.repository.retire_instrument(instrument.id, self.today)
        self._load_catalogue()

    def _edit_selected_instrument(self) -> None:
        selected = self._selected(self.catalogue_table, self.catalogue_proxy,
                                  self.catalogue_model)
        if selected is not None:
            self._edit_instrument(selected)

    def _edit_instrument(self, instrument: Instrument | None) -> None:
        from kundenportfolio.ui.dialogs.instrument_dialog import InstrumentDialog

        dialog = InstrumentDialog(self.repository, instrument, self)
        if dialog.exec():
            self._load_catalogue()

    def _suggestion_activated(self, index: QModelIndex) -> None:
        record = self.suggestions_model.record(self.suggestions_proxy.mapToSource(index).row())
        self.customer_activated.emit(int(record["customer_id"]))

    def _new_campaign(self) -> None:
        from kundenportfolio.ui.dialogs.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(self.repository, self, today=self.today)
        if dialog.exec() and dialog.campaign is not None:
            self._load_campaigns()
            self.select_campaign(dialog.campaign.id)

    def select_campaign(self, campaign_id: int | None) -> None:
        for row, campaign in enumerate(self.campaign_model.records):
            if campaign.id == campaign_id:
                index = self.campaign_proxy.mapFromSource(self.campaign_model.index(row, 0))
                self.campaign_table.selectRow(index.row())
                return

    def _run(self, action: Any) -> Any:
        """Run a data action; show its German message instead of crashing."""
        try:
            return action()
        except KundenportfolioError as exc:
            QMessageBox.warning(self, self.tr("Campaign"), str(exc))
            return None

    def _propose(self) -> None:
        from kundenportfolio.core.campaigns import propose_participants
        from kundenportfolio.data.campaign_data import load_contactability, save_participants

        campaign = self.selected_campaign()
        if campaign is None or campaign.id is None:
            return
        instrument = self._instruments.get(campaign.instrument_id or -1)
        table = self.store.result(Period.last_12_months(self.today)).table
        ids = propose_participants(table, load_contactability(self.repository), campaign,
                                   instrument)
        self._run(lambda: save_participants(self.repository, campaign.id, ids))
        self._after_change(campaign.id)

    def _participate(self) -> None:
        from kundenportfolio.data.campaign_data import mark_participation

        campaign = self.selected_campaign()
        if campaign is None or campaign.id is None:
            return
        ids = [p.customer_id for p in self.repository.list_participants(campaign.id)]
        day = min(max(self.today, campaign.start_date), campaign.end_date)  # within the campaign
        self._run(lambda: mark_participation(self.repository, campaign.id, ids, day))
        for customer_id in ids:
            self.store.customer_changed(customer_id)
        self._after_change(campaign.id)

    def _after_change(self, campaign_id: int) -> None:
        self._load_campaigns()
        self.select_campaign(campaign_id)

    def export_model(self) -> QSortFilterProxyModel:
        """File > Export list…: the list of the shown tab (Kampagnen: the participants)."""
        index = self.tabs.currentIndex()
        if index == 0:
            return self.catalogue_proxy
        if index == 1:
            return self.suggestions_proxy
        return self.participants.proxy

    def _export(self) -> None:
        from kundenportfolio.core.campaigns import export_frame
        from kundenportfolio.data.engagement import load_addresses
        from kundenportfolio.reports.campaign_export import write_table

        campaign = self.selected_campaign()
        if campaign is None or campaign.id is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export participants"), f"{campaign.name}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"))
        if not path:
            return
        ids = [p.customer_id for p in self.repository.list_participants(campaign.id)]
        self._run(lambda: write_table(export_frame(load_addresses(self.repository, ids)), path,
                                      sheet_title="Teilnehmer"))

    def verdict_text(self, evaluation: Any) -> str:
        return verdict_text(evaluation, self.settings)

    def _show_evaluation(self) -> None:
        from kundenportfolio.data.campaign_data import evaluate_campaign
        from kundenportfolio.reports.campaign_chart import draw_campaign_evaluation

        campaign = self.selected_campaign()
        self.participants.set_campaign(campaign.id if campaign else None)
        evaluation = None
        if campaign is not None and campaign.id is not None:
            evaluation = self._run(lambda: evaluate_campaign(self.repository, campaign.id,
                                                             self.today, store=self.store))
        self.verdict_label.setText(self.verdict_text(evaluation) if evaluation else "")
        draw_campaign_evaluation(self.figure, evaluation,
                                 number_format=self.settings.get("number_format", "de-CH"),
                                 title=campaign.name if campaign else "")
        self.canvas.draw_idle()
