"""Business-level plan (METHOD §4): expected revenue of the next 12 months by group, by month
and by quarter, with a range, so purchasing, production and staff can be planned.

Each customer's 12-month forecast is spread over the months with the business's own seasonal
profile (share of each calendar month in the revenue of the last up to three years; flat when
there is no history). Ranges: each customer's 10 %/90 % range is read as ± 1.28 standard
deviations; customers are independent, so variances add within a group and month
(σ_month = share_month · σ_group). This is an approximation and is labelled as such.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

Z80 = 1.2816
PLAN_COLUMNS = ["group", "kind", "period", "start", "expected_cents", "low_cents", "high_cents"]
KIND_LABELS = {"month": "Monat", "quarter": "Quartal", "total": "12 Monate"}
ALL_GROUPS = "alle"


def seasonal_profile(orders: pd.DataFrame, as_of: dt.date | pd.Timestamp, years: int = 3
                     ) -> np.ndarray:
    """Share (sums to 1) of each calendar month 1..12 in the positive revenue of the last
    `years` years before as_of; flat if there is none."""
    as_of = pd.Timestamp(as_of)
    recent = orders[(orders["order_date"] <= as_of)
                    & (orders["order_date"] > as_of - pd.DateOffset(years=years))]
    by_month = recent.groupby(recent["order_date"].dt.month)["net_cents"].sum()
    shares = by_month.reindex(range(1, 13), fill_value=0).clip(lower=0).to_numpy(dtype=float)
    total = shares.sum()
    return shares / total if total > 0 else np.full(12, 1 / 12)


def plan_table(forecast: pd.DataFrame, groups: pd.Series | None, profile: np.ndarray,
               as_of: dt.date | pd.Timestamp) -> pd.DataFrame:
    """The planning table for the 12 months after as_of.

    `forecast`: per customer expected_cents, low_cents, high_cents for a 365-day horizon
    (index customer_id, as from `forecast.forecast_customers`); `groups`: group code per
    customer_id (None: one group "alle"). Returns rows per group (and "alle") for each month,
    each quarter and the 12-month total, columns PLAN_COLUMNS (amounts in cents, int64).
    """
    as_of = pd.Timestamp(as_of).normalize()
    first = (as_of + pd.Timedelta(days=1)).to_period("M")
    months = [first + i for i in range(12)]
    # twelve calendar months from the month of the first forecast day (an approximation of
    # the 365-day horizon when as_of is not a month end)
    weights = np.array([profile[m.month - 1] for m in months])
    weights = weights / weights.sum() if weights.sum() > 0 else np.full(12, 1 / 12)
    frame = forecast[["expected_cents", "low_cents", "high_cents"]].astype(float)
    sigma = (frame["high_cents"] - frame["low_cents"]) / (2 * Z80)
    code = (groups.reindex(frame.index).fillna("ohne").astype(str) if groups is not None
            else pd.Series(ALL_GROUPS, index=frame.index))
    data = pd.DataFrame({"group": code, "expected": frame["expected_cents"], "var": sigma ** 2})
    totals = data.groupby("group")[["expected", "var"]].sum()
    if groups is not None:
        totals.loc[ALL_GROUPS] = data[["expected", "var"]].sum()
    rows = []
    for group, row in totals.iterrows():
        exp_m, sd_m = row["expected"] * weights, np.sqrt(row["var"]) * weights
        quarters: dict[str, list[int]] = {}
        for i, month in enumerate(months):
            rows.append((group, "month", str(month), month.start_time.date(), exp_m[i], sd_m[i]))
            quarters.setdefault(f"{month.year}-Q{month.quarter}", []).append(i)
        for label, idx in quarters.items():
            rows.append((group, "quarter", label, months[idx[0]].start_time.date(),
                         exp_m[idx].sum(), sd_m[idx].sum()))
        rows.append((group, "total", f"{months[0]}–{months[-1]}", months[0].start_time.date(),
                     row["expected"], np.sqrt(row["var"])))
    table = pd.DataFrame(rows, columns=["group", "kind", "period", "start", "expected", "sd"])
    table["expected_cents"] = np.round(table["expected"]).astype("int64")
    table["low_cents"] = np.round(np.clip(table["expected"] - Z80 * table["sd"], 0, None)
                                  ).astype("int64")
    table["high_cents"] = np.round(table["expected"] + Z80 * table["sd"]).astype("int64")
    return table[PLAN_COLUMNS]
