"""Point model: percentile points, re-normalised weights, split rule, groups, settings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kundenportfolio import settings as declared
from kundenportfolio.core import scoring
from kundenportfolio.core.errors import ValidationError
from kundenportfolio.core.models import Group
from kundenportfolio.data.repository import Repository

DEFAULTS = {key: s.default for key, s in declared.DECLARED.items()}


def test_percentile_points_by_rank_not_size() -> None:
    # strictly smaller of [10, 20, 20, 4000]: 0, 1, 1, 3 → × 10 / 3; the giant does not squash
    points = scoring.percentile_points(np.array([10, 20, 20, 4000]))
    assert points.tolist() == pytest.approx([0.0, 10 / 3, 10 / 3, 10.0])
    assert np.isnan(scoring.percentile_points(np.array([np.nan, 5.0]))[0])
    assert scoring.percentile_points(np.array([np.nan, 5.0]))[1] == 10.0  # alone → 10


def test_percentile_point_of_one_changed_value() -> None:
    others = np.sort(np.array([10.0, 20.0, 20.0, 4000.0]))  # includes the old value 10
    # new value 30: strictly smaller are 10(own old, not counted), 20, 20 → 2 of n − 1 = 3
    assert scoring.percentile_point(others, 30.0, 10.0) == pytest.approx(20 / 3)
    # a new customer (no old value): n = 5, smaller = 3 → 7.5
    assert scoring.percentile_point(others, 30.0, None) == pytest.approx(7.5)


def test_ratings_trend_and_complaints_to_points() -> None:
    assert scoring.rating_points(np.array([1, 3, 5])).tolist() == [0.0, 5.0, 10.0]
    assert scoring.trend_points(np.array([-0.5, 0.0, 0.2, 3.0])).tolist() == [0.0, 5.0, 7.0, 10.0]
    inputs = pd.DataFrame({
        "kdb4_cents": [100, 200, 300], "revenue_trend": [np.nan] * 3,
        "potential_cents": [np.nan, 100_000, 0], "rating_payment": [np.nan] * 3,
        "rating_reference": [np.nan] * 3, "annual_net_cents": [0, 25_000, 50_000],
        "order_count": [0, 4, 10], "relationship_years": [np.nan, 2.5, 30.0],
        "complaint_count": [0, 1, 10], "rating_relationship": [np.nan] * 3,
        "contact_count": [0, 0, 3],
    })
    points = scoring.criterion_points(inputs)
    # share of wallet: unknown, 250/1000 → 2.5, potential 0 counts as unknown
    assert np.isnan(points.at[0, "share_of_wallet"]) and np.isnan(points.at[2, "share_of_wallet"])
    assert points.at[1, "share_of_wallet"] == pytest.approx(2.5)
    # complaints: no orders and none → unused; 1 per 4 orders → 10 − 20 × 0.25 = 5; 1 per order → 0
    assert np.isnan(points.at[0, "complaints"])
    assert points.loc[[1, 2], "complaints"].tolist() == [5.0, 0.0]
    assert points["duration"].tolist()[1:] == [2.5, 10.0]  # one point per year, at most 10


def test_missing_criterion_is_left_out_and_weights_renormalised() -> None:
    # kundenwert 10 points (w 40), trend and potential missing (w 20 + 20),
    # payment 10 (w 10), reference 0 (w 10): (40·10 + 10·10 + 10·0) / 60 × 10 = 83.33
    points = pd.DataFrame({"kundenwert": [10.0], "trend": [np.nan], "potential": [np.nan],
                           "payment": [10.0], "reference": [0.0]})
    weights = scoring.weights(DEFAULTS, "attractiveness")
    assert scoring.axis_score(points, weights)[0] == pytest.approx(83.333, abs=1e-3)
    explained = scoring.explain_points(points.iloc[0].to_dict(), DEFAULTS)
    attractiveness = {c.code: c for c in explained if c.axis == "attractiveness"}
    assert attractiveness["kundenwert"].effective_weight_percent == pytest.approx(66.667, abs=1e-3)
    assert attractiveness["payment"].effective_weight_percent == pytest.approx(16.667, abs=1e-3)
    assert not attractiveness["trend"].used and attractiveness["trend"].points is None
    assert attractiveness["trend"].weight_percent == 20.0
    assert attractiveness["trend"].effective_weight_percent == 0.0
    assert attractiveness["potential"].label == "Bedarfspotenzial"


def test_no_data_at_all_scores_zero() -> None:
    points = pd.DataFrame({c: [np.nan] for c in declared.POSITION_CRITERIA})
    assert scoring.axis_score(points, scoring.weights(DEFAULTS, "position"))[0] == 0.0


def test_groups_fixed_split_and_median() -> None:
    attractiveness = np.array([80.0, 20.0, 70.0, 10.0, 50.0])
    position = np.array([90.0, 60.0, 30.0, 5.0, 50.0])
    x, y = scoring.split_thresholds(DEFAULTS, attractiveness, position)
    assert (x, y) == (50.0, 50.0)
    groups = scoring.assign_groups(attractiveness, position, (x, y)).tolist()
    # exactly on the split counts as high/strong
    assert groups == ["star", "ertrag", "fragezeichen", "mitnahme", "star"]
    median = scoring.split_thresholds({**DEFAULTS, "score_split_rule": "median"},
                                      attractiveness, position)
    assert median == (50.0, 50.0)  # medians of both columns happen to be 50 here
    median = scoring.split_thresholds({**DEFAULTS, "score_split_rule": "median"},
                                      attractiveness[:4], position[:4])
    assert median == (45.0, 45.0)  # (30 + 60) / 2 and (20 + 70) / 2


def test_labels_and_strategies() -> None:
    assert scoring.group_label(DEFAULTS, Group.STAR) == "Starkunden"
    assert scoring.group_label(DEFAULTS, "mitnahme") == "Mitnahmekunden"
    assert scoring.group_strategy(DEFAULTS, Group.FRAGEZEICHEN).startswith("Entwickeln oder abbauen")
    custom = {**DEFAULTS, "group_labels": {**DEFAULTS["group_labels"], "star": "Top-Kunden"}}
    assert scoring.group_label(custom, Group.STAR) == "Top-Kunden"


def test_invalid_settings_rejected_with_german_message(repo: Repository) -> None:
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"score_weights_position": {"share_of_wallet": 50.0, "frequency": 40.0}})
    assert "100 %" in info.value.fields["score_weights_position"]
    assert "jetzt 90 %" in info.value.fields["score_weights_position"]
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"score_split_attractiveness": 120.0, "abc_threshold_a_percent": -1.0,
                           "score_weights_attractiveness": {"umsatz": 100.0}})
    assert set(info.value.fields) == {"score_split_attractiveness", "abc_threshold_a_percent",
                                      "score_weights_attractiveness"}
    with pytest.raises(ValidationError):
        repo.set_settings({"cost_level_mapping": {**DEFAULTS["cost_level_mapping"], "visit": "V"}})
    with pytest.raises(ValidationError):
        repo.set_settings({"group_labels": {**DEFAULTS["group_labels"], "star": " "}})
    assert repo.get_setting("score_weights_position") == DEFAULTS["score_weights_position"]


def test_valid_settings_stored_and_reset(repo: Repository) -> None:
    weights = {"kundenwert": 100.0, "trend": 0.0, "potential": 0.0, "payment": 0.0,
               "reference": 0.0}
    scoring.validate_settings({"score_weights_attractiveness": weights})
    repo.set_settings({"score_weights_attractiveness": weights, "score_split_rule": "median"})
    assert repo.get_setting("score_weights_attractiveness") == weights
    repo.reset_settings(list(declared.PORTFOLIO_SETTING_KEYS))
    assert repo.get_setting("score_split_rule") == "fixed"


def test_cross_check_abc_thresholds() -> None:
    with pytest.raises(ValidationError) as info:
        scoring.validate_settings({"abc_threshold_a_percent": 90.0, "abc_threshold_b_percent": 85.0})
    assert "abc_threshold_b_percent" in info.value.fields
