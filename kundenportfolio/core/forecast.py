"""Kaufverhalten prognostizieren (METHOD §4, issue 5): per customer revenue per year, its
fluctuation and trend, a forecast with range, year annotations and the at-risk rules.

Inputs are the pandas tables of `data.order_history` (amounts in cents); everything is
vectorised, so 100,000 customers take seconds. Codes come back as codes; German texts are
only the at-risk reasons and year notes, which are meant to be read as they are.
The forecast itself is `forecast_model.forecast_revenue` (learned mixture, see there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kundenportfolio.core.forecast_model import ModelInfo, forecast_revenue

# status codes of a customer's forecast and their German words
STATUS_LABELS = {
    "ok": "Prognose",
    "few_data": "zu wenig Daten",
    "no_orders": "zu wenig Daten (noch kein Auftrag)",
    "credit_only": "nur Gutschriften",
    "lapsed": "kein Umsatz erwartet",
}
STAT_COLUMNS = {
    "years": "int64", "mean_cents": float, "std_cents": float, "cv": float,
    "trend_percent": float, "yoy_percent": float, "revenue_12m_cents": float,
    "usual_interval_days": float, "last_order_date": "datetime64[ns]",
    "days_since_last_order": float, "purchase_days": "int64", "first_order_date": "datetime64[ns]",
}
TREND_YEARS = 4  # rolling 12-month windows used for the trend
MIN_INTERVAL_GAPS = 2  # a "usual" order interval needs at least two gaps (three purchases)


@dataclass(frozen=True)
class ForecastSettings:
    """The forecast's business settings (declared in kundenportfolio/settings.py)."""

    risk_interval_multiple: float = 2.0
    risk_trend_percent: float = -20.0
    large_order_factor: float = 3.0
    horizon_days: int = 365

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> ForecastSettings:
        """From `Repository.all_settings()`."""
        return cls(
            risk_interval_multiple=float(values.get("forecast_risk_interval_multiple", 2.0)),
            risk_trend_percent=float(values.get("forecast_risk_trend_percent", -20.0)),
            large_order_factor=float(values.get("forecast_large_order_factor", 3.0)),
            horizon_days=int(values.get("forecast_horizon_days", 365)),
        )


