"""Portfolio matrix view: bubbles open customers, hover, filters, period, strategies, movements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.backend_bases import MouseEvent

from kundenportfolio.core.periods import Period
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.movements_table import CUSTOMER_ID_ROLE, MovementsTableModel
from kundenportfolio.ui.views import portfolio_view
from kundenportfolio.ui.views.portfolio_view import PortfolioView
from tests.reports.fake_portfolio import FakeResult, make_table
from tests.ui.fakes import FakeStore

TODAY = dt.date(2026, 11, 26)


def _table() -> pd.DataFrame:
    table = make_table(3)
    # hand-placed: 1 Star top right, 2 Ertrag bottom right, 3 Mitnahme bottom left
    table["position"] = [80.0, 60.0, 10.0]
    table["attractiveness"] = [70.0, 20.0, 10.0]
    table["group"] = ["star", "ertrag", "mitnahme"]
    table["abc"] = ["A", "B", "C"]
    table["staff_name"] = ["Anna Keller", "Beat Meier", "Anna Keller"]
    table["industry"] = ["Handel", "Handwerk", None]
    table["kundenwert_cents"] = [123_456_78, 5_000_00, -20_00]
    table["name"] = ["Bäckerei Müller AG", "Schreinerei Graf", "Kiosk Zürcher"]
    return table


@pytest.fixture
def movements() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": [2], "number": ["10002"], "name": ["Schreinerei Graf"],
                         "from_group": ["fragezeichen"], "to_group": ["ertrag"]})


@pytest.fixture
def view(qtbot, repo: Repository, movements: pd.DataFrame) -> PortfolioView:  # type: ignore[no-untyped-def]
    store = FakeStore(FakeResult(_table(), thresholds=(55.0, 40.0)), movements)
    store.saved_periods = ["2024", "2025"]  # the group history holds two calendar years
    widget = PortfolioView(repo, store, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _display_xy(view: PortfolioView, x: float, y: float) -> tuple[float, float]:
    dx, dy = view.figure.axes[0].transData.transform((x, y))
    return float(dx), float(dy)


def _click(view: PortfolioView, x: float, y: float) -> None:
    MouseEvent("button_press_event", view.canvas, x, y, button=1)._process()


def test_click_on_bubble_opens_that_customer(qtbot, view: PortfolioView) -> None:  # type: ignore[no-untyped-def]
    x, y = _display_xy(view, 60.0, 20.0)  # customer 2's bubble
    with qtbot.waitSignal(view.customer_activated, timeout=1000) as blocker:
        _click(view, x + 1, y - 1)  # one pixel off centre still hits
    assert blocker.args == [2]
    x, y = _display_xy(view, 80.0, 70.0)
    with qtbot.waitSignal(view.customer_activated, timeout=1000) as blocker:
        _click(view, x, y)
    assert blocker.args == [1]


def test_click_on_empty_space_opens_nothing(qtbot, view: PortfolioView) -> None:  # type: ignore[no-untyped-def]
    x, y = _display_xy(view, 30.0, 80.0)  # no customer near
    with qtbot.assertNotEmitted(view.customer_activated):
        _click(view, x, y)


def test_hover_shows_name_value_and_scores(view: PortfolioView, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(portfolio_view.QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    x, y = _display_xy(view, 80.0, 70.0)
    MouseEvent("motion_notify_event", view.canvas, x, y)._process()
    assert len(shown) == 1
    # de-CH: 12'345'678 cents -> 123'456.78; scores with one decimal
    assert "Bäckerei Müller AG" in shown[0]
    assert "123'456.78" in shown[0]
    assert "70.0" in shown[0] and "80.0" in shown[0]
    assert "Starkunden" in shown[0]


def test_quadrant_lines_at_result_thresholds(view: PortfolioView) -> None:
    ax = view.figure.axes[0]
    assert (55.0, 55.0) in {tuple(line.get_xdata()) for line in ax.lines}
    assert (40.0, 40.0) in {tuple(line.get_ydata()) for line in ax.lines}


def test_filters_by_staff_industry_and_abc(view: PortfolioView) -> None:
    assert [view.staff_filter.itemText(i) for i in range(view.staff_filter.count())][1:] == [
        "Anna Keller", "Beat Meier"]
    view.staff_filter.setCurrentIndex(view.staff_filter.findData("Anna Keller"))
    assert sorted(view.chart.customer_ids.tolist()) == [1, 3]
    view.abc_filter.setCurrentIndex(view.abc_filter.findData("C"))
    assert view.chart.customer_ids.tolist() == [3]
    assert "1 of 3" in view.count_label.text()
    view.staff_filter.setCurrentIndex(0)
    view.abc_filter.setCurrentIndex(0)
    view.industry_filter.setCurrentIndex(view.industry_filter.findData("Handwerk"))
    assert view.chart.customer_ids.tolist() == [2]
    # the quadrant statistics follow the filter: 1 Ertrag customer = 100 % of the value shown
    texts = {t.get_text() for t in view.figure.axes[0].texts}
    assert "Ertragskunden\n1 Kunde · 100.0\u202f% des Kundenwerts" in texts


def test_period_change_fetches_result_and_movements(qtbot, view: PortfolioView) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    index = next(i for i in range(view.period_selector.count())
                 if view.period_selector.itemText(i).endswith("2025"))
    with qtbot.waitSignal(view.period_changed, timeout=1000) as blocker:
        view.period_selector.setCurrentIndex(index)
    assert blocker.args == [Period.calendar_year(2025)]
    assert store.requested[-1] == Period.calendar_year(2025)
    assert store.movement_requests[-1] == ("2024", "2025")  # the period shown and the one before
    view.set_period(Period.all_time(TODAY))
    assert store.requested[-1] == Period.all_time(TODAY)


def test_strategies_use_configured_labels(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    labels = dict(repo.get_setting("group_labels"), star="A-Kunden Premium")
    repo.set_settings({"group_labels": labels})
    widget = PortfolioView(repo, FakeStore(FakeResult(_table())), today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    text = widget.strategy_label.text()
    assert "A-Kunden Premium" in text and "Halten und ausbauen" in text
    assert "Mitnahmekunden" in text
    assert any("A-Kunden Premium" in t.get_text() for t in widget.figure.axes[0].texts)


def test_movements_listed_and_open_customer(qtbot, view: PortfolioView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    # the period shown against the one before it (computed, not saved: the store decides)
    shown = Period.last_12_months(TODAY)
    assert view.movements.selected_pair() == (shown.previous().key, shown.key)
    model = view.movements.proxy
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "Fragezeichenkunden"
    assert model.index(0, 3).data() == "Ertragskunden"
    with qtbot.waitSignal(view.customer_activated, timeout=1000) as blocker:
        view.movements.view.doubleClicked.emit(model.index(0, 1))
    assert blocker.args == [2]
    assert model.index(0, 0).data(CUSTOMER_ID_ROLE) == 2


def test_movements_for_a_chosen_pair_of_periods(view: PortfolioView) -> None:
    store = view.store
    shown = Period.last_12_months(TODAY)
    panel = view.movements
    # offered: the saved calendar years and the period shown with the one before it
    assert [panel.to_combo.itemData(i) for i in range(panel.to_combo.count())] == [
        "2024", shown.previous().key, "2025", shown.key]
    assert panel.from_combo.itemText(0) == "Kalenderjahr 2024"
    panel.from_combo.setCurrentIndex(panel.from_combo.findData("2024"))
    assert store.movement_requests[-1] == ("2024", shown.key)
    requests = len(store.movement_requests)
    panel.to_combo.setCurrentIndex(panel.to_combo.findData("2024"))  # the same period twice
    assert len(store.movement_requests) == requests and panel.model.rowCount() == 0
    assert panel.hint.text() == "Choose two different periods."


def test_empty_movements_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MovementsTableModel()
    model.set_movements(pd.DataFrame(columns=["customer_id", "number", "name", "from_group", "to_group"]))
    qtmodeltester.check(model)


def test_snapshot_button_saves_period(view: PortfolioView) -> None:
    view.snapshot_button.click()
    assert view.store.snapshots == [Period.last_12_months(TODAY)]


def test_nothing_computed_while_hidden(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    store = FakeStore(FakeResult(_table()))
    widget = PortfolioView(repo, store, today=TODAY)
    qtbot.addWidget(widget)
    assert store.requested == []
    widget.show()
    assert store.requested  # first show loads


def test_many_customers_hit_test(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    table = make_table(25_000, seed=3)  # above SCATTER_LIMIT: stamped markers instead of a collection
    widget = PortfolioView(repo, FakeStore(FakeResult(table)), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    target = int(table.index[1234])
    x, y = _display_xy(widget, *table.loc[target, ["position", "attractiveness"]].to_numpy(dtype=float))
    found = widget.customer_at(x, y)
    assert found is not None
    # whichever bubble is nearest, it is at the same spot on screen (ties with overlapping bubbles)
    fx, fy = _display_xy(widget, *table.loc[found, ["position", "attractiveness"]].to_numpy(dtype=float))
    assert np.hypot(fx - x, fy - y) < 0.5


def test_screenshot(view: PortfolioView, tmp_path: Path) -> None:
    path = tmp_path / "portfolio_view.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
