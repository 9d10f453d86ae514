"""The light customer list of the program start, and opening with the check deferred."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kundenportfolio.core.models import Contact, ContactType, Customer, Staff
from kundenportfolio.data.customer_list import load_customer_list
from kundenportfolio.data.database import allow_writes, open_database, writes_blocked
from kundenportfolio.data.integrity import DatabaseDamagedError
from kundenportfolio.data.repository import Repository


def test_list_has_master_data_and_last_contact_up_to_today(repo: Repository) -> None:
    anna = repo.add_staff(Staff(name="Anna Keller"))
    a = repo.add_customer(Customer(number="10001", name="Bäckerei Müller AG", city="Zürich",
                                   staff_id=anna.id))
    b = repo.add_customer(Customer(number="10002", name="Garage Huber GmbH"))
    assert a.id and b.id
    for when in (dt.datetime(2026, 3, 2, 9, 0), dt.datetime(2026, 5, 4, 16, 30),
                 dt.datetime(2026, 12, 1, 8, 0)):  # the last one lies after "today"
        repo.add_contact(Contact(customer_id=a.id, occurred_at=when, type=ContactType.CALL))
    rows = load_customer_list(repo.db, dt.date(2026, 11, 26))
    assert rows.ids == [a.id, b.id]
    assert rows.staff_ids == [anna.id, None]
    assert rows.columns["number"] == ["10001", "10002"]
    assert rows.columns["name"] == ["Bäckerei Müller AG", "Garage Huber GmbH"]
    assert rows.columns["city"] == ["Zürich", None]
    assert rows.columns["staff_name"] == ["Anna Keller", None]
    assert rows.columns["status"] == ["active", "active"]
    # 4 May is the newest contact up to 26 Nov; 1 Dec is in the future
    assert rows.columns["last_contact_date"] == [dt.date(2026, 5, 4), None]


def test_empty_database_gives_empty_columns(repo: Repository) -> None:
    rows = load_customer_list(repo.db, dt.date(2026, 11, 26))
    assert rows.ids == [] and rows.columns["name"] == []


def test_deferred_check_blocks_writes_until_allowed(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path).close()
    db = open_database(path, check_integrity=False)
    assert writes_blocked(db)
    with pytest.raises(Exception, match="readonly"):
        Repository(db).add_staff(Staff(name="Zoe"))
    allow_writes(db)
    assert not writes_blocked(db)
    Repository(db).add_staff(Staff(name="Zoe"))
    db.close()


def test_without_the_flag_a_damaged_file_is_still_refused_at_once(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from kundenportfolio.data import integrity

    path = tmp_path / "k.sqlite3"
    open_database(path).close()
    monkeypatch.setattr(integrity, "check_database", lambda p, **kw: ["SQLite meldet «x»"])
    with pytest.raises(DatabaseDamagedError):
        open_database(path)
    db = open_database(path, check_integrity=False)  # the GUI start: checked in the background
    assert writes_blocked(db)
    db.close()
