"""The two-axis point model and the four groups (METHOD §3).

Each criterion gives 0–10 points; an axis score (0–100) is the weighted mean of the points of
the criteria a customer has data for — missing criteria are left out and the remaining weights
re-normalised. Money-like criteria become points by rank (percentile), so one giant customer
does not squash the rest: points = 10 × (customers with a strictly smaller value) / (n − 1).

Criteria and their points:
* Kundenattraktivität: kundenwert (KDB IV, percentile), trend (net revenue growth against the
  previous period: −50 % → 0, 0 → 5, +50 % → 10), potential (Bedarfspotenzial, percentile),
  payment / reference (ratings 1–5 → 0, 2.5, 5, 7.5, 10).
* Lieferantenposition: share_of_wallet (yearly net revenue ÷ Bedarfspotenzial, 0–100 % → 0–10),
  frequency (orders in the period, percentile), duration (years since customer_since or the first
  order, 1 point per year up to 10), complaints (complaints per order: 0 → 10, ≥ 0.5 → 0;
  unused without orders and complaints), relationship (rating 1–5), contacts (contacts other than
  orders in the period, percentile).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from kundenportfolio import settings as declared
from kundenportfolio.core.errors import FieldError, ValidationError
from kundenportfolio.core.models import Group

Axis = Literal["attractiveness", "position"]


@dataclass(frozen=True)
class Criterion:
    axis: Axis
    code: str
    label: str  # German


CRITERIA: dict[str, Criterion] = {
    c.code: c
    for c in (
        Criterion("attractiveness", "kundenwert", "Kundenwert (KDB IV, nach Rang)"),
        Criterion("attractiveness", "trend", "Umsatzentwicklung"),
        Criterion("attractiveness", "potential", "Bedarfspotenzial"),
        Criterion("attractiveness", "payment", "Zahlungsverhalten"),
        Criterion("attractiveness", "reference", "Referenzwert"),
        Criterion("position", "share_of_wallet", "Lieferanteil (Umsatz ÷ Bedarfspotenzial)"),
        Criterion("position", "frequency", "Bestellhäufigkeit"),
        Criterion("position", "duration", "Dauer der Kundenbeziehung"),
        Criterion("position", "complaints", "Reklamationsquote (wenige = gut)"),
        Criterion("position", "relationship", "Beziehungsqualität"),
        Criterion("position", "contacts", "Kontaktintensität"),
    )
}
AXIS_CRITERIA: dict[Axis, tuple[str, ...]] = {
    "attractiveness": declared.ATTRACTIVENESS_CRITERIA,
    "position": declared.POSITION_CRITERIA,
}
WEIGHT_KEYS: dict[Axis, str] = {
    "attractiveness": "score_weights_attractiveness",
    "position": "score_weights_position",
}
PERCENTILE_CRITERIA = ("kundenwert", "potential", "frequency", "contacts")


@dataclass(frozen=True)
class CriterionScore:
    """One criterion of one customer's score, for the explanation in the GUI."""

    axis: Axis
    code: str
    label: str
    weight_percent: float  # as configured
    effective_weight_percent: float  # after re-normalisation; 0 if unused
    points: float | None  # 0–10, None if the customer has no data for it
    used: bool


# ---- criterion points --------------------------------------------------------------------


def percentile_points(values: np.ndarray | pd.Series) -> np.ndarray:
    """10 × (available values strictly smaller) / (n − 1); NaN stays NaN; a single value → 10."""
    arr = np.asarray(values, dtype=np.float64)
    out = np.full(len(arr), np.nan)
    known = ~np.isnan(arr)
    n = int(known.sum())
    if n == 0:
        return out
    if n == 1:
        out[known] = 10.0
        return out
    ascending = np.sort(arr[known])
    out[known] = 10.0 * np.searchsorted(ascending, arr[known], side="left") / (n - 1)
    return out


def percentile_point(sorted_known: np.ndarray, value: float, old_value: float | None) -> float:
    """Points of one changed value against the sorted values of the last full computation.

    `old_value` (the customer's value then, or None) is taken out so it does not count itself.
    """
    if np.isnan(value):
        return float("nan")
    n = len(sorted_known) + (0 if old_value is not None else 1)
    smaller = int(np.searchsorted(sorted_known, value, side="left"))
    if old_value is not None and old_value < value:
        smaller -= 1
    return 10.0 if n <= 1 else 10.0 * smaller / (n - 1)


def rating_points(rating: np.ndarray | pd.Series) -> np.ndarray:
    """Rating 1–5 → 0–10 points; missing stays NaN."""
    return (np.asarray(rating, dtype=np.float64) - 1.0) * 2.5


def trend_points(trend: np.ndarray | pd.Series) -> np.ndarray:
    """Relative growth: −50 % → 0, 0 → 5, +50 % → 10 (clipped)."""
    return np.clip(5.0 + 10.0 * np.asarray(trend, dtype=np.float64), 0.0, 10.0)


