"""A stand-in for PortfolioStore over a synthetic table (tests/reports/fake_portfolio.py).

Lets the portfolio and ranking views be tested with exact, hand-picked scores and positions
without computing them from orders; the real store returns the same columns.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from kundenportfolio import settings as declared
from tests.reports.fake_portfolio import FakeResult


class FakeRepository:
    """Just the settings part of Repository (for benchmarks without a database)."""

    def all_settings(self) -> dict[str, Any]:
        return {key: s.default for key, s in declared.DECLARED.items()}

    def get_setting(self, key: str) -> Any:
        return declared.DECLARED[key].default


class FakeStore:
    def __init__(self, result: FakeResult, movements: pd.DataFrame | None = None) -> None:
        self._result = result
        self.movements_frame = movements if movements is not None else pd.DataFrame(
            columns=["customer_id", "number", "name", "from_group", "to_group"])
        self.requested: list[Any] = []
        self.snapshots: list[Any] = []
        self.movement_requests: list[tuple[str, str]] = []
        self.saved_periods: list[str] = []  # what history_periods() answers
        self.invalidated = 0

    def result(self, period: Any) -> FakeResult:
        self.requested.append(period)
        if self._result.period != period:
            self._result = replace(self._result, period=period)
        return self._result

    def movements(self, period_from_key: str, period_to_key: str) -> pd.DataFrame:
        self.movement_requests.append((period_from_key, period_to_key))
        return self.movements_frame

    def first_order_year(self) -> int | None:
        return None

    def has_groups(self, period_key: str) -> bool:
        return True  # the fake answers every period at once

    def history_periods(self) -> list[str]:
        return list(self.saved_periods)

    def snapshot(self, period: Any) -> None:
        self.snapshots.append(period)
        if period.key not in self.saved_periods:
            self.saved_periods.append(period.key)

    def invalidate(self) -> None:
        self.invalidated += 1
