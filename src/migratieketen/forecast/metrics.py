# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forecast scores: point error, probabilistic score and interval coverage.

Definitions follow Hyndman & Koehler (2006) for MASE and Gneiting & Raftery (2007)
for the pinball loss / CRPS. Each function scores one forecast, so the backtest can
aggregate per horizon and per subset (e.g. the surge quarters) without re-deriving.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def naive_scale(history: Sequence[float] | FloatArray, lag: int = 1) -> float:
    """In-sample mean absolute `lag`-step naive error: the MASE denominator."""
    y = np.asarray(history, dtype=np.float64)
    if len(y) <= lag:
        raise ValueError(f"need more than {lag} observations for the MASE scale")
    scale = float(np.mean(np.abs(y[lag:] - y[:-lag])))
    if scale == 0.0:
        raise ValueError("MASE scale is zero: the history is constant")
    return scale


def scaled_absolute_error(actual: float, point: float, scale: float) -> float:
    """|actual - point| / scale; averaged over forecasts it is the MASE."""
    return abs(actual - point) / scale


def absolute_percentage_error(actual: float, point: float) -> float:
    """100 * |actual - point| / |actual|; averaged it is the MAPE."""
    if actual == 0:
        raise ValueError("MAPE undefined for an actual value of zero")
    return 100.0 * abs(actual - point) / abs(actual)


def pinball_loss(actual: float, quantile: float, level: float) -> float:
    """Quantile (pinball) loss of one quantile forecast at `level`."""
    diff = actual - quantile
    return max(level * diff, (level - 1.0) * diff)


def mean_pinball(
    actual: float, quantiles: Sequence[float] | FloatArray, levels: Sequence[float]
) -> float:
    """Mean pinball loss over the levels."""
    if len(quantiles) != len(levels):
        raise ValueError("one quantile per level")
    return float(
        np.mean(
            [pinball_loss(actual, q, a) for q, a in zip(quantiles, levels, strict=True)]
        )
    )


def crps_from_quantiles(
    actual: float, quantiles: Sequence[float] | FloatArray, levels: Sequence[float]
) -> float:
    """CRPS approximated as twice the mean pinball loss over an even level grid."""
    return 2.0 * mean_pinball(actual, quantiles, levels)


def covered(actual: float, lower: float, upper: float) -> bool:
    """Whether the actual falls inside the closed interval."""
    return lower <= actual <= upper
