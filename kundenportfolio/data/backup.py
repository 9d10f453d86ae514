"""Backups: consistent copies, rotation, listing and restore (after Anki's collection backups).

A backup is made with SQLite's online backup API from a separate read-only connection, so it
holds exactly the committed state (no half transaction) even while the program writes. The copy
is written under a temporary name, switched to a self-contained rollback journal (no -wal),
checked with `PRAGMA integrity_check` and only then renamed into place.

File names: `<db stem>_<YYYY-MM-DD_HHMMSS>_<reason>.sqlite3`, so the folder sorts by time and
several databases can share one backup folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kundenportfolio import paths
from kundenportfolio import settings as declared
from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.data.database import read_only_uri

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)_(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})_(?P<reason>[a-z-]+)"
                   r"(?:-(?P<n>\d+))?\.sqlite3$")

# Reasons, part of the file name (German, the user sees them in the backup folder).
MANUAL = "manuell"
ON_CLOSE = "beenden"
BEFORE_MIGRATION = "vor-aktualisierung"
BEFORE_IMPORT = "vor-import"
BEFORE_RESTORE = "vor-wiederherstellung"
BEFORE_ERASE = "vor-loeschung"


class BackupError(KundenportfolioError):
    """A backup or restore failed; the message says what, in German. Nothing was replaced."""


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups rotation keeps (all configurable in the settings)."""

    keep_last: int = 10
    daily_days: int = 14
    weekly_weeks: int = 8
    monthly_months: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    customer_count: int | None  # None: the file cannot be read


# ---- rotation (pure) ---------------------------------------------------------------------


def select_backups_to_keep(timestamps: Iterable[dt.datetime], now: dt.datetime,
                           policy: BackupPolicy) -> set[dt.datetime]:
    """The backups rotation keeps: the newest `keep_last`, plus the newest backup of each of
    the last `daily_days` calendar days, of each of the last `weekly_weeks` ISO weeks and of each
    of the last `monthly_months` calendar months (today, this week, this month counting as the
    first). Backups dated after `now` (clock changes) are always kept.
    """
    stamps = sorted(set(timestamps), reverse=True)
    keep = set(stamps[: policy.keep_last])
    keep.update(t for t in stamps if t > now)
    today = now.date()
    this_monday = today - dt.timedelta(days=today.weekday())
    seen: set[tuple[str, object]] = set()
    for t in stamps:  # newest first: the first hit of a bucket is its newest backup
        day = t.date()
        buckets: list[tuple[str, object]] = []
        if 0 <= (today - day).days < policy.daily_days:
            buckets.append(("day", day))
        monday = day - dt.timedelta(days=day.weekday())
        if 0 <= (this_monday - monday).days // 7 < policy.weekly_weeks:
            buckets.append(("week", monday))
        months_ago = (today.year - day.year) * 12 + today.month - day.month
        if 0 <= months_ago < policy.monthly_months:
            buckets.append(("month", (day.year, day.month)))
        for bucket in buckets:
            if bucket not in seen:
                seen.add(bucket)
                keep.add(t)
    return keep


# ---- settings read straight from a file (works before/without a Repository) ------------


def _read_setting(conn: sqlite3.Connection, setting: declared.Setting) -> object:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [setting.key]).fetchone()
    except sqlite3.DatabaseError:
        return setting.default
    return setting.default if row is None else json.loads(row[0])


def _int_setting(conn: sqlite3.Connection, setting: declared.Setting) -> int:
    value = _read_setting(conn, setting)
    return int(value) if isinstance(value, int | float | str) else int(setting.default)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True)


def backup_dir_for(db_path: Path) -> Path:
    """The configured backup folder of a database (setting `backup_dir`, else the default)."""
    try:
        conn = _read_only(db_path)
        try:
            value = _read_setting(conn, declared.BACKUP_DIR)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        value = ""
    return Path(str(value)) if value else paths.default_backup_dir()


def policy_for(db_path: Path) -> BackupPolicy:
    conn = _read_only(db_path)
    try:
        return BackupPolicy(
            keep_last=_int_setting(conn, declared.BACKUP_KEEP_LAST),
            daily_days=_int_setting(conn, declared.BACKUP_KEEP_DAILY_DAYS),
            weekly_weeks=_int_setting(conn, declared.BACKUP_KEEP_WEEKLY_WEEKS),
            monthly_months=_int_setting(conn, declared.BACKUP_KEEP_MONTHLY_MONTHS),
        )
    finally:
        conn.close()


