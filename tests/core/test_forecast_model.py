"""The learned mixture of the production forecast on small hand-made data: convex weights, the
robust fit, the trend components, the small-firm choice and the BG/NBD series for large a."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from kundenportfolio.core.backtest import run_backtest
from kundenportfolio.core.clv_models import BGNBD
from kundenportfolio.core.forecast import forecast_customers
from kundenportfolio.core.forecast_model import (
    FEATURES,
    _features,
    _fit_probabilistic,
    bgnbd_revenue,
    forecast_revenue,
    mixture_weights,
    nnls,
    summarise,
)


def orders(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame([(c, pd.Timestamp(d), v) for c, d, v in rows],
                        columns=["customer_id", "order_date", "net_cents"])


def test_convex_weights_sum_to_one_where_free_ones_would_not() -> None:
    a = np.array([[1.0, 0.0], [0.0, 1.0]])
    y = np.array([1.0, 1.0])
    # free least squares: both weights 1 (sum 2); with Σβ = 1: minimise (b1−1)² + (b2−1)²
    # on b1 + b2 = 1 → 0.5 each
    assert nnls(a, y) == pytest.approx([1.0, 1.0])
    assert nnls(a, y, total=1.0) == pytest.approx([0.5, 0.5])
    # a column that is exactly the target takes all the weight
    b = np.array([[1.0, 3.0], [2.0, 1.0], [4.0, 0.0]])
    assert nnls(b, np.array([1.0, 2.0, 4.0]), total=1.0) == pytest.approx([1.0, 0.0])


def test_the_prior_pulls_weights_towards_equal_weights() -> None:
    a = np.array([[1.0, 3.0], [2.0, 1.0], [4.0, 0.0]])
    y = a[:, 0]
    weak = nnls(a, y, np.array([0.5, 0.5]), 0.1, total=1.0)
    strong = nnls(a, y, np.array([0.5, 0.5]), 1_000.0, total=1.0)
    assert weak[0] > 0.95 and strong == pytest.approx([0.5, 0.5], abs=0.01)
    assert weak.sum() == pytest.approx(1.0) and strong.sum() == pytest.approx(1.0)


def test_one_freak_order_does_not_pick_the_mixture() -> None:
    # component 0 is right for all 1,000 customers, component 1 twice too high for everybody.
    # Customer 0 then places a freak order of 3,000,000 that neither foresaw. Plain least
    # squares moves to the component that is "less wrong" for the freak (worth more than all
    # the rest together); the robust fit counts the freak's error linearly and stays (up to
    # the pull of the prior towards equal weights, 100 of 1,000 customers' worth).
    rng = np.random.default_rng(5)
    good = rng.gamma(2.0, 500.0, 1000)
    target = good.copy()
    target[0] = 3_000_000.0
    features = np.column_stack([good, 2 * good])
    plain = nnls(features, target, total=1.0)
    robust = mixture_weights(features, target)
    assert plain[1] > 0.8
    assert robust[0] > 0.8 and robust.sum() == pytest.approx(1.0) and (robust >= 0).all()


def test_trend_components_follow_a_customer_who_buys_more_or_less_than_before() -> None:
    # three customers with the same six purchases of 100.00 in two years: early, evenly, late
    rows = []
    for day in pd.date_range("2023-01-02", periods=6, freq="14D"):
        rows.append((1, day.isoformat(), 10_000))  # all at the start: slowed down
    for day in pd.date_range("2023-01-02", periods=6, freq="145D"):
        rows.append((2, day.isoformat(), 10_000))  # evenly
    for day in pd.date_range("2024-09-02", periods=6, freq="14D"):
        rows.append((3, day.isoformat(), 10_000))  # a late starter who now buys often
    rows.append((3, "2023-01-02", 10_000))  # … but was there from the start
    # many ordinary customers so that BG/NBD can be fitted
    rng = np.random.default_rng(1)
    for customer in range(10, 70):
        for day in rng.choice(pd.date_range("2023-01-01", "2024-12-31").to_numpy(), 4):
            rows.append((customer, str(pd.Timestamp(day).date()), 5_000))
    data = orders(rows)
    cut = pd.Timestamp("2024-12-31")
    summary = summarise(data, cut, 180)
    models = _fit_probabilistic(summary)
    assert models is not None
    columns = _features(summary, models, bgnbd_revenue(summary, models, 180), 180)
    table = pd.DataFrame(columns, index=summary.index, columns=FEATURES)
    # the forgetting rate estimate moves with the customer, the stationary one does not
    assert table.loc[1, "bg_trend"] < table.loc[1, "bgnbd"]
    assert table.loc[3, "bg_trend"] > table.loc[3, "bgnbd"]
    # the slow memory lies between the stationary and the fast one
    assert table.loc[1, "bg_trend"] <= table.loc[1, "bg_slow"] <= table.loc[1, "bgnbd"]
    assert (columns >= 0).all() and np.isfinite(columns).all()


def yearly_firm(customers: int = 30, seed: int = 0) -> pd.DataFrame:
    """A small firm with yearly orders on fixed dates (a year-end invoice), some growth,
    decline and churn, new customers now and then, and one customer with a single order."""
    rng = np.random.default_rng(seed)
    rows = []
    for customer in range(1, customers):
        base = rng.lognormal(math.log(500_000), 1.0)
        growth = rng.normal(0.0, 0.15)
        first = int(rng.integers(2018, 2024))
        stop = int(rng.integers(first + 1, 2027)) if rng.random() < 0.25 else 2027
        for year in range(first, min(stop, 2026)):
            amount = base * math.exp(growth * (year - first)) * rng.lognormal(0.0, 0.2)
            rows.append((customer, f"{year}-12-31", int(amount)))
    rows.append((customers, "2025-12-31", 80_000))  # a brand-new customer
    return orders(rows)


def test_small_firm_with_yearly_orders_keeps_the_damped_trend() -> None:
    data = yearly_firm()
    customers = pd.DataFrame({"customer_id": range(1, 31), "number": [f"K{i}" for i in range(1, 31)],
                              "name": [f"Kunde {i}" for i in range(1, 31)]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division by zero, no overflow
        table, info = forecast_customers(data, customers, pd.Timestamp("2025-12-31"), 365)
    # enough customers for BG/NBD, but the trend of the yearly invoices predicted the last
    # year better than the mixture: the damped trend is kept
    assert info.method == "fallback"
    assert (table["low_cents"] <= table["expected_cents"]).all()
    assert (table["expected_cents"] <= table["high_cents"]).all()
    # no absurd ranges: the spread is never wider than the forecast itself
    active = table[table["expected_cents"] > 0]
    assert (active["high_cents"] <= 2.3 * active["expected_cents"] + 1).all()
    new = table.loc[30]
    assert new.status_label == "zu wenig Daten" and new.expected_cents == 80_000


def test_small_firm_with_frequent_orders_uses_the_mixture() -> None:
    from tests.benchmarks.synthetic_orders import generate_orders

    data = generate_orders(60, days=3 * 365, seed=4, realistic=False)
    result, info = forecast_revenue(data, data["order_date"].max(), 180)
    assert info.method == "model" and sum(info.weights.values()) == pytest.approx(1.0)
    assert (result["expected"] >= 0).all() and np.isfinite(result.to_numpy()).all()


def test_mixture_beats_bgnbd_on_customers_with_trends_and_seasons() -> None:
    """Regression check on a seeded realistic synthetic data set (growth and decline, seasons,
    big one-off orders, returns): the learned mixture is better than BG/NBD + Gamma-Gamma on
    both backtest measures."""
    from tests.benchmarks.synthetic_orders import generate_orders

    data = generate_orders(2000, days=3 * 365, seed=11, realistic=True)
    scores = {s.method: s for s in run_backtest(data, data["order_date"].max(), 182,
                                                 ("model", "bgnbd"))}
    assert scores["model"].used_method == "model"
    assert scores["model"].rmse < 0.97 * scores["bgnbd"].rmse
    assert scores["model"].top10_precision >= scores["bgnbd"].top10_precision


def test_bgnbd_expectation_without_overflow_for_a_large_dropout_parameter() -> None:
    # a ≫ 1 (hardly any dropout, as for business customers): the Euler form of the series
    # would overflow; the direct series gives the same values as a plain float sum
    r, alpha, a, b = 2.23, 50.4, 2184.0, 153136.0
    x, t_x, big_t, t = np.array([0.0, 3.0, 40.0]), np.array([0.0, 80.0, 200.0]), \
        np.array([30.0, 120.0, 210.0]), 52.0

    def reference(xi: float, txi: float, ti: float) -> float:
        z = t / (alpha + ti + t)
        term = total = 1.0
        for k in range(100_000):
            term *= (r + xi + k) * (b + xi + k) / ((a + b + xi - 1 + k) * (k + 1)) * z
            total += term
            if term < 1e-17 * total:
                break
        bracket = 1 - ((alpha + ti) / (alpha + ti + t)) ** (r + xi) * total
        extra = a / (b + xi - 1) * ((alpha + ti) / (alpha + txi)) ** (r + xi) if xi > 0 else 0.0
        return float((a + b + xi - 1) / (a - 1) * bracket / (1 + extra))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = BGNBD(r=r, alpha=alpha, a=a, b=b).expected_purchases(t, x, t_x, big_t)
    assert got == pytest.approx([reference(*row) for row in zip(x, t_x, big_t, strict=True)],
                                rel=1e-9)
    assert (got > 0).all()