def _ts(day: dt.date | pd.Timestamp | str) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def yearly_revenue(orders: pd.DataFrame, as_of: dt.date | pd.Timestamp) -> pd.DataFrame:
    """Net revenue per customer and calendar year, every year from the first order to as_of
    (years without orders are 0). Columns: customer_id, year, revenue_cents, orders,
    partial (the as_of year when it is not complete), change_percent (to the year before)."""
    as_of = _ts(as_of)
    known = orders[orders["order_date"] <= as_of]
    columns = ["customer_id", "year", "revenue_cents", "orders", "partial", "change_percent"]
    if known.empty:
        return pd.DataFrame(columns=columns)
    years = known.assign(year=known["order_date"].dt.year)
    table = years.groupby(["customer_id", "year"]).agg(
        revenue_cents=("net_cents", "sum"), orders=("net_cents", "size"))
    first = years.groupby("customer_id")["year"].min()
    span = as_of.year - first.to_numpy() + 1
    offset = np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)
    full = pd.MultiIndex.from_arrays(
        [np.repeat(first.index.to_numpy(), span), np.repeat(first.to_numpy(), span) + offset],
        names=["customer_id", "year"])
    table = table.reindex(full, fill_value=0).reset_index()
    table["revenue_cents"] = table["revenue_cents"].astype("int64")
    table["partial"] = (table["year"] == as_of.year) & ~((as_of.month == 12) & (as_of.day == 31))
    before = table.groupby("customer_id")["revenue_cents"].shift(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = 100 * (table["revenue_cents"] - before) / before.abs()
    table["change_percent"] = change.where(before > 0)
    return table[columns]


def customer_statistics(orders: pd.DataFrame, as_of: dt.date | pd.Timestamp) -> pd.DataFrame:
    """Per customer (with orders): mean, std and CV of the complete calendar years, the change
    of the last 12 months against the 12 before (yoy_percent), the trend in % per year over up
    to four rolling 12-month windows, the usual order interval and the days since the last
    purchase. NaN where there is too little history for a figure."""
    as_of = _ts(as_of)
    known = orders[orders["order_date"] <= as_of]
    if known.empty:  # nothing known yet: every figure is unknown
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in STAT_COLUMNS.items()},
                            index=pd.Index([], dtype="int64", name="customer_id"))
    years = yearly_revenue(known, as_of)
    complete = years[~years["partial"]]
    by_year = complete.groupby("customer_id")["revenue_cents"]
    stats = pd.DataFrame({"years": by_year.size(), "mean_cents": by_year.mean(),
                          "std_cents": by_year.std(ddof=1)})
    stats = stats.reindex(known["customer_id"].unique())
    stats["years"] = stats["years"].fillna(0).astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        stats["cv"] = (stats["std_cents"] / stats["mean_cents"]).where(stats["mean_cents"] > 0)

    # rolling 12-month windows ending at as_of: k = 0 latest; a window counts once the customer
    # existed for (nearly) all of it, so a first half-year does not fake growth
    age = (as_of - known["order_date"]).dt.days.to_numpy()
    code = stats.index.get_indexer(known["customer_id"].to_numpy())
    inside = age // 365 < TREND_YEARS
    cells = np.bincount(code[inside] * TREND_YEARS + age[inside] // 365,
                        weights=known["net_cents"].to_numpy(dtype=float)[inside],
                        minlength=len(stats) * TREND_YEARS)
    rolling = pd.DataFrame(cells.reshape(len(stats), TREND_YEARS), index=stats.index)
    first_age = (as_of - known.groupby("customer_id")["order_date"].min()).dt.days
    existed = (first_age.reindex(stats.index).to_numpy()[:, None] + 31
               >= 365 * (np.arange(TREND_YEARS)[None, :] + 1))
    values = np.where(existed, rolling.to_numpy(), np.nan)
    n = existed.sum(axis=1)
    t = -np.arange(TREND_YEARS, dtype=float)[None, :]
    t_mean = np.where(existed, t, 0).sum(axis=1) / np.maximum(n, 1)
    mean = np.nansum(values, axis=1) / np.maximum(n, 1)
    dev = np.where(existed, t - t_mean[:, None], 0.0)
    slope = (dev * np.nan_to_num(values)).sum(axis=1) / np.maximum((dev ** 2).sum(axis=1), 1e-9)
    with np.errstate(divide="ignore", invalid="ignore"):
        # relative slope, floored at −100 % (a fall to nothing is the most there is)
        stats["trend_percent"] = np.where((n >= 2) & (mean > 0),
                                          np.maximum(100 * slope / mean, -100.0), np.nan)
        last, previous = values[:, 0], values[:, 1]
        stats["yoy_percent"] = np.where(previous > 0, 100 * (last - previous) / previous, np.nan)
    stats["revenue_12m_cents"] = np.where(existed[:, 0] | (n == 0), rolling[0].to_numpy(), 0.0)

    purchases = known[known["net_cents"] > 0].drop_duplicates(["customer_id", "order_date"])
    gaps = purchases.groupby("customer_id")["order_date"].diff().dt.days
    gap_table = pd.DataFrame({"customer_id": purchases["customer_id"], "gap": gaps}).dropna()
    by_gap = gap_table.groupby("customer_id")["gap"]
    # the average gap, not the median: a customer who orders in bursts is not "usually" a
    # two-week customer
    usual = by_gap.mean().where(by_gap.size() >= MIN_INTERVAL_GAPS)
    stats["usual_interval_days"] = usual.reindex(stats.index)
    last_purchase = purchases.groupby("customer_id")["order_date"].max().reindex(stats.index)
    stats["last_order_date"] = last_purchase
    stats["days_since_last_order"] = (as_of - last_purchase).dt.days
    stats["purchase_days"] = purchases.groupby("customer_id").size().reindex(
        stats.index, fill_value=0)
    stats["first_order_date"] = known.groupby("customer_id")["order_date"].min().reindex(stats.index)
    stats.index.name = "customer_id"
    return stats


