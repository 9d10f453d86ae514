"""A fast start: the slow work of opening runs in background threads, the window comes first.

* `Background(fn)` runs `fn()` in a Python thread and delivers `done(result, error)` in the GUI
  thread (a queued signal); `wait()` blocks for it when the GUI needs the answer now.
* The jobs open their own read-only connection: an sqlite3 connection, a Repository and a
  PortfolioStore are never shared between threads. `compute_portfolio` gives the finished
  PortfolioResult to the GUI, whose store adopts it (`PortfolioStore.adopt`).
* `IntegrityGate`: the GUI opens the file with `open_database(check_integrity=False)`, i.e.
  `query_only` (nothing can write) while quick_check/foreign_key_check run here on a separate
  read-only connection; intact → `allow_writes`, damaged → `damaged(DatabaseDamagedError)`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    """One function run in a Python thread; sqlite and numpy release the GIL while they work."""

    done = Signal(object, object)  # (result, exception or None), in the GUI thread

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, daemon=True, name="kundenportfolio-bg")
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()

    def start(self) -> Background:
        if not self._thread.is_alive() and not self.finished.is_set():
            self._thread.start()
        return self

    def start_soon(self) -> Background:
        """Start once the event loop runs: the window is built and painted first, without
        this thread competing for the GIL."""
        QTimer.singleShot(0, self.start)
        return self

    def _run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.error = exc
        self.finished.set()
        with contextlib.suppress(RuntimeError):  # the receiver (window) was closed meanwhile
            self.done.emit(self.result, self.error)

    def wait(self) -> tuple[Any, BaseException | None]:
        """Block until the job is done (starting it if it has not started); (result, error)."""
        if not self.finished.is_set() and not self._thread.is_alive():
            self.start()
        self.finished.wait()
        return self.result, self.error


def compute_portfolio(path: Path, period: Any) -> Any:
    """The PortfolioResult of `period`, on a connection of this (background) thread."""
    from kundenportfolio.data.background_read import read_file
    from kundenportfolio.data.portfolio_store import PortfolioStore

    return read_file(path, lambda repository: PortfolioStore(repository).result(period))


def load_list(path: Path, today: dt.date) -> Any:
    """The light customer list (CustomerList) on a connection of this (background) thread."""
    from kundenportfolio.data.background_read import read_file
    from kundenportfolio.data.customer_list import load_customer_list

    return read_file(path, lambda repository: load_customer_list(repository.db, today))


def load_search_texts(path: Path) -> dict[int, str]:
    """Repository.customer_search_texts on a connection of this (background) thread."""
    from kundenportfolio.data.background_read import read_file

    return read_file(path, lambda repository: repository.customer_search_texts())


def check_integrity(path: Path) -> list[str]:
    """quick_check and foreign_key_check, without raising. In the background the foreign-key
    check runs whatever the file size (open_database skips it above FK_CHECK_MAX_BYTES to keep
    command-line starts short): writes just stay blocked a little longer on a huge file."""
    from kundenportfolio.data import integrity

    return integrity.check_database(path, foreign_keys=True)


class IntegrityGate(QObject):
    """Writes stay blocked (`query_only`) until the background integrity check passed."""

    passed = Signal()
    damaged = Signal(object)  # DatabaseDamagedError: the file must not be written, ever

    def __init__(self, db: Any, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from kundenportfolio.data.database import writes_blocked

        self.db, self.path = db, path
        self.job: Background | None = None
        self.checking = writes_blocked(db)  # False: open_database checked it already

    def start(self) -> None:
        if self.checking and self.job is None:
            self.job = Background(self._check, self)
            self.job.done.connect(self._finish)
            self.job.start()

    def _check(self) -> Any:
        from kundenportfolio.data import integrity

        problems = check_integrity(self.path)
        if not problems:
            return None
        backup = integrity.newest_good_backup(self.path)
        return integrity.DatabaseDamagedError(
            integrity.damaged_message(self.path, problems, backup), self.path, problems, backup)

    def _finish(self, damage: Any, error: BaseException | None) -> None:
        if not self.checking:
            return
        if error is not None:  # the check itself failed: treat as damaged, never write
            from kundenportfolio.data import integrity

            problems = [f"Prüfung fehlgeschlagen: {error}"]
            damage = integrity.DatabaseDamagedError(
                integrity.damaged_message(self.path, problems, None), self.path, problems, None)
        if damage is not None:
            log.error("integrity check failed for %s: %s", self.path, damage)
            self.checking = False
            self.damaged.emit(damage)  # writes stay blocked
            return
        from kundenportfolio.data.database import allow_writes

        allow_writes(self.db)
        self.checking = False
        self.passed.emit()

    def wait(self) -> None:
        """Block until the check is done and its outcome applied (tests, closing)."""
        if self.job is not None and self.checking:
            self._finish(*self.job.wait())
