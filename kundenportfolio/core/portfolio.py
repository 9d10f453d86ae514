"""The portfolio of one period: Kundenwert, rank, ABC, scores and groups in one table.

`build_result` turns per-customer sums (loaded by data/aggregates.py) into a `PortfolioResult`;
`PortfolioResult.update_customer` refreshes one customer after a change without touching the
others' data. Approximation of the incremental update (exact again after the next full build):
the changed customer's percentile points are measured against the other customers' values of
the last full build, those customers keep their points, and a median split keeps its medians.
Rank and ABC class are recomputed for everybody, so they are always exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kundenportfolio.core import scoring, value
from kundenportfolio.core.models import Group
from kundenportfolio.core.periods import Period

PERCENTILE_SOURCES = {"kundenwert": "kdb4_cents", "potential": "potential_cents",
                      "frequency": "order_count", "contacts": "contact_count",
                      "revenue": "revenue_cents"}
TABLE_COLUMNS = [
    "number", "name", "city", "staff_id", "staff_name", "industry", "status",
    *value.KDB_COLUMNS, "kundenwert_cents", "clv_cents", "rank", "abc", "unprofitable",
    "no_orders", "order_count", "last_order_date", "last_contact_date", "revenue_trend",
    "attractiveness", "position", "revenue_points", "computed_group", "group", "overridden",
    "override_reason",
]


@dataclass
class PortfolioInputs:
    """Per-customer sums of one period, as loaded from the database (index customer_id)."""

    customers: pd.DataFrame  # aggregates.CUSTOMER_COLUMNS without id
    orders: pd.DataFrame  # revenue/reductions/cogs/net_default cents, order_count
    costs: pd.DataFrame  # one column per cost category
    contacts: pd.DataFrame  # contact_count, complaint_count
    order_dates: pd.DataFrame  # first_order_date, last_order_date (ISO text) up to the end
    last_contacts: pd.Series  # ISO date of the last contact up to the end
    net_recent: pd.Series  # net of the last 12 months (trend, share of wallet)
    net_previous: pd.Series  # net of the 12 months before


def _dates(values: pd.Series) -> pd.Series:
    """ISO text → datetime.date objects (None where missing), converting each distinct value once."""
    lookup = {v: dt.date.fromisoformat(v[:10]) for v in values.dropna().unique()}
    return values.map(lookup).astype(object).where(values.notna(), None)


def _derive(inputs: PortfolioInputs, period: Period, settings: Mapping[str, Any]) -> pd.DataFrame:
    """KDB I–IV and every raw criterion input per customer (no points yet)."""
    cust = inputs.customers
    index = cust.index
    mapping = settings.get("cost_level_mapping") or {}
    kdb = value.compute_kdb(inputs.orders, value.costs_to_levels(inputs.costs, mapping), index,
                            float(settings.get("default_margin_percent", 35.0)))
    base = kdb
    base["order_count"] = inputs.orders["order_count"].reindex(index, fill_value=0).astype(np.int64)
    contacts = inputs.contacts.reindex(index, fill_value=0)
    base["contact_count"] = contacts["contact_count"].astype(np.int64)
    base["complaint_count"] = contacts["complaint_count"].astype(np.int64)
    dates = inputs.order_dates.reindex(index)
    base["first_order_date"] = _dates(dates["first_order_date"])
    base["last_order_date"] = _dates(dates["last_order_date"])
    base["last_contact_date"] = _dates(inputs.last_contacts.reindex(index))
    recent = inputs.net_recent.reindex(index, fill_value=0).to_numpy(np.float64)
    previous = inputs.net_previous.reindex(index, fill_value=0).to_numpy(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        base["revenue_trend"] = np.where(previous > 0, (recent - previous) / previous, np.nan)
    base["annual_net_cents"] = recent
    since = _dates(cust["customer_since"]).where(cust["customer_since"].notna(),
                                                 base["first_order_date"])
    base["relationship_years"] = [
        np.nan if d is None else max((period.end - d).days, 0) / 365.25 for d in since
    ]
    for column in ("potential_cents", "rating_payment", "rating_reference", "rating_relationship"):
        base[column] = cust[column].astype("float64")
    # yearly KDB IV for the CLV: the period itself, or all time spread over the active years
    if period.kind == "all":
        active = np.maximum(base["relationship_years"].fillna(1.0).to_numpy(), 1.0)
        base["annual_kdb4_cents"] = value.round_half_up(base["kdb4_cents"].to_numpy() / active)
    else:
        base["annual_kdb4_cents"] = base["kdb4_cents"]
    return base


@dataclass
class PortfolioResult:
    """Kundenwert, ranking and groups of one period (see PORTFOLIO_API.md)."""

    period: Period
    table: pd.DataFrame
    points: pd.DataFrame  # criterion points 0–10 (NaN = not used), index customer_id
    thresholds: tuple[float, float]  # (position split x, attractiveness split y)
    settings: dict[str, Any]
    _base: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    _sorted: dict[str, np.ndarray] = field(repr=False, default_factory=dict)

    # ---- questions the GUI asks ----------------------------------------------------------

    def explain(self, customer_id: int) -> list[scoring.CriterionScore]:
        """Criteria of both axes for one customer: configured/used weights and points."""
        row = self.points.loc[customer_id]
        return scoring.explain_points({c: float(row[c]) for c in row.index}, self.settings)

    def group_summary(self) -> pd.DataFrame:
        """Per group code: count, sum of Kundenwert and share of all customers in percent."""
        counts = self.table.groupby("group")["kundenwert_cents"].agg(["count", "sum"])
        counts = counts.reindex([g.value for g in Group], fill_value=0)
        total = max(len(self.table), 1)
        return pd.DataFrame({
            "count": counts["count"].astype(np.int64),
            "kundenwert_cents": counts["sum"].astype(np.int64),
            "share_percent": counts["count"] * 100.0 / total,
        })

    def clv_explanation(self, customer_id: int, format_amount: object = None) -> str:
        annual = int(self._base.at[customer_id, "annual_kdb4_cents"])
        return value.clv_explanation(
            annual, float(self.settings.get("clv_discount_rate_percent", 8.0)),
            float(self.settings.get("clv_remaining_years", 5.0)), format_amount,
        )

    # ---- incremental update --------------------------------------------------------------

    def update_customer(self, customer_id: int, inputs: PortfolioInputs) -> None:
        """Refresh one customer from its freshly loaded sums (`inputs` holds only it)."""
        if inputs.customers.empty:  # deleted
            self.table = self.table.drop(index=customer_id, errors="ignore")
            self.points = self.points.drop(index=customer_id, errors="ignore")
            self._rerank()
            return
        base = _derive(inputs, self.period, self.settings)
        points = scoring.criterion_points(base)
        known = customer_id in self._base.index
        for code in ("kundenwert", "potential", "frequency", "contacts"):
            new = float(base.at[customer_id, PERCENTILE_SOURCES[code]])
            if code == "potential" and not new > 0:
                continue  # unknown potential stays NaN
            old = float(self._base.at[customer_id, PERCENTILE_SOURCES[code]]) if known else None
            if old is not None and np.isnan(old):
                old = None
            points.at[customer_id, code] = scoring.percentile_point(self._sorted[code], new, old)
        old_rev = float(self._base.at[customer_id, "revenue_cents"]) if known else None
        revenue_points = scoring.percentile_point(
            self._sorted["revenue"], float(base.at[customer_id, "revenue_cents"]), old_rev)
        row = _table_rows(inputs.customers, base, points, self.thresholds, self.settings)
        row["revenue_points"] = revenue_points
        if customer_id in self.table.index:
            self.table.loc[customer_id, row.columns] = row.loc[customer_id]
            self.points.loc[customer_id, points.columns] = points.loc[customer_id]
        else:
            self.table = pd.concat([self.table, row[self.table.columns]])
            self.points = pd.concat([self.points, points])
        self._rerank()

    def _rerank(self) -> None:
        values = self.table["kundenwert_cents"].to_numpy(np.int64)
        self.table["rank"] = value.rank_values(values)
        self.table["abc"] = value.abc_classes(
            values, float(self.settings.get("abc_threshold_a_percent", 80.0)),
            float(self.settings.get("abc_threshold_b_percent", 95.0)))


def _table_rows(cust: pd.DataFrame, base: pd.DataFrame, points: pd.DataFrame,
                thresholds: tuple[float, float] | None, settings: Mapping[str, Any],
                ) -> pd.DataFrame:
    """Table rows (without rank/ABC) for the customers in `base`; thresholds None = compute."""
    table = pd.DataFrame(index=base.index)
    for column in ("number", "name", "city", "staff_name", "industry", "status"):
        table[column] = cust[column].astype(object).where(cust[column].notna(), None)
    table["staff_id"] = cust["staff_id"].astype("Int64")
    for column in value.KDB_COLUMNS:
        table[column] = base[column].astype(np.int64)
    table["kundenwert_cents"] = base["kdb4_cents"].astype(np.int64)
    table["clv_cents"] = value.clv_cents(
        base["annual_kdb4_cents"].to_numpy(), float(settings.get("clv_discount_rate_percent", 8.0)),
        float(settings.get("clv_remaining_years", 5.0)))
    table["rank"] = 0
    table["abc"] = "C"
    table["unprofitable"] = table["kundenwert_cents"] < 0
    table["order_count"] = base["order_count"].astype(np.int64)
    table["no_orders"] = table["order_count"] == 0
    table["last_order_date"] = base["last_order_date"]
    table["last_contact_date"] = base["last_contact_date"]
    table["revenue_trend"] = base["revenue_trend"].astype(np.float64)
    attractiveness = scoring.axis_score(points, scoring.weights(settings, "attractiveness"))
    position = scoring.axis_score(points, scoring.weights(settings, "position"))
    table["attractiveness"] = attractiveness
    table["position"] = position
    table["revenue_points"] = scoring.percentile_points(base["revenue_cents"].to_numpy())
    if thresholds is None:
        thresholds = scoring.split_thresholds(settings, attractiveness, position)
    table.attrs["thresholds"] = thresholds
    computed = scoring.assign_groups(attractiveness, position, thresholds)
    table["computed_group"] = computed
    override = cust["group_override"].to_numpy(dtype=object)
    has_override = pd.notna(override) & (override != "")
    table["group"] = np.where(has_override, override, computed)
    table["overridden"] = has_override
    reason = cust["group_override_reason"].astype(object)
    table["override_reason"] = reason.where(has_override & reason.notna().to_numpy(), None)
    return table[TABLE_COLUMNS]


def build_result(inputs: PortfolioInputs, period: Period, settings: Mapping[str, Any],
                 ) -> PortfolioResult:
    """Full computation for every customer in `inputs.customers`."""
    settings = dict(settings)
    base = _derive(inputs, period, settings)
    points = scoring.criterion_points(base)
    table = _table_rows(inputs.customers, base, points, None, settings)
    thresholds = table.attrs.pop("thresholds")
    sorted_values = {
        code: np.sort(base[source].to_numpy(np.float64)) for code, source in
        PERCENTILE_SOURCES.items()
    }
    potential = base["potential_cents"].to_numpy(np.float64)
    sorted_values["potential"] = np.sort(potential[potential > 0])
    result = PortfolioResult(period=period, table=table, points=points, thresholds=thresholds,
                             settings=settings, _base=base, _sorted=sorted_values)
    result._rerank()
    return result
