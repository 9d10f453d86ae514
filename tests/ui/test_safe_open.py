"""The GUI opening sequence: lock, integrity with backup offer, read-only second instance."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.core.models import Customer
from kundenportfolio.data import backup
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository
from kundenportfolio.locking import DatabaseLock, release_for_process
from kundenportfolio.ui.dialogs import lock_dialog
from kundenportfolio.ui.dialogs.location_warning import LocationAnswer
from kundenportfolio.ui.dialogs.lock_dialog import LockChoice
from kundenportfolio.ui.dialogs.safe_open import open_interactively


def _make_db(path: Path, count: int) -> None:
    db = open_database(path)
    repo = Repository(db)
    for _ in range(count):
        repo.add_customer(Customer(number=repo.next_customer_number(), name="Kunde"))
    db.close()


def test_free_file_opens_writable_with_lock(tmp_path: Path, qtbot: object) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path, 2)
    opened = open_interactively(path)
    assert opened is not None and not opened.read_only
    assert opened.location is LocationAnswer.NO_RISK
    assert opened.repository.count_customers() == 2
    assert not DatabaseLock(path).acquire()  # we hold it
    opened.repository.db.close()
    release_for_process(path)


@pytest.mark.parametrize("answer", [LockChoice.READ_ONLY, LockChoice.QUIT])
def test_second_instance_read_only_or_quit(tmp_path: Path, qtbot: object,
                                           monkeypatch: pytest.MonkeyPatch,
                                           answer: LockChoice) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path, 1)
    other = DatabaseLock(path)
    assert other.acquire()
    monkeypatch.setattr(lock_dialog, "ask_read_only_or_quit", lambda *a: answer)
    try:
        opened = open_interactively(path)
    finally:
        other.release()
    if answer is LockChoice.QUIT:
        assert opened is None
        return
    assert opened is not None and opened.read_only
    with pytest.raises(Exception, match="readonly"):
        opened.repository.add_customer(Customer(number="99999", name="Neu"))
    opened.repository.db.close()


def test_damaged_file_restored_from_backup_then_opened(tmp_path: Path, qtbot: object,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path, 3)
    backup.create_backup(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 8: 4096 * 4] = b"\x5a" * (4096 * 2 - 8)
    path.write_bytes(bytes(data))
    asked: list[str] = []

    def yes(parent: object, title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    opened = open_interactively(path)
    assert opened is not None and opened.repository.count_customers() == 3
    assert "ist beschädigt" in asked[0]
    opened.repository.db.close()
    release_for_process(path)
