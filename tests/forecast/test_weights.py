# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Performance weights use only forecasts whose targets are observed at the origin."""

from __future__ import annotations

import numpy as np

from migratieketen.data.asylum import period_index, period_label
from migratieketen.forecast.models import LogForecast
from migratieketen.forecast.weights import MIN_SCORED, inverse_mase_weights

MEMBERS = ("good", "bad")
ORIGINS = [period_label(period_index("2018-Q1", "Q") + k, "Q") for k in range(12)]


def _setup(bad_error: float) -> tuple[dict, dict, dict]:
    """Actual is 100 every quarter; 'good' forecasts 110, 'bad' 100 + bad_error."""
    fits = {
        o: {
            "good": LogForecast("good", np.full(2, np.log(110.0)), np.zeros(2)),
            "bad": LogForecast(
                "bad", np.full(2, np.log(100.0 + bad_error)), np.zeros(2)
            ),
        }
        for o in ORIGINS
    }
    scales = dict.fromkeys(ORIGINS, 10.0)
    actual = {
        period_label(period_index("2018-Q1", "Q") + k, "Q"): 100.0 for k in range(20)
    }
    return fits, scales, actual


def test_inverse_mase_by_hand() -> None:
    fits, scales, actual = _setup(bad_error=30.0)
    w = inverse_mase_weights(fits, scales, actual, MEMBERS, ORIGINS[-1], 2)
    # errors 1.0 and 3.0 (scaled): weights 1/1 : 1/3 -> 0.75, 0.25
    np.testing.assert_allclose(w[:, 0], [0.75, 0.25])
    np.testing.assert_allclose(w.sum(axis=0), 1.0)


def test_equal_until_enough_scored() -> None:
    fits, scales, actual = _setup(bad_error=30.0)
    # At ORIGINS[MIN_SCORED - 1] only MIN_SCORED - 1 one-step forecasts are scored.
    early = ORIGINS[MIN_SCORED - 1]
    past = {o: fits[o] for o in ORIGINS[: MIN_SCORED - 1]}
    w = inverse_mase_weights(past, scales, actual, MEMBERS, early, 2)
    np.testing.assert_allclose(w, 0.5)


def test_no_look_ahead() -> None:
    """Outcomes after the origin may be anything: the weights do not move."""
    fits, scales, actual = _setup(bad_error=30.0)
    origin = ORIGINS[8]
    past = {o: fits[o] for o in ORIGINS[:8]}
    before = inverse_mase_weights(past, scales, actual, MEMBERS, origin, 2)
    shifted = {
        p: (v if period_index(p, "Q") <= period_index(origin, "Q") else 130.0)
        for p, v in actual.items()
    }
    after = inverse_mase_weights(past, scales, shifted, MEMBERS, origin, 2)
    np.testing.assert_array_equal(before, after)
    # ... while an outcome up to the origin does move them.
    changed = dict(actual)
    changed[origin] = 130.0
    moved = inverse_mase_weights(past, scales, changed, MEMBERS, origin, 2)
    assert not np.allclose(moved, before)
