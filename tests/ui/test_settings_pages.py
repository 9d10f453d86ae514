"""Settings tabs added for the audit: every declared setting is editable; the backup folder and
rotation the GUI writes are what data/backup.py reads; logo, contact interval per group and the
forecast rules; messages at the field; the German texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from kundenportfolio import paths
from kundenportfolio import settings as declared
from kundenportfolio.data import backup
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.views import settings_backup, settings_reports, settings_view
from kundenportfolio.ui.views.settings_pages import ERROR_COLOUR, WARNING_COLOUR
from kundenportfolio.ui.views.settings_view import EDITED_KEYS, NOT_EDITED_KEYS, SettingsView
from tests.reports.fake_portfolio import FakeResult, make_table
from tests.ui.fakes import FakeStore

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kundenportfolio_de.qm"


def _view(qtbot, repo: Repository) -> SettingsView:  # type: ignore[no-untyped-def]
    widget = SettingsView(repo, FakeStore(FakeResult(make_table(3))))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture
def view(qtbot, repo: Repository) -> SettingsView:  # type: ignore[no-untyped-def]
    return _view(qtbot, repo)


@pytest.fixture
def db_path(file_repo: Repository, tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"  # the file behind `file_repo`


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _tab(view: SettingsView, title: str) -> int:
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    return titles.index(title)


def _png(path: Path, width: int = 300, height: int = 100) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1B5E20"))
    assert image.save(str(path))
    return path


# ---- every setting has a place -------------------------------------------------------------


def test_every_declared_setting_can_be_edited(view: SettingsView) -> None:
    assert set(EDITED_KEYS) | set(NOT_EDITED_KEYS) == set(declared.DECLARED)
    assert set(view.values()) == set(EDITED_KEYS)
    on_tabs = [key for keys in view.tab_keys for key in keys]
    assert sorted(on_tabs) == sorted(EDITED_KEYS)  # each on exactly one tab


# ---- Datensicherung ----------------------------------------------------------------------


def test_chosen_backup_folder_is_where_backups_go(qtbot, file_repo: Repository, db_path: Path,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _view(qtbot, file_repo)
    usb = tmp_path / "USB-Stick"
    usb.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(settings_backup.QFileDialog, "getExistingDirectory",
                        lambda _parent, title, start: asked.append(start) or str(usb))
    assert backup.backup_dir_for(db_path) == paths.default_backup_dir()
    view.tabs.setCurrentIndex(_tab(view, "Backup"))
    view.backup_page.choose_button.click()
    assert asked == [view.backup_page.default_folder]  # starts in the current folder
    assert view.backup_page.folder.text() == str(usb)
    assert view.has_unsaved_changes() and view.save_button.isEnabled()
    assert view.save()
    assert file_repo.get_setting("backup_dir") == str(usb)
    assert backup.backup_dir_for(db_path) == usb  # what the backup code reads
    made = backup.create_backup(db_path)
    assert made.parent == usb
    # back to the default folder
    view.backup_page.default_button.click()
    assert view.save()
    assert backup.backup_dir_for(db_path) == paths.default_backup_dir()


def test_rotation_counts_are_the_backup_policy(file_repo: Repository,  # type: ignore[no-untyped-def]
                                               db_path: Path, qtbot) -> None:
    view = _view(qtbot, file_repo)
    page = view.backup_page
    assert page.keep_last.value() == 10 and page.keep_monthly.value() == 12
    assert "44" in page.rotation_summary.text()  # 10 + 14 + 8 + 12 at most
    page.keep_last.setValue(3)
    page.keep_daily.setValue(7)
    page.keep_weekly.setValue(0)
    page.keep_monthly.setValue(24)
    page.on_close.setValue(0)
    assert "34" in page.rotation_summary.text()
    assert page.keep_weekly.suffix() == " weeks" and page.keep_last.suffix() == " backups"
    assert page.on_close.text() == "every time"  # 0 minutes: at every close
    assert view.save()
    assert backup.policy_for(db_path) == backup.BackupPolicy(keep_last=3, daily_days=7,
                                                             weekly_weeks=0, monthly_months=24)
    assert file_repo.get_setting("backup_on_close_minutes") == 0
    # the newest backup is always kept: «keep the last» cannot go below 1
    page.keep_last.setValue(0)
    assert page.keep_last.value() == 1


def test_backup_folder_messages_at_the_field(view: SettingsView, repo: Repository,
                                            tmp_path: Path) -> None:
    page = view.backup_page
    index = _tab(view, "Backup")
    page.folder.setText("Sicherungen")  # relative: would depend on the working directory
    assert not view.save_button.isEnabled()
    assert "complete path" in page.message_text("backup_dir")
    assert ERROR_COLOUR in page.messages["backup_dir"].styleSheet()
    assert "Backup folder:" in view.message.text()  # also below the tabs
    assert view.tabs.tabBar().tabTextColor(index) == QColor(ERROR_COLOUR)  # the tab turns red
    assert view.save() is False and repo.get_setting("backup_dir") == ""

    a_file = tmp_path / "notiz.txt"
    a_file.write_text("x")
    page.set_folder(str(a_file))
    assert page.message_text("backup_dir") == "This is a file, not a folder."
    assert not view.save_button.isEnabled()

    unplugged = tmp_path / "E" / "Sicherungen"  # a USB drive not plugged in: allowed
    page.set_folder(str(unplugged))
    assert view.save_button.isEnabled()
    assert "cannot be reached" in page.message_text("backup_dir")
    assert WARNING_COLOUR in page.messages["backup_dir"].styleSheet()
    assert view.tabs.tabBar().tabTextColor(index) != QColor(ERROR_COLOUR)
    assert view.save()
    assert repo.get_setting("backup_dir") == str(unplugged)

    page.set_folder("")
    assert page.message_text("backup_dir") == ""
    assert view.message.text() == ""


def test_nothing_saved_half(view: SettingsView, repo: Repository) -> None:
    """A valid change on one tab is not saved while another tab has an error."""
    view.backup_page.keep_daily.setValue(3)
    view.outreach_page.intervals["star"].setValue(7)
    view.backup_page.folder.setText("relativ")
    assert view.save() is False
    assert repo.get_setting("backup_keep_daily_days") == 14
    assert repo.get_setting("contact_interval_days")["star"] == 30


def test_reset_also_resets_the_new_tabs(view: SettingsView, repo: Repository, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    repo.set_settings({"backup_dir": str(tmp_path), "backup_keep_last": 3,
                       "contact_interval_days": {"star": 7, "ertrag": 60, "fragezeichen": 45,
                                                 "mitnahme": 180},
                       "company_logo_path": str(_png(tmp_path / "logo.png"))})
    view.load()
    assert view.backup_page.folder.text() == str(tmp_path)
    monkeypatch.setattr(settings_view.QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    view.reset_button.click()
    assert repo.get_setting("backup_dir") == ""
    assert repo.get_setting("backup_keep_last") == 10
    assert repo.get_setting("contact_interval_days")["star"] == 30
    assert repo.get_setting("company_logo_path") == ""
    assert view.backup_page.folder.text() == "" and view.outreach_page.intervals["star"].value() == 30


# ---- Berichte: company name and logo ------------------------------------------------------


def test_logo_browse_preview_save_and_remove(view: SettingsView, repo: Repository, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    page = view.reports_page
    assert view.company_name is page.company_name  # the company name lives on «Berichte»
    logo = _png(tmp_path / "Logo Müller.png")
    monkeypatch.setattr(settings_reports.QFileDialog, "getOpenFileName",
                        lambda *_a: (str(logo), ""))
    assert not page.clear_button.isEnabled()
    page.browse_button.click()
    assert page.logo_path.text() == str(logo)
    assert not page.preview.pixmap().isNull()
    assert page.preview.pixmap().width() == settings_reports.PREVIEW_WIDTH  # 3:1, like the header
    assert page.clear_button.isEnabled()
    page.company_name.setText("Bäckerei Müller AG")
    assert view.save()
    assert repo.get_setting("company_logo_path") == str(logo)
    assert repo.get_setting("company_name") == "Bäckerei Müller AG"
    page.clear_button.click()
    assert page.logo_path.text() == "" and page.preview.pixmap().isNull()
    assert view.save()
    assert repo.get_setting("company_logo_path") == ""


def test_a_file_that_is_no_image_cannot_be_chosen(view: SettingsView, repo: Repository,
                                                  tmp_path: Path) -> None:
    page = view.reports_page
    fake = tmp_path / "logo.png"
    fake.write_text("kein Bild")
    page.set_logo(str(fake))
    assert not view.save_button.isEnabled()
    assert "cannot be read as an image" in page.message_text("company_logo_path")
    assert view.save() is False and repo.get_setting("company_logo_path") == ""


def test_a_stored_logo_that_disappeared_is_pointed_out_but_does_not_block(
        qtbot, repo: Repository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    logo = _png(tmp_path / "logo.png")
    repo.set_settings({"company_logo_path": str(logo)})
    logo.unlink()
    view = _view(qtbot, repo)
    page = view.reports_page
    assert view.save_button.isEnabled()
    assert "cannot be found" in page.message_text("company_logo_path")
    assert WARNING_COLOUR in page.messages["company_logo_path"].styleSheet()
    page.company_name.setText("Garage Huber GmbH")
    assert view.save()
    assert repo.get_setting("company_name") == "Garage Huber GmbH"


# ---- Kundenansprache and Prognose ---------------------------------------------------------


def test_contact_interval_per_group(view: SettingsView, repo: Repository) -> None:
    page = view.outreach_page
    assert {g: s.value() for g, s in page.intervals.items()} == \
        declared.CONTACT_INTERVAL_DAYS.default
    assert "Starkunden" in page.group_names["star"].text()
    view.group_labels["star"].setText("Top-Kunden")  # renamed on «Gruppen»: shown here too
    assert "Top-Kunden" in page.group_names["star"].text()
    page.intervals["star"].setValue(14)
    page.intervals["mitnahme"].setValue(365)
    page.intervals["ertrag"].setValue(1)
    assert page.intervals["ertrag"].suffix() == " day"
    page.top_ranks.setValue(25)
    page.evaluation_days.setValue(60)
    assert view.save()
    assert repo.get_setting("contact_interval_days") == \
        {"star": 14, "ertrag": 1, "fragezeichen": 45, "mitnahme": 365}
    assert repo.get_setting("suggestion_top_ranks") == 25
    assert repo.get_setting("campaign_evaluation_days") == 60


def test_forecast_rules(view: SettingsView, repo: Repository) -> None:
    page = view.forecast_page
    assert page.risk_falling.value() == 20.0  # stored as −20 % per year
    page.risk_falling.setValue(30.0)
    page.risk_multiple.setValue(3.0)
    page.large_order.setValue(5.0)
    assert view.save()
    assert repo.get_setting("forecast_risk_trend_percent") == -30.0
    assert repo.get_setting("forecast_risk_interval_multiple") == 3.0
    assert repo.get_setting("forecast_large_order_factor") == 5.0
    page.risk_falling.setValue(0.0)
    assert view.save()
    assert str(repo.get_setting("forecast_risk_trend_percent")) == "0.0"  # not −0.0


# ---- German ------------------------------------------------------------------------------


def test_new_tabs_speak_german(german, qtbot, repo: Repository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, repo)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles == ["Allgemein", "Berichte", "Kundenwert", "Portfolio", "Gruppen",
                      "Kundenansprache", "Prognose", "Datensicherung"]
    page = view.backup_page
    assert page.choose_button.text() == "Ordner wählen…"
    assert page.keep_daily.suffix() == " Tage" and page.keep_last.suffix() == " Sicherungen"
    assert page.on_close.text() == "höchstens alle 60 Minuten"
    page.folder.setText("Sicherungen")
    assert page.message_text("backup_dir").startswith("Bitte den vollständigen Pfad")
    assert "Sicherungsordner: Bitte" in view.message.text()
    page.folder.setText("")
    assert view.reports_page.browse_button.text() == "Durchsuchen…"
    assert view.outreach_page.intervals["star"].suffix() == " Tage"
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        path = tmp_path / f"einstellungen_{index}.png"
        assert view.grab().save(str(path))
        assert path.stat().st_size > 5_000
