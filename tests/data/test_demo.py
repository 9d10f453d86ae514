"""The demo database (issue 2 §4): deterministic, consistent, complete, and safe to (re)create."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kundenportfolio.cli import main
from kundenportfolio.core.errors import DatabaseRefusedError, KundenportfolioError
from kundenportfolio.core.models import ContactType, CostCategory
from kundenportfolio.core.validation import is_valid_email
from kundenportfolio.data import demo
from kundenportfolio.data.database import APPLICATION_ID, open_database
from kundenportfolio.data.demo import DemoStats, create_demo_database
from kundenportfolio.data.repository import Repository

AS_OF = dt.date(2026, 6, 30)
TABLES = ("staff", "customers", "orders", "contacts", "costs", "settings")


def build(path: Path, **kwargs: Any) -> DemoStats:
    options: dict[str, Any] = {"customers": 40, "years": 3, "seed": 7, "as_of": AS_OF, **kwargs}
    return create_demo_database(path, **options)


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoStats]:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    return path, build(path)


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default size (250 customers, 5 years): enough rows for the rarer features."""
    path = tmp_path_factory.mktemp("demo") / "default.sqlite3"
    create_demo_database(path, as_of=AS_OF)
    return path


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_same_seed_same_tables_other_seed_other_data(small: tuple[Path, DemoStats],
                                                      tmp_path: Path) -> None:
    path, stats = small
    again = build(tmp_path / "again.sqlite3")
    assert again == stats
    assert dump(tmp_path / "again.sqlite3") == dump(path)
    build(tmp_path / "other.sqlite3", seed=8)
    assert dump(tmp_path / "other.sqlite3")["customers"] != dump(path)["customers"]


