"""ForecastStore: cached table, one customer's annotated years, invalidation."""

from __future__ import annotations

import datetime as dt

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType, Customer, Order
from kundenportfolio.data.forecast_store import ForecastStore
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
