"""Synthetic transaction histories for forecast benchmarks (not collected by pytest).

Pareto/NBD-like customers: gamma-distributed purchase rates, exponential lifetimes with
gamma-distributed dropout rates, gamma spend per purchase around a log-normal customer mean.
`realistic=True` adds what real shops show and the textbook model does not: individual
growth or decline of the purchase rate, seasonality, spend that is correlated with frequency,
occasional very large one-off orders and a few returns (credit notes).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def generate_orders(customers: int = 5000, *, days: int = 3 * 365, seed: int = 7,
                    realistic: bool = True, acquisition_share: float = 0.4) -> pd.DataFrame:
    """Orders (customer_id, order_date, net_cents) over `days` days starting 2020-01-01.

    Customers arrive uniformly in the first `acquisition_share` of the span and buy on arrival.
    """
    rng = np.random.default_rng(seed)
    n = customers
    rate = rng.gamma(0.7, 1 / 18.0, n)  # purchases per day: mean ≈ 0.039 (≈ 14 a year)
    dropout = rng.gamma(0.8, 1 / 500.0, n)  # mean lifetime of a few years, very spread
    lifetime = rng.exponential(1 / np.maximum(dropout, 1e-9))
    birth = rng.uniform(0, days * acquisition_share, n)
    death = np.minimum(birth + lifetime, days)
    mean_spend = rng.lognormal(np.log(8000), 0.9, n)  # cents
    drift = rng.normal(0, 0.5, n) if realistic else np.zeros(n)  # log growth per year
    if realistic:
        mean_spend *= (rate / rate.mean()) ** 0.25  # frequent buyers also buy a bit bigger
    # rate at time t: rate · exp(drift · years since birth) · (1 + 0.35 sin(season))
    years = (death - birth) / 365
    peak = rate * np.exp(np.maximum(drift, 0) * years) * (1.35 if realistic else 1.0)
    counts = rng.poisson(peak * (death - birth))
    owner = np.repeat(np.arange(n), counts)
    times = birth[owner] + rng.uniform(0, 1, len(owner)) * (death - birth)[owner]
    actual = rate[owner] * np.exp(drift[owner] * (times - birth[owner]) / 365)
    if realistic:
        actual *= 1 + 0.35 * np.sin(2 * np.pi * times / 365)
    keep = rng.uniform(0, 1, len(owner)) * peak[owner] < actual
    owner, times = np.concatenate([np.arange(n), owner[keep]]), np.concatenate([birth, times[keep]])
    spend = rng.gamma(4.0, mean_spend[owner] / 4.0)
    if realistic:
        big = rng.uniform(0, 1, len(owner)) < 0.003
        spend[big] *= rng.uniform(10, 40, big.sum())
        returns = rng.uniform(0, 1, len(owner)) < 0.02
        spend[returns] = -0.5 * spend[returns]
    start = pd.Timestamp("2020-01-01")
    frame = pd.DataFrame({
        "customer_id": owner.astype("int64") + 1,
        "order_date": start + pd.to_timedelta(np.floor(times).astype(int), unit="D"),
        "net_cents": np.round(spend).astype("int64"),
    })
    return frame.sort_values(["order_date", "customer_id"], kind="stable").reset_index(drop=True)
