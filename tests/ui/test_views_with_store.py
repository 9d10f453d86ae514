"""Portfolio and ranking views on a real database through the real PortfolioStore."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backend_bases import MouseEvent

from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.ranking_table import COLUMN_INDEX
from kundenportfolio.ui.views.portfolio_view import PortfolioView
from kundenportfolio.ui.views.ranking_view import RankingView

TODAY = dt.date.today()


@pytest.fixture
def filled(repo: Repository) -> tuple[Repository, dict[str, int]]:
    ids = {}
    for number, name, amounts in (("20001", "Holzbau Steiner AG", [500_000_00, 300_000_00]),
                                  ("20002", "Café Rösli", [20_000_00]),
                                  ("20003", "Metzgerei Brunner", [80_000_00, 10_000_00, 5_000_00])):
        customer = repo.add_customer(Customer(number=number, name=name, city="Bern", country="CH"))
        assert customer.id is not None
        ids[number] = customer.id
        for i, cents in enumerate(amounts):
            day = TODAY - dt.timedelta(days=20 + i * 30)
            repo.record_order(Order(customer_id=customer.id, order_date=day, amount_cents=cents))
    return repo, ids


def test_ranking_with_real_store_follows_new_orders(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    repo, ids = filled
    store = PortfolioStore(repo)
    view = RankingView(repo, store, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    names = [view.proxy.index(r, COLUMN_INDEX["name"]).data() for r in range(view.proxy.rowCount())]
    # revenue 800'000 > 95'000 > 20'000 with the same default margin -> same order by Kundenwert
    assert names == ["Holzbau Steiner AG", "Metzgerei Brunner", "Café Rösli"]
    view.hide()
    repo.record_order(Order(customer_id=ids["20002"], order_date=TODAY - dt.timedelta(days=3),
                            amount_cents=2_000_000_00))
    store.customer_changed(ids["20002"])
    view.show()  # stale (result updated in place) -> reloaded
    assert view.proxy.index(0, COLUMN_INDEX["name"]).data() == "Café Rösli"
    assert view.proxy.index(0, COLUMN_INDEX["rank"]).data() == "1"


def test_portfolio_click_with_real_store(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    repo, ids = filled
    store = PortfolioStore(repo)
    view = PortfolioView(repo, store, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    table = store.result(view.period()).table
    assert set(view.chart.customer_ids.tolist()) == set(ids.values())
    target = ids["20003"]
    x, y = view.figure.axes[0].transData.transform(
        (table.at[target, "position"], table.at[target, "attractiveness"]))
    found = view.customer_at(x, y)
    # customers can share a spot; the one found must sit exactly there
    assert tuple(table.loc[found, ["position", "attractiveness"]]) == tuple(
        table.loc[target, ["position", "attractiveness"]])
    with qtbot.waitSignal(view.customer_activated, timeout=1000) as blocker:
        MouseEvent("button_press_event", view.canvas, x, y, button=1)._process()
    assert blocker.args == [found]
    assert "Metzgerei Brunner" in view.tooltip_text(target)


def test_snapshot_and_movements_with_real_store(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    repo, _ids = filled
    store = PortfolioStore(repo)
    view = PortfolioView(repo, store, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.snapshot_button.click()
    assert repo.list_periods() == [view.period().key]
    period = view.period()
    # the period before was not saved: its groups are computed for the comparison, in the
    # background (seconds with 100,000 customers)
    assert view.movements.is_busy() and "being computed" in view.movements.hint.text()
    qtbot.waitUntil(lambda: not view.movements.is_busy(), timeout=20000)
    assert view.movements.selected_pair() == (period.previous().key, period.key)
    moved = store.movements(period.previous().key, period.key)
    assert view.movements.model.rowCount() == len(moved)
    assert repo.list_periods() == [period.key]  # computing saved nothing
