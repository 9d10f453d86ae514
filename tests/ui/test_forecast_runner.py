"""The forecast runs in a background thread; a change of the data meanwhile is not lost."""

from __future__ import annotations

import datetime as dt

from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data.forecast_store import ForecastStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.forecast_runner import ForecastRunner

AS_OF = dt.date(2025, 12, 31)


def _customer_with_orders(repo: Repository) -> int:
    customer = repo.add_customer(Customer(number="20001", name="Schreinerei Graf", country="CH"))
    assert customer.id is not None
    for year in (2023, 2024, 2025):
        repo.record_order(Order(customer_id=customer.id, order_date=dt.date(year, 4, 1),
                                amount_cents=50_000))
    return customer.id


def test_ensure_computes_once_in_the_background(qtbot, file_repo: Repository) -> None:  # type: ignore[no-untyped-def]
    customer_id = _customer_with_orders(file_repo)
    runner = ForecastRunner(ForecastStore(file_repo))
    with qtbot.waitSignal(runner.finished, timeout=20000) as finished:
        assert not runner.ensure(AS_OF)
        assert not runner.ensure(AS_OF) and runner.is_busy()  # asked twice, computed once
    assert finished.args == [""] and not runner.is_busy()
    assert runner.ensure(AS_OF)  # cached now
    assert runner.store.result(AS_OF, 365)[0].loc[customer_id, "expected_cents"] == 50_000


def test_invalidated_while_computing_computes_again(qtbot, file_repo: Repository) -> None:  # type: ignore[no-untyped-def]
    customer_id = _customer_with_orders(file_repo)
    runner = ForecastRunner(ForecastStore(file_repo))
    with qtbot.waitSignal(runner.finished, timeout=20000):
        runner.ensure(AS_OF)
        file_repo.record_order(Order(customer_id=customer_id, order_date=dt.date(2025, 12, 1),
                                     amount_cents=1_000_000))
        runner.store.invalidate()  # what the window does after an import
    assert runner.store.result(AS_OF, 365)[0].loc[customer_id, "expected_cents"] > 50_000


def test_a_failure_is_reported_not_raised(qtbot, file_repo: Repository, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kundenportfolio.data import forecast_store

    _customer_with_orders(file_repo)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("kaputt")

    monkeypatch.setattr(forecast_store, "forecast_customers", broken)
    runner = ForecastRunner(ForecastStore(file_repo))
    with qtbot.waitSignal(runner.finished, timeout=20000) as finished:
        runner.ensure(AS_OF)
    assert finished.args[0].endswith("kaputt") and not runner.is_busy()
    assert not runner.store.has_result(AS_OF, 365)
