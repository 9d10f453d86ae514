"""Repository.set_settings checks the whole resulting settings and writes nothing on error."""

from __future__ import annotations

import pytest

from kundenportfolio import settings as declared
from kundenportfolio.core.errors import ValidationError
from kundenportfolio.data.repository import Repository

FLOAT_KEYS = [key for key, s in declared.DECLARED.items() if s.type is float]


def _stored(repo: Repository) -> dict[str, str]:
    return dict(repo.db.execute("SELECT key, value FROM settings").fetchall())


@pytest.mark.parametrize("key", FLOAT_KEYS)
@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_non_finite_floats_refused(repo: Repository, key: str, value: float) -> None:
    before = _stored(repo)
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"company_name": "Muster AG", key: value})
    assert set(info.value.fields) == {key}
    assert _stored(repo) == before


@pytest.mark.parametrize("value", [50.5, 1000.0, -1.0, "5", True, None])
def test_remaining_years_between_0_and_50(repo: Repository, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"clv_remaining_years": value})
    assert set(info.value.fields) == {"clv_remaining_years"}
    repo.set_settings({"clv_remaining_years": 50})
    assert repo.get_setting("clv_remaining_years") == 50


def test_abc_thresholds_checked_together(repo: Repository) -> None:
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"abc_threshold_a_percent": 90.0, "abc_threshold_b_percent": 85.0})
    assert "Grenze für B" in info.value.fields["abc_threshold_b_percent"]
    assert _stored(repo) == {}


def test_abc_threshold_checked_against_the_stored_other(repo: Repository) -> None:
    repo.set_settings({"abc_threshold_a_percent": 70.0, "abc_threshold_b_percent": 85.0})
    with pytest.raises(ValidationError) as info:  # B stays 85: A = 90 would be above it
        repo.set_settings({"abc_threshold_a_percent": 90.0})
    assert set(info.value.fields) == {"abc_threshold_b_percent"}
    with pytest.raises(ValidationError):
        repo.set_settings({"abc_threshold_b_percent": 60.0})
    assert repo.get_setting("abc_threshold_a_percent") == 70.0
    assert repo.get_setting("abc_threshold_b_percent") == 85.0
    repo.set_settings({"abc_threshold_a_percent": 85.0})  # A = B is allowed


def test_weights_must_sum_to_100(repo: Repository) -> None:
    weights = {**declared.SCORE_WEIGHTS_POSITION.default, "contacts": 20.0}
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"score_weights_position": weights})
    assert "jetzt 110 %" in info.value.fields["score_weights_position"]


def test_unknown_key_refused(repo: Repository) -> None:
    with pytest.raises(ValidationError) as info:
        repo.set_settings({"company_name": "Muster AG", "no_such_setting": 1})
    assert info.value.fields == {"no_such_setting": "Unbekannte Einstellung."}
    assert _stored(repo) == {}


def test_all_defaults_are_valid(repo: Repository) -> None:
    repo.set_settings(repo.all_settings())
