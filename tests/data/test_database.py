"""Opening files: pragmas, migrations, and refusal of files that are not ours (issue 2 §2)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.data import migrations
from kundenportfolio.data.database import APPLICATION_ID, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_file_gets_schema_and_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "neu.sqlite3")
    pragma = lambda name: db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("application_id") == APPLICATION_ID
    assert pragma("user_version") == migrations.schema_version()
    for table in ("customers", "staff", "contacts", "orders", "costs", "campaigns",
                  "campaign_participants", "instruments", "settings", "group_history"):
        assert db[table].exists(), table
    db.close()


def test_reopening_runs_no_migration_again(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path).close()
    calls: list[Path] = []
    db = open_database(path, before_migrate=calls.append)
    assert calls == []
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
        migrations.MIGRATION_NAMES)
    db.close()


def test_not_sqlite_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(b"PK\x03\x04 this is a word document" * 50)
    before, files = _digest(path), _siblings(path)
    with pytest.raises(DatabaseRefusedError, match="keine SQLite-Datei"):
        open_database(path)
    assert _digest(path) == before
    assert _siblings(path) == files


def test_foreign_sqlite_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "fremd.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE rezepte (name TEXT)")
    conn.execute("INSERT INTO rezepte VALUES ('Zopf')")
    conn.commit()
    conn.close()
    before, files = _digest(path), _siblings(path)
    with pytest.raises(DatabaseRefusedError, match="anderen Programms"):
        open_database(path)
    assert _digest(path) == before
    assert _siblings(path) == files


def test_newer_version_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "neuer.sqlite3"
    db = open_database(path)
    db.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError, match="neueren Version"):
        open_database(path)
    assert _digest(path) == before


def test_empty_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "leer.sqlite3"
    path.touch()
    db = open_database(path)
    assert db["customers"].exists()
    db.close()