def year_annotations(orders: pd.DataFrame, events: pd.DataFrame, campaigns: pd.DataFrame,
                     as_of: dt.date | pd.Timestamp, settings: ForecastSettings = ForecastSettings()
                     ) -> pd.DataFrame:
    """What may explain a year's swing, per customer and year: complaints and their revenue
    impact, campaigns taken part in, "kauft bei Konkurrenz" contacts, large one-off orders
    (>= large_order_factor × the customer's median order, with at least three orders).
    `events`/`campaigns` as from `data.order_history.load_contact_events/..._participation`."""
    as_of = _ts(as_of)
    known = orders[(orders["order_date"] <= as_of) & (orders["net_cents"] > 0)]
    median = known.groupby("customer_id")["net_cents"].transform("median")
    count = known.groupby("customer_id")["net_cents"].transform("size")
    large = known[(count >= 3) & (known["net_cents"] >= settings.large_order_factor * median)]
    parts = [
        large.assign(year=large["order_date"].dt.year).groupby(["customer_id", "year"]).agg(
            large_orders=("net_cents", "size"), large_orders_cents=("net_cents", "sum")),
    ]
    ev = events[events["day"] <= as_of]
    ev = ev.assign(year=ev["day"].dt.year, complaint=ev["is_complaint"].astype(int),
                   impact=np.where(ev["is_complaint"], ev["impact_cents"], 0),
                   competitor_flag=ev["competitor"].astype(int))
    parts.append(ev.groupby(["customer_id", "year"]).agg(
        complaints=("complaint", "sum"), complaint_impact_cents=("impact", "sum"),
        competitor_contacts=("competitor_flag", "sum")))
    cp = campaigns[campaigns["day"] <= as_of]
    cp = cp.assign(year=cp["day"].dt.year)
    parts.append(cp.groupby(["customer_id", "year"]).agg(
        campaigns=("campaign", "size"), campaign_names=("campaign", lambda s: ", ".join(sorted(s)))))
    table = pd.concat(parts, axis=1)
    for column in ("large_orders", "large_orders_cents", "complaints", "complaint_impact_cents",
                   "competitor_contacts", "campaigns"):
        table[column] = table[column].fillna(0).astype("int64") if column in table else 0
    table["campaign_names"] = table["campaign_names"].fillna("")
    table = table.reset_index()
    table["note"] = [_note(row) for row in table.itertuples()]
    return table


def _note(row: Any) -> str:
    parts = []
    if row.complaints:
        parts.append(f"{row.complaints} Reklamation{'en' if row.complaints > 1 else ''}"
                     + (f" (Umsatzwirkung {row.complaint_impact_cents / 100:.2f})"
                        if row.complaint_impact_cents else ""))
    if row.campaigns:
        parts.append(f"Kampagne{'n' if row.campaigns > 1 else ''}: {row.campaign_names}")
    if row.competitor_contacts:
        parts.append(f"{row.competitor_contacts}× «kauft bei Konkurrenz»")
    if row.large_orders:
        word = "Grossauftrag" if row.large_orders == 1 else "Grossaufträge"
        parts.append(f"{row.large_orders} {word} ({row.large_orders_cents / 100:.2f})")
    return "; ".join(parts)


