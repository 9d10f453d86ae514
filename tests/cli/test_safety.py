"""`kundenportfolio backup|restore|check` end to end (in-process, German output)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.models import Customer
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository
from kundenportfolio.locking import DatabaseLock


def _make_db(path: Path, names: list[str]) -> None:
    db = open_database(path)
    repo = Repository(db)
    for name in names:
        repo.add_customer(Customer(number=repo.next_customer_number(), name=name))
    db.close()


def test_backup_check_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, ["Alpha AG", "Beta GmbH"])
    copy = tmp_path / "stick" / "kopie.sqlite3"
    assert main(["--db", str(db), "backup", "--to", str(copy)]) == 0
    assert f"Sicherung erstellt: {copy} (2 Kunden" in capsys.readouterr().out

    _make_db(db, ["Gamma SA"])  # a third customer after the backup
    assert main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert "ist in Ordnung (3 Kunden)" in out

    assert main(["--db", str(db), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Wiederhergestellt" in out and "(2 Kunden)" in out
    assert "Der vorherige Stand liegt in:" in out


def test_check_reports_damage_with_exit_code_1(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, ["Alpha AG"])
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 8: 4096 * 4] = b"\x5a" * (4096 * 2 - 8)  # pages 3 and 4 overwritten
    db.write_bytes(bytes(data))
    assert main(["--db", str(db), "check"]) == 1
    assert "ist beschädigt" in capsys.readouterr().out


def test_restore_refused_while_another_program_holds_the_lock(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, ["Alpha AG"])
    copy = tmp_path / "kopie.sqlite3"
    assert main(["--db", str(db), "backup", "--to", str(copy)]) == 0
    other = DatabaseLock(tmp_path / "anders.sqlite3")
    assert other.acquire()
    other.release()
    held = DatabaseLock(db)
    assert held.acquire()
    try:
        # same process holds it through another QLockFile: the CLI must not go ahead
        assert main(["--db", str(db), "restore", str(copy)]) == 1
        assert "bereits von" in capsys.readouterr().err
    finally:
        held.release()


def test_a_damaged_file_names_the_restore_command(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "firma.sqlite3"
    _make_db(db, ["Alpha AG"])
    assert main(["--db", str(db), "backup"]) == 0
    db.write_bytes(db.read_bytes()[:4096 * 2] + b"\x5a" * 4096 * 2 + db.read_bytes()[4096 * 4:])
    capsys.readouterr()
    assert main(["--db", str(db), "ranking"]) == 1  # any command that opens the file
    err = capsys.readouterr().err
    assert "ist beschädigt" in err and "kundenportfolio restore" in err
    assert "Wiederherstellen…" not in err  # the window's menu is no help here
