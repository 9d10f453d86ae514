"""Benchmark: full portfolio recomputation vs. SQLite's own GROUP BY, memory, incremental update.

    python tests/benchmarks/bench_portfolio.py [--db FILE] [--customers 100000] [--repeat 3]

Without --db (or if the file does not exist) a demo database is created with
`kundenportfolio.data.demo.create_demo_database` (falls back to a quick synthetic one).
Prints figures only; the machine is shared, so numbers are noisy — compare the two
timings of the same run, not runs with each other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kundenportfolio.core.models import Order  # noqa: E402
from kundenportfolio.core.periods import Period  # noqa: E402
from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.portfolio_store import PortfolioStore  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402

BASELINE_SQL = ("SELECT customer_id, strftime('%Y', order_date), SUM(amount_cents) FROM orders "
                "GROUP BY 1, 2")


def synthetic_database(path: Path, customers: int, orders: int) -> None:
    """A quick stand-in for the demo data: customers, orders over 5 years, contacts, costs."""
    db = open_database(path)
    rng = random.Random(1)
    today = dt.date.today()
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO customers (id, number, name, customer_since, potential_cents, "
            "rating_payment) VALUES (?, ?, ?, ?, ?, ?)",
            [(i, str(10000 + i), f"Kunde {i}", (today - dt.timedelta(days=rng.randint(0, 4000)))
              .isoformat(), rng.choice([None, rng.randint(10_000, 10_000_000)]),
              rng.choice([None, 1, 2, 3, 4, 5])) for i in range(1, customers + 1)],
        )

        def order_rows():  # type: ignore[no-untyped-def]
            for _ in range(orders):
                day = today - dt.timedelta(days=rng.randint(0, 5 * 365))
                amount = rng.randint(1_000, 500_000)
                cogs = None if rng.random() < 0.3 else amount * rng.randint(40, 80) // 100
                yield (rng.randint(1, customers), day.isoformat(), amount,
                       amount * rng.choice([0, 0, 2, 5]) // 100, cogs)

        db.conn.executemany(
            "INSERT INTO orders (customer_id, order_date, amount_cents, discount_cents, "
            "cost_of_goods_cents) VALUES (?, ?, ?, ?, ?)", order_rows())
        db.conn.execute(
            "INSERT INTO contacts (customer_id, occurred_at, type, order_id) "
            "SELECT customer_id, order_date || ' 00:00', 'order', id FROM orders")
        types = ["call", "email", "visit", "complaint", "offer"]
        db.conn.executemany(
            "INSERT INTO contacts (customer_id, occurred_at, type) VALUES (?, ?, ?)",
            ((rng.randint(1, customers),
              (today - dt.timedelta(days=rng.randint(0, 5 * 365))).isoformat() + " 10:00",
              rng.choice(types)) for _ in range(orders // 2)))
        categories = ["visit", "service", "gift", "event", "complaint_handling"]
        db.conn.executemany(
            "INSERT INTO costs (customer_id, cost_date, category, amount_cents) VALUES (?, ?, ?, ?)",
            ((rng.randint(1, customers),
              (today - dt.timedelta(days=rng.randint(0, 5 * 365))).isoformat(),
              rng.choice(categories), rng.randint(500, 50_000)) for _ in range(orders // 3)))
    db.close()


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of this process) per run."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def fmt(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return (f"wall min {min(wall) * 1000:8.1f} ms median {statistics.median(wall) * 1000:8.1f} ms"
            f" | CPU min {min(cpu) * 1000:8.1f} ms median {statistics.median(cpu) * 1000:8.1f} ms"
            f" ({len(wall)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/kp_bench_100k.sqlite3"))
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000, help="synthetic fallback only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args()

    if not args.db.exists():
        started = time.perf_counter()
        try:
            from kundenportfolio.data.demo import create_demo_database

            create_demo_database(args.db, customers=args.customers)
            kind = "demo"
        except ImportError:
            synthetic_database(args.db, args.customers, args.orders)
            kind = "synthetic"
        print(f"created {kind} database {args.db} in {time.perf_counter() - started:.1f} s")

    repo = Repository(open_database(args.db))
    db = repo.db
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("customers", "orders", "contacts", "costs")}
    print("database:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    as_of = dt.date.fromisoformat(db.execute("SELECT max(order_date) FROM orders").fetchone()[0])
    db.conn.execute(BASELINE_SQL).fetchall()  # warm the page cache for both

    baseline = timed(lambda: db.conn.execute(BASELINE_SQL).fetchall(), args.repeat)
    print(f"SQLite GROUP BY customer, year      {fmt(baseline)}")
    for period in (Period.last_12_months(as_of), Period.calendar_year(as_of.year - 1),
                   Period.all_time(as_of)):
        full = timed(lambda p=period: PortfolioStore(repo).result(p), args.repeat)
        print(f"full recomputation {period.kind:6s}           {fmt(full)}")
        print(f"    ratio to the GROUP BY: wall {min(full[0]) / min(baseline[0]):.2f}×, "
              f"CPU {min(full[1]) / min(baseline[1]):.2f}×")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process so far): {peak:.0f} MB")

    store = PortfolioStore(repo)
    period = Period.last_12_months(as_of)
    result = store.result(period)
    rng = random.Random(7)
    ids = result.table.index.to_numpy()
    record_times: tuple[list[float], list[float]] = ([], [])
    update_times: tuple[list[float], list[float]] = ([], [])
    added: list[Order] = []
    for _ in range(args.updates):
        cid = int(rng.choice(ids))
        order = Order(customer_id=cid, order_date=as_of, amount_cents=rng.randint(1, 10**7))
        for times, step in ((record_times, lambda o=order: added.append(repo.record_order(o))),
                            (update_times, lambda c=cid: store.customer_changed(c))):
            wall, cpu = timed(step, 1)
            times[0].append(wall[0])
            times[1].append(cpu[0])
        assert store.result(period) is result
    print(f"record_order (fsync, WAL)           {fmt(record_times)}")
    print(f"customer_changed (incremental)      {fmt(update_times)}")
    print(f"    slowest update: wall {max(update_times[0]) * 1000:.1f} ms, "
          f"CPU {max(update_times[1]) * 1000:.1f} ms")
    # check against a full recomputation: the changed customers' values and all ranks
    fresh = PortfolioStore(repo).result(period).table
    same_rank = (fresh["rank"] == result.table["rank"]).mean() * 100
    same_value = (fresh["kundenwert_cents"] == result.table["kundenwert_cents"]).mean() * 100
    same_group = (fresh["group"] == result.table["group"]).mean() * 100
    print(f"after updates vs full: Kundenwert equal {same_value:.2f} %, rank equal {same_rank:.2f} %, "
          f"group equal {same_group:.3f} % of customers")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process): {peak:.0f} MB")
    snap = timed(lambda: store.snapshot(Period.calendar_year(as_of.year - 1)), 1)
    print(f"snapshot of {len(result.table):,} customers   {fmt(snap)}")
    db.execute("DELETE FROM group_history WHERE period = ?", [str(as_of.year - 1)])
    for order in added:  # leave the benchmark database as it was
        repo.delete_order(int(order.id or 0))
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
