"""Opening files: pragmas, migrations, and refusal of files that are not ours (issue 2 §2)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.data import migrations
from kundenportfolio.data.database import APPLICATION_ID, configure, open_database


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


def _foreign_file(path: Path, *, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE rezepte (name TEXT)")
    conn.execute("INSERT INTO rezepte VALUES ('Zopf')")
    conn.commit()
    conn.close()


def _newer_file(path: Path) -> None:
    """One of ours from a newer version, in WAL mode (as we leave them), no -wal beside it."""
    db = open_database(path)
    db.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
    db.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback", "wal"])
def test_foreign_sqlite_refused_and_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "fremd.db"
    _foreign_file(path, wal=wal)
    before, files = _digest(path), _siblings(path)
    with pytest.raises(DatabaseRefusedError, match="anderen Programms"):
        open_database(path)
    assert _digest(path) == before
    assert _siblings(path) == files  # not even -wal/-shm beside it


@pytest.mark.parametrize("check_integrity", [True, False])
def test_newer_version_refused_and_untouched(tmp_path: Path, check_integrity: bool) -> None:
    path = tmp_path / "neuer.sqlite3"
    _newer_file(path)
    before, files = _digest(path), _siblings(path)
    assert files == {"neuer.sqlite3"}
    for read_only in (False, True):
        with pytest.raises(DatabaseRefusedError, match="neueren Version"):
            open_database(path, read_only=read_only, check_integrity=check_integrity)
    assert _digest(path) == before
    assert _siblings(path) == files  # a read-only connection would have left -wal/-shm


def test_newer_version_only_in_the_wal_is_refused(tmp_path: Path) -> None:
    # The newer program still has the file open: its user_version is in the -wal, not yet in
    # the file. Reading only the file (immutable=1) would miss it.
    path = tmp_path / "neuer.sqlite3"
    open_database(path).close()
    newer = sqlite3.connect(path)
    try:
        newer.execute("PRAGMA wal_autocheckpoint = 0")
        newer.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
        assert (tmp_path / "neuer.sqlite3-wal").stat().st_size > 0
        before, files = _digest(path), _siblings(path)
        with pytest.raises(DatabaseRefusedError, match="neueren Version"):
            open_database(path)
        assert _digest(path) == before
        assert _siblings(path) == files
    finally:
        newer.close()


def _failing(db: Database) -> None:
    raise sqlite3.OperationalError("Abbruch mitten in der Migration")


@pytest.mark.parametrize("failing", range(len(migrations.MIGRATION_NAMES)))
def test_interrupted_first_start_is_completed(tmp_path: Path, failing: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "k.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(migrations.migrations._migrations[failing], "fn", _failing)
        with pytest.raises(sqlite3.OperationalError, match="Abbruch"):
            open_database(path, before_migrate=None)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()

    db = open_database(path, before_migrate=None)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.schema_version()
    assert not migrations.migrations.pending(db)
    assert db["customer_totals"].exists()
    db.close()


@pytest.mark.parametrize("applied", range(len(migrations.MIGRATION_NAMES) + 1))
def test_unmarked_first_start_of_older_version_is_completed(tmp_path: Path,
                                                            applied: int) -> None:
    # Older versions set application_id only at the very end; an interrupted first start left
    # `applied` migrations and no mark. Such a file is ours: completed (after a backup), marked.
    path = tmp_path / "k.sqlite3"
    db = Database(path)
    configure(db)
    if applied < len(migrations.MIGRATION_NAMES):
        migrations.migrations.apply(db, stop_before=migrations.MIGRATION_NAMES[applied])
    else:
        migrations.migrations.apply(db)
    db.close()
    backups: list[Path] = []

    db = open_database(path, before_migrate=backups.append)
    assert backups == [path]
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.schema_version()
    assert not migrations.migrations.pending(db)
    db.close()


def test_foreign_sqlite_utils_migrations_refused(tmp_path: Path) -> None:
    # Another program's sqlite-utils migrations look like ours, but not their set or names.
    path = tmp_path / "fremd.db"
    _foreign_file(path)
    other = Migrations("rezeptbuch")
    other(name="m001_initial_schema")(lambda db: None)
    db = Database(path)
    other.apply(db)
    db.close()
    empty = tmp_path / "fremd_leer.db"  # migrations table still empty, but other tables
    _foreign_file(empty)
    db = Database(empty)
    migrations.migrations.ensure_migrations_table(db)
    db.close()
    for file in (path, empty):
        before = _digest(file)
        with pytest.raises(DatabaseRefusedError, match="anderen Programms"):
            open_database(file)
        assert _digest(file) == before


def test_empty_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "leer.sqlite3"
    path.touch()
    db = open_database(path)
    assert db["customers"].exists()
    db.close()
