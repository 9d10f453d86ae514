"""Revenue forecast per customer for the next N days: the production model and the baselines.

Production method ("gelernte Mischung", a cross-validated combination of model forecasts):
  1. Cut the known history once or twice more (at as_of − w and as_of − 2w; for a horizon
     shorter than a year with enough history at as_of − 1 and − 2 years, same season) and
     compute per customer at each earlier cut six forecasts of the revenue in the next w days:
       bgnbd         BG/NBD × Gamma-Gamma (the standard model, the reference of the backtest);
       bg_first      the same with the first purchase counted in the spend level;
       bg_trend      BG/NBD × Gamma-Gamma with the purchase rate re-estimated on a history
                     that forgets with time constant w (a customer who buys more or less
                     than before moves with it; shrunk to the population like BG/NBD);
       bg_slow       the same with time constant 4w;
       rate_alive    the customer's own long-run revenue rate × BG/NBD's P(alive);
       recent_alive  the revenue rate of an exponentially weighted history (time constant 2w)
                     × P(alive).
  2. Learn weights w_i >= 0 with Σ w_i = 1 by least squares against the revenue that really came
     in after each cut (all cuts stacked), robust (Huber: the 5 % largest errors count linearly,
     so one freak order does not pick the mixture) and shrunk towards equal weights by a ridge
     worth PRIOR_STRENGTH customers (empirical Bayes: matters for a firm with 300 customers,
     not for one with 20,000). The weights sum to one, so the level comes from the forecasts
     themselves and not from one earlier period; every forecast stays >= 0.
  3. Apply the weights to the forecasts computed at the reference day and stretch from w to the
     horizon with each customer's BG/NBD time profile. The 10 %/90 % range comes from the
     quantiles of the learned fit's errors, by size of forecast.
The weights adapt to the data set: on textbook data (CDNOW) they stay on the four BG/NBD
forecasts, on business customers with trends, seasons and regular orders they move to the
trend and rate forecasts. Too little history for step 2 (< MIN_TRAINING_CUSTOMERS buyers at the first cut)
falls back to a damped trend over the last windows with the customer's own spread as range;
so does a small firm (< SMALL_FIRM customers) whose earlier cuts the damped trend predicted
better than the mixture (customers who order once a year, on fixed dates).
Everything is vectorised (pandas groupby, numpy). Amounts are cents (float); the caller rounds.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kundenportfolio.core.clv_models import BGNBD, GammaGamma

MIN_TRAINING_CUSTOMERS = 20  # buyers at the most recent cut (BG/NBD needs about that many)
SMALL_FIRM = 200  # customers: below, the damped trend competes with the mixture
MIN_WINDOW_DAYS = 28
MAX_FOLDS = 2  # earlier cuts to learn from (the most recent ones transfer best)
FIT_SAMPLE = 10_000  # population parameters: a deterministic sample is as good and faster
Z80 = 1.2816  # 10 %/90 % quantiles of a normal distribution
FEATURES = ["bgnbd", "bg_first", "bg_trend", "bg_slow", "rate_alive", "recent_alive"]
TREND_MEMORY = {"bg_trend": 1.0, "bg_slow": 4.0}  # time constant of the rate, in windows
RECENT_MEMORY = 2.0  # time constant of recent_alive, in windows
PRIOR_STRENGTH = 100.0  # in customers: the pull of the weights towards equal weights
HUBER_SHARE = 0.05  # errors above this upper share count linearly, not squared
HUBER_ITERATIONS = 5
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
    the BG/NBD literature); credit notes lower the revenue sums but are not purchases. Besides
    the BG/NBD inputs: revenue of the last three windows and of the same window a year earlier,
    the repeat purchases discounted with each TREND_MEMORY time constant ("rep_<name>") and
    the net revenue discounted with RECENT_MEMORY ("net_recent").
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
    days["net_recent"] = net * np.exp(-age / (RECENT_MEMORY * window_days))
    bought = net > 0
    # the first purchase starts the BG/NBD clock; only the purchases after it are repeats
    ids = days["customer_id"].to_numpy()
    first_purchase = bought & ~pd.Series(ids).where(bought).duplicated().to_numpy()
    repeat = bought & ~first_purchase
    for name, memory in TREND_MEMORY.items():
        days[f"rep_{name}"] = np.where(repeat, np.exp(-age / (memory * window_days)), 0.0)
    purchases = days[bought]
    by = days.groupby("customer_id")
    summary = pd.DataFrame({
        "total": by["net_cents"].sum().astype(float),
        "recent": by["recent"].sum(), "previous": by["previous"].sum(), "third": by["third"].sum(),
        "last_year": by["last_year"].sum(), "first_any": by["order_date"].min(),
        "net_recent": by["net_recent"].sum(),
        **{f"rep_{name}": by[f"rep_{name}"].sum() for name in TREND_MEMORY},
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


def _features(summary: pd.DataFrame, models: tuple[BGNBD, GammaGamma] | None, bg_pred: np.ndarray,
              window_days: int) -> np.ndarray:
    """The six component forecasts (columns in FEATURES order) of the revenue in the next
    `window_days`; `bg_pred` is `bgnbd_revenue(summary, models, window_days)`."""
    buyer = summary["purchases"].to_numpy() > 0
    x = summary["x"].to_numpy()
    big_t = summary["age_days"].to_numpy() / 7
    if models is not None:
        bg = models[0]
        alive = np.where(buyer, bg.p_alive(x, summary["t_x_days"].to_numpy() / 7, big_t), 0.0)
        stationary = (bg.r + x) / (bg.alpha + big_t)  # posterior mean purchase rate per week
    else:
        alive = buyer.astype(float)
    columns = {"bgnbd": bg_pred, "bg_first": bg_pred * _all_spend_ratio(summary)}
    for name, memory in TREND_MEMORY.items():
        if models is None:
            columns[name] = bg_pred
            continue
        tau = memory * window_days / 7  # weeks
        exposure = tau * (1 - np.exp(-big_t / tau))
        forgetting = (bg.r + summary[f"rep_{name}"].to_numpy()) / (bg.alpha + exposure)
        columns[name] = bg_pred * forgetting / stationary
    age = summary["age_days"].to_numpy()
    positive = summary["total"].clip(lower=0).to_numpy()
    columns["rate_alive"] = alive * positive * window_days / np.maximum(age + 1, window_days)
    tau = RECENT_MEMORY * window_days
    exposure = tau * (1 - np.exp(-np.maximum(age, window_days / 2) / tau))
    columns["recent_alive"] = alive * np.clip(summary["net_recent"].to_numpy(), 0, None) \
        / exposure * window_days
    return np.column_stack([columns[name] for name in FEATURES])


def nnls(a: np.ndarray, y: np.ndarray, prior: np.ndarray | None = None,
         strength: float = 0.0, total: float | None = None) -> np.ndarray:
    """Non-negative least squares for a handful of columns (exact: best of all subsets), with
    an optional ridge pull towards `prior` worth `strength` customers (empirical Bayes) and,
    if `total` is given, weights that sum to it (a convex combination for total = 1)."""
    n = a.shape[1]
    unit = max(float(np.sqrt(np.mean(y ** 2))), 1e-12)  # cents → a well-conditioned scale
    a, y = a / unit, y / unit
    scale = np.maximum(np.sqrt((a ** 2).mean(axis=0)), 1e-12)
    # normal equations per customer: the subsets are solved on the small Gram matrix
    gram, moment, sq = a.T @ a / len(y), a.T @ y / len(y), float(y @ y) / len(y)
    if prior is not None and strength > 0:
        # a penalty λ·Σ scale_j² (β_j − β0_j)²: in the space where every column has RMS 1,
        # each weight gets as much pull as `strength` customers' worth of data
        lam = strength / len(y)
        gram = gram + lam * np.diag(scale ** 2)
        moment = moment + lam * scale ** 2 * prior
        sq += lam * float(scale ** 2 @ prior ** 2)
    best, best_sse = np.zeros(n), sq if total is None else np.inf
    for size in range(1, n + 1):
        for subset in itertools.combinations(range(n), size):
            cols = list(subset)
            g = gram[np.ix_(cols, cols)]
            if total is None:
                coef = np.linalg.lstsq(g, moment[cols], rcond=None)[0]
            else:  # Lagrange: [G 1; 1ᵀ 0] [β; λ] = [m; total]
                k = len(cols)
                kkt = np.zeros((k + 1, k + 1))
                kkt[:k, :k], kkt[:k, k], kkt[k, :k] = g, 1.0, 1.0
                coef = np.linalg.lstsq(kkt, np.append(moment[cols], total), rcond=None)[0][:k]
            if np.any(coef < 0):
                continue
            sse = sq - 2 * float(coef @ moment[cols]) + float(coef @ g @ coef)
            if not np.isfinite(best_sse) or sse < best_sse - 1e-12 * abs(best_sse):
                best, best_sse = np.zeros(n), sse
                best[cols] = coef
    return np.asarray(best)


def mixture_weights(features: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Weights >= 0 summing to 1 for the component forecasts, least squares with a Huber-type
    downweighting of the HUBER_SHARE largest errors (iteratively reweighted): one customer
    with a freak order at an earlier cut must not decide the mixture for everybody."""
    prior = np.full(features.shape[1], 1.0 / features.shape[1])
    coef = nnls(features, target, prior, PRIOR_STRENGTH, total=1.0)
    for _ in range(HUBER_ITERATIONS):
        error = np.abs(target - features @ coef)
        threshold = max(float(np.quantile(error, 1 - HUBER_SHARE)), 1e-9)
        weight = np.sqrt(np.minimum(1.0, threshold / np.maximum(error, 1e-12)))
        coef = nnls(features * weight[:, None], target * weight, prior, PRIOR_STRENGTH, total=1.0)
    return coef


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


