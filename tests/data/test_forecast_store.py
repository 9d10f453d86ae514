"""ForecastStore: cached table, one customer's annotated years, invalidation."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kundenportfolio.core.models import (
    Campaign,
    ComplaintStatus,
    Contact,
    ContactType,
    Customer,
    Order,
)
from kundenportfolio.data import forecast_store
from kundenportfolio.data.forecast_store import YEAR_COLUMNS, ForecastStore
from kundenportfolio.data.repository import Repository


def test_customer_years_with_notes_and_cache(repo: Repository, customer: Customer) -> None:
    assert customer.id is not None
    for year in (2023, 2024, 2025):
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(year, 4, 1),
                                amount_cents=50_000))
    repo.add_contact(Contact(customer_id=customer.id, occurred_at=dt.datetime(2024, 5, 2, 10, 0),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.DONE,
                             revenue_impact_cents=-20_000))
    store = ForecastStore(repo)
    as_of = dt.date(2025, 12, 31)
    detail = store.customer(customer.id, as_of, 365)
    # three years of 500.00, the fallback repeats them; 2024 carries the complaint
    assert detail.forecast["expected_cents"] == 50_000
    assert detail.years["revenue_cents"].tolist() == [50_000, 50_000, 50_000]
    assert detail.years.loc[2024, "note"] == "1 Reklamation (Umsatzwirkung -200.00)"
    assert detail.years.loc[2023, "complaints"] == 0
    # a new order is only seen after invalidate()
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 12, 1),
                            amount_cents=1_000_000))
    assert store.result(as_of, 365)[0].loc[customer.id, "expected_cents"] == 50_000
    store.invalidate()
    assert store.result(as_of, 365)[0].loc[customer.id, "expected_cents"] > 50_000


def _no_population_forecast(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("customer_years must not compute the population forecast")


def test_customer_years_without_population_forecast(repo: Repository, customer: Customer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert customer.id is not None
    monkeypatch.setattr(forecast_store, "forecast_customers", _no_population_forecast)
    # four orders of 100.00 in 2024, one of 400.00 in 2025 (>= 3 × median 100.00: large)
    for day in (dt.date(2024, 1, 10), dt.date(2024, 3, 10), dt.date(2024, 6, 10),
                dt.date(2024, 9, 10)):
        repo.record_order(Order(customer_id=customer.id, order_date=day, amount_cents=10_000))
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 2, 1),
                            amount_cents=40_000))
    repo.add_contact(Contact(customer_id=customer.id, occurred_at=dt.datetime(2025, 3, 1, 9, 0),
                             type=ContactType.CALL, buys_from_competitor=True))
    campaign = repo.add_campaign(Campaign(name="Frühling", instrument_id=None,
                                          start_date=dt.date(2025, 4, 1),
                                          end_date=dt.date(2025, 4, 30)))
    assert campaign.id is not None
    repo.set_participants(campaign.id, [customer.id])
    store = ForecastStore(repo)
    years = store.customer_years(customer.id, dt.date(2026, 6, 30))
    assert list(years.columns) == list(YEAR_COLUMNS)
    # 2024: 400.00 in 4 orders; 2025: 400.00 in 1 (change 0 %); 2026: nothing yet (−100 %)
    assert years.index.tolist() == [2024, 2025, 2026]
    assert years["revenue_cents"].tolist() == [40_000, 40_000, 0]
    assert years["orders"].tolist() == [4, 1, 0]
    assert years["partial"].tolist() == [False, False, True]
    assert years.loc[2025, "change_percent"] == 0.0 and years.loc[2026, "change_percent"] == -100.0
    assert years.loc[2025, "large_orders"] == 1 and years.loc[2025, "large_orders_cents"] == 40_000
    assert years.loc[2025, "competitor_contacts"] == 1
    assert years.loc[2025, "campaigns"] == 1 and years.loc[2025, "campaign_names"] == "Frühling"
    assert years.loc[2024, "note"] == "" and years.loc[2026, "large_orders"] == 0
    assert "Kampagne: Frühling" in years.loc[2025, "note"]
    assert not store.has_result(dt.date(2026, 6, 30), 365)


def test_customer_years_of_a_customer_without_orders(repo: Repository, customer: Customer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert customer.id is not None
    monkeypatch.setattr(forecast_store, "forecast_customers", _no_population_forecast)
    years = ForecastStore(repo).customer_years(customer.id, dt.date(2026, 6, 30))
    assert years.empty and list(years.columns) == list(YEAR_COLUMNS)


def test_customer_forecast_plan_and_history_share_one_computation(
        repo: Repository, customer: Customer, monkeypatch: pytest.MonkeyPatch) -> None:
    assert customer.id is not None
    for year in (2023, 2024, 2025):
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(year, 4, 1),
                                amount_cents=50_000))
    calls = []
    real = forecast_store.forecast_customers

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(args[3])  # the horizon
        return real(*args, **kwargs)

    monkeypatch.setattr(forecast_store, "forecast_customers", counting)
    store = ForecastStore(repo)
    as_of = dt.date(2025, 12, 31)
    row = store.customer_forecast(customer.id, as_of, 365)
    assert row is not None and row["expected_cents"] == 50_000  # the yearly 500.00 repeated
    assert store.customer_forecast(999_999, as_of, 365) is None
    plan = store.plan(as_of, None)
    total = plan[plan["kind"] == "total"]
    assert total["expected_cents"].tolist() == [50_000]
    history = store.monthly_history(as_of, 24)
    # 24 months Jan 2024 – Dec 2025; April of each year 500.00
    assert len(history) == 24 and history.sum() == 100_000
    assert history[pd.Period("2025-04", "M")] == 50_000
    assert calls == [365]  # one population forecast for all of them
    # one customer edited: the row is kept, marked as older than the edit
    store.customer_changed(customer.id)
    assert store.is_stale(customer.id) and store.has_result(as_of, 365)
    store.invalidate()
    assert not store.has_result(as_of, 365) and not store.is_stale(customer.id)
    store.customer_changed(customer.id)  # nothing cached: nothing can be stale
    assert not store.is_stale(customer.id)


def _three_years(repo: Repository) -> int:
    customer = repo.add_customer(Customer(number="20001", name="Schreinerei Graf", country="CH"))
    assert customer.id is not None
    for year in (2023, 2024, 2025):
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(year, 4, 1),
                                amount_cents=50_000))
    return customer.id


def test_a_background_job_reads_the_file_on_its_own_connection(file_repo: Repository) -> None:
    import threading

    customer_id = _three_years(file_repo)
    store = ForecastStore(file_repo)
    as_of = dt.date(2025, 12, 31)
    job = store.job(as_of, 365)
    computed: list[object] = []
    worker = threading.Thread(target=lambda: computed.append(job.run()))
    worker.start()  # the store's sqlite3 connection refuses other threads: run() must not use it
    worker.join()
    assert not store.has_result(as_of, 365)
    assert store.adopt(job, computed[0])  # type: ignore[arg-type]
    assert store.result(as_of, 365)[0].loc[customer_id, "expected_cents"] == 50_000


def test_a_job_handed_out_before_invalidate_is_not_adopted(repo: Repository) -> None:
    customer_id = _three_years(repo)
    store = ForecastStore(repo)
    as_of = dt.date(2025, 12, 31)
    job = store.job(as_of, 365)  # in memory: the inputs are read now
    store.customer_changed(customer_id)  # an edit while the job runs: its row may be older
    computed = job.run()
    store.invalidate()  # e.g. an import meanwhile
    assert not store.adopt(job, computed) and not store.has_result(as_of, 365)
    second = store.job(as_of, 365)
    store.customer_changed(customer_id)
    assert store.adopt(second, second.run())
    assert store.is_stale(customer_id)
    store.invalidate()
    store.customer_changed(customer_id)  # nothing cached or computing: nothing to mark
    assert not store.is_stale(customer_id)
