"""What the demo customers do: orders, contacts and relationship costs as numpy columns.

Generated column-wise (no per-row Python) so that 100,000 customers with a million orders
take seconds. Every array is indexed per row; customers are referred to by their index
(customer id − 1). All randomness comes from the `numpy.random.Generator` passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kundenportfolio.data import demo_names

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ARCHETYPES = ("growing", "stable", "declining", "churned", "new")
GROWING, STABLE, DECLINING, CHURNED, NEW = range(5)
CONTACT_TYPES = ("call", "inquiry", "offer", "order", "complaint", "visit", "email", "event", "other")
T_CALL, T_INQUIRY, T_OFFER, T_ORDER, T_COMPLAINT, T_VISIT, T_EMAIL, T_EVENT, T_OTHER = range(9)
COST_CATEGORIES = ("visit", "service", "complaint_handling", "gift", "event", "marketing", "other")
C_VISIT, C_SERVICE, C_COMPLAINT, C_GIFT, C_EVENT, C_MARKETING, C_OTHER = range(7)

# Share of the non-order contact types, and how often each is inbound.
TYPE_SHARE = {T_CALL: 0.30, T_INQUIRY: 0.12, T_OFFER: 0.10, T_COMPLAINT: 0.04, T_VISIT: 0.10,
              T_EMAIL: 0.22, T_EVENT: 0.05, T_OTHER: 0.07}
INBOUND = np.array([0.5, 0.95, 0.0, 0.92, 0.95, 0.0, 0.5, 0.0, 0.3])
# Cost ranges in francs/euros per category; «heavy» rows (needy customers, big complaints) cost more.
COST_RANGE = np.array([(60, 250), (80, 900), (40, 500), (30, 180), (80, 350), (5, 40), (20, 300)], float)
ARCHETYPE_SHARE = (0.20, 0.40, 0.15, 0.12, 0.13)  # growing, stable, declining, churned, new
CHUNK = 20_000  # customers per order batch: bounds the (customers × months) matrices


@dataclass
class Frame:
    """Per-customer profile arrays (index = customer id − 1) and the time window (day ordinals)."""

    start_ord: int
    end_ord: int
    years: int
    archetype: IntArray
    industry: IntArray  # index into demo_names.INDUSTRIES
    season: FloatArray  # (n, 12) relative order volume per month
    annual: FloatArray  # yearly revenue in cents at the middle of the window
    rate: FloatArray  # orders per year
    growth: FloatArray  # yearly growth factor (1 = stable)
    since_ord: IntArray
    churn_ord: IntArray  # last possible order day: end_ord unless churned
    dip_ord: IntArray  # a big complaint followed by fewer orders; 0 = none
    dip_months: IntArray
    staff: IntArray  # responsible staff index, −1 = nobody
    n_staff: int
    cost_ratio: FloatArray  # cost of goods ÷ revenue
    consent: BoolArray
    needy: BoolArray  # high care effort: costs exceed the margin

    @property
    def lo_ord(self) -> IntArray:
        return np.maximum(self.since_ord, self.start_ord)

    @property
    def hi_ord(self) -> IntArray:
        """Last day with contacts: a few months past churn (win-back attempts)."""
        return np.minimum(self.churn_ord + 120, self.end_ord)


@dataclass
class Orders:
    cust: IntArray
    day: IntArray
    amount: IntArray
    discount: IntArray
    cogs: IntArray
    has_cogs: BoolArray
    credit: BoolArray
    note: IntArray  # key of demo_names.ORDER_NOTES, 0 = none
    year: IntArray
    seq: IntArray  # running number within (year, order/credit note)


@dataclass
class Contacts:
    cust: IntArray
    day: IntArray
    minute: IntArray
    type: IntArray
    inbound: BoolArray
    staff: IntArray
    subject: IntArray  # template index (modulo the list length)
    outcome: IntArray
    complaint: IntArray  # 0 none, 1 open, 2 done
    impact: IntArray
    has_impact: BoolArray
    competitor: BoolArray
    note: IntArray  # 0 none, 1 competitor note, 2 big complaint note


@dataclass
class Costs:
    cust: IntArray
    day: IntArray
    category: IntArray
    amount: IntArray
    note: IntArray


def month_grid(start_ord: int, end_ord: int) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """(first day, last day, month 0–11, days in full month) of each month in the window."""
    start, end = dt.date.fromordinal(start_ord), dt.date.fromordinal(end_ord)
    rows = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        first = dt.date(y, m, 1).toordinal()
        following = dt.date(y + m // 12, m % 12 + 1, 1).toordinal()
        rows.append((max(first, start_ord), min(following - 1, end_ord), m - 1, following - first))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    cols = np.array(rows, dtype=np.int64).T
    return cols[0], cols[1], cols[2], cols[3]


def weekday_shift(day: IntArray, lo: IntArray, hi: IntArray, rng: np.random.Generator) -> IntArray:
    """Move weekend days to a random working day of the same week, staying inside [lo, hi]."""
    weekday = (day - 1) % 7  # ordinal 1 (1.1.0001) was a Monday
    day = np.where(weekday >= 5, day - weekday + rng.integers(0, 5, len(day)), day)
    return np.clip(day, lo, hi)


def _round_to(values: FloatArray, step: int) -> IntArray:
    return (np.rint(values / step) * step).astype(np.int64)


def make_orders(f: Frame, rng: np.random.Generator) -> Orders:
    first, last, month, full = month_grid(f.start_ord, f.end_ord)
    frac = (last - first + 1) / full
    mid = (first + last) / 2
    t = (mid - f.start_ord) / 365.25
    year_idx = np.minimum(t.astype(np.int64), f.years - 1)
    lo, n = f.lo_ord, len(f.archetype)
    parts: list[tuple[IntArray, ...]] = []
    for c0 in range(0, n, CHUNK):
        s = slice(c0, min(c0 + CHUNK, n))
        lam = (f.rate[s, None] / 12) * frac[None, :] * f.season[s][:, month]
        lam *= f.growth[s, None] ** (t[None, :] - f.years / 2)
        lam *= rng.lognormal(0, 0.15, (lam.shape[0], f.years))[:, year_idx]  # good and bad years
        age = (mid[None, :] - f.since_ord[s, None]) / 365.25
        lam *= np.where((f.archetype[s] == NEW)[:, None], np.clip(0.35 + 0.65 * age, 0, 1), 1)
        fading = (f.archetype[s] == CHURNED)[:, None] & (f.churn_ord[s, None] - mid[None, :] < 270)
        lam *= np.where(fading, 0.6, 1)
        dip_end = f.dip_ord[s, None] + f.dip_months[s, None] * 30.4
        dip = (f.dip_ord[s, None] > 0) & (mid[None, :] > f.dip_ord[s, None]) & (mid[None, :] < dip_end)
        lam *= np.where(dip, 0.3, 1)
        lam *= (last[None, :] >= lo[s, None]) & (first[None, :] <= f.churn_ord[s, None])
        counts = rng.poisson(lam)
        ci, mi = np.nonzero(counts)
        per_cell = counts[ci, mi]
        parts.append((np.repeat(ci + c0, per_cell), np.repeat(mi, per_cell)))
    cust = np.concatenate([p[0] for p in parts]).astype(np.int64)
    mon = np.concatenate([p[1] for p in parts]).astype(np.int64)
    # New customers start with a first order; anyone on file has ordered at least once.
    silent = np.flatnonzero(((np.bincount(cust, minlength=n) == 0) | (f.archetype == NEW))
                            & (f.churn_ord - lo > 30))
    first_day = lo[silent] + (rng.random(len(silent)) * np.minimum(f.churn_ord - lo, 30)[silent])
    cust = np.concatenate([cust, silent])
    mon = np.concatenate([mon, np.searchsorted(first, first_day.astype(np.int64), "right") - 1])
    k = len(cust)
    day = first[mon] + (rng.random(k) * (last[mon] - first[mon] + 1)).astype(np.int64)
    day = weekday_shift(np.clip(day, lo[cust], f.churn_ord[cust]), lo[cust], f.churn_ord[cust], rng)
    amount = _round_to(np.maximum(f.annual[cust] / f.rate[cust] * rng.lognormal(-0.1, 0.45, k), 2000), 5)
    roll = rng.random(k)
    note = np.select([roll < 0.12, roll < 0.19, roll < 0.22, roll < 0.24], [1, 2, 3, 4], 0)
    discount = _round_to(amount * np.array([0, 0.02, 0.05, 0.10, 0])[note], 5)
    has_cogs = rng.random(k) < 0.7
    cogs = _round_to(amount * f.cost_ratio[cust] * rng.uniform(0.9, 1.1, k), 5)
    credit = np.zeros(k, bool)

    # Credit notes: returns and price corrections after ordinary orders ...
    src = np.flatnonzero(rng.random(k) < 0.012)
    cn_day = day[src] + rng.integers(3, 31, len(src))
    src, cn_day = src[cn_day <= f.end_ord], cn_day[cn_day <= f.end_ord]
    share = rng.uniform(0.1, 0.6, len(src))
    cn_note = np.where(rng.random(len(src)) < 0.6, 5, 7)
    # ... and after half of the big complaints, a goodwill credit.
    dips = np.flatnonzero((f.dip_ord > 0) & (rng.random(n) < 0.5))
    dip_day = f.dip_ord[dips] + rng.integers(5, 21, len(dips))
    dips, dip_day = dips[dip_day <= f.end_ord], dip_day[dip_day <= f.end_ord]
    dip_amount = -_round_to(np.maximum(f.annual[dips] / 12 * rng.uniform(0.2, 0.5, len(dips)), 500), 5)

    cust = np.concatenate([cust, cust[src], dips])
    day = np.concatenate([day, cn_day, dip_day])
    amount = np.concatenate([amount, -_round_to(amount[src] * share, 5), dip_amount])
    discount = np.concatenate([discount, np.zeros(len(src) + len(dips), np.int64)])
    cogs = np.concatenate([cogs, -_round_to(cogs[src] * share, 5), np.zeros(len(dips), np.int64)])
    has_cogs = np.concatenate([has_cogs, has_cogs[src] & (cn_note == 5), np.zeros(len(dips), bool)])
    credit = np.concatenate([credit, np.ones(len(src) + len(dips), bool)])
    note = np.concatenate([note, cn_note, np.full(len(dips), 6)])

    order = np.lexsort((credit, cust, day))  # ids follow the calendar, as if typed in daily
    cust, day, amount, discount = cust[order], day[order], amount[order], discount[order]
    cogs, has_cogs, credit, note = cogs[order], has_cogs[order], credit[order], note[order]
    year = np.array([dt.date.fromordinal(int(d)).year for d in range(f.start_ord, f.end_ord + 1)],
                    np.int64)[day - f.start_ord]
    key = year * 2 + credit
    by_key = np.argsort(key, kind="stable")
    sorted_key = key[by_key]
    pos = np.arange(len(key))
    starts = np.maximum.accumulate(np.where(np.r_[True, sorted_key[1:] != sorted_key[:-1]], pos, 0))
    seq = np.empty(len(key), np.int64)
    seq[by_key] = pos - starts + 1
    return Orders(cust, day, amount, discount, cogs, has_cogs, credit, note.astype(np.int64), year, seq)


def _cover(values: IntArray, codes: list[int], rng: np.random.Generator,
           protect: BoolArray | None = None) -> None:
    """Overwrite a few rows so every code occurs at least once (tiny demos stay complete)."""
    missing = [c for c in codes if not np.any(values == c)]
    free = np.flatnonzero(~protect) if protect is not None else np.arange(len(values))
    if missing and len(free) >= len(missing):
        values[rng.choice(free, len(missing), replace=False)] = missing


def make_contacts(f: Frame, rng: np.random.Generator) -> Contacts:
    """Every contact except the Bestellung ones, sorted by time."""
    n, lo, hi = len(f.archetype), f.lo_ord, f.hi_ord
    span_years = np.maximum(hi - lo + 1, 0) / 365.25
    per_year = 0.7 + 0.3 * np.sqrt(f.rate)
    count = rng.poisson(per_year * span_years)
    cust = np.repeat(np.arange(n), count)
    m = len(cust)
    day = lo[cust] + (rng.random(m) * (hi - lo + 1)[cust]).astype(np.int64)
    types = np.array(list(TYPE_SHARE))
    ctype = types[rng.choice(len(types), m, p=np.array(list(TYPE_SHARE.values())))]
    _cover(ctype, list(TYPE_SHARE), rng)
    competitor_p = np.where(np.isin(f.archetype, (DECLINING, CHURNED)), 0.15, 0.02)[cust]
    competitor = np.isin(ctype, (T_CALL, T_VISIT, T_INQUIRY, T_OTHER)) & (rng.random(m) < competitor_p)
    impact = np.where(rng.random(m) < 0.4, -_round_to(f.annual[cust] / 12 * rng.uniform(0.1, 1, m), 100), 0)
    note = competitor.astype(np.int64)

    # Big complaints that explain a dip, and (for some) a competitor sighting afterwards.
    dips = np.flatnonzero(f.dip_ord > 0)
    dip_impact = -_round_to(f.annual[dips] / 12 * f.dip_months[dips] * 0.6, 100)
    seen = dips[rng.random(len(dips)) < 0.4]
    seen_day = np.minimum(f.dip_ord[seen] + rng.integers(40, 121, len(seen)), f.end_ord)
    cust = np.concatenate([cust, dips, seen])
    day = np.concatenate([day, f.dip_ord[dips], seen_day])
    ctype = np.concatenate([ctype, np.full(len(dips), T_COMPLAINT), np.where(rng.random(len(seen)) < 0.5,
                                                                             T_CALL, T_VISIT)])
    competitor = np.concatenate([competitor, np.zeros(len(dips), bool), np.ones(len(seen), bool)])
    impact = np.concatenate([impact, dip_impact, np.zeros(len(seen), np.int64)])
    note = np.concatenate([note, np.full(len(dips), 2), np.ones(len(seen), np.int64)])
    m = len(cust)
    day = weekday_shift(day, lo[cust], np.maximum(hi[cust], f.dip_ord[cust]), rng)
    is_complaint = ctype == T_COMPLAINT
    recent = day > f.end_ord - 60
    status = np.where(rng.random(m) < np.where(recent, 0.7, 0.03), 1, 2) * is_complaint
    if is_complaint.any() and not (status == 1).any():  # a demo should show an open complaint
        status[np.flatnonzero(is_complaint)[np.argmax(day[is_complaint])]] = 1
    resp, other = f.staff[cust], rng.integers(0, f.n_staff, m)
    staff = np.where((resp < 0) | (rng.random(m) < 0.2), other, resp)
    staff = np.where(rng.random(m) < 0.02, -1, staff)
    outcome = np.where(rng.random(m) < 0.6, rng.integers(0, 12, m), -1)

    # (The Bestellung contact of every order is written from the orders table, see demo.py.)
    sort = np.lexsort((ctype, cust, day))
    return Contacts(
        cust=cust[sort], day=day[sort], minute=(450 + 5 * rng.integers(0, 121, m))[sort],
        type=ctype[sort], inbound=(rng.random(m) < INBOUND[ctype])[sort], staff=staff[sort],
        subject=rng.integers(0, 60, m)[sort], outcome=outcome[sort], complaint=status[sort],
        impact=impact[sort], has_impact=(is_complaint & (impact != 0))[sort],
        competitor=competitor[sort], note=note[sort],
    )


def make_costs(f: Frame, contacts: Contacts, rng: np.random.Generator) -> Costs:
    n, lo, hi = len(f.archetype), f.lo_ord, f.hi_ord
    span_years = np.maximum(hi - lo + 1, 0) / 365.25
    # Visits, accepted event invitations and complaints cost something on the same day.
    t, cc = contacts.type, contacts.cust
    from_contact = (t == T_VISIT) | (t == T_COMPLAINT) | ((t == T_EVENT) & (rng.random(len(t)) < 0.7))
    c_cust, c_day = cc[from_contact], contacts.day[from_contact]
    c_cat = np.select([t[from_contact] == T_VISIT, t[from_contact] == T_EVENT], [C_VISIT, C_EVENT],
                      C_COMPLAINT)
    c_heavy = contacts.note[from_contact] == 2
    # Service, mailings (only with consent) and other costs spread over the relationship.
    rates = {C_SERVICE: 0.18, C_MARKETING: 0.45, C_OTHER: 0.04}
    r_cust, r_cat = [], []
    for cat, per_year in rates.items():
        eligible = f.consent if cat == C_MARKETING else np.ones(n, bool)
        count = rng.poisson(per_year * span_years * eligible)
        r_cust.append(np.repeat(np.arange(n), count))
        r_cat.append(np.full(count.sum(), cat))
    needy_count = rng.poisson(5 * span_years * f.needy)  # the unprofitable ones
    r_cust.append(np.repeat(np.arange(n), needy_count))
    r_cat.append(np.full(needy_count.sum(), C_SERVICE))
    rc = np.concatenate(r_cust)
    r_day = lo[rc] + (rng.random(len(rc)) * (hi - lo + 1)[rc]).astype(np.int64)
    r_heavy = np.r_[np.zeros(len(rc) - needy_count.sum(), bool), np.ones(needy_count.sum(), bool)]
    # Christmas gifts, more likely for big customers.
    g_cust, g_day = [], []
    gift_p = np.clip(0.05 + f.annual / 2e7, 0.05, 0.8)
    for year in range(dt.date.fromordinal(f.start_ord).year, dt.date.fromordinal(f.end_ord).year + 1):
        gift_day = dt.date(year, 12, 1).toordinal() + rng.integers(4, 22, n)
        chosen = np.flatnonzero((gift_day >= lo) & (gift_day <= hi) & (rng.random(n) < gift_p))
        g_cust.append(chosen)
        g_day.append(gift_day[chosen])
    gc = np.concatenate(g_cust)

    cust = np.concatenate([c_cust, rc, gc])
    day = np.concatenate([c_day, r_day, np.concatenate(g_day)])
    category = np.concatenate([c_cat, np.concatenate(r_cat), np.full(len(gc), C_GIFT)]).astype(np.int64)
    heavy = np.concatenate([c_heavy, r_heavy, np.zeros(len(gc), bool)])
    _cover(category, list(range(len(COST_CATEGORIES))), rng, protect=heavy)
    low, high = COST_RANGE[category, 0], COST_RANGE[category, 1]
    low, high = np.where(heavy, 300, low), np.where(heavy, 1500, high)
    amount = _round_to(rng.uniform(low, high) * 100, 50)
    sort = np.lexsort((category, cust, day))
    return Costs(cust[sort], day[sort], category[sort], amount[sort], rng.integers(0, 60, len(cust))[sort])


def _window(as_of: dt.date, years: int) -> tuple[int, int]:
    """First and last day (ordinals) of the `years` years ending at as_of."""
    day = min(as_of.day, 28) if as_of.month == 2 else as_of.day
    return dt.date(as_of.year - years, as_of.month, day).toordinal() + 1, as_of.toordinal()


def make_frame(n: int, years: int, as_of: dt.date, rng: np.random.Generator) -> Frame:
    """Who each customer is in business terms: archetype, size, trend, churn, dips, staff."""
    start, end = _window(as_of, years)
    days = end - start + 1
    # Fixed quotas (at least one of each where possible), shuffled: every archetype shows up.
    quota = np.floor(np.array(ARCHETYPE_SHARE) * n).astype(np.int64)
    quota[quota == 0] = 1 if n >= len(ARCHETYPES) else 0
    quota[1] += n - quota.sum()
    archetype = rng.permutation(np.repeat(np.arange(len(ARCHETYPES)), quota))
    industry = rng.choice(len(demo_names.INDUSTRIES), n, p=_p(demo_names.INDUSTRY_WEIGHTS))
    seasons = np.array([demo_names.SEASONS[i.season] for i in demo_names.INDUSTRIES], float)
    seasons /= seasons.mean(axis=1, keepdims=True)
    size = rng.lognormal(0, 1.15, n) * np.array([i.size for i in demo_names.INDUSTRIES])[industry]
    annual = 550_000 * size  # cents; median about 5'500 a year, a long tail of big customers
    rate = np.clip(2.0 * size**0.45 * rng.uniform(0.7, 1.3, n), 0.8, 60)
    growth = np.select([archetype == GROWING, archetype == DECLINING],
                       [rng.uniform(1.08, 1.35, n), rng.uniform(0.7, 0.9, n)], 1.0)
    new_age = rng.integers(30, max(31, min(730, days - 30)), n)
    since = np.where(archetype == NEW, end - new_age, start - rng.integers(-300, 15 * 365, n))
    lo = np.maximum(since, start)
    churn_at = start + (rng.uniform(0.25, 0.85, n) * days).astype(np.int64)
    churn = np.where(archetype == CHURNED, np.minimum(np.maximum(churn_at, lo + 120), end), end)
    can_dip = np.isin(archetype, (GROWING, STABLE, DECLINING)) & (end - 90 - (lo + 60) > 30)
    dip_pick = can_dip & (rng.random(n) < 0.12)
    if n >= 10 and not dip_pick.any() and can_dip.any():
        dip_pick[np.flatnonzero(can_dip)[0]] = True
    dip_day = lo + 60 + (rng.random(n) * np.maximum(end - 90 - (lo + 60), 1)).astype(np.int64)
    dip = np.where(dip_pick, dip_day, 0)
    n_staff = int(rng.integers(3, 7))
    staff = np.where(rng.random(n) < 0.03, -1, rng.integers(0, n_staff, n))
    small = annual < np.median(annual)
    needy = small & (archetype != CHURNED) & (rng.random(n) < 0.04)
    if n >= 10 and not needy.any():
        needy[np.flatnonzero(small & (archetype != CHURNED))[:1]] = True
    cost_ratio = np.array([i.cost_ratio for i in demo_names.INDUSTRIES])[industry] * rng.uniform(0.9, 1.1, n)
    return Frame(
        start_ord=start, end_ord=end, years=years, archetype=archetype, industry=industry,
        season=seasons[industry], annual=annual, rate=rate, growth=growth, since_ord=since.astype(np.int64),
        churn_ord=churn.astype(np.int64), dip_ord=dip.astype(np.int64),
        dip_months=rng.integers(3, 9, n), staff=staff, n_staff=n_staff, cost_ratio=cost_ratio,
        consent=rng.random(n) < 0.7, needy=needy,
    )


def _p(weights: Sequence[float]) -> np.ndarray:
    w = np.array(weights, float)
    return np.asarray(w / w.sum())