def _training(orders: pd.DataFrame, as_of: pd.Timestamp, window: int, lags: list[int]
              ) -> tuple[np.ndarray, np.ndarray, bool] | None:
    """Component forecasts and the revenue that really came in, at each earlier cut (stacked),
    and, for a firm with fewer than SMALL_FIRM customers, whether the damped trend of
    `_fallback` would have done better than the mixture (equal weights, nothing fitted) at
    these cuts. None when the most recent cut has fewer than MIN_TRAINING_CUSTOMERS buyers
    or too few repeat purchases for BG/NBD."""
    features: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    trend_better = False
    trend_error = mixture_error = 0.0
    for lag in lags:
        cut = as_of - pd.Timedelta(days=lag)
        train = summarise(orders, cut, window)
        models = _fit_probabilistic(train)
        if models is None or int((train["purchases"] > 0).sum()) < MIN_TRAINING_CUSTOMERS:
            break
        later = orders[(orders["order_date"] > cut)
                       & (orders["order_date"] <= cut + pd.Timedelta(days=window))]
        target = later.groupby("customer_id")["net_cents"].sum()
        target = target.reindex(train.index, fill_value=0).to_numpy(dtype=float)
        components = _features(train, models, bgnbd_revenue(train, models, window), window)
        if len(train) < SMALL_FIRM:
            # a small firm: would the damped trend of `_fallback` have been closer (mean absolute
            # error over the cuts) than the mixture with equal weights? Yearly invoices: yes.
            trend = _fallback(orders, cut, window)["expected"].reindex(train.index, fill_value=0.0)
            trend_error += float(np.abs(trend.to_numpy() - target).sum())
            mixture_error += float(np.abs(components.mean(axis=1) - target).sum())
            trend_better = trend_error < mixture_error
        targets.append(target)
        features.append(components)
    if not features:
        return None
    return np.vstack(features), np.concatenate(targets), trend_better


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
    # A horizon shorter than a year is learned on the same season one and two years earlier
    # (when the history allows): "next quarter from this quarter" would learn the season.
    seasonal = horizon < 365 and span >= 365 + max(horizon, 90)
    if seasonal:
        window = horizon
        lags = [365 * k for k in range(1, MAX_FOLDS + 1) if span - 365 * k >= max(horizon, 90)]
    else:
        lags = [window * k for k in range(1, MAX_FOLDS + 1)
                if span - window * k >= max(window // 2, MIN_WINDOW_DAYS)]
    training = _training(orders, as_of, window, lags) if window >= MIN_WINDOW_DAYS else None
    if training is None or training[2]:
        return _fallback(orders, as_of, horizon), ModelInfo("fallback", horizon)
    features, target, _ = training
    coef = mixture_weights(features, target)
    edges, lows, highs = _quantile_ratios(features @ coef, target)

    now = summarise(orders, as_of, window)
    models = _fit_probabilistic(now)
    in_window = bgnbd_revenue(now, models, window)
    expected = _features(now, models, in_window, window) @ coef
    if horizon != window:  # stretch with each customer's BG/NBD time profile
        in_horizon = bgnbd_revenue(now, models, horizon)
        stretch = np.where(in_window > 1e-9, in_horizon / np.maximum(in_window, 1e-9),
                           horizon / window)
        expected = expected * stretch
    cls = np.searchsorted(edges, expected * window / horizon, side="right")
    result = pd.DataFrame({"expected": expected, "low": expected * lows[cls],
                           "high": expected * highs[cls]}, index=now.index)
    info = ModelInfo("model", window, dict(zip(FEATURES, coef.tolist(), strict=True)),
                     len(target), models[0] if models else None, models[1] if models else None)
    return result, info
