"""Section Prognose: planning table, at-risk list that opens the customer, export, chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kundenportfolio.core.models import ComplaintStatus, Contact, ContactType
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.views.forecast_view import CUSTOMER_ID_ROLE, ForecastView

from .conftest import TODAY


def test_forecast_view_shows_plan_and_risks(qtbot, qtmodeltester, shop: Repository,  # type: ignore[no-untyped-def]
                                            tmp_path: Path) -> None:
    garage = shop.get_customer_by_number("10002")
    assert garage.id is not None
    shop.add_contact(Contact(customer_id=garage.id, occurred_at=dt.datetime(2026, 10, 1, 9, 0),
                             type=ContactType.COMPLAINT, complaint_status=ComplaintStatus.OPEN))
    view = ForecastView(shop, PortfolioStore(shop), today=TODAY)
    qtbot.addWidget(view)
    view.refresh()  # hidden: only marks the view for computing when shown
    assert not view.forecast_store.has_result(TODAY, 365) and view.plan.empty
    view.update_view()  # computed in the background: the view says so meanwhile
    assert view.is_busy() and view.info_label.text() == "Computing the forecast…"
    assert not view.export_button.isEnabled()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=20000)
    assert view.export_button.isEnabled()
    qtmodeltester.check(view.plan_model)
    qtmodeltester.check(view.risk_model)
    # every group present + "alle": 12 months, 5 quarters (Nov 2026 – Oct 2027) and a total
    assert view.plan_model.rowCount() % 18 == 0 and view.plan_model.rowCount() >= 36
    # only the garage has an open complaint
    assert view.risk_model.rowCount() == 1
    assert view.risk_proxy.index(0, 4).data() == "1 offene Reklamation"
    assert view.risk_proxy.index(0, 0).data(CUSTOMER_ID_ROLE) == garage.id
    with qtbot.waitSignal(view.customer_activated) as signal:
        view._open_customer(view.risk_proxy.index(0, 0))
    assert signal.args == [garage.id]
    view.export_plan(str(tmp_path / "plan.csv"))
    assert (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").startswith("Gruppe;")
    assert "27.11.2026" in view.info_label.text()
    assert not view.canvas.grab().isNull()
