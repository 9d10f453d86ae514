"""Crash safety: a writer process is SIGKILLed at random moments, 150 times.

After every kill the file must pass integrity_check and foreign_key_check, reopen for writing,
and every logical operation must be complete or absent: an order with its Bestellung contact,
an import of 25 customers (one transaction), an edit that changes a customer and logs a cost.
The writer is a fork of the test process (modules already imported), so 150 kills take
about 20 s (marked slow; CI runs it), and a 20-kill version runs by default.
Plus: disk full and read-only give a German message and lose nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from kundenportfolio.core.models import Cost, CostCategory, Customer, Order
from kundenportfolio.data import storage_errors
from kundenportfolio.data.database import open_database
from kundenportfolio.data.importing import import_file
from kundenportfolio.data.integrity import check_database
from kundenportfolio.data.repository import Repository

KILLS = 150
SEED_CUSTOMERS = 5
IMPORT_SIZE = 25

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def _work_forever(db_path: Path, csv_dir: Path, seed: int) -> None:
    """The writer: random orders, imports, edits and deletions until it is killed."""
    rng = random.Random(seed)
    repo = Repository(open_database(db_path))
    batch = 0
    while True:
        op = rng.random()
        customer_id = rng.randint(1, SEED_CUSTOMERS)
        if op < 0.45:
            repo.record_order(Order(customer_id=customer_id, order_date=dt.date(2026, 1, 15),
                                    amount_cents=rng.randint(100, 99_999)))
        elif op < 0.6:
            batch += 1
            first = 10_000_000 + (seed * 1000 + batch) * 100  # group = number // 100
            csv = csv_dir / f"import-{seed}-{batch}.csv"
            csv.write_text("Kundennummer;Firma\n" + "".join(
                f"{first + i};Importkunde {first + i}\n" for i in range(IMPORT_SIZE)),
                encoding="utf-8")
            import_file(repo, "customers", csv, before_import=lambda: None)
        elif op < 0.9:
            with repo.transaction():  # an edit: counter on the customer + a cost, together
                customer = repo.get_customer(customer_id)
                customer.notes = f"n={int((customer.notes or 'n=0')[2:]) + 1}"
                repo.update_customer(customer)
                repo.add_cost(Cost(customer_id=customer_id, cost_date=dt.date(2026, 1, 15),
                                   category=CostCategory.SERVICE, amount_cents=500, note="edit"))
        else:
            row = repo.db.execute("SELECT id FROM orders ORDER BY random() LIMIT 1").fetchone()
            if row:
                repo.delete_order(row[0])


def _check_consistent(db_path: Path) -> tuple[int, int]:
    """Assert every invariant; returns (orders, imported customers) for the progress check."""
    assert check_database(db_path, full=True) == []
    db = open_database(db_path)  # a writer opens it: WAL recovery happens here
    try:
        orphans = db.execute(
            "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM contacts c "
            "WHERE c.order_id = o.id AND c.type = 'order')").fetchone()[0]
        assert orphans == 0
        order_contacts = db.execute("SELECT count(*) FROM contacts WHERE type = 'order'"
                                    ).fetchone()[0]
        orders = db.execute("SELECT count(*) FROM orders").fetchone()[0]
        assert order_contacts == orders
        groups = db.execute(
            "SELECT CAST(number AS INTEGER) / 100, count(*) FROM customers "
            "WHERE CAST(number AS INTEGER) >= 10000000 GROUP BY 1").fetchall()
        assert all(count == IMPORT_SIZE for _group, count in groups), groups
        for cid, notes in db.execute("SELECT id, notes FROM customers WHERE id <= ?",
                                     [SEED_CUSTOMERS]):
            edits = db.execute("SELECT count(*) FROM costs WHERE customer_id = ? AND note = 'edit'",
                               [cid]).fetchone()[0]
            assert (notes or "n=0") == f"n={edits}"
        return orders, len(groups) * IMPORT_SIZE
    finally:
        db.close()


def _kill_repeatedly(tmp_path: Path, kills: int) -> tuple[int, int]:
    db_path = tmp_path / "crash.sqlite3"
    db = open_database(db_path)
    repo = Repository(db)
    for i in range(SEED_CUSTOMERS):
        repo.add_customer(Customer(number=str(10001 + i), name=f"Stammkunde {i}"))
    db.close()
    rng = random.Random(20261127)
    max_orders = max_imported = 0
    started = time.monotonic()
    for kill in range(kills):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # child: write until killed; never return into pytest
            try:
                _work_forever(db_path, tmp_path, kill + 1)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.005, 0.12))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
            f"writer ended by itself (status {status}) at kill {kill}"
        orders, imported = _check_consistent(db_path)
        max_orders, max_imported = max(max_orders, orders), max(max_imported, imported)
    print(f"{kills} kills in {time.monotonic() - started:.1f} s; up to {max_orders} orders, "
          f"{max_imported} imported customers")
    return max_orders, max_imported


def test_random_sigkill_quick(tmp_path: Path) -> None:
    """20 kills in the default run (about 3 s)."""
    max_orders, _ = _kill_repeatedly(tmp_path, 20)
    assert max_orders > 5  # the writers really wrote: the test is not vacuous


@pytest.mark.slow
def test_random_sigkill_never_leaves_a_half_operation(tmp_path: Path) -> None:
    """150 kills (about 20 s; CI runs the slow tests)."""
    max_orders, max_imported = _kill_repeatedly(tmp_path, KILLS)
    assert max_orders > 50 and max_imported >= IMPORT_SIZE


def test_disk_full_gives_german_message_and_keeps_saved_data(tmp_path: Path) -> None:
    path = tmp_path / "voll.sqlite3"
    db = open_database(path)
    repo = Repository(db)
    for i in range(3):
        repo.add_customer(Customer(number=str(10001 + i), name=f"Kunde {i}"))
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the "disk" is nearly full
    with (pytest.raises(storage_errors.StorageError) as caught, storage_errors.storage_errors(),
          repo.transaction()):  # a big save: an import of 500 customers
        for i in range(500):
            repo.add_customer(Customer(number=str(20001 + i), name="Grosskunde " * 30))
    assert str(caught.value).startswith("Der Speicherplatz ist voll.")
    assert "alles, was vorher gespeichert war, ist unverändert erhalten" in str(caught.value)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    db.close()
    assert check_database(path, full=True) == []
    db = open_database(path)
    assert [r[0] for r in db.execute("SELECT number FROM customers ORDER BY number")] \
        == ["10001", "10002", "10003"]  # nothing lost, nothing half-imported
    db.close()


def test_read_only_gives_german_message(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    open_database(path).close()
    db = open_database(path, read_only=True)
    with pytest.raises(storage_errors.StorageError, match="kann nicht beschrieben werden"), \
            storage_errors.storage_errors():
        Repository(db).add_customer(Customer(number="10001", name="Neu"))
    db.close()


def test_other_database_errors_are_not_disguised() -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"), \
            storage_errors.storage_errors():
        sqlite3.connect(":memory:").execute("SELECT * FROM fehlt")


def test_unwritable_database_file_is_refused_in_german(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A file on a write-protected medium: as root chmod cannot simulate it, so the error
    SQLite gives there is raised from the first write of opening."""
    from kundenportfolio.data import database

    path = tmp_path / "cd.sqlite3"
    open_database(path).close()

    def readonly_medium(db: object) -> None:
        error = sqlite3.OperationalError("attempt to write a readonly database")
        error.sqlite_errorname = "SQLITE_READONLY"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(database, "configure", readonly_medium)
    with pytest.raises(storage_errors.StorageError, match="kann nicht beschrieben werden"):
        open_database(path)
