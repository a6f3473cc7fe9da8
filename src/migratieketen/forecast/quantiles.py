# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Quantile levels and the two ways we turn a forecast into quantiles.

Counts are modelled on the log scale, where shocks are multiplicative; a normal
distribution there gives a log-normal for persons, which is never negative and has
the right-skewed tail that reception planning cares about.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# The levels every published forecast carries (issue 4: at least these seven).
LEVELS: tuple[float, ...] = (0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95)
# A dense grid for scoring: mean pinball loss over it approximates CRPS / 2.
SCORING_LEVELS: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(1, 20))

_STANDARD = NormalDist()


def z_value(level: float) -> float:
    """Standard normal quantile; `level` in (0, 1)."""
    if not 0.0 < level < 1.0:
        raise ValueError(f"quantile level {level} not in (0, 1)")
    return _STANDARD.inv_cdf(level)


def lognormal_quantiles(
    mu: FloatArray, sigma: FloatArray, levels: tuple[float, ...] = LEVELS
) -> FloatArray:
    """Quantiles (levels x horizons) of exp(N(mu, sigma^2)), monotone in the level."""
    mu = np.asarray(mu, dtype=np.float64)
    sigma = np.asarray(sigma, dtype=np.float64)
    if np.any(sigma < 0) or not np.all(np.isfinite(sigma)):
        raise ValueError("sigma must be finite and non-negative")
    z = np.array([z_value(q) for q in levels])[:, None]
    return np.asarray(np.exp(mu[None, :] + z * sigma[None, :]), dtype=np.float64)


def sample_quantiles(
    paths: FloatArray, levels: tuple[float, ...] = LEVELS
) -> FloatArray:
    """Quantiles (levels x periods) of simulated paths (paths x periods)."""
    return np.asarray(
        np.quantile(paths, np.asarray(levels), axis=0, method="linear"),
        dtype=np.float64,
    )


def sigma_from_interval(lo: FloatArray, hi: FloatArray, level: float) -> FloatArray:
    """The normal sigma implied by a central `level` interval (e.g. 0.90)."""
    z = z_value(0.5 + level / 2.0)
    return np.asarray((np.asarray(hi) - np.asarray(lo)) / (2.0 * z), dtype=np.float64)
