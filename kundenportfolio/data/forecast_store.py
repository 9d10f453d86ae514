"""Cached forecasts for the GUI (issue 5): the table of all customers per reference day, and
one customer's years with their annotations for the customer detail's Umsatz tab.

A forecast of 100,000 customers takes seconds, so it is computed once per (as_of, horizon) and
kept until `invalidate()` (after imports, order edits or settings changes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from kundenportfolio.core.forecast import (
    ForecastSettings,
    forecast_customers,
    year_annotations,
    yearly_revenue,
)
from kundenportfolio.core.forecast_model import ModelInfo
from kundenportfolio.data.order_history import (
    load_campaign_participation,
    load_contact_events,
    load_forecast_inputs,
    load_orders,
)
from kundenportfolio.data.repository import Repository


@dataclass(frozen=True)
class CustomerForecast:
    """One customer: the forecast row (see `forecast_customers`) and a table per calendar
    year: revenue_cents, orders, partial, change_percent, complaints, complaint_impact_cents,
    campaigns, campaign_names, competitor_contacts, large_orders, large_orders_cents, note."""

    customer_id: int
    forecast: pd.Series
    years: pd.DataFrame


class ForecastStore:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self._cache: dict[tuple[dt.date, int], tuple[pd.DataFrame, ModelInfo]] = {}

    def settings(self) -> ForecastSettings:
        return ForecastSettings.from_values(self.repository.all_settings())

    def result(self, as_of: dt.date, horizon_days: int | None = None
               ) -> tuple[pd.DataFrame, ModelInfo]:
        """All customers' forecast for the `horizon_days` (default: setting) after as_of."""
        settings = self.settings()
        key = (as_of, int(horizon_days or settings.horizon_days))
        if key not in self._cache:
            inputs = load_forecast_inputs(self.repository, as_of)
            self._cache[key] = forecast_customers(inputs.orders, inputs.customers, as_of, key[1],
                                                  settings, inputs.events)
        return self._cache[key]

    def customer(self, customer_id: int, as_of: dt.date,
                 horizon_days: int | None = None) -> CustomerForecast:
        """One customer's forecast (from the cached table) and annotated years."""
        table, _ = self.result(as_of, horizon_days)
        orders = load_orders(self.repository, as_of, customer_id=customer_id)
        years = yearly_revenue(orders, as_of)
        notes = year_annotations(
            orders, load_contact_events(self.repository, as_of, customer_id=customer_id),
            load_campaign_participation(self.repository, as_of, customer_id=customer_id),
            as_of, self.settings())
        years = years.merge(notes, on=["customer_id", "year"], how="left") if len(years) else years
        for column in ("large_orders", "large_orders_cents", "complaints",
                       "complaint_impact_cents", "competitor_contacts", "campaigns"):
            if column in years:
                years[column] = years[column].fillna(0).astype("int64")
        for column in ("campaign_names", "note"):
            if column in years:
                years[column] = years[column].astype(object).fillna("").astype(str)
        return CustomerForecast(customer_id, table.loc[customer_id], years.drop(
            columns="customer_id").set_index("year"))

    def invalidate(self) -> None:
        self._cache.clear()
