"""Ranking view: order by Kundenwert, group filter, totals row in step with the filter, Pareto."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.models.ranking_table import (
    COLUMN_INDEX,
    CUSTOMER_ID_ROLE,
    RankingFilterProxy,
    RankingTableModel,
    RankingTotalsModel,
)
from kundenportfolio.ui.views.ranking_view import RankingView
from tests.reports.fake_portfolio import FakeResult, make_table
from tests.ui.fakes import FakeStore

TODAY = dt.date(2026, 11, 26)


def _table() -> pd.DataFrame:
    table = make_table(4)
    table["name"] = ["Alpha AG", "Beta GmbH", "Gamma SA", "Delta KG"]
    table["group"] = ["star", "ertrag", "star", "mitnahme"]
    table["revenue_cents"] = [100_000_00, 40_000_00, 250_000_00, 5_000_00]
    table["kdb1_cents"] = [30_000_00, 15_000_00, 60_000_00, 1_000_00]
    table["kdb4_cents"] = [20_000_00, 12_000_00, 45_000_00, -500_00]
    table["kundenwert_cents"] = table["kdb4_cents"]
    table["rank"] = [2, 3, 1, 4]
    table["abc"] = ["A", "B", "A", "C"]
    return table


def _column(view: RankingView, key: str) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, COLUMN_INDEX[key]).data() for r in range(proxy.rowCount())]


@pytest.fixture
def view(qtbot, repo: Repository) -> RankingView:  # type: ignore[no-untyped-def]
    widget = RankingView(repo, FakeStore(FakeResult(_table())), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_models_pass_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RankingTableModel()
    qtmodeltester.check(model)  # empty
    model.set_table(_table())
    qtmodeltester.check(model)
    proxy = RankingFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_group("star")
    qtmodeltester.check(proxy)
    totals = RankingTotalsModel(proxy)
    qtmodeltester.check(totals)


def test_sorted_by_kundenwert_best_first(view: RankingView) -> None:
    # Kundenwert 45'000 (Gamma) > 20'000 (Alpha) > 12'000 (Beta) > -500 (Delta)
    assert _column(view, "name") == ["Gamma SA", "Alpha AG", "Beta GmbH", "Delta KG"]
    assert _column(view, "rank") == ["1", "2", "3", "4"]
    assert _column(view, "kdb4_cents") == ["45'000.00", "20'000.00", "12'000.00", "-500.00"]
    assert _column(view, "group")[0] == "Starkunden"


def test_group_filter_and_totals_follow_it(view: RankingView) -> None:
    totals = view.totals_model
    # all four: revenue 100'000 + 40'000 + 250'000 + 5'000 = 395'000; KDB IV 76'500
    assert totals.index(0, COLUMN_INDEX["revenue_cents"]).data() == "395'000.00"
    assert totals.index(0, COLUMN_INDEX["kdb4_cents"]).data() == "76'500.00"
    view.set_group("star")
    assert _column(view, "name") == ["Gamma SA", "Alpha AG"]
    # Stars only: revenue 350'000, KDB I 90'000, KDB IV 65'000
    assert totals.totals()["count"] == 2
    assert totals.index(0, COLUMN_INDEX["revenue_cents"]).data() == "350'000.00"
    assert totals.index(0, COLUMN_INDEX["kdb1_cents"]).data() == "90'000.00"
    assert totals.index(0, COLUMN_INDEX["kdb4_cents"]).data() == "65'000.00"
    assert "2 of 4" in view.count_label.text()
    view.set_group(None)
    assert view.proxy.rowCount() == 4 and totals.totals()["count"] == 4


def test_pareto_curve_of_shown_customers(view: RankingView) -> None:
    line = view.figure.axes[0].lines[0]
    # 45'000, 20'000, 12'000, -500 of 76'500: 58.8 %, 85.0 %, 100.7 %, 100 %
    assert np.allclose(line.get_ydata(), [0, 58.824, 84.967, 100.654, 100.0], atol=0.01)
    view.set_group("star")
    line = view.figure.axes[0].lines[0]
    assert np.allclose(line.get_ydata(), [0, 69.231, 100.0], atol=0.01)  # 45'000 / 65'000
    assert "Starkunden" in view.figure.axes[0].get_title()


def test_sort_by_clicking_a_column_keeps_filter_and_totals(view: RankingView) -> None:
    view.set_group("star")
    view.table.sortByColumn(COLUMN_INDEX["name"], Qt.SortOrder.AscendingOrder)
    assert _column(view, "name") == ["Alpha AG", "Gamma SA"]
    view.set_group(None)
    view.table.sortByColumn(COLUMN_INDEX["revenue_cents"], Qt.SortOrder.DescendingOrder)
    assert _column(view, "name") == ["Gamma SA", "Alpha AG", "Beta GmbH", "Delta KG"]
    view.table.sortByColumn(COLUMN_INDEX["revenue_cents"], Qt.SortOrder.AscendingOrder)
    assert _column(view, "name") == ["Delta KG", "Beta GmbH", "Alpha AG", "Gamma SA"]
    assert view.totals_model.totals()["revenue_cents"] == 395_000_00


def test_double_click_opens_customer(qtbot, view: RankingView) -> None:  # type: ignore[no-untyped-def]
    index = view.proxy.index(1, COLUMN_INDEX["name"])  # Alpha AG, id 1
    assert index.data(CUSTOMER_ID_ROLE) == 1
    with qtbot.waitSignal(view.customer_activated, timeout=1000) as blocker:
        view.table.doubleClicked.emit(index)
    assert blocker.args == [1]


def test_number_format_from_settings(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    repo.set_settings({"number_format": "de-DE"})
    widget = RankingView(repo, FakeStore(FakeResult(_table())), today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    assert _column(widget, "revenue_cents")[0] == "250.000,00"
    assert widget.totals_model.index(0, COLUMN_INDEX["kdb4_cents"]).data() == "76.500,00"


def test_group_column_painted_as_badge(view: RankingView) -> None:
    from kundenportfolio.ui.models.roles import GROUP_CODE_ROLE
    from kundenportfolio.ui.widgets.group_badge import GroupBadgeDelegate

    assert isinstance(view.table.itemDelegateForColumn(COLUMN_INDEX["group"]), GroupBadgeDelegate)
    assert view.proxy.index(0, COLUMN_INDEX["group"]).data(GROUP_CODE_ROLE) == "star"


def test_negative_values_in_red(view: RankingView) -> None:
    index = view.proxy.index(3, COLUMN_INDEX["kdb4_cents"])  # Delta KG, -500
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"


def test_screenshot(view: RankingView, tmp_path: Path) -> None:
    path = tmp_path / "ranking_view.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
