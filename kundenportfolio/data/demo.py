"""A realistic German-language demo database (`kundenportfolio demo`, `--demo`).

Invented small-business customers in CH/DE/AT with several years of orders (seasonal; growing,
stable, declining, churned and new customers; a few big ones), contacts of every type,
complaints that explain revenue dips, relationship costs of every category, consents and
ratings. Deterministic: the same seed and reference date give identical table contents.

Built for speed (100,000 customers in well under two minutes): everything is generated
column-wise in memory (demo_activity) and written with `executemany` in one transaction,
into a temporary file next to the target that is renamed into place only when complete.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import queue
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlite_utils import Database

from kundenportfolio.core.errors import DatabaseRefusedError, KundenportfolioError
from kundenportfolio.data import customer_totals
from kundenportfolio.data import demo_names as names
from kundenportfolio.data.database import check_openable, open_database
from kundenportfolio.data.demo_activity import (
    ARCHETYPES,
    CHURNED,
    CONTACT_TYPES,
    COST_CATEGORIES,
    DECLINING,
    Contacts,
    Costs,
    Frame,
    Orders,
    make_contacts,
    make_costs,
    make_frame,
    make_orders,
)
from kundenportfolio.data.repository import ORDER_CONTACT_SUBJECT_SQL

BATCH = 50_000  # rows per executemany call: bounds the Python objects alive at once
COMPANY = "Demo Handels AG"


@dataclass
class DemoStats:
    """Row counts of a freshly built demo database."""

    customers: int
    orders: int
    contacts: int
    costs: int
    staff: int
    archetypes: dict[str, int] = field(default_factory=dict)


def create_demo_database(path: Path | str, *, customers: int = 250, years: int = 5, seed: int = 1,
                         replace: bool = False, as_of: dt.date | None = None) -> DemoStats:
    """Build a demo database at `path`; an existing file is only replaced with `replace=True`."""
    path = Path(path)
    if not 1 <= customers <= 2_000_000:
        raise KundenportfolioError("Die Anzahl Kunden muss zwischen 1 und 2'000'000 liegen.")
    if not 1 <= years <= 30:
        raise KundenportfolioError("Die Anzahl Jahre muss zwischen 1 und 30 liegen.")
    if path.exists():
        if not replace:
            raise DatabaseRefusedError(
                f"Die Datei «{path}» gibt es schon; sie wurde nicht verändert. "
                "Zum Ersetzen das Überschreiben ausdrücklich verlangen (kundenportfolio demo --force)."
            )
        check_openable(path)  # never replace another program's file, even when asked to
    as_of = as_of or dt.date.today()
    rng = np.random.default_rng(seed)
    frame = make_frame(customers, years, as_of, rng)
    orders = make_orders(frame, rng)
    contacts = make_contacts(frame, rng)
    costs = make_costs(frame, contacts, rng)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _remove(tmp)
    try:
        db = open_database(tmp)
        try:
            _write(db, frame, orders, contacts, costs, rng)
            _keep_group_history(db, as_of)
        finally:
            db.close()
        try:
            # A stale journal of the old file must not be applied to the new one.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, path)
        except PermissionError as exc:  # Windows: the old file is open in a running program
            raise DatabaseRefusedError(
                f"Die Datei «{path}» ist gerade geöffnet und kann nicht ersetzt werden. "
                "Bitte das Programm schliessen, das sie verwendet, und es erneut versuchen."
            ) from exc
    finally:
        _remove(tmp)
    counts = np.bincount(frame.archetype, minlength=len(ARCHETYPES))
    return DemoStats(customers=customers, orders=len(orders.cust),
                     contacts=len(contacts.cust) + len(orders.cust), costs=len(costs.cust),
                     staff=frame.n_staff,
                     archetypes={a: int(c) for a, c in zip(ARCHETYPES, counts, strict=True)})


def _keep_group_history(db: Database, as_of: dt.date) -> None:
    """Save the groups of the last two closed calendar years, as the program does at the
    first start of each new year, so the demo shows group moves and a Verlauf at once."""
    from kundenportfolio.data.portfolio_store import PortfolioStore
    from kundenportfolio.data.repository import Repository

    store = PortfolioStore(Repository(db))
    for year in (as_of.year - 2, as_of.year - 1):
        store.snapshot_closed_year(dt.date(year + 1, 1, 5))  # only a year that had orders


def _remove(tmp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


# ---- writing ------------------------------------------------------------------------------

def _text_table(texts: dict[str, tuple[Any, ...]], codes: Sequence[str], width: int,
                none_first: bool = False) -> np.ndarray:
    """(code × index) lookup of texts; an index wraps around its list, so any int picks one."""
    table = np.full((len(codes), width + none_first), None, dtype=object)
    for row, code in enumerate(codes):
        options = texts.get(code, (None,))
        for col in range(width):
            table[row, col + none_first] = options[col % len(options)]
    return table


def _optional(values: np.ndarray, present: np.ndarray) -> list[Any]:
    out = values.astype(object)
    out[~present] = None
    rows: list[Any] = out.tolist()
    return rows


def _batches(total: int) -> Iterator[slice]:
    for start in range(0, total, BATCH):
        yield slice(start, min(start + BATCH, total))


Batch = tuple[str, list[tuple[Any, ...]]]  # an INSERT statement and its rows

ORDER_CONTACTS_SQL = (
    # Every order gets its Bestellung contact, as Repository.record_order writes it (midnight,
    # subject with the order number, the responsible staff member); done in SQL for speed.
    # Every twelfth was taken on our initiative (outbound): by id, so it stays deterministic.
    "INSERT INTO contacts (customer_id, occurred_at, type, direction, staff_id, subject, order_id) "
    "SELECT o.customer_id, o.order_date || ' 00:00', 'order', "
    "CASE WHEN o.id % 12 = 0 THEN 'out' ELSE 'in' END, c.staff_id, "
    f"{ORDER_CONTACT_SUBJECT_SQL}, o.id "  # its columns exist only in orders: unambiguous
    "FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id"
)


def _write(db: Database, f: Frame, orders: Orders, contacts: Contacts, costs: Costs,
           rng: np.random.Generator) -> None:
    conn = db.conn
    # A fresh temporary file that is thrown away on any failure, so while loading: no journal,
    # no fsync, no foreign-key lookups (ids are consistent by construction; the tests check
    # them) and indexes built once at the end instead of maintained row by row.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB for the index builds
    conn.execute("PRAGMA temp_store = MEMORY")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ).fetchall()
    days = np.array([dt.date.fromordinal(d).isoformat() for d in range(f.start_ord, f.end_ord + 1)],
                    dtype=object)
    staff = names.staff_names(iter(rng.random(64).tolist()), f.n_staff)
    jobs = itertools.chain(
        [("INSERT INTO staff (id, name, email, active) VALUES (?, ?, ?, 1)",
          [(i + 1, name, mail) for i, (name, mail) in enumerate(staff)])],
        _customer_batches(f, rng), _order_batches(f, orders, days), _contact_batches(f, contacts, days),
        _cost_batches(f, costs, days),
    )
    with db.atomic():
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        customer_totals.drop_triggers(conn)  # summed once at the end, not row by row
        for sql, rows in _in_background(jobs):
            conn.executemany(sql, rows)
        conn.execute(ORDER_CONTACTS_SQL)
        conn.execute("INSERT INTO settings (key, value) VALUES ('company_name', ?)", [json.dumps(COMPANY)])
        for _, sql in indexes:
            conn.execute(sql)
        customer_totals.rebuild(conn)
        customer_totals.create_triggers(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _in_background(jobs: Iterator[Batch]) -> Iterator[Batch]:
    """Build the next batches in a thread while SQLite writes the current one.

    sqlite3 releases the GIL while it steps through a statement, so this keeps both cores
    busy. The thread is the only user of the random generator meanwhile: still deterministic.
    """
    done: Any = object()
    pending: queue.Queue[Any] = queue.Queue(maxsize=2)
    stop, failure = threading.Event(), []

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                pending.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for job in jobs:
                if not put(job):
                    return
        except BaseException as exc:  # handed to the writing thread, which re-raises it
            failure.append(exc)
        put(done)

    thread = threading.Thread(target=produce, name="demo-rows", daemon=True)
    thread.start()
    try:
        while (item := pending.get()) is not done:
            yield item
    finally:
        stop.set()
        thread.join()
    if failure:
        raise failure[0]


def _order_numbers(orders: Orders, idx: np.ndarray) -> list[str]:
    return [f"{'G' if c else 'A'}-{y}-{q:06d}" for c, y, q in
            zip(orders.credit[idx].tolist(), orders.year[idx].tolist(), orders.seq[idx].tolist(),
                strict=True)]


def _customer_batches(f: Frame, rng: np.random.Generator) -> Iterator[Batch]:
    sql = ("INSERT INTO customers (id, number, name, contact_person, street, postcode, city, country, "
           "phone, email, industry, region, staff_id, customer_since, status, marketing_consent, "
           "consent_date, consent_source, opt_out_date, potential_cents, rating_payment, "
           "rating_reference, rating_relationship, notes, group_override, group_override_reason, "
           "created_at, updated_at) VALUES (" + ", ".join("?" * 28) + ")")
    rows = _customer_rows(f, rng)
    while batch := list(itertools.islice(rows, BATCH // 5)):
        yield sql, batch


def _order_batches(f: Frame, o: Orders, days: np.ndarray) -> Iterator[Batch]:
    notes = np.array([None, *names.ORDER_NOTES.values()], dtype=object)
    for s in _batches(len(o.cust)):
        idx = np.arange(s.start, s.stop)
        yield (
            "INSERT INTO orders (id, customer_id, order_date, order_number, amount_cents, "
            "discount_cents, cost_of_goods_cents, is_credit_note, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(zip((idx + 1).tolist(), (o.cust[s] + 1).tolist(), days[o.day[s] - f.start_ord].tolist(),
                     _order_numbers(o, idx), o.amount[s].tolist(), o.discount[s].tolist(),
                     _optional(o.cogs[s], o.has_cogs[s]), o.credit[s].astype(np.int64).tolist(),
                     notes[o.note[s]].tolist(), strict=True)),
        )


def _contact_batches(f: Frame, c: Contacts, days: np.ndarray) -> Iterator[Batch]:
    """Every contact except the Bestellung ones (ORDER_CONTACTS_SQL writes those)."""
    subjects = _text_table(names.CONTACT_SUBJECTS, CONTACT_TYPES, 60)
    outcomes = _text_table(names.CONTACT_OUTCOMES, CONTACT_TYPES, 12, none_first=True)
    notes = np.array([None, names.COMPETITOR_NOTE, names.DIP_COMPLAINT_NOTE], dtype=object)
    status = np.array([None, "open", "done"], dtype=object)
    types = np.array(CONTACT_TYPES, dtype=object)
    clock = np.array([f" {m // 60:02d}:{m % 60:02d}" for m in range(1440)], dtype=object)
    for s in _batches(len(c.cust)):
        yield (
            "INSERT INTO contacts (id, customer_id, occurred_at, type, direction, staff_id, subject, "
            "notes, outcome, complaint_status, revenue_impact_cents, buys_from_competitor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(zip(range(s.start + 1, s.stop + 1), (c.cust[s] + 1).tolist(),
                     (days[c.day[s] - f.start_ord] + clock[c.minute[s]]).tolist(), types[c.type[s]].tolist(),
                     np.where(c.inbound[s], "in", "out").tolist(), _optional(c.staff[s] + 1, c.staff[s] >= 0),
                     subjects[c.type[s], c.subject[s]].tolist(), notes[c.note[s]].tolist(),
                     outcomes[c.type[s], c.outcome[s] + 1].tolist(), status[c.complaint[s]].tolist(),
                     _optional(c.impact[s], c.has_impact[s]), c.competitor[s].astype(np.int64).tolist(),
                     strict=True)),
        )


def _cost_batches(f: Frame, c: Costs, days: np.ndarray) -> Iterator[Batch]:
    notes = _text_table(names.COST_NOTES, COST_CATEGORIES, 60)
    categories = np.array(COST_CATEGORIES, dtype=object)
    for s in _batches(len(c.cust)):
        yield (
            "INSERT INTO costs (id, customer_id, cost_date, category, amount_cents, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            list(zip(range(s.start + 1, s.stop + 1), (c.cust[s] + 1).tolist(),
                     days[c.day[s] - f.start_ord].tolist(), categories[c.category[s]].tolist(),
                     c.amount[s].tolist(), notes[c.category[s], c.note[s]].tolist(), strict=True)),
        )


def _customer_rows(f: Frame, rng: np.random.Generator) -> Iterator[tuple[Any, ...]]:
    """Master data per customer: identity from demo_names, business fields from the frame."""
    n = len(f.archetype)
    overridden = set(rng.choice(n, min(n, max(2, n // 400)), replace=False).tolist())
    level_now = (f.annual * f.growth ** (f.years / 2)).tolist()
    archetype, since_all, staff_all = f.archetype.tolist(), f.since_ord.tolist(), f.staff.tolist()
    dip, needy, consent_all = f.dip_ord.tolist(), f.needy.tolist(), f.consent.tolist()
    big_all, industry_all = (f.annual > 3_000_000).tolist(), f.industry.tolist()
    countries = tuple(zip(names.COUNTRIES, names.COUNTRY_WEIGHTS, strict=True))
    payment = tuple(zip((1, 2, 3, 4, 5), (0.04, 0.08, 0.2, 0.38, 0.3), strict=True))
    pick, end = names.pick, f.end_ord
    for c0 in range(0, n, 5000):
        for i, row in enumerate(rng.random((min(5000, n - c0), 64)).tolist(), start=c0):
            r = iter(row)
            country = names.weighted(r, countries)
            city = pick(names.CITIES[country], next(r))
            industry = names.INDUSTRIES[industry_all[i]]
            company = names.company_name(r, industry, country, city.name)
            person = names.person_name(r) if next(r) < 0.92 else None
            since_ord = since_all[i]
            since = dt.date.fromordinal(since_ord).isoformat()
            churned = archetype[i] == CHURNED
            status = "inactive" if (churned and next(r) < 0.55) or next(r) < 0.01 else "active"
            consent, consent_date, source, opt_out = 0, None, None, None
            if consent_all[i] or next(r) < 0.1:
                day = since_ord + int(next(r) * max(end - since_ord, 1))
                consent_date = dt.date.fromordinal(day).isoformat()
                source = pick(names.CONSENT_SOURCES, next(r)) if next(r) < 0.85 else None
                if consent_all[i]:
                    consent = 1
                else:  # consented once, withdrew later
                    opt_out = dt.date.fromordinal(min(day + 1 + int(next(r) * (end - day)), end)).isoformat()
            potential = None
            if next(r) < 0.6:
                potential = max(100_000, round(level_now[i] * (1.1 + 2.4 * next(r)) / 100_000) * 100_000)
            pay = names.weighted(r, payment) if next(r) < 0.55 else None
            ref = pick((3, 4, 5) if big_all[i] else (1, 2, 3, 4), next(r)) if next(r) < 0.4 else None
            unhappy = archetype[i] in (DECLINING, CHURNED) or dip[i] > 0
            rel = pick((1, 2, 3) if unhappy else (3, 4, 5), next(r)) if next(r) < 0.5 else None
            note = pick(names.CUSTOMER_NOTES, next(r)) if next(r) < 0.15 else None
            if needy[i]:
                note = "Hoher Betreuungsaufwand."
            group, reason = pick(names.OVERRIDES, next(r)) if i in overridden else (None, None)
            yield (
                i + 1, str(10001 + i), company, f"{person[0]} {person[1]}" if person else None,
                names.street(r, country) if next(r) < 0.97 else None,
                names.postcode(r, city, country), city.name, country,
                names.phone(r, city, country, next(r) < 0.15) if next(r) < 0.95 else None,
                names.email(r, company, person, country) if next(r) < 0.92 else None,
                industry.label if next(r) < 0.97 else None, city.region if next(r) < 0.97 else None,
                staff_all[i] + 1 if staff_all[i] >= 0 else None, since, status, consent, consent_date,
                source, opt_out, potential, pay, ref, rel, note, group, reason,
                f"{since} 08:00:00", f"{since} 08:00:00",
            )
