"""Integrity checks on opening: a damaged file is refused before anything writes to it.

The checks run on a read-only connection (`?mode=ro`): even switching a file to WAL mode is a
write, and writing to a damaged file can make the damage worse. The refusal names the newest
backup that passes its own check, so the user knows the way out.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

from kundenportfolio.core.errors import DatabaseRefusedError
from kundenportfolio.data.database import read_only_uri

# foreign_key_check costs about 2 s per 90 MB (20,000 customers with 5 years of history); above
# this size the start-up check is quick_check only (`kundenportfolio check` always does both).
# Our own connections enforce foreign keys, so violations can only come from outside tools.
FK_CHECK_MAX_BYTES = 64 * 1024 * 1024


Audience = Literal["gui", "cli"]  # where a message is shown: in the window or on the console


class DatabaseDamagedError(DatabaseRefusedError):
    """The file is damaged; it was left untouched. `backup` is the newest good backup, if any."""

    def __init__(self, message: str, path: Path, problems: list[str],
                 backup: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems
        self.backup = backup

    def message_for(self, audience: Audience) -> str:
        """The refusal with the way out for the window ("gui") or the command line ("cli")."""
        return damaged_message(self.path, self.problems, self.backup, audience=audience)


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True)


def check_database(path: Path, *, full: bool = False, foreign_keys: bool = True) -> list[str]:
    """German descriptions of what is wrong with the file; [] when it is healthy.

    `full` runs integrity_check (every index entry against its row) instead of quick_check;
    `foreign_keys` adds foreign_key_check.
    """
    try:
        conn = _read_only(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            problems = [] if rows == ["ok"] else [f"SQLite meldet «{r}»" for r in rows]
            fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall() if foreign_keys else []
            for table, rowid, parent, _fk in fk_rows:
                problems.append(f"Tabelle {table}, Zeile {rowid}: Verweis auf einen fehlenden "
                                f"Eintrag in {parent}")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"SQLite meldet «{exc}»"]
    return problems


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of `db_path` (any of its backup folders) that passes
    integrity_check."""
    from kundenportfolio.data.backup import backups_of

    for info in backups_of(db_path):
        if info.customer_count is not None and not check_database(info.path, full=True):
            return info.path
    return None


def _argument(path: Path) -> str:
    """A path as one command-line argument: in double quotes if it has spaces (cmd.exe,
    PowerShell and sh all read that)."""
    text = str(path)
    return f'"{text}"' if any(c.isspace() or c in "&()[]{};'`!^%$" for c in text) else text


def restore_command(path: Path, backup: Path | str) -> str:
    """The command that brings `backup` back as the database `path`."""
    return f"kundenportfolio restore --db {_argument(path)} {_argument(Path(backup))}"


def damaged_message(path: Path, problems: list[str], backup: Path | None, *,
                    audience: Audience = "gui") -> str:
    """German refusal text. The way out depends on where it is shown: the window's
    «Datei › Wiederherstellen…» ("gui") or `kundenportfolio restore` ("cli")."""
    detail = problems[0] if problems else "unbekannter Fehler"
    more = f" (und {len(problems) - 1} weitere Befunde)" if len(problems) > 1 else ""
    text = (f"Die Datenbank «{path.name}» ist beschädigt: {detail}{more}. "
            "Sie wurde nicht verändert und bleibt zur Untersuchung erhalten. ")
    if audience == "cli":
        if backup is not None:
            return text + (f"Die neueste intakte Sicherung ist «{backup}». Zurückholen mit: "
                           f"{restore_command(path, backup)}")
        return text + ("Es wurde keine intakte Sicherung gefunden. Eine Sicherung von anderswo "
                       f"zurückholen mit: {restore_command(path, 'SICHERUNG')}")
    if backup is not None:
        return text + f"Die neueste intakte Sicherung ist «{backup}»; sie kann mit " \
                      "«Wiederherstellen…» zurückgeholt werden."
    return text + "Es wurde keine intakte Sicherung gefunden."


def ensure_intact(path: Path, *, audience: Audience = "gui") -> None:
    """Raise DatabaseDamagedError if quick_check or foreign_key_check finds a problem.

    The error's text is for `audience`; `error.message_for("cli")` gives the other one.
    """
    problems = check_database(path, foreign_keys=path.stat().st_size <= FK_CHECK_MAX_BYTES)
    if problems:
        backup = newest_good_backup(path)
        raise DatabaseDamagedError(damaged_message(path, problems, backup, audience=audience),
                                   path, problems, backup)
