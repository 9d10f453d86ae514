"""Planning table (by group, month, quarter) and backtest metrics, hand-computed."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kundenportfolio.core.backtest import run_backtest, top_share_precision
from kundenportfolio.core.forecast_plan import plan_table, seasonal_profile


def test_plan_spreads_by_season_and_adds_variances() -> None:
    forecast = pd.DataFrame({"expected_cents": [120_000, 240_000], "low_cents": [0, 240_000],
                             "high_cents": [256_320, 240_000]}, index=[1, 2])
    groups = pd.Series({1: "star", 2: "mitnahme"})
    plan = plan_table(forecast, groups, np.full(12, 1 / 12), dt.date(2025, 12, 31))
    star = plan[plan["group"] == "star"].set_index("period")
    # flat profile: 1200.00 / 12 = 100.00 a month, 300.00 a quarter
    assert star.loc["2026-01", "expected_cents"] == 10_000
    assert star.loc["2026-Q1", "expected_cents"] == 30_000
    # customer 1: range 0 … 2563.20 → σ = 2563.20 / 2.5632 = 1000.00; total 1200 ± 1281.60
    total = star[star["kind"] == "total"].iloc[0]
    assert (total["low_cents"], total["high_cents"]) == (0, 248_160)
    everyone = plan[(plan["group"] == "alle") & (plan["kind"] == "total")].iloc[0]
    assert everyone["expected_cents"] == 360_000  # both groups together
    assert len(plan[plan["kind"] == "month"]) == 36 and len(plan[plan["kind"] == "quarter"]) == 12


def test_seasonal_profile_is_flat_without_history() -> None:
    empty = pd.DataFrame({"customer_id": [], "order_date": pd.to_datetime([]), "net_cents": []})
    assert seasonal_profile(empty, dt.date(2025, 12, 31)) == pytest.approx(np.full(12, 1 / 12))
    december = pd.DataFrame({"customer_id": [1, 1], "net_cents": [5_000, 1_000],
                             "order_date": pd.to_datetime(["2025-12-10", "2025-07-10"])})
    profile = seasonal_profile(december, dt.date(2025, 12, 31))
    assert profile[11] == pytest.approx(5 / 6) and profile[6] == pytest.approx(1 / 6)


def test_top_share_precision_counts_the_overlap() -> None:
    actual = np.arange(20, dtype=float)  # top 10 %: customers 19 and 18
    predicted = np.zeros(20)
    predicted[[19, 3]] = 1.0  # one of the two right
    assert top_share_precision(predicted, actual) == 0.5


def test_backtest_naive_baseline_on_a_steady_customer() -> None:
    orders = pd.DataFrame({"customer_id": [1, 1, 1, 2], "net_cents": [10_000, 10_000, 10_000, 500],
                           "order_date": pd.to_datetime(["2023-06-01", "2024-06-01", "2025-06-01",
                                                         "2023-02-01"])})
    scores = {s.method: s for s in run_backtest(orders, "2025-12-31", 365,
                                                methods=("naive", "moving_average"))}
    # hidden year: customer 1 100.00, customer 2 0; naive says 100.00 and 0 → no error
    assert scores["naive"].rmse == 0 and scores["naive"].total_actual == 100.0
    # moving average of customer 2 over its windows (0, 5.00 in 2023): 2.50 → MAE 1.25
    assert scores["moving_average"].mae == pytest.approx(1.25)
