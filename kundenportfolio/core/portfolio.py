"""The portfolio of one period: Kundenwert, rank, ABC, scores and groups in one table.

`build_result` turns per-customer sums (loaded by data/aggregates.py) into a `PortfolioResult`;
`PortfolioResult.update_customer` refreshes one customer after a change without touching the
others' data. Approximation of the incremental update (exact again after the next full build):
the changed customer's percentile points are measured against the other customers' values of
the last full build, those customers keep their points, and a median split keeps its medians.
Rank and ABC class are recomputed for everybody, so they are always exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kundenportfolio.core import scoring, value
from kundenportfolio.core.models import Group
from kundenportfolio.core.money import format_money
from kundenportfolio.core.periods import Period

PERCENTILE_SOURCES = {"kundenwert": "kdb4_cents", "potential": "potential_cents",
                      "frequency": "order_count", "contacts": "contact_count",
                      "revenue": "revenue_cents"}
NULLABLE_TEXT = ("city", "staff_name", "industry", "last_order_date", "last_contact_date",
                 "override_reason")
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
    order_dates: pd.DataFrame  # first_order_date (may be None where customer_since is known),
    # last_order_date (ISO text) up to the end
    last_contacts: pd.Series  # ISO date of the last contact up to the end
    net_recent: pd.Series  # net of the last 12 months (trend, share of wallet)
    net_previous: pd.Series  # net of the 12 months before


def _days(values: pd.Series) -> np.ndarray:
    """ISO date text (or None) → datetime64[D] (NaT where missing), parsed by numpy in C."""
    raw = values.to_numpy(object, copy=True)
    raw[pd.isna(raw)] = None  # reindexing leaves NaN, which numpy cannot read as a date
    return np.array(raw, dtype="datetime64[D]")


def _column(frame: pd.DataFrame | pd.Series, index: pd.Index, name: str | None = None,
            fill: Any = 0, dtype: Any = np.int64) -> np.ndarray:
    series = frame if isinstance(frame, pd.Series) else frame[name]
    if not (len(series) == len(index) and series.index.equals(index)):  # else: already aligned
        series = series.reindex(index, fill_value=fill)
    aligned: np.ndarray = series.to_numpy(dtype)
    return aligned


def _derive(inputs: PortfolioInputs, period: Period, settings: Mapping[str, Any]) -> pd.DataFrame:
    """KDB I–IV and every raw criterion input per customer (no points yet)."""
    cust = inputs.customers
    index = cust.index
    mapping = settings.get("cost_level_mapping") or {}
    kdb = value.compute_kdb(inputs.orders, value.costs_to_levels(inputs.costs, mapping), index,
                            float(settings.get("default_margin_percent", 35.0)))
    cols: dict[str, Any] = {c: kdb[c].to_numpy() for c in value.KDB_COLUMNS}
    cols["order_count"] = _column(inputs.orders, index, "order_count")
    cols["contact_count"] = _column(inputs.contacts, index, "contact_count")
    cols["complaint_count"] = _column(inputs.contacts, index, "complaint_count")
    dates = inputs.order_dates.reindex(index)
    first_order = _days(dates["first_order_date"])
    cols["last_order_date"] = _days(dates["last_order_date"]).astype(object)  # date or None
    cols["last_contact_date"] = _days(inputs.last_contacts.reindex(index)).astype(object)
    recent = _column(inputs.net_recent, index, dtype=np.float64)
    previous = _column(inputs.net_previous, index, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        cols["revenue_trend"] = np.where(previous > 0, (recent - previous) / previous, np.nan)
    cols["annual_net_cents"] = recent
    since = _days(inputs.customers["customer_since"])
    since = np.where(np.isnat(since), first_order, since)  # unknown: since the first order
    days = (np.datetime64(period.end, "D") - since).astype("timedelta64[D]").astype(np.float64)
    days[np.isnat(since)] = np.nan
    cols["relationship_years"] = np.maximum(days, 0.0) / 365.25
    for column in ("potential_cents", "rating_payment", "rating_reference", "rating_relationship"):
        cols[column] = cust[column].to_numpy(np.float64, na_value=np.nan)
    # yearly KDB IV for the CLV: the period itself, or all time spread over the active years
    if period.kind == "all":
        active = np.maximum(np.nan_to_num(cols["relationship_years"], nan=1.0), 1.0)
        cols["annual_kdb4_cents"] = value.round_half_up(cols["kdb4_cents"] / active)
    else:
        cols["annual_kdb4_cents"] = cols["kdb4_cents"]
    return pd.DataFrame(cols, index=index)


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
    _annual: pd.Series = field(repr=False, default_factory=pd.Series)  # yearly KDB IV for the CLV
    _ranks: value.RankIndex = field(repr=False, default_factory=lambda: value.RankIndex(np.array([])))

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
        """How the customer's lifetime value was computed, in plain German.

        Amounts default to the database's number format and currency ("CHF 1'234.50").
        """
        if format_amount is None:
            number_format = str(self.settings.get("number_format", "de-CH"))
            currency = str(self.settings.get("currency", "CHF"))

            def format_amount(cents: int) -> str:
                return f"{currency} {format_money(cents, number_format)}"

        annual = int(self._annual.at[customer_id])
        return value.clv_explanation(
            annual, float(self.settings.get("clv_discount_rate_percent", 8.0)),
            float(self.settings.get("clv_remaining_years", 5.0)), format_amount,
        )

    # ---- incremental update --------------------------------------------------------------

    def update_customer(self, customer_id: int, inputs: PortfolioInputs) -> None:
        """Refresh one customer from its freshly loaded sums (`inputs` holds only it)."""
        if inputs.customers.empty or customer_id not in self.table.index:
            self._add_or_remove(customer_id, inputs)
            return
        base = _derive(inputs, self.period, self.settings)
        points = scoring.criterion_points(base)
        pos = self.table.index.get_loc(customer_id)
        known = customer_id in self._base.index
        self._annual.at[customer_id] = int(base["annual_kdb4_cents"].iat[0])
        for code in ("kundenwert", "potential", "frequency", "contacts"):
            new = float(base.iat[0, base.columns.get_loc(PERCENTILE_SOURCES[code])])
            if code == "potential" and not new > 0:
                continue  # unknown potential stays unused
            old = (float(self._base.at[customer_id, PERCENTILE_SOURCES[code]]) if known
                   else float("nan"))  # added after the full build: not in the sorted values
            old_known = None if np.isnan(old) or (code == "potential" and not old > 0) else old
            points.iat[0, points.columns.get_loc(code)] = scoring.percentile_point(
                self._sorted[code], new, old_known)
        row = _table_rows(inputs.customers, base, points, self.thresholds, self.settings)
        row.iat[0, row.columns.get_loc("revenue_points")] = scoring.percentile_point(
            self._sorted["revenue"], float(base["revenue_cents"].iat[0]),
            float(self._base.at[customer_id, "revenue_cents"]) if known else None)
        old_value = int(self.table["kundenwert_cents"].iat[pos])
        new_value = int(row["kundenwert_cents"].iat[0])
        for j, column in enumerate(self.table.columns):
            if column not in ("rank", "abc"):
                self.table.iat[pos, j] = row[column].iat[0]
        for j, column in enumerate(self.points.columns):
            self.points.iat[pos, j] = points[column].iat[0]
        if old_value != new_value:
            self._rank_changed(pos, old_value, new_value)

    def _rank_changed(self, pos: int, old: int, new: int) -> None:
        """Exact ranks and ABC classes after one Kundenwert changed from `old` to `new`."""
        self._ranks.replace(old, new)
        values = self.table["kundenwert_cents"].to_numpy()
        ranks = self.table["rank"].to_numpy(np.int64, copy=True)
        # another customer's rank counts the values above it: ours moved from old to new
        ranks += (values < new).astype(np.int64) - (values < old).astype(np.int64)
        ranks[pos] = self._ranks.rank_of(new)
        self.table["rank"] = ranks
        classes = self._ranks.classes(values)
        changed = np.flatnonzero(classes != self.table["abc"].to_numpy(object))
        abc_column = self.table.columns.get_loc("abc")
        for i in changed:  # usually none or a handful at the class borders
            self.table.iat[int(i), abc_column] = classes[i]

    def _add_or_remove(self, customer_id: int, inputs: PortfolioInputs) -> None:
        """A customer was added or deleted: rare, so ranks are rebuilt from scratch."""
        if inputs.customers.empty:
            self.table = self.table.drop(index=customer_id, errors="ignore")
            self.points = self.points.drop(index=customer_id, errors="ignore")
        else:
            base = _derive(inputs, self.period, self.settings)
            points = scoring.criterion_points(base)
            for code in ("kundenwert", "potential", "frequency", "contacts"):
                new = float(base[PERCENTILE_SOURCES[code]].iat[0])
                if code != "potential" or new > 0:
                    points[code] = scoring.percentile_point(self._sorted[code], new, None)
            row = _table_rows(inputs.customers, base, points, self.thresholds, self.settings)
            row["revenue_points"] = scoring.percentile_point(
                self._sorted["revenue"], float(base["revenue_cents"].iat[0]), None)
            self.table = pd.concat([self.table, row])
            self.points = pd.concat([self.points, points])
            self._annual.loc[customer_id] = int(base["annual_kdb4_cents"].iat[0])
        self._rerank()

    def _rerank(self) -> None:
        values = self.table["kundenwert_cents"].to_numpy(np.int64)
        self._ranks = value.RankIndex(values, float(self.settings.get("abc_threshold_a_percent", 80.0)),
                                      float(self.settings.get("abc_threshold_b_percent", 95.0)))
        self.table["rank"] = value.rank_values(values)
        self.table["abc"] = self._ranks.classes(values)


def _table_rows(cust: pd.DataFrame, base: pd.DataFrame, points: pd.DataFrame,
                thresholds: tuple[float, float] | None, settings: Mapping[str, Any],
                ) -> pd.DataFrame:
    """Table rows (rank/ABC still empty) for the customers in `base`; thresholds None = compute."""
    n = len(base)
    cols: dict[str, Any] = {}
    for column in ("number", "name", "city"):
        cols[column] = cust[column].to_numpy(object, copy=True)
    cols["staff_id"] = cust["staff_id"].astype("Int64").to_numpy()
    for column in ("staff_name", "industry", "status"):
        cols[column] = cust[column].to_numpy(object, copy=True)
    for column in value.KDB_COLUMNS:
        cols[column] = base[column].to_numpy(np.int64)
    kundenwert = cols["kdb4_cents"]
    cols["kundenwert_cents"] = kundenwert
    cols["clv_cents"] = value.clv_cents(
        base["annual_kdb4_cents"].to_numpy(), float(settings.get("clv_discount_rate_percent", 8.0)),
        float(settings.get("clv_remaining_years", 5.0)))
    cols["rank"] = np.zeros(n, dtype=np.int64)
    cols["abc"] = np.full(n, "C", dtype=object)
    cols["unprofitable"] = kundenwert < 0
    cols["order_count"] = base["order_count"].to_numpy(np.int64)
    cols["no_orders"] = cols["order_count"] == 0
    cols["last_order_date"] = base["last_order_date"].to_numpy(object)
    cols["last_contact_date"] = base["last_contact_date"].to_numpy(object)
    cols["revenue_trend"] = base["revenue_trend"].to_numpy(np.float64)
    attractiveness = scoring.axis_score(points, scoring.weights(settings, "attractiveness"))
    position = scoring.axis_score(points, scoring.weights(settings, "position"))
    cols["attractiveness"] = attractiveness
    cols["position"] = position
    cols["revenue_points"] = scoring.percentile_points(base["revenue_cents"].to_numpy())
    if thresholds is None:
        thresholds = scoring.split_thresholds(settings, attractiveness, position)
    computed = scoring.assign_groups(attractiveness, position, thresholds)
    cols["computed_group"] = computed
    override = cust["group_override"].to_numpy(object)
    has_override = np.array([isinstance(g, str) and g != "" for g in override], dtype=bool)
    cols["group"] = np.where(has_override, override, computed).astype(object)
    cols["overridden"] = has_override
    reason = cust["group_override_reason"].to_numpy(object)
    cols["override_reason"] = np.array(
        [r if o and isinstance(r, str) else None for r, o in zip(reason, has_override, strict=True)],
        dtype=object)
    for column in NULLABLE_TEXT:  # keep None (pandas would turn str-or-None into NaN)
        cols[column] = pd.Series(cols[column], index=base.index, dtype=object)
    table = pd.DataFrame({c: cols[c] for c in TABLE_COLUMNS}, index=base.index,
                         copy=True)  # own, writable arrays
    table.attrs["thresholds"] = thresholds
    return table


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
        PERCENTILE_SOURCES.items() if code != "potential"
    }
    potential = base["potential_cents"].to_numpy(np.float64)
    sorted_values["potential"] = np.sort(potential[potential > 0])
    result = PortfolioResult(period=period, table=table, points=points, thresholds=thresholds,
                             settings=settings, _base=base, _sorted=sorted_values,
                             _annual=base["annual_kdb4_cents"].copy())
    result._rerank()
    return result
