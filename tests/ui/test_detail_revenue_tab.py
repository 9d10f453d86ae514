"""The customer detail's Umsatz tab: years with explanations and the forecast (issue 5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kundenportfolio.core.models import Order
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
