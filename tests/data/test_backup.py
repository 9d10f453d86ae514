"""Backups: consistent copies during writes, rotation, listing, restore with a stale -wal."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from kundenportfolio import paths
from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data import backup
from kundenportfolio.data.backup import BackupPolicy, select_backups_to_keep
from kundenportfolio.data.database import open_database
from kundenportfolio.data.repository import Repository

T = dt.datetime


def _make_db(path: Path, names: list[str]) -> None:
    db = open_database(path)
    repo = Repository(db)
    for i, name in enumerate(names):
        repo.add_customer(Customer(number=str(10001 + i), name=name))
    db.close()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM customers ORDER BY number")]
    finally:
        conn.close()


# ---- rotation ----------------------------------------------------------------------------


def test_rotation_keeps_exactly_the_configured_set() -> None:
    now = T(2026, 11, 27, 12, 0)  # a Friday; its ISO week starts Monday 23 Nov
    a, b, c = T(2026, 11, 27, 11), T(2026, 11, 27, 9), T(2026, 11, 27, 8)
    d, e = T(2026, 11, 26, 18), T(2026, 11, 26, 10)
    f, g = T(2026, 11, 25, 10), T(2026, 11, 24, 10)
    h, i = T(2026, 11, 20, 10), T(2026, 11, 18, 10)  # previous week (Mon 16 Nov)
    j = T(2026, 11, 10, 10)  # two weeks back: outside 2 weeks, November already has a
    k, m = T(2026, 10, 31, 10), T(2026, 10, 2, 10)  # October: k is its newest
    n = T(2026, 9, 30, 10)  # September: 2 months ago, outside 2 months
    policy = BackupPolicy(keep_last=2, daily_days=3, weekly_weeks=2, monthly_months=2)
    kept = select_backups_to_keep([a, b, c, d, e, f, g, h, i, j, k, m, n], now, policy)
    # last 2: a, b; days 27/26/25: a, d, f; weeks 23 Nov/16 Nov: a, h; months Nov/Oct: a, k
    assert kept == {a, b, d, f, h, k}


def test_rotation_default_policy_over_two_years_of_hourly_backups() -> None:
    now = T(2026, 11, 27, 12, 0)
    stamps = [now - dt.timedelta(hours=h) for h in range(0, 2 * 365 * 24, 6)]
    kept = select_backups_to_keep(stamps, now, BackupPolicy())
    # 10 newest (27 Nov 12/6/0 h, 26 Nov x4, 25 Nov 18/12/6 h) + one per day back to 14 Nov
    # (14 days, 3 already counted: +11) + one per ISO week back to Mon 5 Oct (8 weeks; the
    # weeks of 23, 16 and 9 Nov are covered by daily ones: +5) + one per month back to
    # Dec 2025 (12 months; November covered, October's newest 31 Oct is not a weekly one: +11)
    # = 10 + 11 + 5 + 11 = 37.
    assert len(kept) == 37
    assert min(kept) == T(2025, 12, 31, 18)  # newest backup of December 2025


def test_rotation_keeps_future_backups_and_nothing_else_with_zero_policy() -> None:
    now = T(2026, 1, 1)
    future = T(2026, 1, 2)
    assert select_backups_to_keep([T(2025, 12, 31), future], now, BackupPolicy(0, 0, 0, 0)) \
        == {future}


def test_rotate_backups_deletes_files_outside_the_policy(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    folder = tmp_path / "sich"
    now = T(2026, 11, 27, 12)
    made = [backup.create_backup(db_path, folder=folder, now=now - dt.timedelta(days=d),
                                 rotate=False) for d in range(5)]
    deleted = backup.rotate_backups(folder, db_path, BackupPolicy(1, 2, 0, 0), now)
    # keep the newest (today) and yesterday; the other three go
    assert sorted(deleted) == sorted(made[2:])
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made[:2])


# ---- making and listing backups ----------------------------------------------------------


def test_backup_is_a_checked_self_contained_copy(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG", "Bäckerei Müller"])
    target = backup.create_backup(db_path, now=T(2026, 3, 4, 5, 6, 7))
    assert target == paths.default_backup_dir() / "firma_2026-03-04_050607_manuell.sqlite3"
    assert _names(target) == ["Alpha AG", "Bäckerei Müller"]
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp left


def test_backup_folder_setting_and_listing(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG", "Beta GmbH", "Gamma SA"])
    usb = tmp_path / "usb"
    db = open_database(db_path)
    Repository(db).set_settings({"backup_dir": str(usb)})
    db.close()
    first = backup.create_backup(db_path, now=T(2026, 1, 1, 10))
    second = backup.backup_before_import(db_path)
    infos = backup.list_backups(usb, db_path)
    assert [i.path for i in infos] == [second, first]  # newest first
    assert infos[1].created == T(2026, 1, 1, 10)
    assert infos[0].reason == "vor-import"
    assert infos[1].customer_count == 3
    assert infos[1].size == first.stat().st_size > 0


def test_backup_on_close_at_most_once_per_hour(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    assert backup.backup_on_close(db_path, now=T(2026, 5, 1, 10, 0)) is not None
    assert backup.backup_on_close(db_path, now=T(2026, 5, 1, 10, 59)) is None
    assert backup.backup_on_close(db_path, now=T(2026, 5, 1, 11, 0)) is not None


def test_backup_before_migration_is_the_default_hook(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "alt.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    from kundenportfolio.data import migrations

    # pretend a migration is pending (an older file) without changing the schema
    monkeypatch.setattr(migrations.migrations, "pending", lambda db: ["m999_future"])
    monkeypatch.setattr(migrations, "apply_pending", lambda db: 1)
    open_database(db_path).close()
    open_database(db_path, before_migrate=None).close()  # None: no backup
    infos = backup.list_backups(paths.default_backup_dir(), db_path)
    assert [i.reason for i in infos] == ["vor-aktualisierung"]
    assert infos[0].customer_count == 1


def test_backup_during_writes_holds_no_partial_transaction(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    stop = threading.Event()

    def writer() -> None:
        db = open_database(db_path)
        repo = Repository(db)
        day = dt.date(2026, 1, 1)
        while not stop.is_set():  # each order writes an order and its contact together
            repo.record_order(Order(customer_id=1, order_date=day, amount_cents=12_345))
        db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [backup.create_backup(db_path, folder=tmp_path / "b", rotate=False)
                  for _ in range(8)]
    finally:
        stop.set()
        thread.join()
    for copy in copies:
        assert backup.integrity_problems(copy) == []
        conn = sqlite3.connect(copy)
        orders, contacts = conn.execute(
            "SELECT (SELECT count(*) FROM orders), "
            "(SELECT count(*) FROM contacts WHERE order_id IS NOT NULL)").fetchone()
        conn.close()
        assert orders == contacts


# ---- restore -----------------------------------------------------------------------------


def _crash_image(db_path: Path, image_dir: Path, extra_name: str) -> Path:
    """Copy of db_path as a killed program leaves it: a new customer only in the -wal."""
    db = open_database(db_path)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    Repository(db).add_customer(Customer(number="19999", name=extra_name))
    image_dir.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(db_path.with_name(db_path.name + suffix), image_dir / (db_path.name + suffix))
    db.close()
    return image_dir / db_path.name


def test_restore_with_stale_wal_beside_it(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG", "Beta GmbH"])
    saved = backup.create_backup(db_path, folder=tmp_path / "b", now=T(2026, 1, 1))
    live = _crash_image(db_path, tmp_path / "crash", "Nur-im-WAL AG")
    assert (live.parent / "firma.sqlite3-wal").stat().st_size > 0
    assert "Nur-im-WAL AG" in _names(live)

    result = backup.restore_backup(saved, live, folder=tmp_path / "b", now=T(2026, 2, 1))

    assert sorted(p.name for p in live.parent.iterdir()) == ["firma.sqlite3"]  # wal gone
    assert _names(live) == ["Alpha AG", "Beta GmbH"]
    assert result.customer_count == 2
    assert result.safety_copy is not None and "vor-wiederherstellung" in result.safety_copy.name
    assert "Nur-im-WAL AG" in _names(result.safety_copy)  # the wal content was saved first
    db = open_database(live)  # reopens cleanly, writable
    assert Repository(db).count_customers() == 2
    db.close()


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    bad = tmp_path / "kaputt.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = db_path.read_bytes()
    with pytest.raises(Exception, match="beschädigt"):
        backup.restore_backup(bad, db_path, folder=tmp_path / "b")
    assert db_path.read_bytes() == before


def test_unreachable_backup_folder_falls_back_for_automatic_backups(tmp_path: Path) -> None:
    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    blocker = tmp_path / "usb-stick"
    blocker.write_text("a file where the folder should be")  # mkdir fails, like a missing drive
    db = open_database(db_path)
    Repository(db).set_settings({"backup_dir": str(blocker / "Sicherungen")})
    db.close()
    made = backup.backup_before_import(db_path)
    assert made.parent == paths.default_backup_dir()
    with pytest.raises(backup.BackupError, match="fehlgeschlagen"):
        backup.create_backup(db_path)  # «Jetzt sichern» says so instead of going elsewhere
    # the stick is back: restore and the damaged-file offer see both folders
    blocker.unlink()
    on_stick = backup.create_backup(db_path, now=dt.datetime(2030, 1, 1, 12, 0))
    assert on_stick.parent == blocker / "Sicherungen"
    assert [info.path for info in backup.backups_of(db_path)] == [on_stick, made]
    from kundenportfolio.data.integrity import newest_good_backup

    assert newest_good_backup(db_path) == on_stick


def test_restore_from_a_copy_with_its_own_wal_keeps_the_wal_content(tmp_path: Path) -> None:
    """The -wal beside the *chosen file* belongs to it: its commits are part of the restore."""
    source = tmp_path / "quelle" / "firma.sqlite3"
    source.parent.mkdir()
    _make_db(source, ["Alpha AG"])
    image = _crash_image(source, tmp_path / "kopie", "Nur-im-WAL AG")  # main file + its -wal
    live = tmp_path / "live.sqlite3"
    _make_db(live, ["Zeta AG"])
    backup.restore_backup(image, live, folder=tmp_path / "b")
    assert _names(live) == ["Alpha AG", "Nur-im-WAL AG"]
    assert sorted(p.name for p in image.parent.iterdir())[0] == "firma.sqlite3"  # source kept


def test_move_database_copies_checked_then_removes_original(tmp_path: Path) -> None:
    source = tmp_path / "OneDrive" / "firma.sqlite3"
    source.parent.mkdir()
    _make_db(source, ["Alpha AG"])
    image = _crash_image(source, tmp_path / "OneDrive2", "Nur-im-WAL AG")
    target = tmp_path / "lokal" / "firma.sqlite3"
    assert backup.move_database(image, target) == target
    assert _names(target) == ["Alpha AG", "Nur-im-WAL AG"]  # wal content moved along
    assert list(image.parent.iterdir()) == []  # original, -wal and -shm gone
    with pytest.raises(backup.BackupError, match="schon eine Datei"):
        backup.move_database(source, target)


def test_rotation_removes_temp_files_of_interrupted_backups(tmp_path: Path) -> None:
    import os

    db_path = tmp_path / "firma.sqlite3"
    _make_db(db_path, ["Alpha AG"])
    folder = tmp_path / "b"
    folder.mkdir()
    old = folder / ".firma_2026-01-01_100000_beenden.sqlite3.tmp"  # a crash mid-backup
    fresh = folder / ".firma_2026-01-02_100000_beenden.sqlite3.tmp"  # perhaps being written
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    two_hours_ago = dt.datetime.now().timestamp() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert backup.rotate_backups(folder, db_path, BackupPolicy()) == [old]
    assert fresh.exists()
