"""The group history of a closed calendar year is saved once, at the first start after it.

Issue 3 asks for a snapshot "when a period is closed": once a year is over (and had orders),
its groups are kept so that later years can show who moved from which group. The groups are
computed on a background connection (seconds with 100,000 customers) and written on the
window's connection once writes are allowed (after the start-up integrity check; never for a
damaged file). A read-only second instance cannot write: it leaves the year to the first.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import Any

from PySide6.QtCore import QObject, Signal

from kundenportfolio.core.errors import KundenportfolioError
from kundenportfolio.core.periods import Period

log = logging.getLogger(__name__)


class ClosedYearSnapshot(QObject):
    saved = Signal(str)  # the German label of the period saved

    def __init__(self, store: Any, today: dt.date, write_gate: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store  # the window's PortfolioStore
        self.period = Period.calendar_year(today.year - 1)
        self.today = today
        self.write_gate = write_gate  # startup.IntegrityGate or None
        self.job: Any = None

    def start(self) -> bool:
        """Compute and save in the background if needed; True if it was started."""
        if self.store.closed_year_to_keep(self.today) != self.period:
            return False
        from kundenportfolio.ui.startup import Background

        self.job = Background(self.store.result_job(self.period), self)
        self.job.done.connect(self._computed)
        self.job.start_soon()
        return True

    def _computed(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            log.error("Gruppen von %s nicht berechnet", self.period.key, exc_info=error)
            return
        self.store.adopt(result)
        gate = self.write_gate
        if gate is not None and gate.checking:
            gate.passed.connect(self._save)  # a damaged file never passes: nothing written
        else:
            self._save()

    def _save(self) -> None:
        try:
            saved = self.store.snapshot_closed_year(self.today)  # None: saved by hand meanwhile
        except (KundenportfolioError, sqlite3.Error) as exc:  # e.g. opened read-only
            log.info("Gruppen von %s nicht gespeichert: %s", self.period.key, exc)
            return
        if saved:
            self.saved.emit(self.period.label)
