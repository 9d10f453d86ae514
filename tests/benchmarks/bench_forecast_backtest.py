"""Backtest of the forecast methods (issue 5): production model vs BG/NBD + Gamma-Gamma,
naive last period and moving average.

    python tests/benchmarks/bench_forecast_backtest.py [--db PATH] [--cdnow CDNOW_master.txt]
                                                       [--customers N]

Data sets: synthetic Pareto/NBD-like customers (stationary, and "realistic" with growth or
decline, seasonality, one-off giant orders and returns; also with only about a year of
history and a quarter hidden, like the public online-retail data), the demo database (created with 300
customers if --db is not given) and, if given, the public CDNOW master file (23,570 customers,
calibration 01.01.–30.09.1997, holdout of 39 weeks until 30.06.1998; the file ships with the
`lifetimes` package's data sets). Prints RMSE, MAE, total error and top-10 % precision;
no assertions. Machine shared with other work: the seconds are noisy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kundenportfolio.core.backtest import format_scores, run_backtest  # noqa: E402
from tests.benchmarks.synthetic_orders import generate_orders  # noqa: E402


def report(title: str, orders: pd.DataFrame, end: pd.Timestamp, holdout: int) -> None:
    cutoff = end - pd.Timedelta(days=holdout)
    customers = orders.loc[orders["order_date"] <= cutoff, "customer_id"].nunique()
    print(f"\n=== {title}: Kalibrierung bis {cutoff.date()}, verdeckt {holdout} Tage ===")
    print(format_scores(run_backtest(orders, end, holdout), customers))


def load_cdnow(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, sep=r"\s+", header=0, dtype={"customer_id": int, "date": str})
    return pd.DataFrame({"customer_id": raw["customer_id"].astype("int64"),
                         "order_date": pd.to_datetime(raw["date"], format="%Y%m%d"),
                         "net_cents": (raw["dollar_value"] * 100).round().astype("int64")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--cdnow", type=Path, default=None)
    parser.add_argument("--customers", type=int, default=5000)
    args = parser.parse_args()

    if args.cdnow:
        report("CDNOW (real)", load_cdnow(args.cdnow), pd.Timestamp("1998-06-30"), 273)
    for realistic in (False, True):
        orders = generate_orders(args.customers, days=3 * 365, seed=7, realistic=realistic)
        name = "synthetisch, realistisch" if realistic else "synthetisch, Pareto/NBD stationär"
        for holdout in (365, 182):
            report(f"{name} ({args.customers} Kunden)", orders, orders["order_date"].max(), holdout)

    # like the public online-retail data: about a year of history, strong season, a quarter hidden
    short = generate_orders(4000, days=373, seed=1, realistic=True, acquisition_share=0.8)
    report("synthetisch, ein Jahr Geschichte (4000 Kunden)", short, short["order_date"].max(), 91)

    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.order_history import latest_order_date, load_orders
    from kundenportfolio.data.repository import Repository

    path = args.db
    if path is None:
        from kundenportfolio.data.demo import create_demo_database

        path = Path(tempfile.mkdtemp()) / "backtest_demo.sqlite3"
        create_demo_database(path, customers=300)
    repository = Repository(open_database(path))
    end = latest_order_date(repository)
    if end is None:
        print("Demo-Datenbank ohne Aufträge.")
        return
    orders = load_orders(repository, end)
    for holdout in (365, 180):
        report(f"Demo-Datenbank {path.name}", orders, pd.Timestamp(end), holdout)


if __name__ == "__main__":
    main()
