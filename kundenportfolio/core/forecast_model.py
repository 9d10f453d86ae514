"""Revenue forecast per customer for the next N days: the production model and the baselines.

Production method ("gelernte Mischung", stacked empirical model):
  1. Cut the known history once more, `w` days before the reference day (w = the horizon, or
     half the history if that is shorter), and compute per customer at that earlier cut:
     the BG/NBD × Gamma-Gamma expectation (also with the first purchase's spend counted),
     revenue of the last window, of the window before,
     of the same window a year earlier, the long-run revenue rate, and that rate damped by
     the time since the last purchase.
  2. Learn non-negative weights for these inputs by least squares against the revenue that
     really came in the last `w` days ("predict the last window from the one before it").
  3. Apply the weights to the same inputs computed at the reference day; stretch from `w` to
     the horizon with each customer's BG/NBD time profile. The 10 %/90 % range comes from the
     quantiles of the learned fit's errors, by size of forecast.
Non-negative weights on non-negative inputs keep every forecast >= 0, and a customer without
any recent activity gets nothing from the recency inputs. Too little history for step 2
(< MIN_TRAINING_CUSTOMERS) falls back to a weighted moving average of the last windows with
the customer's own spread as range. Everything is vectorised (pandas groupby, numpy).
Amounts are cents (float); the caller rounds.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kundenportfolio.core.clv_models import BGNBD, GammaGamma

MIN_TRAINING_CUSTOMERS = 200
MIN_WINDOW_DAYS = 28
FIT_SAMPLE = 10_000  # population parameters: a deterministic sample is as good and faster
Z80 = 1.2816  # 10 %/90 % quantiles of a normal distribution
FEATURES = ["bgnbd", "bg_all", "recent", "previous", "last_year", "moving_average", "rate",
            "rate_damped"]
METHODS = ("model", "bgnbd", "naive", "moving_average")


@dataclass
class ModelInfo:
    """What the forecast did, for the backtest report and the GUI's explanation."""

    method: str
    window_days: int
    weights: dict[str, float] = field(default_factory=dict)
    training_customers: int = 0
    bgnbd: BGNBD | None = None
    gamma_gamma: GammaGamma | None = None


