"""What every command shares: choosing and opening the database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kundenportfolio import paths

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

    The database lock (one program per file) is taken for the rest of the process. A writing
    command fails with a German message if another program holds it; a reading one
    (`write=False`) then opens the file read-only instead.
    """
    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.repository import Repository
    from kundenportfolio.locking import DatabaseLockedError, hold_for_process

    path = database_path(args)
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
