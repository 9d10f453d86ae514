"""Kampagnen section and the "Vorschläge" panel on a real database (tests/ui/conftest.py shop).

Expected texts go through tr() too, so the tests hold with or without a German translator.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType
from kundenportfolio.data.campaign_data import create_campaign
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.campaign_dialog import CampaignDialog
from kundenportfolio.ui.views.campaigns_view import CampaignsView
from kundenportfolio.ui.widgets.suggestions_panel import SuggestionsPanel, reason_label
from tests.ui.conftest import TODAY


@pytest.fixture
def prepared(shop: Repository) -> Repository:
    """10001 may get advertising; 10003 has an open complaint; Beat talks most with 10001."""
    alpha = shop.get_customer_by_number("10001")
    alpha.marketing_consent = True
    shop.update_customer(alpha)
    beat = next(s for s in shop.list_staff() if s.name == "Beat Meier")
    for day in (dt.date(2026, 10, 1), dt.date(2026, 10, 8)):
        shop.add_contact(Contact(customer_id=alpha.id or 0, occurred_at=dt.datetime.combine(
            day, dt.time(9, 0)), type=ContactType.CALL, staff_id=beat.id))
    hotel = shop.get_customer_by_number("10003")
    shop.add_contact(Contact(customer_id=hotel.id or 0, occurred_at=dt.datetime(2026, 11, 1, 9),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.OPEN))
    return shop


@pytest.fixture
def view(qtbot, prepared: Repository) -> CampaignsView:  # type: ignore[no-untyped-def]
    widget = CampaignsView(prepared, PortfolioStore(prepared), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=20000)  # suggestions: background
    return widget


def test_suggestions_are_computed_in_the_background(qtbot, prepared: Repository) -> None:  # type: ignore[no-untyped-def]
    widget = CampaignsView(prepared, PortfolioStore(prepared), today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.is_busy()  # the window stays usable meanwhile
    assert widget.suggestions_count.text() == "Computing suggestions…"
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=20000)
    assert widget.suggestions_model.rowCount() > 0
    assert widget.suggestions_count.text().endswith("suggestions")


def test_models_pass_the_model_tester(qtmodeltester, view: CampaignsView) -> None:  # type: ignore[no-untyped-def]
    for model in (view.catalogue_model, view.suggestions_model, view.campaign_model):
        qtmodeltester.check(model)


def test_catalogue_lists_and_retires(view: CampaignsView, prepared: Repository) -> None:
    assert view.catalogue_model.rowCount() == 17
    names = [view.catalogue_model.record(r).name for r in range(17)]
    row = names.index("Kundenmagazin")
    view.catalogue_table.selectRow(view.catalogue_proxy.mapFromSource(
        view.catalogue_model.index(row, 0)).row())
    view.retire_button.click()
    assert view.catalogue_model.rowCount() == 16
    assert "kundenmagazin" not in {i.code for i in prepared.list_instruments()}
    view.show_retired.setChecked(True)
    assert view.catalogue_model.rowCount() == 17


def test_suggestions_list_and_activation(qtbot, view: CampaignsView, prepared: Repository) -> None:  # type: ignore[no-untyped-def]
    records = view.suggestions_model.records
    hotel = prepared.get_customer_by_number("10003").id
    first = records[0]
    assert (first["customer_id"], first["reason"]) == (hotel, "complaint_open")
    texts = [view.suggestions_model.index(0, c).data() for c in range(4, 8)]
    assert texts[:3] == ["1", reason_label("complaint_open"), "—"]  # "Complaint open"
    # the table shows the model's order (priority, then Kundenwert) until a header is clicked
    assert view.suggestions_proxy.index(0, 0).data() == "10003"
    index = view.suggestions_proxy.index(0, 0)
    with qtbot.waitSignal(view.customer_activated) as signal:
        view.suggestions_table.doubleClicked.emit(index)
    assert signal.args[0] == hotel


def test_campaign_propose_participate_export(view: CampaignsView, prepared: Repository,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    event = next(i for i in prepared.list_instruments() if i.code == "messe_event_einladung")
    campaign = create_campaign(prepared, "Hausmesse", event.id, [], dt.date(2026, 11, 1),
                               dt.date(2026, 11, 2), 300_00)
    view.refresh()
    view.select_campaign(campaign.id)
    view.propose_button.click()
    # only 10001 gave marketing consent
    assert [p.customer_id for p in prepared.list_participants(campaign.id or 0)] == [
        prepared.get_customer_by_number("10001").id]
    view.participate_button.click()
    view.participate_button.click()  # twice: still one contact
    alpha = prepared.get_customer_by_number("10001").id or 0
    logged = [c for c in prepared.list_contacts(alpha) if c.campaign_id == campaign.id]
    assert len(logged) == 1
    assert logged[0].occurred_at.date() == dt.date(2026, 11, 2)  # campaign end, not "today"
    row = view.campaign_model.records.index(next(c for c in view.campaign_model.records
                                                 if c.id == campaign.id))
    assert view.campaign_model.index(row, 6).data() == "1"  # participants
    assert view.campaign_model.index(row, 7).data() == "1"  # took part
    # the after window (90 days from 01.11.2026) is not over on 26.11.2026
    pending = QCoreApplication.translate(
        "CampaignTexts", "Not final yet: the comparison period ends on %3. So far the "
        "Kundenwert per participant changed by %1 relative to the comparison group.")
    assert view.verdict_label.text().startswith(pending.split("%3")[0])
    assert "29.01.2027" in view.verdict_label.text()  # 01.11.2026 + 89 days
    assert len(view.figure.axes) == 2
    target = tmp_path / "teilnehmer.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.export_button.click()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Kundennummer;Firma;Ansprechpartner;Straße;PLZ;Ort")
    assert lines[1].startswith("10001;Bäckerei Müller AG;Hans Müller;")
    view.tabs.setCurrentIndex(2)
    view.grab().save(str(tmp_path / "campaigns.png"))


def test_campaign_dialog_creates_and_shows_errors(qtbot, prepared: Repository) -> None:  # type: ignore[no-untyped-def]
    dialog = CampaignDialog(prepared, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.save()  # no name
    assert dialog.campaign is None
    assert dialog.form.error_text("name") == dialog.tr("Please enter a name.")
    dialog.form.fields["name"].setText("Frühlingsmailing")
    dialog.group_boxes[next(iter(dialog.group_boxes))].setChecked(True)
    dialog.form.fields["end_date"].setText("01.01.2020")  # before the start
    dialog.save()
    assert dialog.campaign is None
    assert dialog.form.error_text("end_date") == dialog.tr("The end lies before the start.")
    assert prepared.list_campaigns() == []
    dialog.form.fields["end_date"].setText("31.12.2026")
    dialog.budget.setText("1'500.00")
    dialog.save()
    assert dialog.campaign is not None
    saved = prepared.get_campaign(dialog.campaign.id or 0)
    assert (saved.name, saved.budget_cents, saved.end_date) == ("Frühlingsmailing", 150_000,
                                                                dt.date(2026, 12, 31))
    assert [g.value for g in saved.target_groups] == ["star"]


def test_suggestions_panel_for_one_customer(qtbot, prepared: Repository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = SuggestionsPanel(prepared, PortfolioStore(prepared), today=TODAY)
    qtbot.addWidget(panel)
    alpha = prepared.get_customer_by_number("10001").id
    panel.set_customer(alpha)
    reasons = [r["reason"] for r in panel.model.records]
    assert "value_rising" in reasons  # rank 1, consent given
    review = panel.review_label.text()
    # Beat Meier: 2 calls; Anna Keller is responsible
    main = panel.tr("Main contact: %1 (%2 contacts in the last 12 months)")
    assert main.replace("%1", "Beat Meier").replace("%2", "2") in review
    assert panel.tr("not the responsible person (%1).").replace("%1", "Anna Keller") in review
    hotel = prepared.get_customer_by_number("10003").id
    panel.set_customer(hotel)
    assert panel.model.records[0]["reason"] == "complaint_open"
    assert panel.tr("Open complaints: %1").replace("%1", "1") in panel.review_label.text()
    panel.set_customer(None)
    assert panel.model.rowCount() == 0


def test_instrument_dialog_adds_and_edits(qtbot, prepared: Repository) -> None:  # type: ignore[no-untyped-def]
    from kundenportfolio.core.models import Group, InstrumentScope
    from kundenportfolio.ui.dialogs.instrument_dialog import InstrumentDialog

    dialog = InstrumentDialog(prepared)
    qtbot.addWidget(dialog)
    dialog.form.fields["name"].setText("Kundenabend")
    dialog.scope.setCurrentIndex(dialog.scope.findData(InstrumentScope.GROUP.value))
    dialog.save()  # no group ticked: refused, nothing written
    assert dialog.instrument is None
    assert dialog.form.error_text("groups") == "Bitte mindestens eine Kundengruppe wählen."
    dialog.group_boxes[Group.FRAGEZEICHEN].setChecked(True)
    dialog.cost.setText("12.50")
    dialog.advertising.setChecked(False)
    dialog.save()
    assert dialog.instrument is not None
    saved = prepared.get_instrument(dialog.instrument.id or 0)
    assert (saved.code, saved.groups, saved.is_advertising, saved.cost_per_participant_cents) \
        == ("kundenabend", [Group.FRAGEZEICHEN], False, 12_50)
    edit = InstrumentDialog(prepared, saved)
    qtbot.addWidget(edit)
    assert edit.group_boxes[Group.STAR].isEnabled()  # group scope: the boxes can be ticked
    edit.scope.setCurrentIndex(edit.scope.findData(InstrumentScope.STAR_ERTRAG.value))
    assert not edit.group_boxes[Group.STAR].isEnabled()
    edit.save()
    assert set(prepared.get_instrument(saved.id or 0).groups) == {Group.STAR, Group.ERTRAG}


def test_view_new_instrument_button_reloads_catalogue(view: CampaignsView, prepared: Repository,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kundenportfolio.core.models import Instrument
    from kundenportfolio.data.campaign_data import save_instrument
    from kundenportfolio.ui.dialogs.instrument_dialog import InstrumentDialog

    def fake_exec(dialog: InstrumentDialog) -> int:  # the user fills in and saves
        save_instrument(prepared, Instrument(code="", name="Flyer"))
        return 1

    monkeypatch.setattr(InstrumentDialog, "exec", fake_exec)
    view.add_instrument_button.click()
    assert "Flyer" in [i.name for i in view.catalogue_model.records]


def test_group_filter_shows_strategy_instruments_and_review(view: CampaignsView,
                                                            prepared: Repository) -> None:
    settings = prepared.all_settings()
    all_rows = len(view.suggestions_model.records)
    view.group_filter.setCurrentIndex(view.group_filter.findData("fragezeichen"))
    text = view.strategy_label.text()
    assert settings["group_strategies"]["fragezeichen"] in text
    assert "Bedarfsanalyse, Cross-Selling, Probeangebot" in text  # own group's instruments first
    assert all(r["group"] == "fragezeichen" for r in view.suggestions_model.records)
    view.group_filter.setCurrentIndex(0)  # all groups: review answers over all 3 customers
    assert len(view.suggestions_model.records) == all_rows
    assert view.strategy_label.text().startswith(QCoreApplication.translate(
        "CampaignTexts", "%1 customers; without responsible person: %2;").split("%1")[0] + "3")


def test_participants_removed_by_hand(qtmodeltester, view: CampaignsView,  # type: ignore[no-untyped-def]
                                      prepared: Repository) -> None:
    from kundenportfolio.data.campaign_data import save_participants

    service = next(i for i in prepared.list_instruments() if i.code == "prioritaetsservice")
    campaign = create_campaign(prepared, "Service-Check", service.id, [], dt.date(2026, 11, 1),
                               dt.date(2026, 11, 30))
    ids = [prepared.get_customer_by_number(n).id or 0 for n in ("10001", "10002", "10003")]
    save_participants(prepared, campaign.id or 0, ids)  # service: consent not needed
    view.refresh()
    view.select_campaign(campaign.id)
    panel = view.participants
    qtmodeltester.check(panel.model)
    assert [r["number"] for r in panel.model.records] == ["10001", "10002", "10003"]
    row = [r["number"] for r in panel.model.records].index("10002")
    panel.table.selectRow(panel.proxy.mapFromSource(panel.model.index(row, 0)).row())
    panel.remove_button.click()
    assert [p.customer_id for p in prepared.list_participants(campaign.id or 0)] == [ids[0],
                                                                                    ids[2]]
    assert [r["number"] for r in panel.model.records] == ["10001", "10003"]
    assert view.selected_campaign() is not None and view.selected_campaign().id == campaign.id
