"""A closed calendar year's groups are saved once at start, after the integrity check."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from kundenportfolio.core.models import Customer, Order
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository
from kundenportfolio.ui.closed_year import ClosedYearSnapshot

TODAY = dt.date(2026, 1, 5)


class CheckingGate(QObject):
    """Stands in for startup.IntegrityGate while its check runs."""

    passed = Signal()
    checking = True


def _shop(repo: Repository) -> None:
    customer = repo.add_customer(Customer(number="10001", name="Bäckerei Müller AG"))
    assert customer.id is not None
    repo.record_order(Order(customer_id=customer.id, order_date=dt.date(2025, 6, 1),
                            amount_cents=100_000))


def test_saved_once_the_check_passed(qtbot, file_repo: Repository) -> None:  # type: ignore[no-untyped-def]
    _shop(file_repo)
    gate = CheckingGate()
    keeper = ClosedYearSnapshot(PortfolioStore(file_repo), TODAY, gate)
    assert keeper.start()  # the job starts with the event loop: arm the wait first
    with qtbot.waitSignal(keeper.job.done, timeout=20000):
        pass  # the keeper's slot was connected first, so it has run when this returns
    assert file_repo.list_periods() == []  # computed, but writing waits for the gate
    with qtbot.waitSignal(keeper.saved, timeout=5000) as saved:
        gate.checking = False
        gate.passed.emit()
    assert saved.args == ["Kalenderjahr 2025"] and file_repo.list_periods() == ["2025"]
    again = ClosedYearSnapshot(PortfolioStore(file_repo), TODAY)
    assert not again.start()  # saved already


def test_nothing_for_a_year_without_orders(file_repo: Repository) -> None:
    file_repo.add_customer(Customer(number="10001", name="Neukunde AG"))
    keeper = ClosedYearSnapshot(PortfolioStore(file_repo), TODAY)
    assert not keeper.start()
