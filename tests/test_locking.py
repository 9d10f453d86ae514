"""Single instance per database file: second instance detected, stale locks recovered."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kundenportfolio.locking import (
    DatabaseLock,
    DatabaseLockedError,
    LockHolder,
    database_lock,
    hold_for_process,
    lock_message,
    lock_path,
)

HOLDER = textwrap.dedent("""
    import sys, time
    from kundenportfolio.locking import DatabaseLock
    lock = DatabaseLock(sys.argv[1])
    assert lock.acquire()
    print("locked", flush=True)
    time.sleep(60)
""")


def _start_holder(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parent.parent)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_instance_is_detected_with_host_and_process(tmp_path: Path) -> None:
    db = tmp_path / "firma.sqlite3"
    proc = _start_holder(db)
    try:
        lock = DatabaseLock(db)
        assert not lock.acquire()
        holder = lock.holder()
        assert holder is not None
        assert holder.pid == proc.pid
        assert holder.hostname == socket.gethostname()
        message = lock_message(db, holder)
        assert f"Prozess {proc.pid}" in message and "«firma.sqlite3»" in message
        with pytest.raises(DatabaseLockedError, match="bereits von"), database_lock(db):
            pass
        with database_lock(db, read_only_ok=True) as held:
            assert held is None
    finally:
        proc.terminate()
        proc.wait()


def test_stale_lock_of_killed_process_is_recovered(tmp_path: Path) -> None:
    db = tmp_path / "firma.sqlite3"
    proc = _start_holder(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert lock_path(db).exists()  # left behind by the killed process
    lock = DatabaseLock(db)
    assert lock.acquire()
    assert lock.holder() == LockHolder(os.getpid(), socket.gethostname(), lock.holder().appname)
    lock.release()
    assert not lock_path(db).exists()


def test_lock_in_same_process_blocks_a_second_lock_and_is_released(tmp_path: Path) -> None:
    db = tmp_path / "firma.sqlite3"
    with database_lock(db) as held:
        assert held is not None and held.is_locked()
        assert not DatabaseLock(db).acquire()
    assert DatabaseLock(db).acquire()


def test_hold_for_process_is_reentrant(tmp_path: Path) -> None:
    db = tmp_path / "firma.sqlite3"
    first = hold_for_process(db)
    assert hold_for_process(db) is first
    first.release()


def test_message_for_other_host() -> None:
    holder = LockHolder(4711, "buero-pc-2", "kundenportfolio")
    assert lock_message(Path("k.sqlite3"), holder) == (
        "Die Datenbank «k.sqlite3» ist bereits von Kundenportfolio auf dem Computer "
        "«buero-pc-2» (Prozess 4711) geöffnet. Gleichzeitiges Schreiben könnte Daten verlieren.")


def test_release_for_process_frees_the_file(tmp_path: Path) -> None:
    from kundenportfolio.locking import release_for_process

    db = tmp_path / "firma.sqlite3"
    hold_for_process(db)
    assert not DatabaseLock(db).acquire()
    release_for_process(db)
    other = DatabaseLock(db)
    assert other.acquire()
    other.release()
    again = hold_for_process(db)  # a released lock is not handed out again
    assert again.is_locked()
    release_for_process(db)
