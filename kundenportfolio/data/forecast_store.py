"""Cached forecasts for the GUI (issue 5): the table of all customers per reference day, the
business planning table, and one customer's years with their annotations (Umsatz tab).

A forecast of 100,000 customers takes seconds, so it is computed once per (as_of, horizon) and
kept until `invalidate()` (imports, restores, settings changes). After one customer's orders or
contacts changed, `customer_changed(id)` only marks that customer's row as computed before the
change (`is_stale`), so a single edit does not cost a full recomputation. One customer's
annotated years only read that customer's rows and never need the forecast.

The GUI computes in a background thread: `job()` gives a function to run there (on its own
read-only connection) and `adopt()` caches what it returned, unless `invalidate()` was called
meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kundenportfolio.core.forecast import (
    ForecastSettings,
    forecast_customers,
    year_annotations,
    yearly_revenue,
)
from kundenportfolio.core.forecast_model import ModelInfo
from kundenportfolio.core.forecast_plan import plan_table, seasonal_profile
from kundenportfolio.data.background_read import reader
from kundenportfolio.data.order_history import (
    ForecastInputs,
    load_campaign_participation,
    load_contact_events,
    load_forecast_inputs,
    load_orders,
)
from kundenportfolio.data.repository import Repository

# The GUI shows "the next 12 months" (the planning table is built for 365 days), whatever the
# CLI's horizon setting says; both GUI users share this key of the cache.
GUI_HORIZON_DAYS = 365

# the columns of `customer_years` (index: year) and the value of a year without that event
YEAR_COLUMNS: dict[str, object] = {
    "revenue_cents": 0, "orders": 0, "partial": False, "change_percent": np.nan,
    "complaints": 0, "complaint_impact_cents": 0, "campaigns": 0, "campaign_names": "",
    "competitor_contacts": 0, "large_orders": 0, "large_orders_cents": 0, "note": "",
}


@dataclass(frozen=True)
class CustomerForecast:
    """One customer: the forecast row (see `forecast_customers`) and the table of
    `ForecastStore.customer_years`."""

    customer_id: int
    forecast: pd.Series
    years: pd.DataFrame


@dataclass(frozen=True)
class _Computed:
    table: pd.DataFrame
    info: ModelInfo
    profile: np.ndarray  # seasonal share of each calendar month (planning table)
    monthly: pd.Series  # net revenue per month (Period[M]) of all customers up to as_of


def _compute(inputs: ForecastInputs, horizon_days: int) -> _Computed:
    table, info = forecast_customers(inputs.orders, inputs.customers, inputs.as_of, horizon_days,
                                     ForecastSettings.from_values(inputs.settings), inputs.events)
    orders = inputs.orders
    # keep only small derived tables: the orders of 100,000 customers are large
    monthly = orders.groupby(orders["order_date"].dt.to_period("M"))["net_cents"].sum()
    return _Computed(table, info, seasonal_profile(orders, inputs.as_of), monthly)


@dataclass(frozen=True)
class ForecastJob:
    """A forecast to compute in a background thread: `run()` there, then `store.adopt(job,
    run's result)` in the thread of the store."""

    key: tuple[dt.date, int]
    generation: int
    run: Callable[[], _Computed]


class ForecastStore:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self._cache: dict[tuple[dt.date, int], _Computed] = {}
        self._changed: set[int] = set()  # customers edited since the cached forecasts
        self._pending: set[tuple[dt.date, int]] = set()  # jobs handed out, not adopted yet
        self._generation = 0  # +1 at every invalidate(): older jobs are not adopted

    def settings(self) -> ForecastSettings:
        return ForecastSettings.from_values(self.repository.all_settings())

    def _key(self, as_of: dt.date, horizon_days: int | None) -> tuple[dt.date, int]:
        return as_of, int(horizon_days or self.settings().horizon_days)

    def has_result(self, as_of: dt.date, horizon_days: int | None = None) -> bool:
        """True when `result` would answer from the cache (no waiting)."""
        return self._key(as_of, horizon_days) in self._cache

    def _computed(self, as_of: dt.date, horizon_days: int | None) -> _Computed:
        key = self._key(as_of, horizon_days)
        if key not in self._cache:
            self._cache[key] = _compute(load_forecast_inputs(self.repository, as_of), key[1])
        return self._cache[key]

    def job(self, as_of: dt.date, horizon_days: int | None = None) -> ForecastJob:
        """The computation of (as_of, horizon) for a background thread
        (`data.background_read`: the file is read there, on a connection of its own)."""
        key = self._key(as_of, horizon_days)
        read = reader(self.repository, lambda repository: load_forecast_inputs(repository, as_of))

        def run() -> _Computed:
            return _compute(read(), key[1])

        self._pending.add(key)
        return ForecastJob(key, self._generation, run)

    def adopt(self, job: ForecastJob, computed: _Computed) -> bool:
        """Cache a job's result; False (nothing cached) when `invalidate()` came after the
        job was handed out: the data it read may be out of date."""
        self._pending.discard(job.key)
        if job.generation != self._generation:
            return False
        self._cache[job.key] = computed
        return True

    def abandon(self, job: ForecastJob) -> None:
        """The job failed: it will not be adopted."""
        self._pending.discard(job.key)

    def result(self, as_of: dt.date, horizon_days: int | None = None
               ) -> tuple[pd.DataFrame, ModelInfo]:
        """All customers' forecast for the `horizon_days` (default: setting) after as_of.
        The table is shared by every caller: copy it before adding columns."""
        computed = self._computed(as_of, horizon_days)
        return computed.table, computed.info

    def plan(self, as_of: dt.date, groups: pd.Series | None) -> pd.DataFrame:
        """The planning table of the 12 months after as_of (`core.forecast_plan.plan_table`),
        by the group code per customer_id in `groups` (None: all customers as one)."""
        computed = self._computed(as_of, GUI_HORIZON_DAYS)
        return plan_table(computed.table, groups, computed.profile, as_of)

    def monthly_history(self, as_of: dt.date, months: int = 24) -> pd.Series:
        """Net revenue of all customers per month for the `months` months up to as_of's
        month (index: Period[M], months without orders 0)."""
        computed = self._computed(as_of, GUI_HORIZON_DAYS)
        last = pd.Timestamp(as_of).to_period("M")
        index = pd.period_range(last - (months - 1), last, freq="M")
        return computed.monthly.reindex(index, fill_value=0)

    def customer_forecast(self, customer_id: int, as_of: dt.date,
                          horizon_days: int | None = None) -> pd.Series | None:
        """One customer's row of the (cached, else computed) forecast table; None when the
        customer is not in it (created after the table was computed: `invalidate()`)."""
        table = self._computed(as_of, horizon_days).table
        return table.loc[customer_id] if customer_id in table.index else None

    def customer_years(self, customer_id: int, as_of: dt.date) -> pd.DataFrame:
        """One customer's calendar years up to as_of, oldest first (index: year), with the
        columns of YEAR_COLUMNS: revenue_cents, orders, partial (as_of year not complete),
        change_percent, complaints, complaint_impact_cents, campaigns, campaign_names,
        competitor_contacts, large_orders, large_orders_cents and a German note. Reads only
        this customer's rows: fast, and never computes the population forecast."""
        orders = load_orders(self.repository, as_of, customer_id=customer_id)
        years = yearly_revenue(orders, as_of)
        if len(years):
            notes = year_annotations(
                orders, load_contact_events(self.repository, as_of, customer_id=customer_id),
                load_campaign_participation(self.repository, as_of, customer_id=customer_id),
                as_of, self.settings())
            years = years.merge(notes, on=["customer_id", "year"], how="left")
        years = years.drop(columns="customer_id").set_index("year")
        for column, default in YEAR_COLUMNS.items():
            if column not in years:
                years[column] = pd.Series(dtype=type(default) if default == default else float)
            if isinstance(default, str):
                years[column] = years[column].astype(object).fillna(default).astype(str)
            elif isinstance(default, bool):
                years[column] = years[column].astype(object).fillna(default).astype(bool)
            elif isinstance(default, int):
                years[column] = years[column].fillna(default).astype("int64")
            else:
                years[column] = years[column].astype(float)
        years.index = years.index.astype("int64")
        return years[list(YEAR_COLUMNS)]

    def customer(self, customer_id: int, as_of: dt.date,
                 horizon_days: int | None = None) -> CustomerForecast:
        """One customer's forecast row and annotated years (KeyError for an unknown id)."""
        forecast = self.customer_forecast(customer_id, as_of, horizon_days)
        if forecast is None:
            raise KeyError(customer_id)
        return CustomerForecast(customer_id, forecast, self.customer_years(customer_id, as_of))

    def customer_changed(self, customer_id: int) -> None:
        """One customer's data changed: its cached rows are from before (see is_stale)."""
        if self._cache or self._pending:  # a job may have read the data before the change
            self._changed.add(customer_id)

    def is_stale(self, customer_id: int) -> bool:
        """True when the cached forecast of this customer predates a change of its data."""
        return customer_id in self._changed

    def invalidate(self) -> None:
        """Forget every cached forecast (the next request computes anew)."""
        self._cache.clear()
        self._changed.clear()
        self._generation += 1