# ---- making a backup ---------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problems(path: Path, *, full: bool = True) -> list[str]:
    """Problems `PRAGMA integrity_check` (or quick_check) reports for a file; [] if healthy."""
    try:
        conn = _read_only(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def copy_database(source: Path, target: Path) -> None:
    """A consistent, checked copy of `source` (with its -wal content) at `target`.

    Written to a temporary name beside `target`, checked, then renamed: `target` is either the
    old file or the complete new copy, never half of one.
    """
    temp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.unlink(missing_ok=True)
        src = _read_only(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)  # one step: a single read transaction, a consistent snapshot
                dst.execute("PRAGMA journal_mode = DELETE")  # self-contained file, no -wal
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        problems = integrity_problems(temp)
        if problems:
            raise BackupError(f"Die Sicherung von «{source.name}» ist fehlerhaft "
                              f"({problems[0]}); sie wurde verworfen.")
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Die Datenbank «{source.name}» konnte nicht gesichert werden: {exc}."
                          ) from exc
    except OSError as exc:
        raise BackupError(f"Die Sicherung nach «{target.parent}» ist fehlgeschlagen: "
                          f"{exc.strerror or exc}. Ist der Ordner beschreibbar und genug Platz "
                          "frei?") from exc
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def backup_name(db_path: Path, when: dt.datetime, reason: str) -> str:
    return f"{db_path.stem}_{when.strftime(STAMP_FORMAT)}_{reason}{SUFFIX}"


def create_backup(db_path: Path | str, *, reason: str = MANUAL, folder: Path | None = None,
                  now: dt.datetime | None = None, rotate: bool = True) -> Path:
    """Back up `db_path` into `folder` (default: its configured backup folder), then rotate.

    If the configured folder fails (USB drive not plugged in, network share gone), an
    automatic backup goes to the default folder instead of not being made at all.
    """
    db_path = Path(db_path)
    now = now or dt.datetime.now()
    if folder is not None:
        return _backup_into(db_path, folder, reason, now, rotate)
    configured = backup_dir_for(db_path)
    try:
        return _backup_into(db_path, configured, reason, now, rotate)
    except BackupError:
        fallback = paths.default_backup_dir()
        if reason == MANUAL or configured == fallback or not _readable(db_path):
            raise
        return _backup_into(db_path, fallback, reason, now, rotate)


def _readable(db_path: Path) -> bool:
    return not integrity_problems(db_path, full=False)


def _backup_into(db_path: Path, folder: Path, reason: str, now: dt.datetime,
                 rotate: bool) -> Path:
    target = folder / backup_name(db_path, now, reason)
    n = 1
    while target.exists():  # two backups in the same second
        n += 1
        target = folder / f"{db_path.stem}_{now.strftime(STAMP_FORMAT)}_{reason}-{n}{SUFFIX}"
    copy_database(db_path, target)
    if rotate:
        rotate_backups(folder, db_path, policy_for(db_path), now)
    return target


def backup_before_import(db_path: Path | str) -> Path:
    """The automatic backup the import takes before it writes anything."""
    return create_backup(db_path, reason=BEFORE_IMPORT)


def backup_before_migration(db_path: Path) -> None:
    """`open_database`'s default `before_migrate` hook."""
    create_backup(db_path, reason=BEFORE_MIGRATION)


def backup_on_close(db_path: Path | str, *, now: dt.datetime | None = None) -> Path | None:
    """Backup when the program closes, at most once per `backup_on_close_minutes`.

    Returns the new backup, or None when the last close backup is recent enough.
    """
    db_path = Path(db_path)
    now = now or dt.datetime.now()
    conn = _read_only(db_path)
    try:
        minutes = _int_setting(conn, declared.BACKUP_ON_CLOSE_MINUTES)
    finally:
        conn.close()
    folder = backup_dir_for(db_path)
    recent = [b for b in _parsed(folder, db_path) if b[2] == ON_CLOSE]
    if recent and now - max(b[1] for b in recent) < dt.timedelta(minutes=minutes):
        return None
    return create_backup(db_path, reason=ON_CLOSE, folder=folder, now=now)


# ---- listing and rotation ----------------------------------------------------------------


