"""The customer detail's Umsatz tab: years with explanations and the forecast (issue 5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType, Order
from kundenportfolio.data.repository import Repository


def test_revenue_tab_shows_years_and_updates_after_an_order(window, shop: Repository, qtbot,
                                                           tmp_path: Path) -> None:
    view = window.customers_view
    view.select_customer(1)  # Bäckerei Müller: 20'000.00 + 10'000.00 in 2026
    detail = view.detail
    detail.tabs.setCurrentIndex(4)
    panel = detail.revenue_panel
    assert [r["year"] for r in panel.model.records] == [2026]
    assert panel.model.index(0, 1).data() == "30'000.00"
    assert detail._revenue == ([2026], [3_000_000])  # the chart shows the same years
    # a 2025 order appears as its own year once recorded through the window
    shop.record_order(Order(customer_id=1, order_date=dt.date(2025, 6, 1), amount_cents=1_200_000))
    detail.refresh()
    assert [r["year"] for r in panel.model.records] == [2026, 2025]
    assert panel.model.index(1, 1).data() == "12'000.00"
    qtbot.waitUntil(lambda: panel.forecast is not None, timeout=20000)
    detail.grab().save(str(tmp_path / "umsatz_tab.png"))


def test_forecast_section_and_detail_share_one_forecast(window) -> None:  # type: ignore[no-untyped-def]
    forecast = window.section("forecast")
    assert forecast.forecast_store is window.forecast_store
    assert window.customers_view.detail.forecast_store is window.forecast_store
    assert window.customers_view.detail.revenue_panel.forecast_store is window.forecast_store


def _many_years(shop: Repository, first: int = 2014) -> None:
    """10001 also bought twice a year since `first`, a large order in 2024, and in 2025 a
    complaint and a «buys from a competitor» contact (a long explanation)."""
    for i, year in enumerate(range(first, 2026)):
        shop.record_order(Order(customer_id=1, order_date=dt.date(year, 5, 1),
                                amount_cents=1_000_000 + 137_000 * i))
        shop.record_order(Order(customer_id=1, order_date=dt.date(year, 9, 1),
                                amount_cents=400_000 + 53_000 * i))
    shop.record_order(Order(customer_id=1, order_date=dt.date(2024, 10, 1), amount_cents=9_000_000))
    shop.add_contact(Contact(customer_id=1, occurred_at=dt.datetime(2025, 6, 3, 10, 0),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.DONE,
                             revenue_impact_cents=-150_000))
    shop.add_contact(Contact(customer_id=1, occurred_at=dt.datetime(2025, 7, 3, 10, 0),
                             type=ContactType.CALL, buys_from_competitor=True))


def _show_revenue(window, qtbot, detail_width: int | None = None):  # type: ignore[no-untyped-def]
    window.resize(1400, 900)
    view = window.customers_view
    if detail_width:
        total = sum(view.splitter.sizes())
        view.splitter.setSizes([total - detail_width, detail_width])
    view.select_customer(1)
    detail = view.detail
    detail.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: detail.canvas is not None and not detail._chart_stale)
    detail.canvas.draw()
    return detail


def _no_overlap(boxes: list) -> bool:  # type: ignore[type-arg]
    """No two texts share pixels (a second line under a neighbour's label is fine)."""
    return not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize(("first", "detail_width"), [(2014, None), (2014, 700), (2022, 700)])
def test_revenue_tab_readable_at_the_default_size(window, shop: Repository, qtbot,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path, first: int,
                                                  detail_width: int | None) -> None:
    _many_years(shop, first)
    detail = _show_revenue(window, qtbot, detail_width)
    # the chart below the table, with a sensible height
    assert detail.revenue_split.orientation() == Qt.Orientation.Vertical
    assert detail.canvas.height() >= 200
    figure, renderer = detail.figure, detail.canvas.get_renderer()
    ax = figure.axes[0]
    width = figure.bbox.width
    ticks = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    assert len(ticks) >= 3 and _no_overlap(ticks)  # year labels side by side, thinned if need be
    assert all(b.x0 >= 0 and b.x1 <= width for b in ticks)
    assert ax.yaxis.label.get_window_extent(renderer).x0 >= 0
    assert all(t.get_window_extent(renderer).x0 >= 0 for t in ax.get_yticklabels() if t.get_text())
    values = [t.get_window_extent(renderer) for t in ax.texts]
    assert _no_overlap(values)  # values on the bars only where they fit
    if first == 2022:
        assert len(values) == 5  # few years: every bar has its value
    # the year not over yet: lighter, hatched, and said so
    assert ax.patches[-1].get_hatch() == "///" and not ax.patches[0].get_hatch()
    assert ax.get_xticklabels()[-1].get_text() == "2026\n(bis Stichtag)"
    # the explanation column is inside the table, wrapped to its full height, also a tooltip
    table = detail.revenue_panel.table
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= table.viewport().width()
    row = [r["year"] for r in detail.revenue_panel.model.records].index(2025)
    assert table.rowHeight(row) >= table.sizeHintForRow(row)
    text = detail.revenue_panel.model.index(row, 4).data()
    assert "competitor" in text
    assert detail.revenue_panel.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == text
    detail.grab().save(str(tmp_path / f"umsatz_{first}_{detail_width}.png"))


def test_switching_customers_redraws_the_chart_after_the_table(window, shop: Repository,  # type: ignore[no-untyped-def]
                                                               qtbot, monkeypatch) -> None:
    from matplotlib.figure import Figure

    def slow(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("tight_layout took half of a customer switch: fixed margins")

    monkeypatch.setattr(Figure, "tight_layout", slow)
    _many_years(shop)
    detail = _show_revenue(window, qtbot)
    ax = detail.figure.axes[0]
    window.customers_view.select_customer(2)
    # the years are shown at once, the bars a moment later (zero-timer), on the same axes
    assert [r["year"] for r in detail.revenue_panel.model.records] == [2026]
    assert detail._chart_stale
    qtbot.waitUntil(lambda: not detail._chart_stale)
    assert detail.figure.axes == [ax]
    assert [p.get_height() for p in ax.patches] == [500_000]
