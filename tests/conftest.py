"""Shared fixtures: an in-memory repository, a file database, a few staff and customers."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from kundenportfolio.core.models import Customer, Staff  # noqa: E402
from kundenportfolio.data.database import open_database, open_memory  # noqa: E402
from kundenportfolio.data.repository import Repository  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder or QSettings of the machine running the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


@pytest.fixture
def repo() -> Iterator[Repository]:
    """An empty in-memory database with the full schema."""
    db = open_memory()
    yield Repository(db)
    db.close()


@pytest.fixture
def file_repo(tmp_path: Path) -> Iterator[Repository]:
    """An empty database file (WAL, real pragmas) in the test's tmp dir."""
    db = open_database(tmp_path / "test.sqlite3")
    yield Repository(db)
    db.close()


@pytest.fixture
def staff(repo: Repository) -> Staff:
    return repo.add_staff(Staff(name="Anna Keller", email="anna.keller@example.ch"))


@pytest.fixture
def customer(repo: Repository, staff: Staff) -> Customer:
    return repo.add_customer(
        Customer(number="10001", name="Bäckerei Müller AG", postcode="8004", city="Zürich",
                 country="CH", staff_id=staff.id, customer_since=dt.date(2019, 4, 1),
                 email="info@baeckerei-mueller.ch", phone="+41 44 123 45 67")
    )
