"""The Umsatz tab's panel: years with their explanation at once, the forecast box lazily."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType, Customer, Order
from kundenportfolio.data import forecast_store
from kundenportfolio.data.forecast_store import ForecastStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.forecast_runner import ForecastRunner
from kundenportfolio.ui.formatting import format_money
from kundenportfolio.ui.models.roles import COLUMN_KIND_ROLE, EXPORT_ROLE
from kundenportfolio.ui.widgets.revenue_forecast_panel import RevenueForecastPanel

from .conftest import TODAY  # 26.11.2026


def _complaint_customer(shop: Repository) -> int:
    """10001 also bought 2024 (12'000.00) and 2025 (8'000.00, a complaint costing 1'500.00)."""
    baker = shop.get_customer_by_number("10001")
    assert baker.id is not None
    shop.record_order(Order(customer_id=baker.id, order_date=dt.date(2024, 5, 1),
                            amount_cents=1_200_000))
    shop.record_order(Order(customer_id=baker.id, order_date=dt.date(2025, 5, 1),
                            amount_cents=800_000))
    shop.add_contact(Contact(customer_id=baker.id, occurred_at=dt.datetime(2025, 6, 3, 10, 0),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.DONE,
                             revenue_impact_cents=-150_000))
    return baker.id


def test_years_with_explanation_without_the_forecast(qtbot, qtmodeltester, shop: Repository,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    baker = _complaint_customer(shop)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the years must not wait for the population forecast")

    monkeypatch.setattr(forecast_store, "forecast_customers", fail)
    panel = RevenueForecastPanel(shop, ForecastRunner(ForecastStore(shop)), today=TODAY)
    qtbot.addWidget(panel)
    panel.set_customer(baker)  # not visible: the forecast waits
    qtmodeltester.check(panel.model)
    model = panel.model
    # newest first: 2026 (to date) 30'000.00 in 2 orders, 2025 8'000.00, 2024 12'000.00
    assert [model.index(r, 0).data() for r in range(3)] == ["2026 (to date)", "2025", "2024"]
    assert [model.index(r, 1).data() for r in range(3)] == ["30'000.00", "8'000.00", "12'000.00"]
    assert model.index(0, 2).data() == "2"
    # 2026 is not over: its revenue so far is not compared with all of 2025 (it says why);
    # 2025 vs 2024: −4'000 / 12'000 = −33 %
    assert model.index(0, 3).data() == "" and model.index(1, 3).data() == "-33 %"
    assert "not over yet" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 3).data(EXPORT_ROLE) is None
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(1, 4).data() == "1 complaint(s) (revenue impact -1'500.00)"
    # the explanation wraps in its column and is also a tooltip with the full text
    assert model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole) == model.index(1, 4).data()
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 4).data() == "" and model.index(2, 4).data() == ""
    # exports see integers and cents
    assert model.headerData(1, Qt.Orientation.Horizontal, COLUMN_KIND_ROLE) == "money"
    assert model.index(1, 1).data(EXPORT_ROLE) == 800_000
    assert model.index(0, 0).data(EXPORT_ROLE) == 2026
    assert panel.forecast is None
    assert "shown" in panel.placeholder.text()


def test_forecast_box_when_visible(qtbot, shop: Repository, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    baker = _complaint_customer(shop)
    store = ForecastStore(shop)
    panel = RevenueForecastPanel(shop, ForecastRunner(store), today=TODAY)
    qtbot.addWidget(panel)
    panel.resize(760, 480)
    panel.set_customer(baker)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.forecast is not None)
    assert store.has_result(TODAY, 365)
    row = store.result(TODAY, 365)[0].loc[baker]
    assert panel.fields["expected"].text() == format_money(row["expected_cents"], "de-CH")
    assert panel.fields["range"].text() == (f"{format_money(row['low_cents'], 'de-CH')} – "
                                            f"{format_money(row['high_cents'], 'de-CH')}")
    assert panel.fields["risk"].text() == "No"  # the complaint is done, orders are recent
    assert panel.status_text() == row["status_label"]
    path = tmp_path / "revenue_forecast_panel.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 0

    assert not panel.stale_label.isVisibleTo(panel)
    assert not panel.recompute_button.isVisibleTo(panel)

    # an edit of this customer: the cached row is kept but marked as older than the edit
    shop.record_order(Order(customer_id=baker, order_date=dt.date(2026, 11, 1), amount_cents=1_000))
    store.customer_changed(baker)
    panel.refresh()
    assert panel.forecast is not None and panel.stale_label.isVisibleTo(panel)
    assert panel.recompute_button.isVisibleTo(panel)

    # a brand-new customer (one order last week) is not in the cached table yet: the panel
    # says so and offers to recompute; then "zu wenig Daten"
    new = shop.add_customer(Customer(number="10009", name="Neukunde AG", country="CH"))
    assert new.id is not None
    shop.record_order(Order(customer_id=new.id, order_date=dt.date(2026, 11, 20),
                            amount_cents=100_000))
    panel.set_customer(new.id)
    assert panel.forecast is None and "No forecast" in panel.placeholder.text()
    assert panel.model.rowCount() == 1 and panel.model.index(0, 1).data() == "1'000.00"
    qtbot.mouseClick(panel.recompute_button, Qt.MouseButton.LeftButton)
    assert panel.is_busy() and panel.placeholder.text() == "Computing the forecast…"
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=20000)
    assert panel.status_text() == "zu wenig Daten"
    assert not panel.stale_label.isVisibleTo(panel) and not store.is_stale(baker)


def test_money_follows_number_format(qtbot, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    baker = _complaint_customer(shop)
    shop.set_settings({"number_format": "de-DE"})
    panel = RevenueForecastPanel(shop, ForecastRunner(ForecastStore(shop)), today=TODAY)
    qtbot.addWidget(panel)
    panel.set_customer(baker)
    assert panel.model.index(1, 1).data() == "8.000,00"
    assert panel.model.index(1, 4).data() == "1 complaint(s) (revenue impact -1.500,00)"
    panel.set_customer(None)
    assert panel.model.rowCount() == 0 and panel.forecast is None


def test_german_texts(qtbot, qapp, shop: Repository) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kundenportfolio_de.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        baker = _complaint_customer(shop)
        panel = RevenueForecastPanel(shop, ForecastRunner(ForecastStore(shop)), today=TODAY)
        qtbot.addWidget(panel)
        panel.set_customer(baker)
        assert panel.model.index(0, 0).data() == "2026 (bis Stichtag)"
        assert panel.model.index(1, 4).data() == "1 Reklamation (Umsatzwirkung -1'500.00)"
        assert panel.model.headerData(4, Qt.Orientation.Horizontal) == "Erklärung"
        assert panel.box.title() == "Prognose für die nächsten 12 Monate"
    finally:
        QCoreApplication.removeTranslator(translator)
