"""PortfolioStore: computed portfolios per period, cached, with incremental updates.

    store = PortfolioStore(repository)
    result = store.result(Period.last_12_months(today))
    ... repository.record_order(order) ...
    store.customer_changed(order.customer_id)   # that customer current again in milliseconds
    store.invalidate()                          # after imports or a settings change

Safety net: the store remembers the connection's change counter (`total_changes`). If the
database was written through this connection since the last computation and nobody told the
store (`customer_changed`), the next `result()` recomputes everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from kundenportfolio.core.periods import Period
from kundenportfolio.core.portfolio import PortfolioInputs, PortfolioResult, build_result
from kundenportfolio.data import aggregates, customer_totals
from kundenportfolio.data.background_read import reader
from kundenportfolio.data.repository import Repository


class PortfolioStore:
    """Computes and caches `PortfolioResult`s of one database."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self._cache: dict[str, PortfolioResult] = {}
        self._seen_changes = -1
        self._history: tuple[int, list[str]] | None = None  # (total_changes, period keys)

    # ---- loading -------------------------------------------------------------------------

    def load_inputs(self, period: Period, customer_id: int | None = None) -> PortfolioInputs:
        """Per-customer sums of `period` (all customers, or only one) from the database."""
        db = self.repository.db
        end = period.end
        recent = period if period.kind != "all" else Period.last_12_months(end)
        if period.start is None and customer_id is None and customer_totals.available(db):
            # all time for everybody: the maintained per-customer totals (m005), not ~3M rows
            orders, costs, contacts = customer_totals.load_all_time(db, end)
        else:
            orders = aggregates.load_order_sums(db, period.start, end, customer_id)
            costs = aggregates.load_cost_sums(db, period.start, end, customer_id)
            contacts = aggregates.load_contact_sums(db, period.start, end, customer_id)
        if period.kind == "all":
            net_recent = aggregates.load_net_sums(db, recent.start, end, customer_id)
        else:
            net_recent = orders["revenue_cents"] - orders["reductions_cents"]
        previous = recent.previous()
        dates = aggregates.load_customer_dates(db, end, customer_id)
        return PortfolioInputs(
            customers=aggregates.load_customers(db, customer_id),
            orders=orders,
            costs=costs,
            contacts=contacts,
            order_dates=dates[["first_order_date", "last_order_date"]],
            last_contacts=dates["last_contact_date"],
            net_recent=net_recent,
            net_previous=aggregates.load_net_sums(db, previous.start, previous.end, customer_id),
        )

    def _settings(self) -> dict[str, object]:
        return self.repository.all_settings()

    # ---- the API -------------------------------------------------------------------------

    def result(self, period: Period) -> PortfolioResult:
        """The portfolio of `period`, from the cache while the data has not changed."""
        if aggregates.total_changes(self.repository.db) != self._seen_changes:
            self._cache.clear()
        cached = self._cache.get(period.key)
        if cached is not None and cached.period == period:
            return cached
        result = build_result(self.load_inputs(period), period, self._settings())
        self._cache[period.key] = result
        self._seen_changes = aggregates.total_changes(self.repository.db)
        return result

    def customer_changed(self, customer_id: int) -> None:
        """Bring one customer up to date in every cached period (after any edit of it)."""
        if not self._cache:
            return
        for result in self._cache.values():
            result.update_customer(customer_id, self.load_inputs(result.period, customer_id))
        self._seen_changes = aggregates.total_changes(self.repository.db)

    def invalidate(self) -> None:
        """Forget every cached result (bulk changes, imports, settings)."""
        self._cache.clear()
        self._seen_changes = -1
        self._history = None

    def adopt(self, result: PortfolioResult) -> None:
        """Cache a result computed elsewhere (the GUI start computes it on a background
        connection). The caller makes sure nothing was written since that computation began
        (or calls `customer_changed` for what was)."""
        if aggregates.total_changes(self.repository.db) != self._seen_changes:
            self._cache.clear()
        self._cache[result.period.key] = result
        self._seen_changes = aggregates.total_changes(self.repository.db)

    # ---- group history -------------------------------------------------------------------

    def snapshot(self, period: Period, snapshot_date: dt.date | None = None) -> int:
        """Save the period's groups to the group history; returns the number of customers.

        A second snapshot of the same period replaces the first (as Repository.save_snapshots
        does); written with one executemany, since 100,000 single inserts take seconds.
        """
        result = self.result(period)
        day = (snapshot_date or dt.date.today()).isoformat()
        table = result.table
        rows = zip(
            table.index.tolist(), table["group"].tolist(), table["attractiveness"].tolist(),
            table["position"].tolist(), table["kundenwert_cents"].tolist(), table["rank"].tolist(),
            table["abc"].tolist(), table["overridden"].astype(int).tolist(), strict=True,
        )
        with self.repository.transaction() as db:
            db.conn.executemany(
                "INSERT INTO group_history (customer_id, period, snapshot_date, group_code, "
                "attractiveness, position, kundenwert_cents, rank, abc, overridden) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id, period) DO UPDATE "
                "SET snapshot_date = excluded.snapshot_date, group_code = excluded.group_code, "
                "attractiveness = excluded.attractiveness, position = excluded.position, "
                "kundenwert_cents = excluded.kundenwert_cents, rank = excluded.rank, "
                "abc = excluded.abc, overridden = excluded.overridden",
                ((cid, period.key, day, g, a, p, kw, r, abc, o)
                 for cid, g, a, p, kw, r, abc, o in rows),
            )
        # our own write must not throw away the cached results
        self._seen_changes = aggregates.total_changes(self.repository.db)
        return len(table)

    def closed_year_to_keep(self, today: dt.date) -> Period | None:
        """Last calendar year, if it had orders and its groups are not saved yet."""
        period = Period.calendar_year(today.year - 1)
        if period.key in self.history_periods():
            return None
        assert period.start is not None
        had_orders = self.repository.db.execute(
            "SELECT 1 FROM orders WHERE order_date BETWEEN ? AND ? LIMIT 1",
            [period.start.isoformat(), period.end.isoformat()]).fetchone()
        return period if had_orders else None  # a new, empty database has no history yet

    def snapshot_closed_year(self, today: dt.date) -> str | None:
        """Keep the history of a closed period: snapshot last calendar year once, if missing
        (and it had orders). Returns the period key if a snapshot was taken now."""
        period = self.closed_year_to_keep(today)
        if period is None:
            return None
        self.snapshot(period, today)
        return period.key

    def first_order_year(self) -> int | None:
        """The calendar year of the oldest order: the periods offered start there."""
        return aggregates.first_order_year(self.repository.db)

    def history_periods(self) -> list[str]:
        """Keys of the periods whose groups are saved in the group history. Kept until the
        next write: the query scans the whole history (~30 ms per 200,000 rows), and one
        refresh of the movements panel asks several times."""
        changes = aggregates.total_changes(self.repository.db)
        if self._history is None or self._history[0] != changes:
            self._history = (changes, self.repository.list_periods())
        return list(self._history[1])

    def has_groups(self, period_key: str) -> bool:
        """True when `groups(period_key)` answers without computing (saved, or cached)."""
        if period_key in self.history_periods():
            return True
        cached = self._cache.get(period_key)
        return (cached is not None
                and aggregates.total_changes(self.repository.db) == self._seen_changes)

    def result_job(self, period: Period) -> Callable[[], PortfolioResult]:
        """`result(period)` for a background thread (on its own connection,
        `data.background_read`); hand what it returns to `adopt`."""
        return reader(self.repository, lambda repository: PortfolioStore(repository).result(period))

    def groups(self, period_key: str) -> pd.Series:
        """customer_id → group code of a period: as saved in the group history, else as
        computed now (with today's settings and data)."""
        if period_key in self.history_periods():
            return aggregates.load_history_groups(self.repository.db, period_key)
        return self.result(Period.from_key(period_key)).table["group"]

    def movements(self, period_from_key: str, period_to_key: str) -> pd.DataFrame:
        """customer_id, number, name, from_group, to_group of customers who changed group
        between two periods (customers in both only), ordered by number."""
        both = pd.concat([self.groups(period_from_key).astype(object).rename("from_group"),
                          self.groups(period_to_key).astype(object).rename("to_group")],
                         axis=1, join="inner")
        moved = both[both["from_group"] != both["to_group"]]
        names = aggregates.load_numbers_and_names(self.repository.db, moved.index.tolist())
        frame = names.join(moved, how="inner").sort_values("number", kind="stable")
        frame.index.name = "customer_id"
        return frame.reset_index()[["customer_id", "number", "name", "from_group", "to_group"]]