def risk_reasons(stats: pd.DataFrame, open_complaints: pd.Series,
                 settings: ForecastSettings = ForecastSettings()) -> pd.DataFrame:
    """The three at-risk rules per customer: overdue (no order for longer than the multiple of
    the usual (average) interval), falling trend (trend <= the setting and the last 12 months
    below the 12 before), open complaints. Columns overdue, falling,
    open_complaints (int), at_risk (bool), reasons (German, "; "-separated)."""
    multiple = settings.risk_interval_multiple
    interval = stats["usual_interval_days"]
    overdue = (interval.notna() & (stats["days_since_last_order"] > multiple * interval)).to_numpy()
    # falling = the trend says so and the last 12 months really were below the 12 before
    falling = ((stats["trend_percent"] <= settings.risk_trend_percent)
               & (stats["yoy_percent"].fillna(-1) < 0)).to_numpy()
    complaints = open_complaints.reindex(stats.index, fill_value=0).astype(int).to_numpy()
    # vectorised string building, only for the customers at risk (no loop over 100,000)
    at_risk = overdue | falling | (complaints > 0)
    risky = stats[at_risk]
    days = risky["days_since_last_order"].fillna(0).astype("int64").astype(str)
    usual = risky["usual_interval_days"].fillna(0).round().astype("int64").astype(str)
    trend = risky["trend_percent"].abs().fillna(0).round().astype("int64").astype(str)
    count = complaints[at_risk]
    texts = [
        np.where(overdue[at_risk], "seit " + days + " Tagen kein Auftrag (üblich: alle " + usual
                 + " Tage)", ""),
        np.where(falling[at_risk], "Umsatz sinkt um " + trend + " % pro Jahr", ""),
        np.where(count > 0, pd.Series(count, index=risky.index).astype(str) + " offene Reklamation"
                 + np.where(count > 1, "en", ""), ""),
    ]
    joined = pd.Series(texts[0], index=risky.index, dtype=object)
    for text in texts[1:]:
        joined = joined + np.where((joined != "") & (text != ""), "; ", "") + text
    reasons = pd.Series("", index=stats.index, dtype=object)
    reasons[at_risk] = joined
    return pd.DataFrame({"overdue": overdue, "falling": falling, "open_complaints": complaints,
                         "at_risk": at_risk, "reasons": reasons},
                        index=stats.index)


def forecast_customers(orders: pd.DataFrame, customers: pd.DataFrame,
                       as_of: dt.date | pd.Timestamp, horizon_days: int | None = None,
                       settings: ForecastSettings = ForecastSettings(),
                       events: pd.DataFrame | None = None) -> tuple[pd.DataFrame, ModelInfo]:
    """One row per customer (all of `customers`, index customer_id): number, name,
    expected_cents, low_cents, high_cents (int64, 0 <= low <= expected <= high), status and
    status_label, the statistics of `customer_statistics`, and the at-risk columns of
    `risk_reasons` (open complaints from `events`, if given)."""
    as_of = _ts(as_of)
    horizon = int(horizon_days or settings.horizon_days)
    known = orders[orders["order_date"] <= as_of]
    result, info = forecast_revenue(known, as_of, horizon)
    table = customers.set_index("customer_id")[["number", "name"]].copy()
    forecast = result.reindex(table.index).fillna(0.0)
    expected = np.round(forecast["expected"].to_numpy()).astype("int64")
    low = np.minimum(np.round(forecast["low"].to_numpy()).astype("int64"), expected)
    high = np.maximum(np.round(forecast["high"].to_numpy()).astype("int64"), expected)
    table["expected_cents"], table["low_cents"], table["high_cents"] = expected, np.maximum(low, 0), high
    stats = customer_statistics(known, as_of)
    table = table.join(stats)
    has_orders = table.index.isin(known["customer_id"].unique())
    buyer = table["purchase_days"].fillna(0).to_numpy() > 0
    young = (as_of - table["first_order_date"]).dt.days.fillna(0).to_numpy() < horizon
    status = np.where(~has_orders, "no_orders", np.where(
        ~buyer, "credit_only",
        np.where((table["purchase_days"].fillna(0).to_numpy() < 2) | young, "few_data", "ok")))
    status = np.where((status == "ok") & (table["expected_cents"].to_numpy() == 0), "lapsed", status)
    table["status"] = status
    table["status_label"] = table["status"].map(STATUS_LABELS)
    zero = np.isin(status, ["no_orders", "credit_only"])
    for column in ("expected_cents", "low_cents", "high_cents"):
        table.loc[zero, column] = 0
    open_complaints = pd.Series(dtype="int64")
    if events is not None and not events.empty:
        open_events = events[(events["day"] <= as_of) & events["is_open"]]
        open_complaints = open_events.groupby("customer_id").size()
    risk = risk_reasons(table, open_complaints, settings)
    return table.join(risk), info
