"""Per-customer forecast, statistics, annotations and at-risk rules on hand-checked series."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from kundenportfolio.core.clv_models import BGNBD, gammaln
from kundenportfolio.core.forecast import (
    ForecastSettings,
    forecast_customers,
    year_annotations,
    yearly_revenue,
)
from kundenportfolio.core.forecast_model import forecast_revenue, nnls

AS_OF = dt.date(2025, 12, 31)


def orders(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame([(c, pd.Timestamp(d), v) for c, d, v in rows],
                        columns=["customer_id", "order_date", "net_cents"])


def customers(*ids: int) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": list(ids), "number": [f"K{i}" for i in ids],
                         "name": [f"Kunde {i}" for i in ids]})


def yearly(customer: int, month_day: str, amounts: dict[int, int]) -> list[tuple[int, str, int]]:
    return [(customer, f"{year}-{month_day}", cents) for year, cents in amounts.items()]


SERIES = orders(
    yearly(1, "06-01", {y: 10_000 for y in range(2020, 2026)})  # constant
    + yearly(2, "06-01", {y: 10_000 * (y - 2019) for y in range(2020, 2026)})  # growing
    + yearly(3, "03-01", {2019: 5_000, 2020: 5_000, 2021: 5_000})  # churned
    + [(4, "2025-11-01", 7_000)]  # a single order
    + [(6, "2025-05-01", -3_000)]  # only a credit note
    + yearly(7, "12-10", {y: 5_000 for y in range(2021, 2026)})  # seasonal: December …
    + yearly(7, "07-10", {y: 1_000 for y in range(2021, 2026)})  # … and a small July order
    + yearly(8, "06-01", {2022: 40_000, 2023: 30_000, 2024: 20_000, 2025: 10_000})  # falling
)


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    result, info = forecast_customers(SERIES, customers(1, 2, 3, 4, 5, 6, 7, 8), AS_OF, 365)
    assert info.method == "fallback"  # eight customers: too few to learn weights
    return result


def test_constant_series_repeats_with_no_spread(table: pd.DataFrame) -> None:
    row = table.loc[1]
    # six years of 100.00: forecast 100.00, range 100.00–100.00, std 0, CV 0, trend 0 %
    assert (row.expected_cents, row.low_cents, row.high_cents) == (10_000, 10_000, 10_000)
    assert row.mean_cents == 10_000 and row.std_cents == 0 and row.cv == 0
    assert row.trend_percent == 0 and row.status == "ok" and not row.at_risk


def test_growing_series_continues_to_its_last_value(table: pd.DataFrame) -> None:
    row = table.loc[2]
    # windows 600, 500, 400 (×100): damped line = 500 + slope 100 = 600.00
    assert row.expected_cents == 60_000
    # spread of the five windows 600..200: std 158.11 → ± 1.2816·158.11 = ± 202.63
    assert row.low_cents == 39_736 and row.high_cents == 80_264
    # rolling years 600, 500, 400, 300: slope 100 / mean 450 = +22.2 % a year; 600 vs 500: +20 %
    assert row.trend_percent == pytest.approx(22.222, abs=0.01)
    assert row.yoy_percent == pytest.approx(20.0)
    # calendar years 100..600: mean 350, std 187.08, CV 0.5345
    assert row.mean_cents == 35_000 and row.cv == pytest.approx(0.5345, abs=1e-4)


def test_seasonal_customer_forecasts_the_yearly_sum(table: pd.DataFrame) -> None:
    # 50.00 each December + 10.00 each July: every 12-month window holds 60.00
    assert table.loc[7].expected_cents == 6_000 and table.loc[7].high_cents == 6_000


def test_churned_customer_expects_nothing_and_is_at_risk(table: pd.DataFrame) -> None:
    row = table.loc[3]
    assert row.expected_cents == 0 and row.high_cents == 0 and row.status == "lapsed"
    # gaps 366 and 365 days → usual (mean) 365.5 ≈ 366; 01.03.2021 → 31.12.2025 = 1766 days
    assert row.overdue and row.reasons == "seit 1766 Tagen kein Auftrag (üblich: alle 366 Tage)"


def test_single_order_is_flagged_few_data_with_a_bounded_range(table: pd.DataFrame) -> None:
    row = table.loc[4]
    # one window with 70.00; without a second window the spread is half the forecast:
    # 70.00 ± 1.2816·35.00 = 25.14 … 114.86
    assert (row.expected_cents, row.low_cents, row.high_cents) == (7_000, 2_514, 11_486)
    assert row.status == "few_data" and row.status_label == "zu wenig Daten"
    assert math.isnan(row.std_cents) and math.isnan(row.usual_interval_days)


def test_new_customer_and_credit_notes_only_get_zero(table: pd.DataFrame) -> None:
    assert table.loc[5].status == "no_orders" and table.loc[5].expected_cents == 0
    assert "zu wenig Daten" in table.loc[5].status_label
    assert table.loc[6].status == "credit_only" and table.loc[6].high_cents == 0


def test_falling_trend_and_open_complaints_are_reasons() -> None:
    events = pd.DataFrame({"customer_id": [1], "day": [pd.Timestamp("2025-10-01")],
                           "is_complaint": [True], "is_open": [True], "impact_cents": [0],
                           "competitor": [False]})
    result, _ = forecast_customers(SERIES, customers(1, 8), AS_OF, 365, events=events)
    # customer 8 since 01.06.2022: the oldest 12-month window is only 7 months covered and left
    # out; 300, 200, 100 → slope −100 / mean 200 = −50 % a year
    assert result.loc[8].falling and result.loc[8].reasons == "Umsatz sinkt um 50 % pro Jahr"
    assert result.loc[1].reasons == "1 offene Reklamation" and result.loc[1].at_risk
    assert not result.loc[1].overdue


def test_overdue_rule_follows_the_interval_multiple() -> None:
    monthly = orders([(1, d.isoformat(), 1_000) for d in pd.date_range("2025-01-01", periods=10,
                                                                       freq="30D").date])
    # last order 28.09.2025, 94 days before 31.12.2025; usual interval 30 days
    two, _ = forecast_customers(monthly, customers(1), AS_OF, 90, ForecastSettings())
    assert two.loc[1].reasons.startswith("seit 94 Tagen kein Auftrag (üblich: alle 30 Tage)")
    four, _ = forecast_customers(monthly, customers(1), AS_OF, 90,
                                 ForecastSettings(risk_interval_multiple=4.0))
    assert not four.loc[1].overdue  # 94 <= 4 × 30


def test_orders_after_as_of_never_change_the_forecast() -> None:
    later = pd.concat([SERIES, orders([(1, "2026-01-01", 99_999_999), (4, "2026-03-01", 5)])])
    first, _ = forecast_customers(SERIES, customers(1, 2, 3, 4), AS_OF, 365)
    second, _ = forecast_customers(later, customers(1, 2, 3, 4), AS_OF, 365)
    pd.testing.assert_frame_equal(first, second)


def test_yearly_revenue_fills_empty_years_and_marks_the_partial_one() -> None:
    years = yearly_revenue(SERIES[SERIES["customer_id"] == 3], dt.date(2023, 6, 30))
    # 2019–2021 with 50.00, 2022 and 2023 (partial) with 0
    assert years["revenue_cents"].tolist() == [5_000, 5_000, 5_000, 0, 0]
    assert years["partial"].tolist() == [False, False, False, False, True]
    assert years["change_percent"].tolist()[1:4] == [0.0, 0.0, -100.0]


def test_year_annotations_explain_swings() -> None:
    data = orders([(1, f"2024-0{m}-01", 1_000) for m in range(1, 6)] + [(1, "2024-07-01", 9_000)])
    events = pd.DataFrame({"customer_id": [1, 1], "day": pd.to_datetime(["2024-03-02", "2025-02-01"]),
                           "is_complaint": [True, False], "is_open": [False, False],
                           "impact_cents": [-50_000, 0], "competitor": [False, True]})
    campaigns = pd.DataFrame({"customer_id": [1], "day": [pd.Timestamp("2024-09-01")],
                              "campaign": ["Herbstmailing"]})
    notes = year_annotations(data, events, campaigns, AS_OF).set_index("year")
    # 90.00 >= 3 × median 10.00: one large one-off order in 2024
    assert notes.loc[2024, "large_orders"] == 1 and notes.loc[2024, "complaints"] == 1
    assert notes.loc[2024, "note"] == ("1 Reklamation (Umsatzwirkung -500.00); Kampagne: "
                                       "Herbstmailing; 1 Grossauftrag (90.00)")
    assert notes.loc[2025, "competitor_contacts"] == 1


def test_model_path_gives_sane_ranges_for_many_customers() -> None:
    from tests.benchmarks.synthetic_orders import generate_orders

    data = generate_orders(600, days=3 * 365, seed=3)
    as_of = data["order_date"].max()
    result, info = forecast_revenue(data, as_of, 180)
    assert info.method == "model" and info.bgnbd is not None
    assert (result["low"] >= 0).all() and (result["low"] <= result["expected"] + 1e-6).all()
    assert (result["expected"] <= result["high"] + 1e-6).all()
    assert all(w >= 0 for w in info.weights.values())
    # nobody is forecast more than 20× their best past half-year (no absurd values)
    assert np.isfinite(result.to_numpy()).all()


def test_gammaln_and_bgnbd_expectation_match_reference_values() -> None:
    z = np.array([0.3, 1.0, 2.5, 123.4])
    assert np.allclose(gammaln(z), [math.lgamma(v) for v in z], atol=1e-12)
    model = BGNBD(r=0.24, alpha=4.4, a=0.79, b=2.4)
    # direct (non-Euler) hypergeometric sums, computed by hand-written series separately
    got = model.expected_purchases(39.0, np.array([0.0, 2.0, 10.0]), np.array([0.0, 20.0, 35.0]),
                                   np.array([30.0, 30.0, 38.0]))
    assert got == pytest.approx([0.2364424, 1.3601352, 6.4521227], abs=1e-6)


def test_nnls_keeps_weights_non_negative() -> None:
    a = np.array([[1.0, 1.0], [2.0, 1.0], [3.0, 1.0]])
    # y = 2·x1 − 1·x2 would need a negative weight; best non-negative fit uses x1 alone:
    # minimise Σ(y − b·x1)² with y = 1, 3, 5 → b = 22/14
    assert nnls(a, np.array([1.0, 3.0, 5.0])) == pytest.approx([22 / 14, 0.0])


def test_as_of_before_any_order_gives_zeros_not_errors() -> None:
    result, _ = forecast_customers(SERIES, customers(1, 2), dt.date(2010, 1, 1), 365)
    assert result["expected_cents"].tolist() == [0, 0]
    assert result["status"].tolist() == ["no_orders", "no_orders"]


def test_a_few_days_are_a_share_of_four_weeks() -> None:
    # constant customer: 28-day forecast of the fallback, then 7/28 of it
    four_weeks, _ = forecast_revenue(SERIES, "2025-12-31", 28)
    one_week, _ = forecast_revenue(SERIES, "2025-12-31", 7)
    assert one_week["expected"].to_numpy() == pytest.approx(four_weeks["expected"].to_numpy() / 4)
