"""What every command shares: choosing and opening the database, writing output files."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kundenportfolio import paths
from kundenportfolio.core.errors import DatabaseRefusedError, KundenportfolioError

if TYPE_CHECKING:  # the data layer pulls in sqlite_utils and pandas: only when a file is opened
    from kundenportfolio.data.repository import Repository


def add_db_options(parser: argparse.ArgumentParser) -> None:
    """--db/--demo, also accepted after a command (`kundenportfolio demo --db x.sqlite3`)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, metavar="PFAD", default=argparse.SUPPRESS,
                       help=f"Datenbankdatei (Standard: {paths.default_db_path()}).")
    where.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                       help="Die Demo-Datenbank verwenden (wird beim ersten Mal erstellt).")


def database_path(args: argparse.Namespace) -> Path:
    """The file the user chose: --db, the demo database, or the default one."""
    if getattr(args, "db", None):
        return Path(args.db)
    if getattr(args, "demo", False):
        return paths.demo_db_path()
    return paths.default_db_path()


def open_repository(args: argparse.Namespace, *, write: bool = True) -> Repository:
    """Open the chosen database (the demo one is generated on first use).

    A reading command (`write=False`) refuses a missing file: a mistyped --db must not leave
    an empty database behind.

    The database lock (one program per file) is taken for the rest of the process. A writing
    command fails with a German message if another program holds it; a reading one
    (`write=False`) then opens the file read-only instead.
    """
    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.repository import Repository
    from kundenportfolio.locking import DatabaseLockedError, hold_for_process

    path = database_path(args)
    if not write and not getattr(args, "demo", False) and not path.exists():
        raise DatabaseRefusedError(f"Die Datenbank «{path}» gibt es nicht.")
    try:
        hold_for_process(path)
    except DatabaseLockedError:
        if write or not path.exists():
            raise
        return Repository(open_database(path, read_only=True))
    if getattr(args, "demo", False) and not path.exists():
        from kundenportfolio.data.demo import create_demo_database

        create_demo_database(path)
    return Repository(open_database(path))


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write to; it replaces `path` only once complete.

    An interrupted or failed export never leaves half a file. Any OSError (missing folder, no
    rights, disk full, file open in Excel) becomes a German message naming the file.
    """
    # same folder, as os.replace cannot move across drives; same ending, as writers choose
    # the format by it
    temp = path.with_name(f".{path.stem}.tmp{os.getpid()}{path.suffix}")
    try:
        temp.touch()  # a missing folder or missing rights show up before any work is done
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        raise KundenportfolioError(
            f"Die Datei «{path}» kann nicht geschrieben werden: {_reason(exc, path)}.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _reason(exc: OSError, path: Path) -> str:
    if not path.parent.is_dir():
        return f"Den Ordner «{path.parent}» gibt es nicht"
    if path.is_dir():
        return "Das ist ein Ordner"
    if isinstance(exc, PermissionError):
        return "Keine Schreibrechte, oder die Datei ist in einem anderen Programm geöffnet"
    if exc.errno == errno.ENOSPC:
        return "Der Speicherplatz ist voll"
    return exc.strerror or str(exc)