def criterion_points(inputs: pd.DataFrame) -> pd.DataFrame:
    """Points 0–10 per criterion (NaN = no data) from the raw per-customer inputs.

    inputs columns: kdb4_cents, revenue_trend, potential_cents, rating_payment, rating_reference,
    annual_net_cents, order_count, relationship_years, complaint_count, rating_relationship,
    contact_count.
    """
    potential = inputs["potential_cents"].astype("float64").to_numpy()
    annual_net = inputs["annual_net_cents"].astype("float64").to_numpy()
    orders = inputs["order_count"].astype("float64").to_numpy()
    complaints = inputs["complaint_count"].astype("float64").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(potential > 0, np.clip(annual_net / potential, 0.0, 1.0) * 10.0, np.nan)
        rate = complaints / np.maximum(orders, 1.0)
    complaint = np.where((orders > 0) | (complaints > 0), np.clip(10.0 - 20.0 * rate, 0, 10), np.nan)
    points = {
        "kundenwert": percentile_points(inputs["kdb4_cents"]),
        "trend": trend_points(inputs["revenue_trend"]),
        "potential": percentile_points(np.where(potential > 0, potential, np.nan)),
        "payment": rating_points(inputs["rating_payment"]),
        "reference": rating_points(inputs["rating_reference"]),
        "share_of_wallet": share,
        "frequency": percentile_points(orders),
        "duration": np.clip(inputs["relationship_years"].astype("float64").to_numpy(), 0.0, 10.0),
        "complaints": complaint,
        "relationship": rating_points(inputs["rating_relationship"]),
        "contacts": percentile_points(inputs["contact_count"]),
    }
    return pd.DataFrame(points, index=inputs.index)


# ---- axis scores, split and groups -------------------------------------------------------


def weights(settings: Mapping[str, Any], axis: Axis) -> dict[str, float]:
    configured = settings.get(WEIGHT_KEYS[axis]) or declared.DECLARED[WEIGHT_KEYS[axis]].default
    return {code: float(configured.get(code, 0.0)) for code in AXIS_CRITERIA[axis]}


def axis_score(points: pd.DataFrame, axis_weights: Mapping[str, float]) -> np.ndarray:
    """Weighted mean of the available points × 10 → 0–100; 0 where no criterion has data."""
    codes = list(axis_weights)
    p = points[codes].to_numpy(np.float64)
    w = np.array([axis_weights[c] for c in codes], dtype=np.float64)
    available = ~np.isnan(p)
    used_weight = (available * w).sum(axis=1)
    weighted = (np.where(available, p, 0.0) * w).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(used_weight > 0, weighted / used_weight * 10.0, 0.0)
    return score


def split_thresholds(settings: Mapping[str, Any], attractiveness: np.ndarray,
                     position: np.ndarray) -> tuple[float, float]:
    """(position split x, attractiveness split y): fixed values or the medians."""
    if settings.get("score_split_rule", "fixed") == "median" and len(attractiveness):
        return float(np.median(position)), float(np.median(attractiveness))
    return (float(settings.get("score_split_position", 50.0)),
            float(settings.get("score_split_attractiveness", 50.0)))


def assign_groups(attractiveness: np.ndarray, position: np.ndarray,
                  thresholds: tuple[float, float]) -> np.ndarray:
    """Group code per customer; a score equal to the split counts as high/strong."""
    x, y = thresholds
    high = np.asarray(attractiveness) >= y
    strong = np.asarray(position) >= x
    return np.where(high, np.where(strong, Group.STAR.value, Group.FRAGEZEICHEN.value),
                    np.where(strong, Group.ERTRAG.value, Group.MITNAHME.value)).astype(object)


def explain_points(points: Mapping[str, float], settings: Mapping[str, Any]) -> list[CriterionScore]:
    """The criteria of both axes for one customer: weights, re-normalised weights, points."""
    out: list[CriterionScore] = []
    axes: tuple[Axis, ...] = ("attractiveness", "position")
    for axis in axes:
        axis_weights = weights(settings, axis)
        used = {c: points.get(c) for c in axis_weights
                if points.get(c) is not None and not np.isnan(points[c])}
        total = sum(axis_weights[c] for c in used)
        for code, weight in axis_weights.items():
            is_used = code in used
            out.append(CriterionScore(
                axis=axis, code=code, label=CRITERIA[code].label,
                weight_percent=weight,
                effective_weight_percent=(weight / total * 100.0) if is_used and total else 0.0,
                points=float(used[code]) if is_used else None,  # type: ignore[arg-type]
                used=is_used,
            ))
    return out


# ---- labels, strategies, settings --------------------------------------------------------


def group_label(settings: Mapping[str, Any], group: Group | str) -> str:
    labels = settings.get("group_labels") or declared.GROUP_LABELS.default
    code = Group(group).value
    return str(labels.get(code) or declared.GROUP_LABELS.default[code])


def group_strategy(settings: Mapping[str, Any], group: Group | str) -> str:
    texts = settings.get("group_strategies") or declared.GROUP_STRATEGIES.default
    code = Group(group).value
    return str(texts.get(code) or declared.GROUP_STRATEGIES.default[code])


def validate_settings(values: Mapping[str, Any]) -> None:
    """Check settings (each on its own and together); raises ValidationError.

    `values` may hold only some keys; the cross-check A ≤ B runs when both are given.
    Repository.set_settings passes the whole resulting settings, the settings page its edits.
    """
    errors = [FieldError(key, message) for key, value in values.items()
              if (message := declared.check(key, value))]
    a = values.get("abc_threshold_a_percent")
    b = values.get("abc_threshold_b_percent")
    if not errors and a is not None and b is not None and float(a) > float(b):
        errors.append(FieldError(
            "abc_threshold_b_percent",
            "Die Grenze für B muss mindestens so hoch sein wie die Grenze für A.",
        ))
    if errors:
        raise ValidationError(errors)
