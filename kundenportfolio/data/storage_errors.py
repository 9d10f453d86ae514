"""German messages for storage failures while saving: disk full, read-only, I/O, locked.

SQLite rolls back the failed transaction, so what was saved before stays intact; the messages
say so. `translate()` turns a sqlite3 error into a KundenportfolioError (or None if it is not a
storage problem); `storage_errors()` does it for a block of code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from kundenportfolio.core.errors import KundenportfolioError

_NOTHING_LOST = ("Dieser Vorgang wurde nicht gespeichert; alles, was vorher gespeichert war, "
                 "ist unverändert erhalten.")
MESSAGES = {
    "SQLITE_FULL": "Der Speicherplatz ist voll. Bitte Platz schaffen (oder die Datenbank auf "
                   "ein anderes Laufwerk verschieben) und den Vorgang wiederholen.",
    "SQLITE_READONLY": "Die Datenbank kann nicht beschrieben werden (schreibgeschützt geöffnet, "
                       "oder Datei bzw. Ordner ohne Schreibrecht).",
    "SQLITE_IOERR": "Beim Schreiben auf das Laufwerk ist ein Fehler aufgetreten (Laufwerk "
                    "entfernt, Netzwerk unterbrochen oder Datenträger defekt?).",
    "SQLITE_CANTOPEN": "Die Datenbankdatei oder ihr Ordner kann nicht geöffnet werden "
                       "(fehlende Rechte, Laufwerk nicht verfügbar?).",
    "SQLITE_BUSY": "Die Datenbank ist gerade durch ein anderes Programm belegt. Bitte kurz "
                   "warten und den Vorgang wiederholen.",
    "SQLITE_LOCKED": "Die Datenbank ist gerade belegt. Bitte den Vorgang wiederholen.",
}


class StorageError(KundenportfolioError):
    """Saving failed for a reason outside the program (disk, rights); nothing was half-written."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def translate(exc: BaseException) -> StorageError | None:
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = name.split("_")[:2]
    code = "_".join(base) if base else ""  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
    message = MESSAGES.get(name) or MESSAGES.get(code)
    if message is None:
        return None
    return StorageError(f"{message} {_NOTHING_LOST}", code)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise storage failures of a save as StorageError with a German message."""
    try:
        yield
    except sqlite3.Error as exc:
        translated = translate(exc)
        if translated is None:
            raise
        raise translated from exc
