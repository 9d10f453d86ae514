"""GUI fixtures: a small database with three customers, the main window on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kundenportfolio.core.models import Cost, CostCategory, Customer, Order, Staff
from kundenportfolio.data.repository import Repository

TODAY = dt.date(2026, 11, 26)  # fixed so the "last 12 months" never drift


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window state goes to the test's tmp dir, never the user's real QSettings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def shop(repo: Repository) -> Repository:
    return build_shop(repo)


def build_shop(repo: Repository) -> Repository:
    """Three customers of a Swiss shop (de-CH):

    10001 Bäckerei Müller AG, Zürich: orders 20'000.00 + 10'000.00 in the period,
          Kundenwert = 35 % margin × 30'000.00 = 10'500.00 (rank 1)
    10002 Garage Huber GmbH, Bern: order 5'000.00 → 1'750.00, minus a visit 250.00 → 1'500.00
          (rank 2)
    10003 Hotel Sonne, Luzern: nothing → 0.00 (rank 3)
    """
    anna = repo.add_staff(Staff(name="Anna Keller"))
    beat = repo.add_staff(Staff(name="Beat Meier"))
    a = repo.add_customer(Customer(number="10001", name="Bäckerei Müller AG", city="Zürich",
                                   postcode="8004", country="CH", staff_id=anna.id,
                                   contact_person="Hans Müller", phone="044 123 45 67",
                                   email="info@baeckerei-mueller.ch"))
    b = repo.add_customer(Customer(number="10002", name="Garage Huber GmbH", city="Bern",
                                   postcode="3011", country="CH", staff_id=beat.id,
                                   contact_person="Petra Huber", email="petra@huber.ch"))
    c = repo.add_customer(Customer(number="10003", name="Hotel Sonne", city="Luzern",
                                   postcode="6003", country="CH", staff_id=anna.id))
    assert a.id and b.id and c.id
    repo.record_order(Order(customer_id=a.id, order_date=dt.date(2026, 3, 1), amount_cents=2_000_000))
    repo.record_order(Order(customer_id=a.id, order_date=dt.date(2026, 9, 1), amount_cents=1_000_000))
    repo.record_order(Order(customer_id=b.id, order_date=dt.date(2026, 5, 1), amount_cents=500_000))
    repo.add_cost(Cost(customer_id=b.id, cost_date=dt.date(2026, 6, 1), category=CostCategory.VISIT,
                       amount_cents=25_000))
    return repo


@pytest.fixture
def window(qtbot, shop: Repository, tmp_path: Path):  # type: ignore[no-untyped-def]
    from kundenportfolio.ui.main_window import MainWindow

    win = MainWindow(shop, tmp_path / "shop.sqlite3", today=TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
