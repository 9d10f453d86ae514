"""Integrity on opening: damaged files are refused and kept, the newest good backup is named."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.core.models import Customer
from kundenportfolio.data import backup, migrations
from kundenportfolio.data.database import open_database
from kundenportfolio.data.integrity import DatabaseDamagedError, check_database
from kundenportfolio.data.repository import Repository


def _make_db(path: Path, count: int = 200) -> None:
    db = open_database(path)
    repo = Repository(db)
    for i in range(count):
        repo.add_customer(Customer(number=str(10001 + i), name=f"Kunde Nummer {i} " * 4))
    db.close()


def _flip_table_pages(path: Path, table: str = "customers") -> None:
    """XOR every byte (after the page header) of the table's root and a later page."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in (root, root + 3):
        start, end = (page - 1) * size + 8, page * size
        data[start:end] = bytes(b ^ 0x5A for b in data[start:end])
    path.write_bytes(bytes(data))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_healthy_file_has_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "gut.sqlite3"
    _make_db(path, 5)
    assert check_database(path) == []
    assert check_database(path, full=True) == []


def test_corrupt_file_refused_kept_and_newest_good_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path)
    good = backup.create_backup(path)
    _flip_table_pages(path)
    before = _digest(path)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(path)
    assert _digest(path) == before  # never written to
    err = caught.value
    assert isinstance(err, DatabaseRefusedError)
    assert err.backup == good
    assert "ist beschädigt" in str(err) and "nicht verändert" in str(err)
    assert good.name in str(err)


def test_corrupt_file_without_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path)
    _flip_table_pages(path)
    with pytest.raises(DatabaseDamagedError, match="keine intakte Sicherung") as caught:
        open_database(path)
    assert caught.value.backup is None


def test_damaged_backups_are_skipped_when_offering_one(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path)
    import datetime as dt

    older = backup.create_backup(path, now=dt.datetime(2026, 1, 1))
    newer = backup.create_backup(path, now=dt.datetime(2026, 2, 1))
    _flip_table_pages(newer)
    _flip_table_pages(path)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(path)
    assert caught.value.backup == older


def test_foreign_key_violation_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path, 1)
    conn = sqlite3.connect(path)  # foreign_keys off: what another tool could do
    conn.execute("INSERT INTO orders (customer_id, order_date, amount_cents) "
                 "VALUES (999, '2026-01-01', 100)")
    conn.commit()
    conn.close()
    problems = check_database(path)
    assert problems == ["Tabelle orders, Zeile 1: Verweis auf einen fehlenden Eintrag in customers"]
    with pytest.raises(DatabaseDamagedError):
        open_database(path)


def test_read_only_open_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite3"
    _make_db(path, 3)
    before = _digest(path)
    db = open_database(path, read_only=True)
    assert Repository(db).count_customers() == 3
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        Repository(db).add_customer(Customer(number="20000", name="Neu"))
    db.close()
    assert _digest(path) == before


def test_read_only_open_refuses_missing_and_newer_files(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError, match="gibt es nicht"):
        open_database(tmp_path / "fehlt.sqlite3", read_only=True)
    path = tmp_path / "neu.sqlite3"
    _make_db(path, 1)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
    conn.close()
    with pytest.raises(DatabaseRefusedError, match="neueren Version"):
        open_database(path, read_only=True)


def test_big_files_skip_the_foreign_key_check_on_open(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kundenportfolio.data import integrity

    path = tmp_path / "gross.sqlite3"
    _make_db(path, 1)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO orders (customer_id, order_date, amount_cents) "
                 "VALUES (999, '2026-01-01', 100)")
    conn.commit()
    conn.close()
    monkeypatch.setattr(integrity, "FK_CHECK_MAX_BYTES", 1024)  # "big" = more than 1 KB
    open_database(path).close()  # opens: only quick_check ran
    assert check_database(path) != []  # the explicit check still finds it


def test_read_only_uri_handles_special_characters_and_unc() -> None:
    from pathlib import PureWindowsPath

    from kundenportfolio.data.database import read_only_uri

    assert read_only_uri(PureWindowsPath(r"\\server\daten\k.sqlite3")) \
        == "file:////server/daten/k.sqlite3?mode=ro"  # empty authority, UNC path kept
    assert read_only_uri(PureWindowsPath(r"C:\Users\Jürg\k.sqlite3")) \
        == "file:///C:/Users/J%C3%BCrg/k.sqlite3?mode=ro"


def test_file_names_with_uri_characters_open_and_check(tmp_path: Path) -> None:
    path = tmp_path / "Jürg & Co #1 ?.sqlite3"
    _make_db(path, 2)
    assert check_database(path) == []
    db = open_database(path, read_only=True)
    assert Repository(db).count_customers() == 2
    db.close()
    assert backup.count_customers(backup.create_backup(path)) == 2


def test_integrity_message_for_the_command_line_names_the_restore_command(
        tmp_path: Path) -> None:
    import shlex

    from kundenportfolio.cli import main
    from kundenportfolio.data.integrity import ensure_intact
    from kundenportfolio.locking import release_for_process

    path = tmp_path / "Max Muster" / "firma.sqlite3"  # a Windows user name with a space
    path.parent.mkdir()
    _make_db(path)
    good = backup.create_backup(path)
    _flip_table_pages(path)
    with pytest.raises(DatabaseDamagedError) as caught:
        ensure_intact(path, audience="cli")
    cli_text = str(caught.value)
    assert "Wiederherstellen…" not in cli_text
    good_arg = f'"{good}"' if " " in str(good) else str(good)
    assert cli_text.endswith(f'Zurückholen mit: kundenportfolio restore --db "{path}" {good_arg}')
    assert caught.value.message_for("cli") == cli_text
    # the window keeps its own way out
    gui_text = caught.value.message_for("gui")
    assert "«Wiederherstellen…» zurückgeholt werden" in gui_text
    assert "kundenportfolio restore" not in gui_text
    # the command as printed works
    command = shlex.split(cli_text.split("Zurückholen mit: ")[1])
    assert command[0] == "kundenportfolio"
    try:
        assert main(command[1:]) == 0
    finally:
        release_for_process(path)
    assert check_database(path) == []


def test_integrity_message_for_the_command_line_without_backup(tmp_path: Path) -> None:
    from kundenportfolio.data.integrity import damaged_message

    path = tmp_path / "firma.sqlite3"
    text = damaged_message(path, ["SQLite meldet «x»"], None, audience="cli")
    assert text.endswith("Es wurde keine intakte Sicherung gefunden. Eine Sicherung von "
                         f"anderswo zurückholen mit: kundenportfolio restore --db {path} "
                         "SICHERUNG")
    assert damaged_message(path, ["SQLite meldet «x»"], None).endswith(
        "Es wurde keine intakte Sicherung gefunden.")
