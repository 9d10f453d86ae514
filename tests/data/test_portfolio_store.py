"""PortfolioStore on small hand-computed databases: values, flags, cut-offs, override,
incremental update, group history."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kundenportfolio.core.models import Contact, ContactType, Cost, CostCategory, Customer, Group, Order
from kundenportfolio.core.periods import Period
from kundenportfolio.data.portfolio_store import PortfolioStore
from kundenportfolio.data.repository import Repository

AS_OF = dt.date(2026, 11, 26)
PERIOD = Period.last_12_months(AS_OF)  # 27.11.2025–26.11.2026


def _customer(repo: Repository, number: str, **kw: object) -> int:
    customer = repo.add_customer(Customer(number=number, name=f"Kunde {number}", **kw))  # type: ignore[arg-type]
    assert customer.id is not None
    return customer.id


def _order(repo: Repository, cid: int, day: dt.date, amount: int, **kw: object) -> None:
    repo.record_order(Order(customer_id=cid, order_date=day, amount_cents=amount, **kw))  # type: ignore[arg-type]


@pytest.fixture
def shop(repo: Repository) -> dict[str, int]:
    """Three customers:
    A: 2 orders 1000.00 (Wareneinsatz 600.00) and 500.00 (no Wareneinsatz → 35 % = 175.00),
       a visit 50.00 → KDB I 575.00, KDB III/IV 525.00.
    B: one order 600.00 with 100.00 discount, no Wareneinsatz → KDB I 500 × 35 % = 175.00.
    C: only costs (event 80.00) → KDB IV −80.00, unprofitable, no orders.
    """
    a = _customer(repo, "1", customer_since=dt.date(2020, 1, 1))
    b = _customer(repo, "2")
    c = _customer(repo, "3")
    _order(repo, a, dt.date(2026, 3, 1), 100_000, cost_of_goods_cents=60_000)
    _order(repo, a, dt.date(2026, 4, 1), 50_000)
    repo.add_cost(Cost(customer_id=a, cost_date=dt.date(2026, 5, 1), category=CostCategory.VISIT,
                       amount_cents=5_000))
    _order(repo, b, dt.date(2026, 6, 1), 60_000, discount_cents=10_000)
    repo.add_cost(Cost(customer_id=c, cost_date=dt.date(2026, 7, 1), category=CostCategory.EVENT,
                       amount_cents=8_000))
    return {"a": a, "b": b, "c": c}


def test_values_ranking_and_flags(repo: Repository, shop: dict[str, int]) -> None:
    result = PortfolioStore(repo).result(PERIOD)
    t = result.table
    a, b, c = shop["a"], shop["b"], shop["c"]
    assert t.loc[a, ["revenue_cents", "net_cents", "kdb1_cents", "kdb2_cents", "kdb3_cents",
                     "kdb4_cents", "kundenwert_cents"]].tolist() == [
        150_000, 150_000, 57_500, 57_500, 52_500, 52_500, 52_500]
    assert t.loc[b, ["revenue_cents", "reductions_cents", "net_cents", "kdb1_cents"]].tolist() == [
        60_000, 10_000, 50_000, 17_500]
    assert t.loc[c, "kdb2_cents"] == -8_000 and t.loc[c, "kundenwert_cents"] == -8_000
    assert t["rank"].to_dict() == {a: 1, b: 2, c: 3}
    # positive total 700.00: A has nothing better → A; B has 525/700 = 75 % better → A; C ≤ 0 → C
    assert t["abc"].to_dict() == {a: "A", b: "A", c: "C"}
    assert t["unprofitable"].to_dict() == {a: False, b: False, c: True}
    assert t["no_orders"].to_dict() == {a: False, b: False, c: True}
    assert t.loc[a, "order_count"] == 2
    assert t.loc[a, "last_order_date"] == dt.date(2026, 4, 1)
    assert t.loc[c, "last_order_date"] is None
    # CLV of A: 525.00 × 3.99271 = 2096.17
    assert t.loc[a, "clv_cents"] == 209_617
    assert "Kundenlebenszeitwert CHF 2'096.17" in result.clv_explanation(a)
    assert list(t.columns[:3]) == ["number", "name", "city"]


def test_period_cut_offs_inclusive(repo: Repository) -> None:
    cid = _customer(repo, "9")
    _order(repo, cid, dt.date(2025, 11, 26), 1_00)  # day before the start: outside
    _order(repo, cid, dt.date(2025, 11, 27), 10_00)  # first day: inside
    _order(repo, cid, dt.date(2026, 11, 26), 100_00)  # last day: inside
    _order(repo, cid, dt.date(2026, 11, 27), 1000_00)  # day after: outside
    store = PortfolioStore(repo)
    assert store.result(PERIOD).table.at[cid, "revenue_cents"] == 110_00
    assert store.result(Period.calendar_year(2025)).table.at[cid, "revenue_cents"] == 11_00
    assert store.result(Period.all_time(AS_OF)).table.at[cid, "revenue_cents"] == 111_00


def test_override_wins_and_is_flagged(repo: Repository, shop: dict[str, int]) -> None:
    customer = repo.get_customer(shop["c"])
    customer.group_override = Group.STAR
    customer.group_override_reason = "Strategischer Partner"
    repo.update_customer(customer)
    t = PortfolioStore(repo).result(PERIOD).table
    assert t.at[shop["c"], "computed_group"] == "mitnahme"
    assert t.at[shop["c"], "group"] == "star" and bool(t.at[shop["c"], "overridden"])
    assert t.at[shop["c"], "override_reason"] == "Strategischer Partner"
    assert not t.at[shop["a"], "overridden"] and t.at[shop["a"], "override_reason"] is None


def test_explain_lists_used_and_unused(repo: Repository, shop: dict[str, int]) -> None:
    result = PortfolioStore(repo).result(PERIOD)
    explained = {c.code: c for c in result.explain(shop["a"])}
    # A has no Bedarfspotenzial and no ratings: those are left out
    assert not explained["potential"].used and not explained["payment"].used
    assert explained["kundenwert"].used and explained["kundenwert"].points == 10.0
    used = [c for c in explained.values() if c.axis == "attractiveness" and c.used]
    assert sum(c.effective_weight_percent for c in used) == pytest.approx(100.0)


def test_group_summary(repo: Repository, shop: dict[str, int]) -> None:
    summary = PortfolioStore(repo).result(PERIOD).group_summary()
    assert list(summary.index) == ["star", "ertrag", "fragezeichen", "mitnahme"]
    assert summary["count"].sum() == 3
    assert summary["kundenwert_cents"].sum() == 52_500 + 17_500 - 8_000
    assert summary["share_percent"].sum() == pytest.approx(100.0)


def test_incremental_update_matches_full_recomputation(repo: Repository,
                                                        shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    result = store.result(PERIOD)
    _order(repo, shop["c"], dt.date(2026, 8, 1), 300_000, cost_of_goods_cents=100_000)
    repo.add_contact(Contact(customer_id=shop["c"], occurred_at=dt.datetime(2026, 8, 2, 10, 0),
                             type=ContactType.COMPLAINT))
    store.customer_changed(shop["c"])
    assert store.result(PERIOD) is result  # updated in place, no full recomputation
    fresh = PortfolioStore(repo).result(PERIOD).table
    # C: 3000.00 − 2000.00... Wareneinsatz 1000.00 → KDB I 2000.00, − event 80.00 = 1920.00
    assert result.table.at[shop["c"], "kundenwert_cents"] == 192_000
    assert result.table["rank"].to_dict() == {shop["c"]: 1, shop["a"]: 2, shop["b"]: 3}
    pd.testing.assert_series_equal(result.table["abc"], fresh["abc"])
    pd.testing.assert_series_equal(result.table.loc[shop["c"]], fresh.loc[shop["c"]])


def test_unnotified_change_triggers_full_recomputation(repo: Repository,
                                                       shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    first = store.result(PERIOD)
    assert store.result(PERIOD) is first  # cached
    _order(repo, shop["b"], dt.date(2026, 9, 1), 1_000)
    second = store.result(PERIOD)
    assert second is not first and second.table.at[shop["b"], "revenue_cents"] == 61_000
    store.invalidate()
    assert store.result(PERIOD) is not second


def test_new_and_deleted_customer_incremental(repo: Repository, shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    result = store.result(PERIOD)
    new = _customer(repo, "4")
    _order(repo, new, dt.date(2026, 10, 1), 10_000)
    store.customer_changed(new)
    assert result.table.at[new, "kundenwert_cents"] == 3_500 and result.table.at[new, "rank"] == 3
    _order(repo, new, dt.date(2026, 10, 2), 1_000_000)  # + 10'000.00 × 35 % = 3'500.00
    store.customer_changed(new)
    assert result.table.at[new, "kundenwert_cents"] == 353_500 and result.table.at[new, "rank"] == 1
    assert "CHF 3'535.00" in result.clv_explanation(new)
    assert result.table["rank"].to_dict() == {shop["a"]: 2, shop["b"]: 3, shop["c"]: 4, new: 1}
    repo.delete_customer(shop["a"])
    store.customer_changed(shop["a"])
    assert shop["a"] not in result.table.index
    assert result.table.at[shop["b"], "rank"] == 2


def test_settings_change_after_invalidate(repo: Repository, shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    repo.set_settings({"default_margin_percent": 50.0})
    store.invalidate()
    # B: net 500.00 × 50 % = 250.00
    assert store.result(PERIOD).table.at[shop["b"], "kdb1_cents"] == 25_000
    repo.set_settings({"cost_level_mapping": {"gift": "II", "event": "IV", "marketing": "II",
                                              "visit": "II", "service": "IV",
                                              "complaint_handling": "IV", "other": "IV"}})
    store.invalidate()
    t = store.result(PERIOD).table
    # A at 50 %: KDB I = 1000 − 600 + 500 × 50 % = 650.00; the visit is now a marketing cost
    assert t.at[shop["a"], "kdb1_cents"] == 65_000 and t.at[shop["a"], "kdb2_cents"] == 60_000
    assert t.at[shop["c"], "kdb2_cents"] == 0 and t.at[shop["c"], "kdb4_cents"] == -8_000


def test_snapshot_and_movements(repo: Repository, shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    last_year = Period.calendar_year(2025)
    assert store.snapshot(last_year, dt.date(2026, 1, 5)) == 3
    assert store.snapshot(PERIOD, AS_OF) == 3
    history = repo.list_history(shop["a"])
    assert [h.period for h in history] == ["2025", PERIOD.key]
    moved = store.movements("2025", PERIOD.key)
    # in 2025 nobody had orders; now A is high/strong, so at least A moved
    expected_to = store.result(PERIOD).table.at[shop["a"], "group"]
    row = moved.set_index("customer_id").loc[shop["a"]]
    assert row["to_group"] == expected_to and row["from_group"] != expected_to
    assert list(moved.columns) == ["customer_id", "number", "name", "from_group", "to_group"]


def test_movements_of_periods_not_saved_are_computed(repo: Repository,
                                                    shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    moved = store.movements("2025", PERIOD.key)  # nothing saved: both computed now
    assert shop["a"] in moved["customer_id"].tolist()
    assert repo.list_periods() == []  # computing writes no history
    store.snapshot(Period.calendar_year(2025), dt.date(2026, 1, 5))  # saved and computed mixed
    again = store.movements("2025", PERIOD.key)
    pd.testing.assert_frame_equal(again, moved)
    assert store.movements(PERIOD.key, PERIOD.key).empty


def test_closed_year_needs_orders(repo: Repository) -> None:
    store = PortfolioStore(repo)
    _customer(repo, "9")
    assert store.snapshot_closed_year(dt.date(2027, 1, 3)) is None  # 2026 had no orders
    assert repo.list_periods() == []


def test_closed_year_snapshotted_once(repo: Repository, shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    assert store.snapshot_closed_year(dt.date(2027, 1, 3)) == "2026"
    assert store.snapshot_closed_year(dt.date(2027, 2, 1)) is None  # already there
    snaps = {s.customer_id: s for s in repo.list_period_snapshots("2026")}
    # A in 2026: KDB IV 525.00, rank 1, class A
    assert snaps[shop["a"]].kundenwert_cents == 52_500 and snaps[shop["a"]].rank == 1
    assert snaps[shop["a"]].abc == "A" and snaps[shop["a"]].snapshot_date == dt.date(2027, 1, 3)
    # a second snapshot of the same period replaces the first
    assert store.snapshot(Period.calendar_year(2026), dt.date(2027, 3, 1)) == 3
    again = repo.list_period_snapshots("2026")
    assert len(again) == 3 and {s.snapshot_date for s in again} == {dt.date(2027, 3, 1)}


def test_groups_of_a_period_computed_elsewhere_are_adopted(repo: Repository,
                                                           shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    previous = PERIOD.previous().key
    assert not store.has_groups(previous) and not store.has_groups("2025")
    store.snapshot(Period.calendar_year(2025), dt.date(2026, 1, 5))
    assert store.has_groups("2025")  # saved in the history
    run = store.result_job(PERIOD.previous())  # a function for a background thread
    store.adopt(run())
    assert store.has_groups(previous)
    repo.record_order(Order(customer_id=shop["b"], order_date=dt.date(2025, 6, 1),
                            amount_cents=1_000))
    assert not store.has_groups(previous)  # written since: computed anew when asked


def test_history_periods_are_read_again_after_a_write(repo: Repository,
                                                      shop: dict[str, int]) -> None:
    store = PortfolioStore(repo)
    assert store.history_periods() == []
    store.snapshot(Period.calendar_year(2025), dt.date(2026, 1, 5))
    assert store.history_periods() == ["2025"]  # the snapshot was a write
    repo.save_snapshots([])  # nothing written: still the same answer
    assert store.history_periods() == ["2025"]
