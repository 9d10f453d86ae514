"""Opening the database in the GUI with every safety step in the right order.

1. the single-instance lock (a second start asks: read-only or quit);
2. opening with the integrity check; a damaged file is explained and the newest good backup
   offered (restored, then opened again);
3. the once-per-file warning for network drives and synced cloud folders.

`open_interactively(path, parent)` returns an `OpenedDatabase` or None (quit / refused; the
user has been told why).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.data.database import open_database
from kundenportfolio.data.integrity import DatabaseDamagedError
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.dialogs.backup_dialogs import offer_restore_for_damaged
from kundenportfolio.ui.dialogs.location_warning import LocationAnswer, warn_if_risky
from kundenportfolio.ui.dialogs.lock_dialog import LockChoice, acquire_or_ask


@dataclass
class OpenedDatabase:
    repository: Repository
    path: Path
    read_only: bool  # True: show data, disable every editing action
    location: LocationAnswer  # MOVE: the user asked to move the file to a local folder


def open_interactively(path: Path, parent: QWidget | None = None) -> OpenedDatabase | None:
    path = Path(path)
    decision = acquire_or_ask(path, parent)
    if decision.choice is LockChoice.QUIT:
        return None
    read_only = decision.choice is LockChoice.READ_ONLY
    title = QCoreApplication.translate("SafeOpen", "Open database")
    try:
        try:
            db = open_database(path, read_only=read_only)
        except DatabaseDamagedError as damaged:
            if read_only or not offer_restore_for_damaged(damaged, parent):
                return None
            db = open_database(path)  # the restored backup
    except KundenportfolioError as exc:
        QMessageBox.critical(parent, title, str(exc))
        return None
    location = LocationAnswer.NO_RISK if read_only else warn_if_risky(path, parent)
    return OpenedDatabase(Repository(db), path, read_only, location)
