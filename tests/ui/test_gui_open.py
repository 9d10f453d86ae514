"""Opening the database for the window (issue 8): lock, read-only, damage, location warning."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kundenportfolio import app as app_module
from kundenportfolio.data.database import open_database, writes_blocked
from kundenportfolio.locking import release_for_process
from kundenportfolio.ui.dialogs import location_warning, lock_dialog
from kundenportfolio.ui.dialogs.location_warning import LocationAnswer
from kundenportfolio.ui.dialogs.lock_dialog import LockChoice, LockDecision


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "kunden.sqlite3"
    open_database(path).close()
    yield path
    release_for_process(path)


def _args(path: Path) -> argparse.Namespace:
    return argparse.Namespace(db=path, demo=False)


def test_normal_open_takes_lock_and_defers_the_check(qapp, db_file: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location_warning, "classify_location", lambda path: None)
    opened = app_module._open_for_gui(_args(db_file), db_file)
    assert opened is not None
    repository, path = opened
    assert path == db_file
    assert writes_blocked(repository.db)  # until the background integrity check has passed
    repository.db.close()


def test_second_instance_may_open_read_only(qapp, db_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_dialog, "acquire_or_ask",
                        lambda path, parent=None: LockDecision(LockChoice.READ_ONLY, None))
    opened = app_module._open_for_gui(_args(db_file), db_file)
    assert opened is not None
    repository, _ = opened
    with pytest.raises(Exception, match="readonly"):
        repository.db.execute("INSERT INTO staff (name) VALUES ('X')")
    repository.db.close()


def test_second_instance_may_quit(qapp, db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_dialog, "acquire_or_ask",
                        lambda path, parent=None: LockDecision(LockChoice.QUIT, None))
    assert app_module._open_for_gui(_args(db_file), db_file) is None


def test_damaged_file_not_written_and_backup_offered(qapp, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.data.test_integrity import _flip_table_pages

    path = tmp_path / "kaputt.sqlite3"
    db = open_database(path)
    with db.atomic():
        for i in range(500):
            db.execute("INSERT INTO customers (number, name, city) VALUES (?, ?, ?)",
                       [str(10000 + i), f"Kunde {i} mit langem Namen", "Zürich"])
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")  # not WAL: the check runs while opening
    db.close()
    _flip_table_pages(path)
    before = path.read_bytes()
    offered: list[object] = []
    from kundenportfolio.ui.dialogs import backup_dialogs
    monkeypatch.setattr(backup_dialogs, "offer_restore_for_damaged",
                        lambda damage, parent=None: offered.append(damage) or False)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    assert app_module._open_for_gui(_args(path), path) is None  # the user declined the backup
    assert len(offered) == 1
    assert path.read_bytes() == before
    release_for_process(path)


def test_location_warning_move_remembers_the_new_place(qapp, db_file: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location_warning, "warn_if_risky",
                        lambda path, parent=None, **kw: LocationAnswer.MOVE)
    target = tmp_path / "lokal" / "kunden.sqlite3"
    target.parent.mkdir()
    from kundenportfolio.ui.dialogs import backup_dialogs
    original = backup_dialogs.move_database_gui
    monkeypatch.setattr(backup_dialogs, "move_database_gui",
                        lambda path, close, reopen_at, parent=None: original(
                            path, close, reopen_at, parent, target=target))
    opened = app_module._open_for_gui(_args(db_file), db_file)
    assert opened is not None
    repository, path = opened
    assert path == target and target.exists() and not db_file.exists()
    args = argparse.Namespace(db=None, demo=False)
    assert app_module.gui_database_path(args) == target
    repository.db.close()
    release_for_process(target)
