"""Reading the database from a background thread, so the window stays responsive.

An sqlite3 connection belongs to the thread that made it; a background job therefore reads on
a read-only connection of its own to the same file. An in-memory database (the tests) cannot
be opened a second time: its data is read at once, in the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kundenportfolio.data.repository import Repository

T = TypeVar("T")


def database_file(repository: Repository) -> Path | None:
    """The file behind the repository's connection; None for an in-memory database."""
    name = repository.db.execute("PRAGMA database_list").fetchone()[2]
    return Path(name) if name else None


def reader(repository: Repository, read: Callable[[Repository], T]) -> Callable[[], T]:
    """A function for a background thread that returns `read(a repository)`: on a
    connection of that thread to the same file (or, in memory, what was read now)."""
    path = database_file(repository)
    if path is None:
        value = read(repository)
        return lambda: value
    return lambda: read_file(path, read)


def read_file(path: Path, read: Callable[[Repository], T]) -> T:
    """`read(a repository)` on a read-only connection of the calling thread to `path`."""
    from kundenportfolio.data.database import open_database

    db = open_database(path, read_only=True)
    try:
        return read(Repository(db))
    finally:
        db.close()
