"""Settings view: live validation (weights must add up to 100 %), save, discard, reset."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kundenportfolio import settings as declared
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.views import settings_view
from kundenportfolio.ui.views.settings_view import SettingsView
from tests.reports.fake_portfolio import FakeResult, make_table
from tests.ui.fakes import FakeStore


@pytest.fixture
def view(qtbot, repo: Repository) -> SettingsView:  # type: ignore[no-untyped-def]
    widget = SettingsView(repo, FakeStore(FakeResult(make_table(3))))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def test_loads_stored_settings(view: SettingsView) -> None:
    assert view.save_button.isEnabled()
    assert view.weights["score_weights_attractiveness"]["kundenwert"].value() == 40.0
    assert view.weight_sums["score_weights_position"].text() == "100.0 %"
    assert view.group_labels["fragezeichen"].text() == "Fragezeichenkunden"
    assert view.cost_levels["visit"].currentData() == "III"


def test_weights_not_100_percent_cannot_be_saved(qtbot, view: SettingsView, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    # position weights 25+25+15+10+15+10 = 100; contacts 10 -> 20 makes 110 %
    view.weights["score_weights_position"]["contacts"].setValue(20.0)
    assert view.weight_sums["score_weights_position"].text() == "110.0 %"
    assert "B00020" in view.weight_sums["score_weights_position"].styleSheet()  # red
    assert not view.save_button.isEnabled()
    assert "Die Gewichte müssen zusammen 100 % ergeben (jetzt 110 %)" in view.message.text()
    with qtbot.assertNotEmitted(view.settings_changed):
        assert view.save() is False
    assert repo.get_setting("score_weights_position")["contacts"] == 10.0  # nothing written
    assert view.store.invalidated == 0
    # take 10 % from frequency: 100 % again, Save is back
    view.weights["score_weights_position"]["frequency"].setValue(15.0)
    assert view.save_button.isEnabled()
    assert view.message.text() == ""


def test_save_writes_invalidates_and_signals(qtbot, view: SettingsView, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    view.company_name.setText("Bäckerei Müller AG")
    view.number_format.setCurrentIndex(view.number_format.findData("de-DE"))
    view.weights["score_weights_attractiveness"]["kundenwert"].setValue(30.0)
    view.weights["score_weights_attractiveness"]["trend"].setValue(30.0)
    view.cost_levels["visit"].setCurrentIndex(view.cost_levels["visit"].findData("IV"))
    view.group_strategies["star"].setPlainText("Pflegen wie einen Schatz.")
    with qtbot.waitSignal(view.settings_changed, timeout=1000):
        view.save_button.click()
    assert repo.get_setting("company_name") == "Bäckerei Müller AG"
    assert repo.get_setting("number_format") == "de-DE"
    assert repo.get_setting("score_weights_attractiveness")["trend"] == 30.0
    assert repo.get_setting("cost_level_mapping")["visit"] == "IV"
    assert repo.get_setting("group_strategies")["star"] == "Pflegen wie einen Schatz."
    assert view.store.invalidated == 1
    assert view.weight_sums["score_weights_attractiveness"].text() == "100,0 %"  # de-DE decimal


def test_abc_b_below_a_and_empty_group_name_block_saving(view: SettingsView) -> None:
    view.abc_threshold_b_percent.setValue(70.0)  # A is 80 %
    assert not view.save_button.isEnabled()
    assert "Die Grenze für B muss mindestens so hoch sein wie die Grenze für A." in view.message.text()
    view.abc_threshold_b_percent.setValue(95.0)
    assert view.save_button.isEnabled()
    view.group_labels["mitnahme"].setText("  ")
    assert not view.save_button.isEnabled()
    assert "Kein Text darf leer sein." in view.message.text()


def test_median_split_disables_fixed_thresholds(view: SettingsView, repo: Repository) -> None:
    view.score_split_rule.setCurrentIndex(view.score_split_rule.findData("median"))
    assert not view.score_split_position.isEnabled()
    assert view.save()
    assert repo.get_setting("score_split_rule") == "median"


def test_discard_changes_reloads(view: SettingsView) -> None:
    view.company_name.setText("Ungespeichert")
    assert view.has_unsaved_changes()
    view.revert_button.click()
    assert view.company_name.text() == ""
    assert not view.has_unsaved_changes()


def test_show_picks_up_outside_changes_but_keeps_edits(view: SettingsView, repo: Repository) -> None:
    view.hide()
    repo.set_settings({"company_name": "Von anderswo"})
    view.show()
    assert view.company_name.text() == "Von anderswo"
    view.default_margin_percent.setValue(40.0)  # an unsaved edit
    view.hide()
    repo.set_settings({"company_name": "Noch einmal anders"})
    view.show()
    assert view.default_margin_percent.value() == 40.0  # the edit is not thrown away
    assert view.company_name.text() == "Von anderswo"


@pytest.mark.parametrize(("answer", "expected_name"), [
    (QMessageBox.StandardButton.Yes, ""),  # reset: back to the default (empty)
    (QMessageBox.StandardButton.No, "Schreinerei Graf"),  # declined: nothing changes
])
def test_reset_to_defaults_asks_first(view: SettingsView, repo: Repository, monkeypatch: pytest.MonkeyPatch,
                                      answer: QMessageBox.StandardButton, expected_name: str) -> None:
    repo.set_settings({"company_name": "Schreinerei Graf", "default_margin_percent": 42.0})
    view.load()
    asked: list[str] = []
    monkeypatch.setattr(settings_view.QMessageBox, "question",
                        lambda _parent, _title, text, *_a: asked.append(text) or answer)
    view.reset_button.click()
    assert len(asked) == 1
    assert repo.get_setting("company_name") == expected_name
    assert view.company_name.text() == expected_name
    if answer == QMessageBox.StandardButton.Yes:
        assert view.default_margin_percent.value() == declared.DEFAULT_MARGIN_PERCENT.default
        assert view.store.invalidated == 1


def test_screenshots_of_every_tab(view: SettingsView, tmp_path: Path) -> None:
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        path = tmp_path / f"settings_{index}.png"
        assert view.grab().save(str(path))
        assert path.stat().st_size > 5_000
