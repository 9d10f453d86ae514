"""The forecast's tables come out of SQL already cut at the reference day."""

from __future__ import annotations

import datetime as dt

from kundenportfolio.core.models import (
    Campaign,
    ComplaintStatus,
    Contact,
    ContactType,
    Customer,
    Order,
)
from kundenportfolio.data.order_history import latest_order_date, load_forecast_inputs, load_orders
from kundenportfolio.data.repository import Repository


def test_inputs_stop_at_as_of(repo: Repository, customer: Customer) -> None:
    assert customer.id is not None
    for day, cents in ((dt.date(2025, 3, 1), 10_000), (dt.date(2025, 6, 30), 20_000),
                       (dt.date(2025, 7, 1), 99_999_999)):
        repo.record_order(Order(customer_id=customer.id, order_date=day, amount_cents=cents,
                                discount_cents=500))
    repo.add_contact(Contact(customer_id=customer.id, occurred_at=dt.datetime(2025, 6, 30, 23, 59),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.OPEN,
                             revenue_impact_cents=-3_000))
    repo.add_contact(Contact(customer_id=customer.id, occurred_at=dt.datetime(2025, 7, 1, 8, 0),
                             type=ContactType.CALL, buys_from_competitor=True))
    campaign = repo.add_campaign(Campaign(name="Sommeraktion", instrument_id=None,
                                          start_date=dt.date(2025, 6, 1),
                                          end_date=dt.date(2025, 6, 30)))
    assert campaign.id is not None
    repo.set_participants(campaign.id, [customer.id])

    inputs = load_forecast_inputs(repo, dt.date(2025, 6, 30))
    # two orders up to 30.06.; net = amount − discount
    assert inputs.orders["net_cents"].tolist() == [9_500, 19_500]
    assert inputs.orders["number"].tolist() == ["10001", "10001"]
    # the very day (julianday() counts from noon: a day off was once read here)
    assert inputs.orders["order_date"].dt.date.tolist() == [dt.date(2025, 3, 1), dt.date(2025, 6, 30)]
    # one customer's orders carry its number too (read without all customers' numbers)
    assert load_orders(repo, dt.date(2025, 6, 30), customer_id=customer.id)["number"].tolist() == [
        "10001", "10001"]
    # the complaint late on 30.06. counts, the competitor call on 01.07. does not
    assert inputs.events["is_open"].tolist() == [True]
    assert inputs.events["impact_cents"].tolist() == [-3_000]
    assert inputs.campaigns["campaign"].tolist() == ["Sommeraktion"]
    assert inputs.customers["number"].tolist() == ["10001"]
    assert latest_order_date(repo) == dt.date(2025, 7, 1)
