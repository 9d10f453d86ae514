"""Speed of the per-customer forecast on a large database (issue 5: 100,000 customers < 10 s).

    python tests/benchmarks/bench_forecast.py [--db PATH] [--customers N] [--as-of YYYY-MM-DD]

Without --db a demo database with N customers (default 100,000) is created in a temp folder
first (that takes a few minutes). Prints the time of each stage; no assertions. The machine
may be shared, so figures are noisy: run twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kundenportfolio.core.forecast import ForecastSettings, forecast_customers  # noqa: E402
from kundenportfolio.data.database import open_database  # noqa: E402
from kundenportfolio.data.order_history import latest_order_date, load_forecast_inputs  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--as-of", dest="as_of", default=None)
    parser.add_argument("--horizon-days", dest="horizon", type=int, default=365)
    args = parser.parse_args()
    path = args.db
    if path is None:
        from kundenportfolio.data.demo import create_demo_database

        path = Path(tempfile.mkdtemp()) / "bench_forecast.sqlite3"
        started = time.perf_counter()
        create_demo_database(path, customers=args.customers)
        print(f"Demo-Datenbank ({args.customers} Kunden) erstellt in "
              f"{time.perf_counter() - started:.1f} s")
    repository = Repository(open_database(path))
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else latest_order_date(repository)
    assert as_of is not None, "no orders"
    started, cpu = time.perf_counter(), time.process_time()
    inputs = load_forecast_inputs(repository, as_of, annotations=False)
    loaded = time.perf_counter()
    table, info = forecast_customers(inputs.orders, inputs.customers, as_of, args.horizon,
                                     ForecastSettings.from_values(inputs.settings))
    done, cpu_done = time.perf_counter(), time.process_time()
    print(f"{len(inputs.customers)} Kunden, {len(inputs.orders)} Aufträge, Stichtag {as_of}, "
          f"{args.horizon} Tage, Methode {info.method}")
    print(f"  Laden (SQL → pandas):       {loaded - started:6.2f} s")
    print(f"  Prognose + Kennzahlen:      {done - loaded:6.2f} s")
    print(f"  Gesamt:                     {done - started:6.2f} s "
          f"(CPU-Zeit dieses Prozesses: {cpu_done - cpu:.2f} s)")
    print(f"  Abwanderungsgefahr: {int(table['at_risk'].sum())} Kunden; erwartet gesamt "
          f"{table['expected_cents'].sum() / 100:.2f}")


if __name__ == "__main__":
    main()
