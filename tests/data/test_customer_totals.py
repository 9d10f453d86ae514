"""customer_totals (m005): the trigger-maintained all-time sums always equal a fresh GROUP BY."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pandas as pd

from kundenportfolio.core.models import Contact, ContactType, Cost, CostCategory, Customer, Order
from kundenportfolio.core.periods import Period
from kundenportfolio.data import aggregates, customer_totals
from kundenportfolio.data.database import open_database
from kundenportfolio.data.demo import create_demo_database
from kundenportfolio.data.importing import import_file
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository

FAR = dt.date(2999, 12, 31)


def _stored(repo: Repository) -> pd.DataFrame:
    """The maintained table, columns named as the loaders name them."""
    columns = (*customer_totals.ORDER_COLUMNS, *customer_totals.CONTACT_COLUMNS,
               *customer_totals.COST_COLUMNS)
    frame = aggregates._int_frame(repo.db, f"SELECT customer_id, {', '.join(columns)} "
                                           "FROM customer_totals", [], ["customer_id", *columns])
    return frame.set_axis([*columns[:7], *customer_totals.CATEGORIES], axis=1)


def _fresh(repo: Repository, end: dt.date = FAR) -> pd.DataFrame:
    """The same sums by grouping the tables now (the loaders of the other periods)."""
    db = repo.db
    return pd.concat([aggregates.load_order_sums(db, None, end), aggregates.load_contact_sums(db, None, end),
                      aggregates.load_cost_sums(db, None, end)], axis=1).fillna(0).astype(np.int64)


def assert_consistent(repo: Repository) -> None:
    stored, fresh = _stored(repo), _fresh(repo)
    index = stored.index.union(fresh.index)
    # rows left at zero (everything of a customer deleted) are allowed, nothing else
    pd.testing.assert_frame_equal(stored.reindex(index, fill_value=0),
                                  fresh[stored.columns].reindex(index, fill_value=0),
                                  check_names=False)


def _customer(repo: Repository, number: str) -> int:
    return int(repo.add_customer(Customer(number=number, name=f"Kunde {number}")).id or 0)


def test_hand_computed_totals(repo: Repository) -> None:
    a = _customer(repo, "1")
    # order 1000.00 with Wareneinsatz 600.00; order 500.00 with 20.00 discount and none;
    # credit note −100.00 (not counted as an order)
    repo.record_order(Order(customer_id=a, order_date=dt.date(2024, 1, 5), amount_cents=100_000,
                            cost_of_goods_cents=60_000))
    repo.record_order(Order(customer_id=a, order_date=dt.date(2025, 2, 5), amount_cents=50_000,
                            discount_cents=2_000))
    repo.record_order(Order(customer_id=a, order_date=dt.date(2025, 3, 5), amount_cents=-10_000,
                            is_credit_note=True))
    repo.add_contact(Contact(customer_id=a, occurred_at=dt.datetime(2025, 4, 1, 9, 0),
                             type=ContactType.COMPLAINT))
    repo.add_contact(Contact(customer_id=a, occurred_at=dt.datetime(2025, 4, 2, 9, 0),
                             type=ContactType.CALL))
    repo.add_cost(Cost(customer_id=a, cost_date=dt.date(2025, 5, 1), category=CostCategory.GIFT,
                       amount_cents=4_590))
    row = _stored(repo).loc[a]
    # revenue 1000 + 500 − 100 = 1400.00; reductions 20.00; known cogs 600.00;
    # net without cogs: (500 − 20) + (−100) = 380.00; 2 orders; 2 contacts (3 order records
    # not counted), 1 complaint; gift 45.90
    assert row[["revenue_cents", "reductions_cents", "cogs_cents", "net_default_cents",
                "order_count", "contact_count", "complaint_count", "gift", "visit"]].tolist() == [
        140_000, 2_000, 60_000, 38_000, 2, 2, 1, 4_590, 0]
    assert_consistent(repo)


def test_random_writes_keep_totals_equal_to_group_by(repo: Repository) -> None:
    rng = random.Random(3)
    ids = [_customer(repo, str(n)) for n in range(1, 7)]
    categories, types = list(CostCategory), list(ContactType)
    orders: list[int] = []
    for step in range(300):
        op = rng.random()
        cid = rng.choice(ids)
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))
        if step % 60 == 59:  # a customer and everything of it goes, a new one comes
            gone = ids.pop(rng.randrange(len(ids)))
            repo.delete_customer(gone)
            orders = [o for o in orders if repo.db.execute(
                "SELECT 1 FROM orders WHERE id = ?", [o]).fetchone()]
            assert customer_totals.available(repo.db)
            assert gone not in _stored(repo).index
            ids.append(_customer(repo, f"n{step}"))
        elif op < 0.25:
            credit = rng.random() < 0.2
            amount = -rng.randint(1, 9_999) if credit else rng.randint(0, 99_999)
            order = repo.record_order(Order(
                customer_id=cid, order_date=day, amount_cents=amount,
                discount_cents=min(rng.choice([0, 0, 500]), abs(amount)),  # at most the amount
                cost_of_goods_cents=rng.choice([None, rng.randint(0, 50_000)]), is_credit_note=credit))
            orders.append(int(order.id or 0))
        elif op < 0.4:
            repo.add_contact(Contact(customer_id=cid, occurred_at=dt.datetime.combine(day, dt.time(10)),
                                     type=rng.choice(types)))
        elif op < 0.55:
            repo.add_cost(Cost(customer_id=cid, cost_date=day, category=rng.choice(categories),
                               amount_cents=rng.randint(0, 20_000)))
        elif op < 0.65 and orders:  # change sums, move to another customer, or only the date
            order = repo.get_order(rng.choice(orders))
            order.customer_id = rng.choice(ids)
            order.cost_of_goods_cents = rng.choice([None, 1_234])
            order.discount_cents = min(rng.choice([0, 100]), abs(order.amount_cents))
            repo.update_order(order)
        elif op < 0.72:  # raw SQL edits of contacts and costs (type/category/customer/amount)
            repo.db.execute("UPDATE contacts SET type = ?, customer_id = ? WHERE id IN "
                            "(SELECT id FROM contacts WHERE type <> 'order' ORDER BY random() LIMIT 2)",
                            [rng.choice(["complaint", "call", "visit"]), rng.choice(ids)])
            repo.db.execute("UPDATE costs SET category = ?, amount_cents = amount_cents + 7, "
                            "customer_id = ? WHERE id IN (SELECT id FROM costs ORDER BY random() LIMIT 2)",
                            [rng.choice(categories).value, rng.choice(ids)])
        elif op < 0.82 and orders:  # deleting an order also deletes its Bestellung contact
            repo.delete_order(orders.pop(rng.randrange(len(orders))))
        elif op < 0.85:  # REPLACE deletes the old row first (delete trigger: recursive_triggers)
            repo.db.execute("INSERT OR REPLACE INTO costs (id, customer_id, cost_date, category, "
                            "amount_cents) SELECT id, ?, cost_date, 'gift', 999 FROM costs "
                            "ORDER BY random() LIMIT 1", [rng.choice(ids)])
        elif op < 0.9:
            repo.db.execute("DELETE FROM costs WHERE id IN (SELECT id FROM costs ORDER BY random() "
                            "LIMIT 1)")
            repo.db.execute("DELETE FROM contacts WHERE type <> 'order' AND id IN "
                            "(SELECT id FROM contacts ORDER BY random() LIMIT 1)")
        if step % 50 == 0:
            assert_consistent(repo)
    assert_consistent(repo)
    assert repo.db.execute("SELECT count(*) FROM orders").fetchone()[0] > 20


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_keep_totals_right(repo: Repository, tmp_path: Path) -> None:
    _customer(repo, "10001")
    _customer(repo, "10002")
    header = "Kundennummer;Datum;Auftragsnummer;Betrag;Wareneinsatz\n"
    import_file(repo, "orders", _write(tmp_path / "a.csv", header + "10001;01.02.2024;A-1;100,00;60\n"
                                       "10002;02.02.2024;A-2;50,00;\n"))
    # re-import: A-1 changes amount and moves to the other customer (update by order number)
    import_file(repo, "orders", _write(tmp_path / "b.csv", header + "10002;05.02.2024;A-1;120,00;\n"))
    import_file(repo, "contacts", _write(tmp_path / "k.csv", "Kundennummer;Datum;Art\n"
                                         "10001;03.02.2024 14:30;Reklamation\n10002;04.02.2024;Anruf\n"))
    import_file(repo, "costs", _write(tmp_path / "c.csv", "Kundennummer;Datum;Kategorie;Betrag\n"
                                      "10001;05.02.2024;Werbegeschenk;45,90\n10002;05.02.2024;Besuch;120\n"))
    stored = _stored(repo)
    # customer 2 now holds both orders: 120.00 + 50.00, neither with Wareneinsatz
    assert stored.loc[2, ["revenue_cents", "net_default_cents", "order_count"]].tolist() == [
        17_000, 17_000, 2]
    assert stored.loc[1, ["revenue_cents", "complaint_count", "gift"]].tolist() == [0, 1, 4_590]
    assert_consistent(repo)


def test_all_time_up_to_a_day_takes_later_rows_away(repo: Repository) -> None:
    a = _customer(repo, "1")
    for day, amount in ((dt.date(2024, 6, 30), 10_000), (dt.date(2024, 7, 1), 5_000)):
        repo.record_order(Order(customer_id=a, order_date=day, amount_cents=amount))
        repo.add_cost(Cost(customer_id=a, cost_date=day, category=CostCategory.VISIT, amount_cents=100))
        repo.add_contact(Contact(customer_id=a, occurred_at=dt.datetime.combine(day, dt.time(23, 59)),
                                 type=ContactType.COMPLAINT))
    end = dt.date(2024, 6, 30)  # the first day's rows are inside, the next day's outside
    orders, costs, contacts = customer_totals.load_all_time(repo.db, end)
    assert (orders.at[a, "revenue_cents"], costs.at[a, "visit"], contacts.at[a, "complaint_count"]) == (
        10_000, 100, 1)
    expected = _fresh(repo, end)
    pd.testing.assert_frame_equal(orders, expected[orders.columns], check_names=False)
    pd.testing.assert_frame_equal(costs, expected[costs.columns], check_names=False)
    pd.testing.assert_frame_equal(contacts, expected[contacts.columns], check_names=False)


def test_store_falls_back_without_triggers(repo: Repository) -> None:
    a = _customer(repo, "1")
    b = _customer(repo, "2")
    repo.record_order(Order(customer_id=a, order_date=dt.date(2024, 1, 1), amount_cents=30_000))
    repo.add_cost(Cost(customer_id=b, cost_date=dt.date(2024, 1, 1), category=CostCategory.EVENT,
                       amount_cents=8_000))
    period = Period.all_time(dt.date(2026, 1, 1))
    with_totals = PortfolioStore(repo).result(period).table
    repo.db.execute("DROP TRIGGER trg_totals_costs_insert")  # e.g. lost in a table rebuild
    assert not customer_totals.available(repo.db)
    without = PortfolioStore(repo).result(period).table
    pd.testing.assert_frame_equal(with_totals, without)
    # 300.00 at the 35 % default margin = 105.00; b: only the event −80.00
    assert without["kundenwert_cents"].tolist() == [10_500, -8_000]


def test_demo_database_fills_totals_and_keeps_triggers(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path, customers=60, years=2, as_of=dt.date(2026, 11, 26))
    db = open_database(path, before_migrate=None)
    try:
        repo = Repository(db)
        assert customer_totals.available(db)
        assert_consistent(repo)
        assert _stored(repo)["order_count"].sum() > 0
    finally:
        db.close()
