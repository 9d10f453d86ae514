"""The fast start (ui/startup.py): list first, values from a background thread, writes blocked
while the integrity check runs on its own connection."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kundenportfolio.core.models import Staff
from kundenportfolio.data import storage_errors
from kundenportfolio.data.database import open_database, writes_blocked
from kundenportfolio.data.integrity import DatabaseDamagedError
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui import startup
from kundenportfolio.ui.models.customer_table import COLUMN_INDEX, PENDING
from tests.ui.conftest import TODAY, build_shop


@pytest.fixture
def shop_file(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    build_shop(Repository(db))
    db.close()
    return path


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, list[Any]]]:
    """The background computation waits for `release.set()`; `computed` gets its results."""
    release, computed = threading.Event(), []
    real = startup.compute_portfolio

    def slow(path: Path, period: Any) -> Any:
        assert release.wait(10)
        computed.append(real(path, period))
        return computed[-1]

    monkeypatch.setattr(startup, "compute_portfolio", slow)
    yield release, computed
    release.set()  # never leave a thread waiting


def cell(view: Any, row: int, key: str) -> str:
    return view.proxy.index(row, COLUMN_INDEX[key]).data(Qt.ItemDataRole.DisplayRole)


def row_of_number(view: Any, number: str) -> int:
    return next(r for r in range(view.proxy.rowCount()) if cell(view, r, "number") == number)


def test_list_is_filled_before_the_values_arrive_then_they_update(qtbot, shop_file, held):  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    release, computed = held
    repository = Repository(open_database(shop_file, check_integrity=False))
    window = MainWindow(repository, shop_file, today=TODAY, start_in_background=True)
    qtbot.addWidget(window)
    window.show()
    view = window.customers_view
    # all three customers listed at once, master data and last contact, values pending
    assert view.proxy.rowCount() == 3
    row = row_of_number(view, "10001")
    assert cell(view, row, "name") == "Bäckerei Müller AG"
    assert cell(view, row, "city") == "Zürich"
    assert cell(view, row, "staff_name") == "Anna Keller"
    assert cell(view, row, "last_contact_date") == "01.09.2026"  # the order of 1 Sep logged it
    for key in ("group", "rank", "kundenwert_cents", "abc"):
        assert cell(view, row, key) == PENDING
    assert view.values_pending
    assert window.statusBar().currentMessage() == "Computing customer values…"
    assert computed == []

    release.set()
    qtbot.waitUntil(lambda: not view.values_pending, timeout=10_000)
    row = row_of_number(view, "10001")
    # 35 % margin × 30'000.00 = 10'500.00, rank 1 (see build_shop)
    assert cell(view, row, "kundenwert_cents") == "10'500.00"
    assert cell(view, row, "rank") == "1"
    assert cell(view, row_of_number(view, "10002"), "kundenwert_cents") == "1'500.00"
    assert window.statusBar().currentMessage() == ""
    # the GUI's store adopted the background result: no second computation
    assert window.store.result(window.period) is computed[0]
    window.repository.db.close()


def test_other_sections_wait_for_the_same_result(qtbot, shop_file, held):  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    release, computed = held
    repository = Repository(open_database(shop_file, check_integrity=False))
    window = MainWindow(repository, shop_file, today=TODAY, start_in_background=True)
    qtbot.addWidget(window)
    window.show()
    threading.Timer(0.2, release.set).start()
    window.show_section("ranking")  # blocks until the background result is in
    assert not window.customers_view.values_pending
    assert len(computed) == 1
    assert window.store.result(window.period) is computed[0]
    window.repository.db.close()


def test_a_write_during_the_integrity_check_is_refused_in_german(qtbot, shop_file, monkeypatch):  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    release = threading.Event()
    real = startup.check_integrity
    monkeypatch.setattr(startup, "check_integrity", lambda p: release.wait(10) and real(p))
    before = shop_file.read_bytes()
    repository = Repository(open_database(shop_file, check_integrity=False))
    assert writes_blocked(repository.db)
    gate = startup.IntegrityGate(repository.db, shop_file)
    gate.start()
    window = MainWindow(repository, shop_file, today=TODAY, start_in_background=True,
                        write_gate=gate)
    qtbot.addWidget(window)
    assert gate.checking

    # the database itself refuses (query_only): a German message, nothing written
    with pytest.raises(sqlite3.OperationalError) as info:
        repository.add_staff(Staff(name="Zoe Neu"))
    message = str(storage_errors.translate(info.value))
    assert "kann nicht beschrieben werden" in message and "nicht gespeichert" in message
    assert shop_file.read_bytes() == before
    assert [s.name for s in repository.list_staff()] == ["Anna Keller", "Beat Meier"]

    # the window says why before a dialog is even opened
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    assert window.customers_view.new_customer() is None
    assert told and "still being checked" in told[0]

    release.set()
    qtbot.waitUntil(lambda: not gate.checking, timeout=10_000)
    assert not writes_blocked(repository.db)
    repository.add_staff(Staff(name="Zoe Neu"))  # allowed once the check passed
    assert len(repository.list_staff()) == 3
    window.customers_view.wait_for_values()
    repository.db.close()


def test_damage_found_in_the_background_keeps_the_file_unwritten(qtbot, shop_file, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(startup, "check_integrity", lambda p: ["SQLite meldet «row 3 missing»"])
    before = shop_file.read_bytes()
    db = open_database(shop_file, check_integrity=False)
    gate = startup.IntegrityGate(db, shop_file)
    with qtbot.waitSignal(gate.damaged, timeout=10_000) as signal:
        gate.start()
    damage = signal.args[0]
    assert isinstance(damage, DatabaseDamagedError)
    assert "beschädigt" in str(damage) and "row 3 missing" in str(damage)
    assert writes_blocked(db) and not gate.checking
    with pytest.raises(sqlite3.OperationalError):
        Repository(db).add_staff(Staff(name="Zoe Neu"))
    db.close()
    assert shop_file.read_bytes() == before


def test_open_database_checks_at_once_when_opening_would_write(tmp_path: Path) -> None:
    """Not in WAL mode yet: switching to WAL is a write, so the check cannot be deferred."""
    path = tmp_path / "rollback.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    db = open_database(path, check_integrity=False)
    assert not writes_blocked(db)  # checked synchronously, as without the flag
    db.close()


def test_damage_at_start_hides_the_window_without_closing_it(qtbot, shop_file, monkeypatch):  # type: ignore[no-untyped-def]
    """No closeEvent (it would back up the damaged file); the user is asked; no → exit 1."""
    from shiboken6 import Shiboken

    from kundenportfolio import app as app_module
    from kundenportfolio.ui.dialogs import backup_dialogs
    from kundenportfolio.ui.main_window import MainWindow

    repository = Repository(open_database(shop_file, check_integrity=False))
    window = MainWindow(repository, shop_file, today=TODAY, start_in_background=True)
    window.show()
    closed: list[bool] = []
    monkeypatch.setattr(window, "closeEvent", lambda event: closed.append(True))
    asked: list[Any] = []
    monkeypatch.setattr(backup_dialogs, "offer_restore_for_damaged",
                        lambda damage, parent: asked.append(damage) or False)

    class FakeApp:
        code: int | None = None

        def exit(self, code: int) -> None:
            self.code = code

    fake = FakeApp()
    damage = DatabaseDamagedError("Die Datenbank «shop.sqlite3» ist beschädigt", shop_file, ["x"], None)
    app_module._damaged_after_start(fake, window, damage)  # type: ignore[arg-type]
    assert asked == [damage] and fake.code == 1
    assert closed == [] and not Shiboken.isValid(window)  # gone, with its timers and jobs
    qtbot.wait(300)  # a pending timer or job of the window would now hit the closed file
