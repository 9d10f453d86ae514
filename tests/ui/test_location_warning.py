"""The location warning appears once per file and only for risky locations."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kundenportfolio.data.location import LocationRisk
from kundenportfolio.ui.dialogs import location_warning
from kundenportfolio.ui.dialogs.location_warning import LocationAnswer, warn_if_risky


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_warned_once_per_file(tmp_path: Path, qtbot: object, settings: QSettings,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[Path, LocationRisk]] = []

    def fake_show(parent: object, path: Path, risk: LocationRisk) -> LocationAnswer:
        shown.append((path, risk))
        return LocationAnswer.UNDERSTOOD

    monkeypatch.setattr(location_warning, "show_warning", fake_show)
    risky = lambda p: LocationRisk.DROPBOX  # noqa: E731
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert warn_if_risky(first, settings=settings, classify=risky) is LocationAnswer.UNDERSTOOD
    assert warn_if_risky(first, settings=settings, classify=risky) \
        is LocationAnswer.ALREADY_WARNED
    assert warn_if_risky(second, settings=settings, classify=risky) is LocationAnswer.UNDERSTOOD
    assert [s[0].name for s in shown] == ["a.sqlite3", "b.sqlite3"]


def test_local_file_shows_nothing(tmp_path: Path, qtbot: object, settings: QSettings) -> None:
    assert warn_if_risky(tmp_path / "a.sqlite3", settings=settings, classify=lambda p: None) \
        is LocationAnswer.NO_RISK


def test_message_box_move_button(tmp_path: Path, qtbot: object,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        next(b for b in box.buttons() if "Move" in b.text() or "verschieben" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    answer = location_warning.show_warning(None, tmp_path / "k.sqlite3", LocationRisk.UNC)
    assert answer is LocationAnswer.MOVE
    assert "auf einem Netzlaufwerk" in texts[0]
