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


# ---- messages: who holds the lock ---------------------------------------------------------
#
# The lock file stores process id, host and program name ("Kundenportfolio.exe", "python3.11")
# — the same for the window and for a command such as an import. Whether the holder is a
# window or a command is read from its command line where the system shows it (Linux /proc);
# otherwise, and for another computer, the message names Kundenportfolio, the computer and the
# process id only, and says what to do for either.

_GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--smoke-test")
_ENTRY_NAMES = ("kundenportfolio", "kundenportfolio.exe", "kundenportfolio-script.py",
                "main.py")


def _command_line(pid: int) -> list[str] | None:
    """The arguments of process `pid` on this computer, if the system shows them."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # not Linux, process gone, no rights
        return None
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part] or None


def holder_role(args: list[str]) -> str | None:
    """What a Kundenportfolio command line runs: "" for the window, "import orders" for a
    command; None if the line is not recognisably Kundenportfolio's."""
    rest: list[str] | None = None
    for index, arg in enumerate(args):
        if arg == "-c":  # python -c CODE: someone else's program
            return None
        if arg == "-m":
            module = args[index + 1] if index + 1 < len(args) else ""
            if module not in ("kundenportfolio", "kundenportfolio.__main__"):
                return None
            rest = args[index + 2:]
            break
        if Path(arg.replace("\\", "/")).name.casefold() in _ENTRY_NAMES:
            rest = args[index + 1:]
            break
    if rest is None:
        return None
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            index += 2
        elif arg.startswith("-"):  # --demo, --db=PFAD, …
            index += 1
        else:
            words = [arg]
            if index + 1 < len(rest) and rest[index + 1].isalpha():
                words.append(rest[index + 1])  # import orders, campaign propose
            return " ".join(words)
    return ""


def _describe(holder: LockHolder | None) -> tuple[str, str]:
    """(«von …»: who holds the database, what the user can do) in German."""
    if holder is None:
        return "von einem anderen Programm", "Bitte das andere Programm zuerst schließen."
    if not holder.on_this_host:
        return (f"von Kundenportfolio auf dem Computer «{holder.hostname}» (Prozess {holder.pid})",
                "Bitte dort das Fenster schließen oder warten, bis der laufende Befehl fertig "
                "ist, und es dann noch einmal versuchen.")
    args = _command_line(holder.pid)
    role = holder_role(args) if args else None
    if role == "":
        return (f"von einem anderen Kundenportfolio-Fenster auf diesem Computer "
                f"(Prozess {holder.pid})", "Bitte das andere Fenster zuerst schließen.")
    if role:
        return (f"vom Befehl «kundenportfolio {role}» auf diesem Computer (Prozess {holder.pid})",
                "Bitte warten, bis der Befehl fertig ist, und es dann noch einmal versuchen.")
    return (f"von Kundenportfolio auf diesem Computer (Prozess {holder.pid})",
            "Bitte das andere Kundenportfolio-Fenster schließen oder warten, bis der laufende "
            "Befehl fertig ist, und es dann noch einmal versuchen.")


def lock_message(db_path: Path, holder: LockHolder | None) -> str:
    """German explanation of who holds the database: a window or a command (where this
    computer can tell), the computer and the process id."""
    who, _ = _describe(holder)
    return (f"Die Datenbank «{db_path.name}» ist bereits {who} geöffnet. "
            "Gleichzeitiges Schreiben könnte Daten verlieren.")


def refusal_message(db_path: Path, holder: LockHolder | None) -> str:
    """`lock_message` and what to do about it (a command that must write)."""
    who, advice = _describe(holder)
    return (f"Die Datenbank «{db_path.name}» ist bereits {who} geöffnet. "
            f"Gleichzeitiges Schreiben könnte Daten verlieren. {advice}")


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
        raise DatabaseLockedError(refusal_message(key, holder), holder)
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
        raise DatabaseLockedError(refusal_message(Path(db_path), holder), holder)
    try:
        yield lock
    finally:
        lock.release()
