"""Benchmark: build the 100,000-customer demo database and print time, rows, size and memory.

Run: `python tests/benchmarks/bench_demo.py [customers] [years]`. Prints figures, asserts nothing
about speed (the machine is shared, so timings are noisy). Target (issue 2 §4): 100,000 customers
with about 1,000,000 orders in under 2 minutes on a 2-core machine.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout, installed or not

from kundenportfolio.data.demo import create_demo_database  # noqa: E402


def main() -> None:
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite3"
        started = time.perf_counter()
        stats = create_demo_database(path, customers=customers, years=years, seed=1,
                                     as_of=dt.date(2026, 11, 27))
        elapsed = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_SELF)
        peak_mib = usage.ru_maxrss / 1024  # KiB on Linux
        conn = sqlite3.connect(path)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("staff", "customers", "orders", "contacts", "costs")}
        conn.close()
        print(f"demo: {customers:,} customers, {years} years, seed 1")
        print(f"time: {elapsed:.1f} s wall, {usage.ru_utime + usage.ru_stime:.1f} s CPU (target < 120 s; "
              f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        print(f"archetypes: {stats.archetypes}")
        print(f"file size: {path.stat().st_size / 2**20:.1f} MiB")
        print(f"peak memory (max RSS): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
