"""A synthetic PortfolioResult-like table in the contract's column layout (PORTFOLIO_API).

For chart/view tests and the chart benchmark without building a database; the real
`PortfolioStore` returns the same columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

GROUPS = ("star", "ertrag", "fragezeichen", "mitnahme")


def group_of(position: np.ndarray, attractiveness: np.ndarray, split: tuple[float, float]) -> np.ndarray:
    strong = position >= split[0]
    high = attractiveness >= split[1]
    return np.where(strong & high, "star", np.where(strong, "ertrag", np.where(high, "fragezeichen",
                                                                              "mitnahme")))


def make_table(n: int, seed: int = 1, split: tuple[float, float] = (50.0, 50.0)) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = np.arange(1, n + 1, dtype=np.int64)
    revenue = rng.lognormal(11, 1.2, n).astype(np.int64)
    kdb1 = (revenue * 0.35).astype(np.int64)
    kdb4 = kdb1 - rng.integers(0, 20000, n)
    position = rng.uniform(0, 100, n).round(1)
    attractiveness = rng.uniform(0, 100, n).round(1)
    groups = group_of(position, attractiveness, split)
    order = np.argsort(-kdb4, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    cumulative = np.cumsum(kdb4[order]) / max(kdb4.sum(), 1)
    abc_sorted = np.where(cumulative <= 0.8, "A", np.where(cumulative <= 0.95, "B", "C"))
    abc = np.empty(n, dtype=object)
    abc[order] = abc_sorted
    staff_names = np.array(["Anna Keller", "Beat Meier", "Carla Rossi"], dtype=object)
    staff_idx = rng.integers(0, 3, n)
    industries = np.array(["Gastronomie", "Handel", "Handwerk", "Industrie"], dtype=object)
    table = pd.DataFrame({
        "number": [f"{10000 + i}" for i in ids],
        "name": [f"Kunde {i} AG" for i in ids],
        "city": "Zürich",
        "staff_id": pd.array(staff_idx + 1, dtype="Int64"),
        "staff_name": staff_names[staff_idx],
        "industry": industries[rng.integers(0, 4, n)],
        "status": "active",
        "revenue_cents": revenue,
        "reductions_cents": np.zeros(n, dtype=np.int64),
        "net_cents": revenue,
        "kdb1_cents": kdb1,
        "kdb2_cents": kdb1 - 100,
        "kdb3_cents": kdb1 - 200,
        "kdb4_cents": kdb4,
        "kundenwert_cents": kdb4,
        "clv_cents": kdb4 * 4,
        "rank": rank,
        "abc": abc,
        "unprofitable": kdb4 < 0,
        "no_orders": np.zeros(n, dtype=bool),
        "order_count": rng.integers(1, 30, n),
        "last_order_date": dt.date(2026, 11, 1),
        "last_contact_date": dt.date(2026, 11, 2),
        "revenue_trend": rng.normal(0, 0.1, n),
        "attractiveness": attractiveness,
        "position": position,
        "revenue_points": (10 * (rank.max() - rank) / max(n - 1, 1)).round(2),
        "computed_group": groups,
        "group": groups,
        "overridden": np.zeros(n, dtype=bool),
        "override_reason": None,
    }, index=pd.Index(ids, name="customer_id"))
    return table


@dataclass
class FakePeriod:
    key: str = "12M-2026-11-26"
    label: str = "Letzte 12 Monate (27.11.2025–26.11.2026)"
    kind: str = "last12"

    def previous(self) -> FakePeriod:
        return FakePeriod("12M-2025-11-26", "Letzte 12 Monate (27.11.2024–26.11.2025)")


@dataclass
class FakeResult:
    table: pd.DataFrame
    period: Any = field(default_factory=FakePeriod)
    thresholds: tuple[float, float] = (50.0, 50.0)

    def explain(self, customer_id: int) -> list[Any]:
        return []
