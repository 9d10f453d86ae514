"""Backtest of the forecast methods (issue 5) over many data sets and splits: the production
model (learned mixture) against BG/NBD + Gamma-Gamma and the naive "last period repeats".

    python tests/benchmarks/bench_forecast_backtest.py [--cdnow CDNOW_master.txt]
        [--cdnow-sample CDNOW_sample.txt] [--demo 250:1,2,3 1000:1,2 5000:1] [--db PATH]
        [--synthetic-customers N] [--detail]

Data sets and splits (calibration = everything before the hidden period):
  * CDNOW (public, real; the master file with 23,570 customers and/or the 2,357-customer
    sample of the BG/NBD papers; both ship with the `lifetimes` package): calibration 26 weeks
    + 26 hidden, the standard 39 + 39, and 52 + 26 (the data end after 78 weeks).
  * demo databases of several sizes and seeds (created in a temp folder, 5 years of history,
    as of today), the last 365 and the last 180 days hidden;
  * synthetic customers (tests/benchmarks/synthetic_orders.py): stationary Pareto/NBD-like and
    "realistic" (growth, decline, season, giant orders, returns), 365 and 182 days hidden; one
    year of history with a quarter hidden; and a small firm with 30 customers that invoice once
    a year (the fallback case).
One line per split: RMSE and top-10 % precision of the three methods; "*" marks where the
mixture beats BG/NBD + Gamma-Gamma, "=" a tie. The method column says "Rückfall" where the
production model used its small-data fallback. --detail also prints the full backtest table
(MAE, total error, seconds) of each split. No assertions; the machine may be shared.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kundenportfolio.core.backtest import BacktestScore, format_scores, run_backtest  # noqa: E402
from tests.benchmarks.synthetic_orders import generate_orders  # noqa: E402

METHODS = ("model", "bgnbd", "naive")
CDNOW_SPLITS = (("26+26 Wo.", "1997-12-30", 182), ("39+39 Wo.", "1998-06-30", 273),
                ("52+26 Wo.", "1998-06-30", 181))
DEFAULT_DEMO = ("250:1,2,3", "1000:1,2", "5000:1")


@dataclass
class Row:
    data: str
    split: str
    customers: int
    scores: dict[str, BacktestScore]


def load_cdnow(path: Path) -> pd.DataFrame:
    """The CDNOW master file (id, date, CDs, dollars) or the sample (master id, sample id, date,
    CDs, dollars), as orders in cents."""
    raw = pd.read_csv(path, sep=r"\s+", header=None, dtype=str, comment=None)
    if not raw.iloc[0, 0].isdigit():  # the master file has a header line
        raw = raw.iloc[1:]
    ids, dates, dollars = (raw[0], raw[1], raw[3]) if raw.shape[1] == 4 else (raw[1], raw[2], raw[4])
    return pd.DataFrame({"customer_id": ids.astype("int64").to_numpy(),
                         "order_date": pd.to_datetime(dates, format="%Y%m%d").to_numpy(),
                         "net_cents": (dollars.astype(float) * 100).round().astype("int64").to_numpy()})


def yearly_invoices(customers: int = 30, seed: int = 0) -> pd.DataFrame:
    """A small firm whose customers are invoiced once a year (31.12.), six years: yearly amounts
    around a customer level with growth or decline, a quarter of them leave at some point."""
    rng = np.random.default_rng(seed)
    rows = []
    for customer in range(1, customers + 1):
        base, growth = rng.lognormal(math.log(500_000), 1.0), rng.normal(0.0, 0.15)
        first = int(rng.integers(2019, 2025))
        stop = int(rng.integers(first + 1, 2028)) if rng.random() < 0.25 else 2028
        for year in range(first, min(stop, 2027)):
            amount = base * math.exp(growth * (year - first)) * rng.lognormal(0.0, 0.2)
            rows.append((customer, pd.Timestamp(f"{year}-12-31"), int(amount)))
    return pd.DataFrame(rows, columns=["customer_id", "order_date", "net_cents"])


def backtest(rows: list[Row], detail: bool, data: str, split: str, orders: pd.DataFrame,
             end: pd.Timestamp, holdout: int) -> None:
    cutoff = end - pd.Timedelta(days=holdout)
    customers = orders.loc[orders["order_date"] <= cutoff, "customer_id"].nunique()
    scores = run_backtest(orders, end, holdout, METHODS)
    rows.append(Row(data, split, customers, {s.method: s for s in scores}))
    print(_line(rows[-1]), flush=True)
    if detail:
        print(format_scores(scores, customers) + "\n", flush=True)


def _mark(ours: float, reference: float, higher_is_better: bool) -> str:
    if math.isclose(ours, reference, rel_tol=1e-9, abs_tol=1e-12):
        return "="
    return "*" if (ours > reference) == higher_is_better else " "


HEADER = (f"{'Datensatz':<32} {'Split':<11} {'Kunden':>7} | {'RMSE Mischung':>14} "
          f"{'BG/NBD':>10} {'naiv':>10} | {'Top-10 % Mischung':>17} {'BG/NBD':>7} {'naiv':>7} | "
          "Methode")


def _line(row: Row) -> str:
    m, b, n = (row.scores[k] for k in METHODS)
    method = "Rückfall" if m.used_method == "fallback" else "Mischung"
    return (f"{row.data:<32} {row.split:<11} {row.customers:>7} | {m.rmse:>13.2f}"
            f"{_mark(m.rmse, b.rmse, False)} {b.rmse:>10.2f} {n.rmse:>10.2f} | "
            f"{100 * m.top10_precision:>15.1f} %{_mark(m.top10_precision, b.top10_precision, True)}"
            f"{100 * b.top10_precision:>6.1f} {100 * n.top10_precision:>6.1f} | {method}")


def summary(rows: list[Row]) -> str:
    rmse = [r.scores["model"].rmse / r.scores["bgnbd"].rmse for r in rows]
    top = [100 * (r.scores["model"].top10_precision - r.scores["bgnbd"].top10_precision)
           for r in rows]
    return (f"Mischung gegen BG/NBD + Gamma-Gamma über {len(rows)} Splits: RMSE besser in "
            f"{sum(x < 1 for x in rmse)} (Verhältnis im Mittel {np.mean(rmse):.3f}, schlechtestes "
            f"{max(rmse):.3f}); Top-10 % besser in {sum(x > 0 for x in top)}, gleich in "
            f"{sum(x == 0 for x in top)}, schlechter in {sum(x < 0 for x in top)} "
            f"(Differenz im Mittel {np.mean(top):+.1f} Punkte, schlechteste {min(top):+.1f}).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cdnow", type=Path, default=None, help="CDNOW_master.txt")
    parser.add_argument("--cdnow-sample", type=Path, default=None, help="CDNOW_sample.txt")
    parser.add_argument("--demo", nargs="*", default=list(DEFAULT_DEMO),
                        help="demo databases as SIZE:SEED,SEED… (default: %(default)s)")
    parser.add_argument("--db", type=Path, default=None, help="also an existing database")
    parser.add_argument("--synthetic-customers", type=int, default=5000)
    parser.add_argument("--detail", action="store_true", help="full table of each split")
    args = parser.parse_args()

    rows: list[Row] = []
    print(HEADER)
    for name, path in (("CDNOW (23.570 Kunden)", args.cdnow),
                       ("CDNOW-Stichprobe (2.357)", args.cdnow_sample)):
        if path is not None:
            orders = load_cdnow(path)
            for split, end, holdout in CDNOW_SPLITS:
                backtest(rows, args.detail, name, split, orders, pd.Timestamp(end), holdout)

    from kundenportfolio.data.database import open_database
    from kundenportfolio.data.demo import create_demo_database
    from kundenportfolio.data.order_history import latest_order_date, load_orders
    from kundenportfolio.data.repository import Repository

    def database_orders(path: Path) -> tuple[pd.DataFrame, pd.Timestamp] | None:
        repository = Repository(open_database(path))
        end = latest_order_date(repository)
        return None if end is None else (load_orders(repository, end), pd.Timestamp(end))

    folder = Path(tempfile.mkdtemp())
    for spec in args.demo:
        size, seeds = spec.split(":")
        for seed in seeds.split(","):
            path = folder / f"demo_{size}_{seed}.sqlite3"
            create_demo_database(path, customers=int(size), seed=int(seed))
            loaded = database_orders(path)
            if loaded is not None:
                for holdout in (365, 180):
                    backtest(rows, args.detail, f"Demo {size} Kunden, Seed {seed}",
                             f"{holdout} Tage", loaded[0], loaded[1], holdout)
    if args.db is not None:
        loaded = database_orders(args.db)
        if loaded is not None:
            for holdout in (365, 180):
                backtest(rows, args.detail, args.db.name, f"{holdout} Tage", loaded[0], loaded[1],
                         holdout)

    n = args.synthetic_customers
    for realistic in (False, True):
        orders = generate_orders(n, days=3 * 365, seed=7, realistic=realistic)
        name = f"Synth. {'realistisch' if realistic else 'stationär'} ({n})"
        for holdout in (365, 182):
            backtest(rows, args.detail, name, f"{holdout} Tage", orders,
                     orders["order_date"].max(), holdout)
    # like the public online-retail data: about a year of history, strong season, a quarter hidden
    short = generate_orders(4000, days=373, seed=1, realistic=True, acquisition_share=0.8)
    backtest(rows, args.detail, "Synth. 1 Jahr Geschichte (4000)", "91 Tage", short,
             short["order_date"].max(), 91)
    for seed in (1, 2, 3):
        tiny = yearly_invoices(30, seed)
        backtest(rows, args.detail, f"Kleinbetrieb 30, Jahresrechn. {seed}", "365 Tage", tiny,
                 pd.Timestamp("2026-12-31"), 365)
    print("\n" + summary(rows))


if __name__ == "__main__":
    main()
