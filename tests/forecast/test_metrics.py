# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scores against hand-computed values, and quantile invariants."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.forecast.metrics import (
    absolute_percentage_error,
    covered,
    crps_from_quantiles,
    mean_pinball,
    naive_scale,
    pinball_loss,
    scaled_absolute_error,
)
from migratieketen.forecast.quantiles import (
    LEVELS,
    SCORING_LEVELS,
    lognormal_quantiles,
    sample_quantiles,
    sigma_from_interval,
)


def test_mase_by_hand() -> None:
    # History 10, 12, 9, 15: naive errors 2, 3, 6 -> scale 11/3.
    scale = naive_scale([10, 12, 9, 15])
    assert scale == pytest.approx(11 / 3)
    # Forecast 14 for an actual of 20: |6| / (11/3) = 18/11.
    assert scaled_absolute_error(20, 14, scale) == pytest.approx(18 / 11)
    with pytest.raises(ValueError):
        naive_scale([5, 5, 5])
    with pytest.raises(ValueError):
        naive_scale([5])


def test_mape_by_hand() -> None:
    assert absolute_percentage_error(200, 150) == pytest.approx(25.0)
    assert absolute_percentage_error(200, 250) == pytest.approx(25.0)
    with pytest.raises(ValueError):
        absolute_percentage_error(0, 1)


def test_pinball_by_hand() -> None:
    # Actual 100, quantile 80 at level 0.9: under-forecast costs 0.9 * 20 = 18.
    assert pinball_loss(100, 80, 0.9) == pytest.approx(18.0)
    # Over-forecast at level 0.9: (1 - 0.9) * 20 = 2.
    assert pinball_loss(100, 120, 0.9) == pytest.approx(2.0)
    assert mean_pinball(100, [80, 120], [0.9, 0.9]) == pytest.approx(10.0)


def test_crps_of_a_point_forecast_is_the_absolute_error() -> None:
    # All quantiles at 70 for an actual of 100: 2 * mean_a a * 30 = 2 * 0.5 * 30 = 30.
    q = np.full(len(SCORING_LEVELS), 70.0)
    assert crps_from_quantiles(100, q, SCORING_LEVELS) == pytest.approx(30.0)


def test_coverage() -> None:
    assert covered(5, 5, 6) and covered(6, 5, 6) and not covered(7, 5, 6)


@given(
    mu=st.lists(st.floats(0, 12), min_size=1, max_size=8),
    sigma=st.floats(0, 3),
)
def test_lognormal_quantiles_monotone_and_positive(
    mu: list[float], sigma: float
) -> None:
    q = lognormal_quantiles(np.array(mu), np.full(len(mu), sigma), LEVELS)
    assert np.all(q > 0)
    assert np.all(np.diff(q, axis=0) >= 0)
    np.testing.assert_allclose(q[LEVELS.index(0.5)], np.exp(mu))


@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=50), st.integers(1, 5))
def test_sample_quantiles_monotone(values: list[float], columns: int) -> None:
    paths = np.tile(np.array(values)[:, None], (1, columns))
    q = sample_quantiles(paths, SCORING_LEVELS)
    assert np.all(np.diff(q, axis=0) >= 0)


def test_sigma_round_trip() -> None:
    q = lognormal_quantiles(np.array([1.0]), np.array([0.4]), (0.05, 0.95))
    sigma = sigma_from_interval(np.log(q[0]), np.log(q[1]), 0.90)
    assert sigma[0] == pytest.approx(0.4)
    with pytest.raises(ValueError):
        lognormal_quantiles(np.array([1.0]), np.array([-0.1]))
