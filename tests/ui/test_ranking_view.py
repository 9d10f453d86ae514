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
    ax = view.figure.axes[0]
    line = ax.lines[0]
    # share of the profitable customers' Kundenwert (the ABC classes' base): Delta's -500
    # counts as 0, so the curve ends at 100 % instead of rising to 100.7 % and falling back.
    # 45'000, 20'000, 12'000 of 77'000: 58.4 %, 84.4 %, 100 %, 100 %
    assert np.allclose(line.get_ydata(), [0, 58.442, 84.416, 100.0, 100.0], atol=0.01)
    assert max(line.get_ydata()) <= 100.0
    assert "rentablen Kunden" in ax.get_ylabel()  # charts are German (reports.charts)
    legend = ax.get_legend()  # the unprofitable tail is shaded and explained
    assert legend is not None
    assert legend.get_texts()[0].get_text() == \
        "1 unrentabler Kunde\n(Kundenwert unter 0, als 0 gezählt)"
    view.set_group("star")
    ax = view.figure.axes[0]
    assert np.allclose(ax.lines[0].get_ydata(), [0, 69.231, 100.0], atol=0.01)  # 45'000 / 65'000
    assert "Starkunden" in ax.get_title()
    assert ax.get_legend() is None  # no unprofitable Starkunde


def test_customer_value_on_screen_and_totals_fit_in_a_1400_px_window(qtbot, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    """At 1400 px the section is ~1260 px wide (navigation beside it): the sort column
    KDB IV (Kundenwert) must be visible, no total cut off («Ges…», «21'165'995.…»)."""
    from PySide6.QtGui import QFont, QFontMetrics

    table = _table()
    for key in ("revenue_cents", "kdb1_cents", "kdb2_cents", "kdb3_cents"):
        table[key] = [987_654_321_00, 876_543_210_00, 765_432_109_00, 654_321_098_00]
    widget = RankingView(repo, FakeStore(FakeResult(table)), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1260, 700)
    widget.show()
    qtbot.waitExposed(widget)
    header = widget.table.horizontalHeader()
    column = COLUMN_INDEX["kdb4_cents"]
    assert column == COLUMN_INDEX["group"] + 1  # right after the customer and its group
    assert header.sectionViewportPosition(column) + header.sectionSize(column) \
        <= widget.table.viewport().width()
    bold_font = QFont(widget.totals.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    totals = widget.totals_model
    for key in ("revenue_cents", "kdb1_cents", "kdb4_cents"):
        text = totals.index(0, COLUMN_INDEX[key]).data()  # 3'283'950'738.00 and the like
        assert bold.horizontalAdvance(text) + 8 <= header.sectionSize(COLUMN_INDEX[key]), key
    # «Total» / «Gesamt» spans the rank and number cells, left-aligned
    assert widget.totals.columnSpan(0, COLUMN_INDEX["rank"]) == 2
    assert bold.horizontalAdvance("Gesamt") + 8 <= \
        header.sectionSize(COLUMN_INDEX["rank"]) + header.sectionSize(COLUMN_INDEX["number"])
    alignment = totals.index(0, COLUMN_INDEX["rank"]).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignLeft
    for index in range(len(COLUMN_INDEX)):  # every header fits with its sort arrow
        assert header.sectionSize(index) >= header.sectionSizeFromContents(index).width()


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
