"""Backup GUI: Jetzt sichern, the restore list, restore with reopen, the damaged-file offer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.core.models import Customer
from kundenportfolio.data import backup
from kundenportfolio.data.database import open_database
from kundenportfolio.data.integrity import DatabaseDamagedError
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs import backup_dialogs
from kundenportfolio.ui.dialogs.backup_dialogs import RestoreDialog


def _make_db(path: Path, count: int) -> None:
    db = open_database(path)
    repo = Repository(db)
    for _ in range(count):
        repo.add_customer(Customer(number=repo.next_customer_number(), name="Kunde"))
    db.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *a, _n=name: shown.append(f"{_n}: {text}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def test_backup_now_reports_the_file(tmp_path: Path, qtbot: object, boxes: list[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, 2)
    target = backup_dialogs.backup_now(db)
    assert target is not None and target.exists()
    assert boxes == [f"information: Backup saved:\n{target}"]  # no .qm loaded in tests


def test_restore_dialog_lists_date_reason_customers_size(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "firma.sqlite3"
    _make_db(db, 3)
    backup.create_backup(db, now=dt.datetime(2026, 1, 5, 14, 30))
    backup.create_backup(db, reason=backup.BEFORE_IMPORT, now=dt.datetime(2026, 2, 1, 9, 0))
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert [r[:3] for r in rows] == [["01.02.2026 09:00", "Before import", "3"],
                                     ["05.01.2026 14:30", "Manual", "3"]]
    assert rows[0][3].endswith("KB")
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    dialog.accept_selected()  # newest preselected
    assert dialog.chosen is not None and "vor-import" in dialog.chosen.name


def test_restore_with_reopen_closes_restores_and_reopens(tmp_path: Path, qtbot: object,
                                                         boxes: list[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, 1)
    saved = backup.create_backup(db)
    _make_db(db, 2)  # now 3 customers
    events: list[str] = []
    assert backup_dialogs.restore_with_reopen(db, saved, lambda: events.append("close"),
                                              lambda: events.append("reopen"))
    assert events == ["close", "reopen"]
    assert backup.count_customers(db) == 1
    assert boxes[0].startswith("information: The backup was restored.")


def test_damaged_file_offer_restores_newest_good_backup(tmp_path: Path, qtbot: object,
                                                        boxes: list[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, 4)
    saved = backup.create_backup(db)
    error = DatabaseDamagedError("kaputt", db, ["x"], saved)
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # destroyed
    assert backup_dialogs.offer_restore_for_damaged(error)
    assert backup.count_customers(db) == 4
    no_backup = DatabaseDamagedError("kaputt, keine Sicherung", db, ["x"], None)
    assert not backup_dialogs.offer_restore_for_damaged(no_backup)
    assert boxes[-1] == "critical: kaputt, keine Sicherung"


def test_backup_on_close_once_per_hour(tmp_path: Path, qtbot: object, boxes: list[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, 1)
    assert backup_dialogs.backup_on_close_gui(db) is not None
    assert backup_dialogs.backup_on_close_gui(db) is None
    assert boxes == []


def test_move_database_gui_reopens_at_the_new_place(tmp_path: Path, qtbot: object,
                                                    boxes: list[str]) -> None:
    db = tmp_path / "Dropbox" / "firma.sqlite3"
    db.parent.mkdir()
    _make_db(db, 2)
    events: list[object] = []
    target = tmp_path / "lokal" / "firma.sqlite3"
    moved = backup_dialogs.move_database_gui(db, lambda: events.append("close"),
                                             events.append, target=target)
    assert moved == target and events == ["close", target]
    assert not db.exists() and backup.count_customers(target) == 2
    # a failing move reopens the old file and says why
    _make_db(db, 1)
    events.clear()
    assert backup_dialogs.move_database_gui(db, lambda: None, events.append, target=target) is None
    assert events == [db] and "schon eine Datei" in boxes[-1]
