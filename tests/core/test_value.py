"""Kundenwert: KDB I–IV, default margin, ranking with ties, ABC boundaries, CLV, periods."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kundenportfolio.core import value
from kundenportfolio.core.periods import Period

DEFAULT_LEVELS = {"gift": "II", "event": "II", "marketing": "II", "visit": "III",
                  "service": "IV", "complaint_handling": "IV", "other": "IV"}


def _orders(**cols: list[int]) -> pd.DataFrame:
    return pd.DataFrame(cols, index=pd.Index([1], name="customer_id"))


def test_every_kdb_level() -> None:
    # Umsatz 1000.00, Erlösschmälerung 50.00, Wareneinsatz 400.00 (known, no default margin)
    orders = _orders(revenue_cents=[100_000], reductions_cents=[5_000], cogs_cents=[40_000],
                     net_default_cents=[0])
    costs = pd.DataFrame({"gift": [2_000], "event": [1_000], "visit": [3_000], "service": [500],
                          "complaint_handling": [1_500], "other": [200]},
                         index=pd.Index([1], name="customer_id"))
    kdb = value.compute_kdb(orders, value.costs_to_levels(costs, DEFAULT_LEVELS),
                            pd.Index([1]), 35.0)
    row = kdb.loc[1]
    assert row["net_cents"] == 95_000  # 1000 − 50
    assert row["kdb1_cents"] == 55_000  # 950 − 400
    assert row["kdb2_cents"] == 52_000  # 550 − gift 20 − event 10
    assert row["kdb3_cents"] == 49_000  # 520 − visit 30
    assert row["kdb4_cents"] == 46_800  # 490 − service 5 − complaint handling 15 − other 2


def test_default_margin_only_where_cost_of_goods_missing() -> None:
    # Order A: 1000.00 with Wareneinsatz 700.00 → 300.00.
    # Order B: 500.00 − 20.00 discount, no Wareneinsatz → 480.00 × 35 % = 168.00.
    # Credit note: −200.00, no Wareneinsatz → −200.00 × 35 % = −70.00.
    orders = _orders(revenue_cents=[100_000 + 50_000 - 20_000], reductions_cents=[2_000],
                     cogs_cents=[70_000], net_default_cents=[48_000 - 20_000])
    kdb = value.compute_kdb(orders, pd.DataFrame(), pd.Index([1]), 35.0)
    assert kdb.at[1, "revenue_cents"] == 130_000  # the credit note reduces the Umsatz
    assert kdb.at[1, "kdb1_cents"] == 30_000 + 16_800 - 7_000  # = 398.00


def test_customer_without_data_gets_zeros() -> None:
    kdb = value.compute_kdb(pd.DataFrame(columns=["revenue_cents", "reductions_cents", "cogs_cents",
                                                  "net_default_cents"]),
                            pd.DataFrame(), pd.Index([7]), 35.0)
    assert kdb.loc[7].tolist() == [0] * 7


def test_unmapped_cost_category_counts_as_service() -> None:
    costs = pd.DataFrame({"visit": [100], "gift": [10]}, index=[1])
    levels = value.costs_to_levels(costs, {"gift": "II"})
    assert levels.loc[1].tolist() == [10, 0, 100]  # visit not mapped → IV


def test_ties_share_a_rank() -> None:
    assert value.rank_values(np.array([100, 50, 50, 10])).tolist() == [1, 2, 2, 4]
    assert value.rank_values(np.array([-5, 0, 7])).tolist() == [3, 2, 1]


@pytest.mark.parametrize(("values", "expected"), [
    # cumulative 80 % reached exactly by the first: next customer (80 % better) is B
    ([80, 15, 5], ["A", "B", "C"]),
    # 50, 80 (A ends exactly at 80 %), 95 (B ends exactly at 95 %), 100
    ([50, 30, 15, 5], ["A", "A", "B", "C"]),
    # the customer crossing 80 % is still A (only 70 % held by better ones)
    ([70, 20, 10], ["A", "A", "B"]),
    # one giant: 90 % alone is A, the rest has 90 % better → B
    ([90, 10], ["A", "B"]),
    # equal values share a class; zero and negative values are always C
    ([40, 40, 20, 0, -30], ["A", "A", "B", "C", "C"]),
    ([0, -1], ["C", "C"]),
])
def test_abc_boundaries(values: list[int], expected: list[str]) -> None:
    assert value.abc_classes(np.array(values), 80.0, 95.0).tolist() == expected
    assert value.RankIndex(np.array(values)).classes(np.array(values)).tolist() == expected


def test_abc_thresholds_configurable() -> None:
    # 50/30/15/5 with A = 50 %: only the first is A; B up to 95 %
    assert value.abc_classes(np.array([50, 30, 15, 5]), 50.0, 95.0).tolist() == ["A", "B", "B", "C"]


def test_clv_discounts_the_yearly_value() -> None:
    # Σ 1/1.08^t, t = 1..5 = 0.92593 + 0.85734 + 0.79383 + 0.73503 + 0.68058 = 3.99271
    assert value.annuity_factor(8.0, 5.0) == pytest.approx(3.99271, abs=1e-5)
    assert value.clv_cents(100_000, 8.0, 5.0).tolist() == 399_271
    # half a year: 0.5 / 1.08 = 0.46296
    assert value.annuity_factor(8.0, 0.5) == pytest.approx(0.46296, abs=1e-5)
    assert value.clv_cents(-10_000, 0.0, 3.0).tolist() == -30_000


def test_clv_explanation_is_plain_german() -> None:
    text = value.clv_explanation(100_000, 8.0, 5.0)
    assert "1000.00" in text and "5 Jahren" in text and "8 %" in text
    assert "Faktor 3,99" in text and "3992.71" in text
    assert "negativ" in value.clv_explanation(-100, 8.0, 5.0)


# ---- periods ---------------------------------------------------------------------------


def test_last_12_months_bounds_and_key() -> None:
    period = Period.last_12_months(dt.date(2026, 11, 26))
    assert (period.start, period.end) == (dt.date(2025, 11, 27), dt.date(2026, 11, 26))
    assert period.key == "12M-2026-11-26"
    assert period.label == "Letzte 12 Monate (27.11.2025–26.11.2026)"
    assert period.contains(dt.date(2026, 11, 26)) and not period.contains(dt.date(2026, 11, 27))
    assert period.contains(dt.date(2025, 11, 27)) and not period.contains(dt.date(2025, 11, 26))
    previous = period.previous()
    assert (previous.start, previous.end) == (dt.date(2024, 11, 27), dt.date(2025, 11, 26))


def test_leap_day_and_other_periods() -> None:
    assert Period.last_12_months(dt.date(2028, 2, 29)).start == dt.date(2027, 3, 1)
    year = Period.calendar_year(2025)
    assert (year.key, year.label, year.previous().key) == ("2025", "Kalenderjahr 2025", "2024")
    everything = Period.all_time(dt.date(2026, 11, 26))
    assert everything.start is None and everything.key == "ALL-2026-11-26"
    for p in (year, everything, Period.last_12_months(dt.date(2026, 1, 31))):
        assert Period.from_key(p.key) == p


def test_parse_period() -> None:
    as_of = dt.date(2026, 11, 26)
    assert Period.parse("12m", as_of) == Period.last_12_months(as_of)
    assert Period.parse("2024", as_of) == Period.calendar_year(2024)
    assert Period.parse("all", as_of) == Period.all_time(as_of)
    with pytest.raises(ValueError, match="kein Zeitraum"):
        Period.parse("letztes Jahr", as_of)


def test_rank_index_matches_full_ranking_after_changes() -> None:
    rng = np.random.default_rng(3)
    values = rng.integers(-50, 400, size=300) * 100  # many ties and some negatives
    index = value.RankIndex(values, 80.0, 95.0)
    for _ in range(50):
        i = int(rng.integers(0, len(values)))
        new = int(rng.integers(-50, 400)) * 100
        index.replace(int(values[i]), new)
        values[i] = new
        assert index.rank_of(new) == value.rank_values(values)[i]
        assert index.classes(values).tolist() == value.abc_classes(values, 80.0, 95.0).tolist()
    index.replace(int(values[0]), None)
    assert len(index.sorted) == len(values) - 1
