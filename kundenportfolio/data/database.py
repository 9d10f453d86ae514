"""Opening a Kundenportfolio file: checks before touching it, pragmas, migrations.

A file is only ever written to after it has been recognised as ours (or is new/empty).
Anything else — not SQLite at all, another program's SQLite file, a file from a newer
Kundenportfolio — is refused with a German message and left byte-for-byte untouched, with
nothing created beside it (no -wal/-shm). A new file is marked as ours (application_id)
before its first migration, so an interrupted first start is completed on the next open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path, PurePath

from sqlite_utils import Database

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.data import migrations
from kundenportfolio.data.storage_errors import storage_errors

APPLICATION_ID = 0x4B505446  # "KPTF": marks a file as a Kundenportfolio database
SQLITE_MAGIC = b"SQLite format 3\x00"

# Called with the file path before migrations change an existing file (backup hook).
BeforeMigrate = Callable[[Path], None]


def read_only_uri(path: Path | PurePath) -> str:
    """`file:` URI that opens `path` read-only (`?mode=ro`).

    A Windows UNC path (\\\\server\\share\\k.sqlite3) would become file://server/share/..., whose
    "authority" SQLite rejects; file:////server/share/... has an empty authority and keeps the
    //server/share path, which Windows accepts.
    """
    uri = (path.resolve() if isinstance(path, Path) else path).as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        uri = "file:////" + uri[len("file://"):]
    return f"{uri}?mode=ro"


def _is_wal_mode(path: Path) -> bool:
    """True if the header says WAL mode (file format read/write versions 2)."""
    with path.open("rb") as fh:
        header = fh.read(20)
    return header[18:20] == b"\x02\x02"


def _inspection_uri(path: Path) -> str:
    """Read-only URI for looking into a file that may be refused: creates nothing beside it.

    Even a `?mode=ro` connection creates -wal/-shm beside a WAL-mode file. Without a -wal the
    file itself holds everything, so `immutable=1` (no -wal/-shm, no locks) reads it exactly.
    A -wal with content may hold committed changes (a newer user_version, say) that
    `immutable=1` would ignore: then the file is read normally, its -shm is beside it already.
    """
    uri = read_only_uri(path)
    wal = path.with_name(path.name + "-wal")
    if _is_wal_mode(path) and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def inspect_file(path: Path) -> tuple[int, int, int]:
    """(application_id, user_version, table count) of an existing file, read-only.

    Creates nothing beside the file. Raises DatabaseRefusedError if the file is not a SQLite
    database.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseRefusedError(
            f"Die Datei «{path}» kann nicht gelesen werden: {exc.strerror}."
        ) from exc
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefusedError(
            f"Die Datei «{path.name}» ist keine Kundenportfolio-Datenbank "
            "(es ist überhaupt keine SQLite-Datei). Sie wurde nicht verändert."
        )
    try:
        conn = sqlite3.connect(_inspection_uri(path), uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefusedError(
            f"Die Datei «{path.name}» ist beschädigt oder keine lesbare Datenbank "
            f"({exc}). Sie wurde nicht verändert."
        ) from exc
    return int(app_id), int(version), int(tables)


def _unmarked_start_of_ours(path: Path, tables: int) -> bool:
    """True for a file an older Kundenportfolio began to create but never marked as ours.

    Older versions set application_id only after all migrations, so an interrupted first
    start left tables without it. Fingerprint: the migrations table lists exactly our first
    migrations, in order — and if none, it is the only table (each migration is atomic).
    """
    try:
        conn = sqlite3.connect(_inspection_uri(path), uri=True)
        try:
            rows = conn.execute(
                "SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False  # no migrations table: not ours
    ours = [(migrations.migrations.name, name) for name in migrations.MIGRATION_NAMES]
    return rows == ours[:len(rows)] and (len(rows) > 0 or tables == 1)


def check_openable(path: Path) -> bool:
    """Refuse foreign or newer files; returns True if the file exists with our schema."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    app_id, version, tables = inspect_file(path)
    if app_id != APPLICATION_ID:
        if app_id == 0 and tables == 0:
            return False  # an empty SQLite file: safe to initialise
        if app_id == 0 and _unmarked_start_of_ours(path, tables):
            return True  # migrating below completes it (after a backup) and marks it
        raise DatabaseRefusedError(
            f"Die Datei «{path.name}» ist eine SQLite-Datenbank eines anderen Programms, "
            "keine Kundenportfolio-Datenbank. Sie wurde nicht verändert."
        )
    if version > migrations.schema_version():
        raise DatabaseRefusedError(
            f"Die Datei «{path.name}» stammt von einer neueren Version von Kundenportfolio "
            f"(Datenstand {version}, dieses Programm kennt {migrations.schema_version()}). "
            "Bitte das Programm aktualisieren. Die Datei wurde nicht verändert."
        )
    return True


def configure(db: Database) -> None:
    """The pragmas every connection gets."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


class _Default:
    """Marks "use the automatic backup" for `before_migrate` (None switches it off)."""


DEFAULT_BACKUP = _Default()


def _open_read_only(path: Path) -> Database:
    """A connection that cannot write (`?mode=ro`): second instance, damaged-file viewing."""
    if not check_openable(path):
        raise DatabaseRefusedError(f"Die Datei «{path.name}» gibt es nicht oder sie ist leer; "
                                   "schreibgeschützt kann sie nicht angelegt werden.")
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    db = Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        if migrations.migrations.pending(db):
            raise DatabaseRefusedError(
                f"Die Datei «{path.name}» stammt von einer älteren Version und muss zuerst "
                "aktualisiert werden; das geht schreibgeschützt nicht.")
    except BaseException:
        db.close()
        raise
    return db


def open_database(
    path: Path | str,
    *,
    before_migrate: BeforeMigrate | None | _Default = DEFAULT_BACKUP,
    read_only: bool = False,
    check_integrity: bool = True,
) -> Database:
    """Open (creating if needed) a Kundenportfolio database and bring its schema up to date.

    An existing file is checked first (quick_check, foreign_key_check) on a read-only
    connection; a damaged one raises DatabaseDamagedError and is not written to.
    Before migrations change an existing file a backup is taken (`before_migrate`, default:
    data.backup.backup_before_migration; None: no backup).

    `check_integrity=False` (only the GUI start, which runs the same check in the background):
    for a file that opening does not write to (already WAL, schema current) the check is left
    to the caller and the connection is returned `query_only` (`writes_blocked(db)` is True)
    until the caller has found the file intact and calls `allow_writes(db)`. Any other file is
    checked here as usual.
    """
    from kundenportfolio.data import integrity

    path = Path(path)
    if read_only:
        return _open_read_only(path)
    existing = check_openable(path)
    deferred = existing and not check_integrity and _opens_without_writing(path)
    if existing and not deferred:
        integrity.ensure_intact(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    try:
        with storage_errors():  # read-only file or folder, full disk: a German message
            if deferred:  # first, so that not even a pragma below can write to it
                db.execute("PRAGMA query_only = ON")
            configure(db)
            if _needs_update(db):
                hook = before_migrate
                if isinstance(hook, _Default):
                    from kundenportfolio.data.backup import backup_before_migration

                    hook = backup_before_migration
                if existing and hook is not None:
                    hook(path)
                # Marked as ours before the first migration: if one fails or is interrupted,
                # the next open recognises the half-created file and completes it.
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                migrations.apply_pending(db)
    except BaseException:
        db.close()
        raise
    return db


def _needs_update(db: Database) -> bool:
    """Migrations pending, or a mark missing (an interrupted first start or update)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return (bool(migrations.migrations.pending(db)) or app_id != APPLICATION_ID
            or version != migrations.schema_version())


def _opens_without_writing(path: Path) -> bool:
    """True if opening `path` writes nothing: WAL mode already set, nothing to update."""
    app_id, version, _tables = inspect_file(path)
    return (_is_wal_mode(path) and app_id == APPLICATION_ID
            and version == migrations.schema_version())


def writes_blocked(db: Database) -> bool:
    """True while the connection is `query_only` (integrity check of the GUI start running)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def allow_writes(db: Database) -> None:
    """End `query_only` once the deferred integrity check found the file intact."""
    db.execute("PRAGMA query_only = OFF")


def open_memory() -> Database:
    """An in-memory database with the full schema (tests, previews)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply_pending(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return db
