"""One program instance per database file (QLockFile beside the database).

The lock file `<database>.lock` holds the process id, host and program name of its holder.
A lock left behind by a crashed or killed process is recognised (QLockFile checks whether the
process still runs on this host) and taken over. Age alone never makes a lock stale: the
window may stay open for days, so `setStaleLockTime(0)`.

Not in data/: QLockFile is Qt, and data/ stays Qt-free. CLI write commands use the same lock
through `database_lock()`.
"""

from __future__ import annotations

import atexit
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from kundenportfolio.core.errors import KundenportfolioError


@dataclass(frozen=True)
class LockHolder:
    pid: int
    hostname: str
    appname: str

    @property
    def on_this_host(self) -> bool:
        return self.hostname == socket.gethostname()


class DatabaseLockedError(KundenportfolioError):
    """Another running program holds the database; nothing was written."""

    def __init__(self, message: str, holder: LockHolder | None) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """The lock on one database file; `acquire()` does not wait."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone

    def acquire(self) -> bool:
        """Take the lock (removing a stale one of a dead process); False if someone holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # tryLock itself removes a lock whose process no longer runs on this host
        # (QLockFile compares host, pid and program name); removeStaleLockFile() would also
        # remove a live lock, so it is never called here.
        return bool(self._lock.tryLock(0))

    def holder(self) -> LockHolder | None:
        """Who holds the lock (None if nobody or unknown)."""
        info = QLockFile(str(self.path)).getLockInfo()
        if not info or not isinstance(info, tuple) or len(info) != 3:
            return None
        pid, host, app = info
        return LockHolder(int(pid), str(host), str(app))

    def is_locked(self) -> bool:
        return bool(self._lock.isLocked())

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def lock_message(db_path: Path, holder: LockHolder | None) -> str:
    """German explanation of who holds the database."""
    if holder is None:
        who = "einem anderen Programm"
    elif holder.on_this_host:
        who = f"einem anderen Kundenportfolio-Fenster auf diesem Computer (Prozess {holder.pid})"
    else:
        who = f"Kundenportfolio auf dem Computer «{holder.hostname}» (Prozess {holder.pid})"
    return (f"Die Datenbank «{db_path.name}» ist bereits von {who} geöffnet. "
            "Gleichzeitiges Schreiben könnte Daten verlieren.")


_HELD: dict[Path, DatabaseLock] = {}


def _release_all() -> None:
    for lock in list(_HELD.values()):
        lock.release()
    _HELD.clear()


atexit.register(_release_all)


def hold_for_process(db_path: Path | str) -> DatabaseLock:
    """Take the lock for the rest of this process (CLI commands); raises DatabaseLockedError."""
    key = Path(db_path).resolve()
    if key in _HELD and _HELD[key].is_locked():
        return _HELD[key]
    lock = DatabaseLock(key)
    if not lock.acquire():
        holder = lock.holder()
        raise DatabaseLockedError(lock_message(key, holder) + " Bitte dort zuerst schließen.",
                                  holder)
    _HELD[key] = lock
    return lock


def release_for_process(db_path: Path | str) -> None:
    """Give up the process lock (e.g. before switching to another database file)."""
    lock = _HELD.pop(Path(db_path).resolve(), None)
    if lock is not None:
        lock.release()


@contextmanager
def database_lock(db_path: Path | str, *, read_only_ok: bool = False) -> Iterator[DatabaseLock | None]:
    """Hold the database lock for a block. If another process holds it: with `read_only_ok`
    yield None (the caller reads only), else raise DatabaseLockedError."""
    lock = DatabaseLock(Path(db_path).resolve())
    if not lock.acquire():
        if read_only_ok:
            yield None
            return
        holder = lock.holder()
        raise DatabaseLockedError(lock_message(Path(db_path), holder) +
                                  " Bitte dort zuerst schließen.", holder)
    try:
        yield lock
    finally:
        lock.release()