def summarise(orders: pd.DataFrame, cutoff: pd.Timestamp, window_days: int) -> pd.DataFrame:
    """RFM summary per customer from orders dated <= cutoff (index customer_id).

    A purchase is a day with positive net revenue (several orders on one day count once, as in
    the BG/NBD literature); credit notes lower the revenue sums but are not purchases.
    """
    known = orders[orders["order_date"] <= cutoff]
    days = known.groupby(["customer_id", "order_date"], sort=True)["net_cents"].sum().reset_index()
    age = (cutoff - days["order_date"]).dt.days.to_numpy()
    net = days["net_cents"].to_numpy(dtype=float)
    days["recent"] = np.where(age < window_days, net, 0.0)
    days["previous"] = np.where((age >= window_days) & (age < 2 * window_days), net, 0.0)
    days["third"] = np.where((age >= 2 * window_days) & (age < 3 * window_days), net, 0.0)
    days["last_year"] = np.where((age >= 365 - window_days) & (age < 365), net, 0.0) \
        if window_days < 365 else 0.0
    purchases = days[days["net_cents"] > 0]
    by = days.groupby("customer_id")
    summary = pd.DataFrame({
        "total": by["net_cents"].sum().astype(float),
        "recent": by["recent"].sum(), "previous": by["previous"].sum(), "third": by["third"].sum(),
        "last_year": by["last_year"].sum(), "first_any": by["order_date"].min(),
    })
    bp = purchases.groupby("customer_id")
    summary["first"] = bp["order_date"].min()
    summary["last"] = bp["order_date"].max()
    summary["purchases"] = bp.size()
    summary["first_spend"] = bp["net_cents"].first().astype(float)
    summary["spend_sum"] = bp["net_cents"].sum().astype(float)
    summary["purchases"] = summary["purchases"].fillna(0).astype(int)
    summary["x"] = np.maximum(summary["purchases"] - 1, 0).astype(float)
    summary["mean_repeat"] = np.where(
        summary["x"] > 0, (summary["spend_sum"] - summary["first_spend"]) / summary["x"].clip(1), 0.0)
    start = summary["first"].fillna(summary["first_any"])
    summary["age_days"] = (cutoff - start).dt.days.astype(float)
    summary["t_x_days"] = (summary["last"] - summary["first"]).dt.days.fillna(0).astype(float)
    summary["recency_days"] = (cutoff - summary["last"]).dt.days.astype(float)
    started = np.minimum(summary["age_days"].to_numpy() // window_days + 1, 3)
    summary["moving_average"] = (summary["recent"] + summary["previous"]
                                 + np.where(started >= 3, summary["third"], 0.0)) / started
    return summary


def _fit_probabilistic(summary: pd.DataFrame) -> tuple[BGNBD, GammaGamma] | None:
    buyers = summary[summary["purchases"] > 0]
    if len(buyers) < 20 or buyers["x"].sum() < 5:
        return None
    sample = buyers.iloc[:: max(1, len(buyers) // FIT_SAMPLE)]
    x = sample["x"].to_numpy()
    bg = BGNBD.fit(x, sample["t_x_days"].to_numpy() / 7, sample["age_days"].to_numpy() / 7)
    gg = GammaGamma.fit(x, sample["mean_repeat"].to_numpy())
    return bg, gg


def bgnbd_revenue(summary: pd.DataFrame, models: tuple[BGNBD, GammaGamma] | None,
                  days: float) -> np.ndarray:
    """BG/NBD × Gamma-Gamma expected revenue in the next `days` (0 for non-buyers)."""
    if models is None:
        return np.zeros(len(summary))
    bg, gg = models
    x = summary["x"].to_numpy()
    count = bg.expected_purchases(days / 7, x, summary["t_x_days"].to_numpy() / 7,
                                  summary["age_days"].to_numpy() / 7)
    spend = gg.expected_spend(x, summary["mean_repeat"].to_numpy())
    return np.where(summary["purchases"].to_numpy() > 0, count * spend, 0.0)


def _all_spend_ratio(summary: pd.DataFrame) -> np.ndarray:
    """Average spend over all purchases (first included) ÷ the repeat-spend figure BG/NBD uses:
    the first purchase tells something about the spend level, too."""
    mean_all = (summary["spend_sum"].fillna(0) / summary["purchases"].clip(lower=1)).to_numpy()
    repeat = summary["mean_repeat"].to_numpy()
    population = float(np.mean(mean_all[mean_all > 0])) if (mean_all > 0).any() else 1.0
    base = np.where(repeat > 0, repeat, population)
    return np.asarray(np.clip(mean_all / base, 0.0, 10.0))


def _features(summary: pd.DataFrame, bg_pred: np.ndarray, window_days: int) -> np.ndarray:
    positive = summary["total"].clip(lower=0).to_numpy()
    rate = positive * window_days / np.maximum(summary["age_days"].to_numpy() + 1, window_days)
    recency = summary["recency_days"].fillna(1e9).to_numpy()
    columns = {
        "bgnbd": bg_pred,
        "recent": summary["recent"].clip(lower=0).to_numpy(),
        "previous": summary["previous"].clip(lower=0).to_numpy(),
        "last_year": summary["last_year"].clip(lower=0).to_numpy(),
        "moving_average": summary["moving_average"].clip(lower=0).to_numpy(),
        "rate": rate,
        "rate_damped": rate * np.exp(-recency / window_days),
        "bg_all": bg_pred * _all_spend_ratio(summary),
    }
    return np.column_stack([columns[name] for name in FEATURES])


def _usable(train: pd.DataFrame, window_days: int) -> np.ndarray:
    """1 for inputs that most training customers are old enough to have, else 0: an input seen
    only for a few old customers at the earlier cut would get a weight that explodes later."""
    buyers = train[train["purchases"] > 0]["age_days"].to_numpy()
    needs = {"previous": 2 * window_days, "last_year": 365}
    return np.array([float(np.mean(buyers >= needs.get(name, 0)) >= 0.5) for name in FEATURES])


LEVEL_BLEND = 0.5
PRIOR_WEIGHTS = {"bgnbd": 0.5, "moving_average": 0.5}
PRIOR_STRENGTH = 100.0  # in customers: matters for a firm with 300, not for one with 20,000


def nnls(a: np.ndarray, y: np.ndarray, prior: np.ndarray | None = None,
         strength: float = 0.0) -> np.ndarray:
    """Non-negative least squares for a handful of columns (exact: best of all subsets), with
    an optional ridge pull towards `prior` worth `strength` customers (empirical Bayes)."""
    n = a.shape[1]
    scale = np.maximum(np.sqrt((a ** 2).mean(axis=0)), 1e-12)
    scaled = a / scale
    # normal equations: the subsets are solved on the small Gram matrix, not on all rows
    gram, moment, total = scaled.T @ scaled, scaled.T @ y, float(y @ y)
    if prior is not None and strength > 0:
        # rows sqrt(strength)·(β − β0) in the scaled space, where every column has RMS 1:
        # each weighs as much as `strength` customers' worth of data on that weight
        target = prior * scale
        gram = gram + strength * np.eye(n)
        moment = moment + strength * target
        total += strength * float(target @ target)
    best, best_sse = np.zeros(n), total
    for size in range(1, n + 1):
        for subset in itertools.combinations(range(n), size):
            cols = list(subset)
            g = gram[np.ix_(cols, cols)]
            coef = np.linalg.lstsq(g, moment[cols], rcond=None)[0]
            if np.any(coef < 0):
                continue
            sse = total - 2 * float(coef @ moment[cols]) + float(coef @ g @ coef)
            if sse < best_sse - 1e-9 * abs(best_sse):
                best, best_sse = np.zeros(n), sse
                best[cols] = coef
    return np.asarray(best / scale)


def _quantile_ratios(pred: np.ndarray, actual: np.ndarray, bins: int = 10
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per size class of forecast: 10 % and 90 % quantile of the actual revenue ÷ mean forecast."""
    positive = pred > 0
    edges = np.unique(np.quantile(pred[positive], np.linspace(0, 1, bins + 1)[1:-1])) \
        if positive.sum() >= 10 * bins else np.array([])
    cls = np.searchsorted(edges, pred, side="right")
    lows, highs = np.ones(len(edges) + 1), np.ones(len(edges) + 1)
    for i in range(len(edges) + 1):
        member = positive & (cls == i)
        mean = float(pred[member].mean()) if member.any() else 0.0
        if mean > 0:
            lows[i] = max(0.0, float(np.quantile(actual[member], 0.1)) / mean)
            highs[i] = max(1.0, float(np.quantile(actual[member], 0.9)) / mean)
    return edges, np.minimum(lows, 1.0), highs


def _windows(orders: pd.DataFrame, as_of: pd.Timestamp, horizon: int, count: int) -> pd.DataFrame:
    """Net revenue per customer in the last `count` windows of `horizon` days (column 0 = latest);
    windows before a customer's first order are NaN."""
    known = orders[orders["order_date"] <= as_of]
    age = (as_of - known["order_date"]).dt.days.to_numpy()
    frame = pd.DataFrame({"customer_id": known["customer_id"].to_numpy(),
                          "window": age // horizon, "net": known["net_cents"].to_numpy(float)})
    table = frame[frame["window"] < count].pivot_table(index="customer_id", columns="window",
                                                       values="net", aggfunc="sum", fill_value=0.0)
    table = table.reindex(columns=range(count), fill_value=0.0)
    first_age = (as_of - known.groupby("customer_id")["order_date"].min()).dt.days
    table = table.reindex(first_age.index, fill_value=0.0)
    started = np.arange(count)[None, :] <= (first_age.to_numpy()[:, None] // horizon)
    return table.where(started)


def _fallback(orders: pd.DataFrame, as_of: pd.Timestamp, horizon: int) -> pd.DataFrame:
    """Few customers: a damped linear trend over the last three full windows (constant series
    repeat, a straight line continues to its last value, a lapsed customer gets 0); the spread
    of up to five windows is the range, never wider than ± the forecast."""
    windows = _windows(orders, as_of, horizon, 5)
    values = windows.to_numpy()
    recent = values[:, :3]
    known = ~np.isnan(recent)
    n = known.sum(axis=1)
    t = -np.arange(3, dtype=float)[None, :]  # 0 = latest window, −1, −2 before it
    mean = np.nansum(recent, axis=1) / np.maximum(n, 1)
    t_mean = np.where(known, t, 0).sum(axis=1) / np.maximum(n, 1)
    dt_ = np.where(known, t - t_mean[:, None], 0.0)
    slope = (dt_ * np.nan_to_num(recent)).sum(axis=1) / np.maximum((dt_ ** 2).sum(axis=1), 1e-9)
    # the fitted line half-way from its centre to the next window: = last value for a line
    expected = np.clip(mean + slope * (0.5 * (1 - t_mean)), 0, None)
    full = (~np.isnan(values)).sum(axis=1)
    with warnings.catch_warnings():  # rows with fewer than two windows: handled by np.where
        warnings.simplefilter("ignore", RuntimeWarning)
        spread = np.where(full >= 2, np.nanstd(values, axis=1, ddof=1), 0.5 * expected)
    spread = np.minimum(np.nan_to_num(spread), expected)
    return pd.DataFrame({"expected": expected, "low": np.clip(expected - Z80 * spread, 0, None),
                         "high": expected + Z80 * spread}, index=windows.index)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"expected": [], "low": [], "high": []},
                        index=pd.Index([], dtype="int64", name="customer_id"))


def forecast_revenue(orders: pd.DataFrame, as_of: pd.Timestamp | str, horizon_days: int,
                     method: str = "model") -> tuple[pd.DataFrame, ModelInfo]:
    """Expected net revenue (cents) per customer in (as_of, as_of + horizon_days].

    `orders`: customer_id, order_date (datetime64), net_cents. Orders after as_of are ignored.
    Returns a frame indexed by customer_id (customers with at least one order) with expected,
    low, high, and what was done. `method`: "model" (production), "bgnbd" (reference),
    "naive" (last window repeats), "moving_average" (mean of the last three windows).
    """
    as_of = pd.Timestamp(as_of)
    horizon = max(int(horizon_days), 1)
    orders = orders[orders["order_date"] <= as_of]
    if orders.empty:
        return _empty(), ModelInfo(method, horizon)
    if horizon < MIN_WINDOW_DAYS:  # a few days: a share of the four-week forecast
        result, info = forecast_revenue(orders, as_of, MIN_WINDOW_DAYS, method)
        return result * (horizon / MIN_WINDOW_DAYS), info
    if method in ("naive", "moving_average"):
        windows = _windows(orders, as_of, horizon, 1 if method == "naive" else 3)
        value = windows.mean(axis=1, skipna=True).clip(lower=0).fillna(0.0)
        return pd.DataFrame({"expected": value, "low": value, "high": value}), \
            ModelInfo(method, horizon)
    span = int((as_of - orders["order_date"].min()).days)
    window = min(horizon, span // 2)
    if method == "bgnbd":
        summary = summarise(orders, as_of, horizon)
        models = _fit_probabilistic(summary)
        value = bgnbd_revenue(summary, models, horizon)
        info = ModelInfo("bgnbd", horizon, bgnbd=models[0] if models else None,
                         gamma_gamma=models[1] if models else None)
        return pd.DataFrame({"expected": value, "low": value, "high": value},
                            index=summary.index), info
    # A horizon shorter than a year is learned on the same season one year earlier (when the
    # history allows): learning "next quarter from this quarter" would learn the season.
    seasonal = horizon < 365 and span >= 365 + max(horizon, 90)
    lag = 365 if seasonal else window
    if seasonal:
        window = horizon
    cut = as_of - pd.Timedelta(days=lag)
    train = summarise(orders, cut, window) if window >= MIN_WINDOW_DAYS else None
    if train is None or (train["purchases"] > 0).sum() < MIN_TRAINING_CUSTOMERS:
        return _fallback(orders, as_of, horizon), ModelInfo("fallback", horizon)
    later = orders[(orders["order_date"] > cut)
                   & (orders["order_date"] <= cut + pd.Timedelta(days=window))]
    later = later.groupby("customer_id")["net_cents"].sum()
    target = later.reindex(train.index, fill_value=0).to_numpy(dtype=float)
    train_models = _fit_probabilistic(train)
    features = _features(train, bgnbd_revenue(train, train_models, window), window)
    prior = np.array([PRIOR_WEIGHTS.get(name, 0.0) for name in FEATURES])
    coef = nnls(features * _usable(train, window)[None, :], target, prior, PRIOR_STRENGTH)
    edges, lows, highs = _quantile_ratios(features @ coef, target)

    now = summarise(orders, as_of, window)
    models = _fit_probabilistic(now)
    in_window = bgnbd_revenue(now, models, window)
    expected = _features(now, in_window, window) @ coef
    if not seasonal and window < 330 and models is not None and LEVEL_BLEND > 0:
        # Learned on the neighbouring window (clearly shorter than a year), the weights also carry
        # that window's season; with less than a year of history the season is unknown, so the
        # total is pulled towards the stationary BG/NBD level (geometric blend). The ranking is
        # unchanged.
        learned, stationary = float(expected.sum()), float(in_window.sum())
        if learned > 0 and stationary > 0:
            expected = expected * (stationary / learned) ** LEVEL_BLEND
    if horizon != window:  # stretch with each customer's BG/NBD time profile
        in_horizon = bgnbd_revenue(now, models, horizon)
        stretch = np.where(in_window > 1e-9, in_horizon / np.maximum(in_window, 1e-9),
                           horizon / window)
        expected = expected * stretch
    cls = np.searchsorted(edges, expected * window / horizon, side="right")
    result = pd.DataFrame({"expected": expected, "low": expected * lows[cls],
                           "high": expected * highs[cls]}, index=now.index)
    info = ModelInfo("model", window, dict(zip(FEATURES, coef.tolist(), strict=True)),
                     len(train), models[0] if models else None, models[1] if models else None)
    return result, info
