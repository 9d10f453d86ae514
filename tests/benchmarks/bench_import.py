"""Benchmark: import 1,000,000 order rows from a German CSV (target: under 60 s).

Run: python tests/benchmarks/bench_import.py [ROWS]
Generates a semicolon CSV (Windows-1252, decimal comma, TT.MM.JJJJ dates, order numbers)
for 10,000 customers in a temp folder, imports the customers, then the orders into a file
database (WAL, synchronous=FULL), then re-imports the orders (must insert nothing).
Prints the figures; no assertions on time (the machine is shared, figures are noisy).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.importing import import_file  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402

CUSTOMERS = 10_000


def write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    customers = folder / "kunden.csv"
    with customers.open("w", encoding="cp1252", newline="") as fh:
        fh.write("Kundennummer;Firma;PLZ;Ort\r\n")
        for i in range(CUSTOMERS):
            fh.write(f"{10001 + i};Müller & Söhne {i} GmbH;{8000 + i % 900};Zürich\r\n")
    orders = folder / "auftraege.csv"
    with orders.open("w", encoding="cp1252", newline="") as fh:
        fh.write("Kundennummer;Datum;Auftragsnummer;Nettobetrag;Rabatt;Wareneinsatz;Bemerkung\r\n")
        for i in range(rows):
            cents = rng.randint(1_000, 5_000_000)
            day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 2015 + i % 10
            fh.write(
                f"{10001 + rng.randrange(CUSTOMERS)};{day:02d}.{month:02d}.{year};A{i:07d};"
                f"{cents // 100},{cents % 100:02d};{cents // 2000},00;{cents // 300},{i % 100:02d};"
                f"{'Lieferung frei Haus' if i % 10 == 0 else ''}\r\n"
            )
    return customers, orders


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        customers, orders = write_files(folder, rows)
        print(f"CSV generated: {rows:,} order rows, {orders.stat().st_size / 1e6:.0f} MB "
              f"in {time.perf_counter() - started:.1f} s")
        db = open_database(folder / "bench.sqlite3")
        repo = Repository(db)
        started = time.perf_counter()
        result = import_file(repo, "customers", customers, before_import=lambda: None)
        print(f"customers: {result.summary()} {time.perf_counter() - started:.1f} s")
        started, cpu = time.perf_counter(), time.process_time()
        result = import_file(repo, "orders", orders, before_import=lambda: None)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"orders:    {result.summary()}")
        print(f"IMPORT {rows:,} order rows (+ {rows:,} Bestellung contacts): {elapsed:.1f} s wall, "
              f"{cpu:.1f} s CPU ({rows / elapsed:,.0f} rows/s)")
        started, cpu = time.perf_counter(), time.process_time()
        result = import_file(repo, "orders", orders, before_import=lambda: None)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"RE-IMPORT (nothing changes): {result.summary()} {elapsed:.1f} s wall, "
              f"{cpu:.1f} s CPU")
        db.close()
    print("Note: 2-core machine shared with other work; wall figures are noisy, CPU time is the "
          "steadier measure. The automatic backup before import is not included.")


if __name__ == "__main__":
    main()