def _parsed(folder: Path, db_path: Path | None) -> list[tuple[Path, dt.datetime, str]]:
    found: list[tuple[Path, dt.datetime, str]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or (db_path is not None and match["stem"] != db_path.stem):
            continue
        found.append((path, dt.datetime.strptime(match["stamp"], STAMP_FORMAT), match["reason"]))
    return sorted(found, key=lambda b: (b[1], b[0].name), reverse=True)


def rotate_backups(folder: Path, db_path: Path, policy: BackupPolicy,
                   now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups of `db_path` the policy does not keep; returns the deleted files."""
    found = _parsed(folder, db_path)
    keep = select_backups_to_keep([b[1] for b in found], now or dt.datetime.now(), policy)
    kept_stamps: set[dt.datetime] = set()
    deleted = []
    for path, stamp, _reason in found:  # newest first; same-second duplicates: keep one
        if stamp in keep and stamp not in kept_stamps:
            kept_stamps.add(stamp)
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            deleted.append(path)
    # temp files of backups interrupted by a crash (older than an hour: not still being written)
    for temp in folder.glob(f".{db_path.stem}_*{SUFFIX}.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < dt.datetime.now().timestamp() - 3600:
                temp.unlink()
                deleted.append(temp)
    return deleted


def count_customers(path: Path) -> int | None:
    try:
        conn = _read_only(path)
        try:
            return int(conn.execute("SELECT count(*) FROM customers").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def list_backups(folder: Path, db_path: Path | None = None) -> list[BackupInfo]:
    """Backups in `folder` (of `db_path` only, if given), newest first."""
    return [BackupInfo(path, stamp, reason, path.stat().st_size, count_customers(path))
            for path, stamp, reason in _parsed(folder, db_path)]


def backups_of(db_path: Path) -> list[BackupInfo]:
    """Every backup of `db_path`, newest first: in its configured folder and in the default
    folder, where automatic backups go while the configured one (a USB drive) is missing."""
    folders = [paths.default_backup_dir()]
    if db_path.exists():
        folders.insert(0, backup_dir_for(db_path))
    found = [info for folder in dict.fromkeys(folders) for info in list_backups(folder, db_path)]
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


# ---- restore -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    safety_copy: Path | None  # the database as it was before the restore
    customer_count: int


def _save_current(db_path: Path, folder: Path, now: dt.datetime) -> Path | None:
    """Keep the current database before it is replaced. A damaged one is copied byte for byte,
    together with its own -wal (which belongs to it and to nothing else)."""
    if not db_path.exists():
        return None
    try:
        return create_backup(db_path, reason=BEFORE_RESTORE, folder=folder, now=now, rotate=False)
    except BackupError:
        target = folder / backup_name(db_path, now, "beschaedigt")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        return target


def restore_backup(backup: Path | str, db_path: Path | str, *, folder: Path | None = None,
                   now: dt.datetime | None = None) -> RestoreResult:
    """Replace `db_path` with `backup`. Every connection to `db_path` must be closed first;
    the caller reopens the database afterwards.

    Order matters: (1) a checked copy of the backup is prepared beside the database (a damaged
    backup stops here, nothing changed); (2) the current database, including what is still in
    its -wal, is saved as a safety copy; (3) the old -wal/-shm are removed — left there, SQLite
    would replay the old file's changes onto the restored one; (4) the copy is renamed into
    place.
    """
    from kundenportfolio.data.database import check_openable

    backup, db_path = Path(backup), Path(db_path)
    now = now or dt.datetime.now()
    if not backup.is_file():
        raise BackupError(f"Die Sicherung «{backup}» gibt es nicht.")
    if not check_openable(backup):
        raise BackupError(f"«{backup.name}» ist leer und keine Sicherung.")
    staged = db_path.with_name(f".{db_path.name}.restore")
    try:
        copy_database(backup, staged)  # integrity_check of the copy inside
    except BackupError as exc:
        raise BackupError(f"Die Sicherung «{backup.name}» ist beschädigt oder nicht lesbar; "
                          f"die aktuelle Datenbank bleibt unverändert. ({exc})") from exc
    try:
        folder = folder or (backup_dir_for(db_path) if db_path.exists()
                            else paths.default_backup_dir())
        safety = _save_current(db_path, folder, now)
        for suffix in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(staged, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise BackupError(f"Die Wiederherstellung ist fehlgeschlagen: {exc.strerror or exc}."
                          ) from exc
    finally:
        staged.unlink(missing_ok=True)  # only still there if something failed
    problems = integrity_problems(db_path, full=False)
    if problems:
        raise BackupError(f"Die wiederhergestellte Datei ist fehlerhaft ({problems[0]}). "
                          f"Die vorherige Datenbank liegt in «{safety}».")
    return RestoreResult(safety, count_customers(db_path) or 0)


def move_database(source: Path | str, target: Path | str) -> Path:
    """Move a database (closed, lock held by the caller) to `target`, e.g. out of a synced
    folder: a checked copy is made first; only then the original and its -wal/-shm go."""
    source, target = Path(source), Path(target)
    if target.exists():
        raise BackupError(f"Am Ziel «{target}» liegt schon eine Datei; sie wird nicht ersetzt.")
    copy_database(source, target)  # consistent copy including the -wal content, checked
    if count_customers(target) != count_customers(source):
        target.unlink(missing_ok=True)
        raise BackupError("Die Kopie stimmt nicht mit dem Original überein; nichts verschoben.")
    for suffix in ("-wal", "-shm", ""):
        source.with_name(source.name + suffix).unlink(missing_ok=True)
    return target
