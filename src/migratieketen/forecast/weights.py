# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Performance weights for an ensemble, earned only from the origin's own past.

At a forecast origin, a member's weight for horizon h is the inverse of its mean
scaled absolute error over the h-step forecasts it made at earlier origins whose
target quarter is already observed at this origin (Bates & Granger 1969, with the
MASE as the loss so that weights do not chase a single large miss). Until
`MIN_SCORED` such forecasts exist the weights are equal. Nothing after the origin
is used, so a backtest with these weights stays a true out-of-sample test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import period_index, period_label
from migratieketen.forecast.models import LogForecast

FloatArray = npt.NDArray[np.float64]

MIN_SCORED = 4


def inverse_mase_weights(
    fits: Mapping[str, Mapping[str, LogForecast]],
    scales: Mapping[str, float],
    actual: Mapping[str, float],
    members: Sequence[str],
    origin: str,
    horizon: int,
) -> FloatArray:
    """Weights (members x horizons) at `origin` from forecasts made before it.

    `fits` maps earlier origins (quarters 'JJJJ-Qn') to member forecasts on the log
    scale; `scales` gives each origin's MASE denominator; `actual` the observed
    quarters. Only targets up to `origin` are scored.
    """
    at = period_index(origin, "Q")
    errors: list[list[list[float]]] = [[[] for _ in range(horizon)] for _ in members]
    for past, per_model in fits.items():
        q = period_index(past, "Q")
        for h in range(1, horizon + 1):
            if q + h > at:
                continue
            target = period_label(q + h, "Q")
            if target not in actual:
                continue
            for k, m in enumerate(members):
                point = float(np.exp(per_model[m].mu[h - 1]))
                errors[k][h - 1].append(abs(actual[target] - point) / scales[past])
    n_members = len(members)
    weights = np.full((n_members, horizon), 1.0 / n_members)
    for h in range(horizon):
        counts = {len(errors[k][h]) for k in range(n_members)}
        n = min(counts)
        if n < MIN_SCORED:
            continue
        mean_err = np.array([np.mean(errors[k][h]) for k in range(n_members)])
        inverse = 1.0 / np.maximum(mean_err, 1e-9)
        weights[:, h] = inverse / inverse.sum()
    return weights
