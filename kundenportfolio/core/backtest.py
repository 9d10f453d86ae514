"""Backtest (METHOD §4: forecasts are judged, never asserted): hide the last period, forecast it
with every method, compare with what really came in.

Metrics per method, over all customers with at least one order before the hidden period:
RMSE and MAE of the per-customer revenue, total error (sum of forecasts − actual sum, also in
percent) and the precision of the predicted top 10 % (share of the forecast's top decile that
really is in the top decile of the hidden period's revenue).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kundenportfolio.core.forecast_model import METHODS, forecast_revenue

METHOD_LABELS = {
    "model": "Gelernte Mischung (Produktion)",
    "bgnbd": "BG/NBD + Gamma-Gamma",
    "naive": "Naiv: letzte Periode",
    "moving_average": "Gleitender Durchschnitt (3 Perioden)",
}


@dataclass(frozen=True)
class BacktestScore:
    method: str
    label: str
    rmse: float  # currency units, like the other amounts here
    mae: float
    total_forecast: float
    total_actual: float
    total_error: float
    total_error_percent: float
    top10_precision: float  # 0–1
    seconds: float
    used_method: str  # "fallback" when the production model had too little history


def top_share_precision(predicted: np.ndarray, actual: np.ndarray, share: float = 0.1) -> float:
    """Share of the predicted top `share` that is in the actual top `share` (ties broken by order)."""
    k = max(1, int(round(len(actual) * share)))
    if len(actual) == 0:
        return float("nan")
    top_pred = np.argsort(-predicted, kind="stable")[:k]
    top_actual = np.argsort(-actual, kind="stable")[:k]
    return len(np.intersect1d(top_pred, top_actual)) / k


def run_backtest(orders: pd.DataFrame, end: pd.Timestamp | str, holdout_days: int,
                 methods: tuple[str, ...] = METHODS) -> list[BacktestScore]:
    """Forecast (end − holdout_days, end] from the orders before it; `orders` as for
    `forecast_revenue` (cents). Scores are in currency units."""
    end = pd.Timestamp(end)
    cutoff = end - pd.Timedelta(days=holdout_days)
    known = orders[orders["order_date"] <= cutoff]
    customers = pd.Index(np.sort(known["customer_id"].unique()), name="customer_id")
    hidden = orders[(orders["order_date"] > cutoff) & (orders["order_date"] <= end)]
    actual = hidden.groupby("customer_id")["net_cents"].sum().reindex(customers, fill_value=0)
    actual_units = actual.to_numpy(dtype=float) / 100
    scores = []
    for method in methods:
        started = time.perf_counter()
        result, info = forecast_revenue(known, cutoff, holdout_days, method=method)
        seconds = time.perf_counter() - started
        pred = result["expected"].reindex(customers, fill_value=0.0).to_numpy(dtype=float) / 100
        error = pred - actual_units
        total_f, total_a = float(pred.sum()), float(actual_units.sum())
        scores.append(BacktestScore(
            method=method, label=METHOD_LABELS[method],
            rmse=float(np.sqrt(np.mean(error ** 2))) if len(error) else float("nan"),
            mae=float(np.mean(np.abs(error))) if len(error) else float("nan"),
            total_forecast=total_f, total_actual=total_a, total_error=total_f - total_a,
            total_error_percent=100 * (total_f - total_a) / total_a if total_a else float("nan"),
            top10_precision=top_share_precision(pred, actual_units),
            seconds=seconds, used_method=info.method,
        ))
    return scores


def format_scores(scores: list[BacktestScore], customers: int | None = None) -> str:
    """A plain-text table (German headings) for the terminal and the benchmark output."""
    lines = [f"{'Methode':<38} {'RMSE':>12} {'MAE':>11} {'Summe Prognose':>15} "
             f"{'Fehler Summe':>13} {'Fehler %':>9} {'Top-10 %':>9} {'Sek.':>6}"]
    for s in scores:
        label = s.label + (" [Rückfall]" if s.used_method == "fallback" else "")
        lines.append(f"{label:<38} {s.rmse:>12.2f} {s.mae:>11.2f} {s.total_forecast:>15.2f} "
                     f"{s.total_error:>13.2f} {s.total_error_percent:>8.1f}% "
                     f"{100 * s.top10_precision:>8.1f}% {s.seconds:>6.2f}")
    if scores:
        lines.append(f"Tatsächlicher Umsatz der verdeckten Periode: {scores[0].total_actual:.2f}"
                     + (f" ({customers} Kunden)" if customers is not None else ""))
    return "\n".join(lines)
