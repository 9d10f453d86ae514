"""Data-safety costs: integrity check on open, backup, restore, erasure (VACUUM).

    python tests/benchmarks/bench_safety.py [CUSTOMERS ...]   (default: 250 5000)

Prints seconds per step for demo databases of the given sizes. The machine is shared with
other work, so figures are noisy; they show orders of magnitude, not exact costs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kundenportfolio.data import backup, privacy  # noqa: E402
from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.demo import create_demo_database  # noqa: E402
from kundenportfolio.data.integrity import check_database  # noqa: E402


def timed(label: str, action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    print(f"  {label:<42} {time.perf_counter() - started:8.3f} s")
    return result


def run(customers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "xdg")
        db_path = folder / "bench.sqlite3"
        create_demo_database(db_path, customers=customers, years=5, seed=1)
        size = db_path.stat().st_size / 1024 / 1024
        print(f"{customers} customers, {size:.1f} MB")
        timed("quick_check + foreign_key_check", lambda: check_database(db_path))
        timed("integrity_check (full)", lambda: check_database(db_path, full=True))
        timed("open_database (checks + pragmas)", lambda: open_database(db_path).close())
        copy = timed("create_backup (copy + integrity_check)",
                     lambda: backup.create_backup(db_path, folder=folder / "b", rotate=False))
        timed("restore_backup (safety copy + restore)",
              lambda: backup.restore_backup(copy, db_path, folder=folder / "b"))
        db = open_database(db_path)
        number = db.execute("SELECT number FROM customers ORDER BY id LIMIT 1").fetchone()[0]
        timed("export_customer (one customer)", lambda: privacy.export_customer(db, number))
        timed("erase_customer (incl. VACUUM)", lambda: privacy.erase_customer(db, number))
        db.close()


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [250, 5000]:
        run(n)
