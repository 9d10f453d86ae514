"""The period combo offers every calendar year since the oldest order (issue 3: any year)."""

from __future__ import annotations

import datetime as dt

from kundenportfolio.core.models import Customer, Order
from kundenportfolio.core.periods import Period
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.widgets.period_selector import PeriodSelector

TODAY = dt.date(2026, 11, 26)


def _years(selector: PeriodSelector) -> list[int]:
    return [selector._periods[i].end.year for i in range(selector.count())
            if selector._periods[i].kind == "year"]


def test_years_since_the_oldest_order(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    store = PortfolioStore(repo)
    assert store.first_order_year() is None
    assert _years(PeriodSelector(TODAY, first_year=store.first_order_year())) == list(
        range(2026, 2020, -1))  # no orders: the current and five previous years
    customer = repo.add_customer(Customer(number="10001", name="Bäckerei Müller AG"))
    assert customer.id is not None
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2012, 3, 1),
                            amount_cents=10_000))
    selector = PeriodSelector(TODAY, first_year=store.first_order_year())
    qtbot.addWidget(selector)
    assert _years(selector) == list(range(2026, 2011, -1))
    assert selector.itemText(0) == "Last 12 months" and selector.itemText(selector.count() - 1) == "All years"
    with qtbot.waitSignal(selector.period_changed) as picked:
        selector.setCurrentIndex(selector.findText("Year 2012"))
    assert picked.args == [Period.calendar_year(2012)]


def test_a_mistyped_ancient_date_does_not_flood_the_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    selector = PeriodSelector(TODAY, first_year=1900)
    qtbot.addWidget(selector)
    assert len(_years(selector)) == 50