def test_counts_match_the_tables(small: tuple[Path, DemoStats]) -> None:
    path, stats = small
    counts = {t: query(path, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    assert (counts["customers"], counts["orders"], counts["contacts"], counts["costs"], counts["staff"]) == (
        stats.customers, stats.orders, stats.contacts, stats.costs, stats.staff)
    assert stats.customers == 40 and 3 <= stats.staff <= 6
    assert stats.orders > 40  # roughly 10 per customer over 5 years, here 3 years
    # 40 customers: quotas floor(40 × 20/15/12/13 %) = 8, 6, 4, 5; stable takes the rest (17)
    assert stats.archetypes == {"growing": 8, "stable": 17, "declining": 6, "churned": 4, "new": 5}


def test_every_order_has_exactly_one_order_contact(small: tuple[Path, DemoStats]) -> None:
    path, _ = small
    assert query(path, "SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM contacts c "
                       "WHERE c.order_id = o.id) <> 1") == [(0,)]
    assert query(path, "SELECT count(*) FROM contacts "
                       "WHERE (type = 'order') <> (order_id IS NOT NULL)") == [(0,)]
    # Same shape as Repository.record_order: midnight of the order date, number in the subject.
    assert query(path, "SELECT count(*) FROM contacts c JOIN orders o ON o.id = c.order_id "
                       "WHERE c.occurred_at <> o.order_date || ' 00:00' OR c.customer_id <> o.customer_id "
                       "OR c.subject NOT LIKE '% ' || o.order_number") == [(0,)]


def test_database_is_consistent_and_ours(small: tuple[Path, DemoStats]) -> None:
    path, _ = small
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert query(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert query(path, "PRAGMA journal_mode") == [("wal",)]
    db = open_database(path)  # accepted as a Kundenportfolio file, nothing pending
    try:
        repo = Repository(db)
        customers = repo.list_customers()  # every row converts back into a dataclass
        assert len(customers) == 40
        assert repo.get_setting("company_name") == "Demo Handels AG"
        orders = [o for c in customers[:5] for o in repo.list_orders(c.id)]
        assert all(o.net_cents <= o.amount_cents for o in orders)
    finally:
        db.close()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_all_contact_types_and_cost_categories_occur(small: tuple[Path, DemoStats]) -> None:
    path, _ = small
    types = {t for (t,) in query(path, "SELECT DISTINCT type FROM contacts")}
    assert types == {t.value for t in ContactType}
    categories = {c for (c,) in query(path, "SELECT DISTINCT category FROM costs")}
    assert categories == {c.value for c in CostCategory}
    statuses = {s for (s,) in query(path, "SELECT DISTINCT complaint_status FROM contacts")}
    assert statuses == {None, "open", "done"}
    assert query(path, "SELECT count(*) FROM contacts WHERE complaint_status IS NOT NULL "
                       "AND type <> 'complaint'") == [(0,)]


def test_orders_numbers_money_and_window(small: tuple[Path, DemoStats]) -> None:
    path, _ = small
    rows = query(path, "SELECT order_date, order_number, amount_cents, discount_cents, "
                       "cost_of_goods_cents, is_credit_note FROM orders")
    numbers = [r[1] for r in rows]
    assert len(set(numbers)) == len(numbers)
    for day, number, amount, discount, _cogs, credit in rows:
        assert re.fullmatch(rf"{'G' if credit else 'A'}-{day[:4]}-\d{{6}}", number)
        assert "2023-07-01" <= day <= "2026-06-30"  # 3 years ending at as_of
        assert (amount < 0) == bool(credit) and 0 <= discount <= max(amount, 0)
    with_cogs = sum(r[4] is not None for r in rows) / len(rows)
    assert 0.55 < with_cogs < 0.85  # about 70 % know their cost of goods
    assert any(r[5] for r in rows) and any(r[3] for r in rows)  # credit notes and discounts


def test_master_data_formats(default: Path) -> None:
    rows = query(default, "SELECT country, postcode, phone, email, name FROM customers")
    assert {r[0] for r in rows} == {"CH", "DE", "AT"}
    prefixes = {"CH": "+41 ", "DE": "+49 ", "AT": "+43 "}
    for country, postcode, phone, email, name in rows:
        assert re.fullmatch(r"\d{5}" if country == "DE" else r"\d{4}", postcode), postcode
        assert phone is None or phone.startswith(prefixes[country])
        assert email is None or is_valid_email(email), email
        assert name.strip()
    assert any(r[2] is None for r in rows) and any(r[3] is None for r in rows)  # optional fields empty
    assert any("ä" in r[4] or "ü" in r[4] or "ö" in r[4] for r in rows)


def test_business_fields_spread(default: Path) -> None:
    def count(where: str) -> int:
        return query(default, f"SELECT count(*) FROM customers WHERE {where}")[0][0]

    assert 100 < count("potential_cents IS NOT NULL") < 200  # about 60 % of 250
    assert 0 < count("status = 'inactive'") < 40
    assert 100 < count("marketing_consent = 1 AND consent_date IS NOT NULL") < 220
    assert count("marketing_consent = 1 AND consent_source IS NULL") > 0
    assert count("opt_out_date IS NOT NULL AND marketing_consent = 0") > 0
    assert count("staff_id IS NULL") > 0 and count("staff_id IS NOT NULL") > 200
    assert count("rating_payment BETWEEN 1 AND 5") > 50
    assert count("group_override IS NOT NULL AND group_override_reason <> ''") == 2
    assert count("group_override IS NULL AND group_override_reason IS NOT NULL") == 0
    # Contacts mostly by the responsible person, sometimes by colleagues; some buy elsewhere too.
    own, others = query(default, "SELECT sum(k.staff_id = c.staff_id), sum(k.staff_id <> c.staff_id) "
                                 "FROM contacts k JOIN customers c ON c.id = k.customer_id")[0]
    assert own > 3 * others > 0
    assert query(default, "SELECT count(*) FROM contacts WHERE buys_from_competitor = 1")[0][0] > 0


def test_some_customers_cost_more_than_they_earn(default: Path) -> None:
    # KDB IV with the default margin of 35 % where the cost of goods is unknown.
    rows = query(default, """
        SELECT c.id,
               coalesce((SELECT sum(amount_cents - discount_cents
                                    - coalesce(cost_of_goods_cents, amount_cents * 0.65))
                         FROM orders WHERE customer_id = c.id), 0)
               - coalesce((SELECT sum(amount_cents) FROM costs WHERE customer_id = c.id), 0)
        FROM customers c""")
    unprofitable = [cid for cid, kdb in rows if kdb < 0]
    assert 0 < len(unprofitable) < 60


def test_complaints_explain_revenue_dips(default: Path) -> None:
    big = query(default, "SELECT customer_id, substr(occurred_at, 1, 10), revenue_impact_cents "
                         "FROM contacts WHERE type = 'complaint' AND notes LIKE 'Grössere Reklamation%'")
    assert big and all(impact < 0 for _, _, impact in big)
    dipped = 0
    for customer_id, day, _ in big:
        before, after = query(default, """
            SELECT sum(CASE WHEN order_date BETWEEN date(?, '-180 days') AND ? THEN amount_cents END),
                   sum(CASE WHEN order_date > ? AND order_date <= date(?, '+90 days') THEN amount_cents END)
            FROM orders WHERE customer_id = ?""", (day, day, day, day, customer_id))[0]
        dipped += (after or 0) < (before or 0) / 2  # half a year before vs. the quarter after
    assert dipped >= len(big) / 2


def test_churned_new_growing_and_declining_customers_show_in_the_orders(default: Path) -> None:
    yearly = query(default, """
        SELECT customer_id,
               sum(CASE WHEN order_date <= '2022-06-30' THEN amount_cents ELSE 0 END),
               sum(CASE WHEN order_date > '2025-06-30' THEN amount_cents ELSE 0 END),
               max(order_date)
        FROM orders GROUP BY customer_id""")
    assert any(first > 0 and last > 2 * first for _, first, last, _ in yearly)  # growing
    assert any(last > 0 and first > 2 * last for _, first, last, _ in yearly)  # declining
    assert any(latest < "2025-06-30" for *_, latest in yearly)  # churned: no order for a year
    assert query(default, "SELECT count(*) FROM customers WHERE customer_since > '2024-06-30'")[0][0] > 10


def test_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    build(path, customers=5, years=1)
    before = path.read_bytes()
    with pytest.raises(DatabaseRefusedError, match="gibt es schon"):
        build(path, customers=5, years=1, seed=2)
    assert path.read_bytes() == before
    stats = build(path, customers=6, years=1, seed=2, replace=True)
    assert stats.customers == 6
    assert query(path, "SELECT count(*) FROM customers") == [(6,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite3"]


def test_never_replaces_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("meine Notizen", encoding="utf-8")
    with pytest.raises(DatabaseRefusedError):
        build(path, customers=5, replace=True)
    assert path.read_text(encoding="utf-8") == "meine Notizen"


def test_a_crash_leaves_the_old_file_and_no_half_demo(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "demo.sqlite3"
    build(path, customers=5, years=1)
    before = path.read_bytes()

    def crash(*args: Any) -> Iterator[Any]:
        yield from ()
        raise OSError("Datenträger voll")  # raised in the row-building thread, re-raised here

    monkeypatch.setattr(demo, "_cost_batches", crash)
    with pytest.raises(OSError):
        build(path, customers=8, years=1, replace=True)
    assert path.read_bytes() == before
    # (The refusal check may leave SQLite's empty -wal/-shm companions; no temporary demo remains.)
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]
    assert query(path, "SELECT count(*) FROM customers") == [(5,)]


@pytest.mark.parametrize("kwargs", [{"customers": 0}, {"years": 0}])
def test_rejects_nonsense_sizes(tmp_path: Path, kwargs: dict[str, int]) -> None:
    with pytest.raises(KundenportfolioError):
        build(tmp_path / "x.sqlite3", **kwargs)
    assert not (tmp_path / "x.sqlite3").exists()


def test_cli_demo_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.sqlite3"
    args = ["demo", "--db", str(path), "--customers", "30", "--years", "2", "--seed", "3"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Demo-Datenbank erstellt" in out and "30 Kunden" in out
    assert query(path, "SELECT count(*) FROM customers") == [(30,)]
    assert main(args) == 1  # exists already: refused with a German message
    assert "gibt es schon" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


def test_cli_demo_without_db_goes_to_the_demo_file(capsys: pytest.CaptureFixture[str]) -> None:
    from kundenportfolio import paths

    # conftest points the user data folder at a temporary directory
    assert main(["demo", "--customers", "10", "--years", "1"]) == 0
    assert paths.demo_db_path().exists() and not paths.default_db_path().exists()
    assert "kundenportfolio --demo" in capsys.readouterr().out


def test_an_open_file_that_cannot_be_replaced_gets_a_german_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "demo.sqlite3"
    build(path, customers=5, years=1)
    before = path.read_bytes()

    def locked(*args: Any) -> None:
        raise PermissionError(13, "Zugriff verweigert")  # what Windows says for an open file

    monkeypatch.setattr(demo.os, "replace", locked)
    with pytest.raises(DatabaseRefusedError, match="gerade geöffnet"):
        build(path, customers=5, years=1, seed=3, replace=True)
    assert path.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]
