# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A model of the households still to come, fitted on the households seen so far.

The plain bootstrap copies a seen household's whole score row into the future. With
noise per household x gemeente (an individual-level model), that row's lucky
gemeenten come back in every copy, so a few early arrivals decide which gemeenten look
wanted later. Here the scores are split in log space into

    log(max(score, floor)) = level[household] + effect[gemeente] + residual[household, gemeente]

(fitted by alternating means over the allowed pairs; a score under the floor, 1 % of the
mean positive score, counts as the floor, and a drawn score under the floor is 0). A future household is a seen
household's level, persons and hard constraints (a bootstrap draw of the household),
with for each allowed gemeente a residual drawn from the residuals seen in that
gemeente's column (a column-wise residual bootstrap): right when the pair noise is
independent, and the same as the plain bootstrap when scores have no residual at all
(a group-level model such as the illustrative one).

Heavy tails: a residual far above the rest (`outlier_z` robust deviations above the
median) is not pooled into its column but stays with its own household, as in the plain
bootstrap. Pooled, one household's extreme score in one gemeente came back with other
households' levels and sizes; a smaller phantom is worth more per person, so the
sampled future outbid the real outlier for its own gemeente (stress seed 34: 19.9 %).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migratieketen.plan.koppeling.model import BoolArray, FloatArray, IntArray

FLOOR_SHARE = 0.01  # floor before the log, as a share of the mean positive score
EXACT = 1e-9  # residuals below this: the scores are level + effect exactly
FIT_ROUNDS = 4


@dataclass(frozen=True, slots=True)
class AdditiveFit:
    level: FloatArray  # (m,) per fitted household
    effect: FloatArray  # (g,) per gemeente
    residual: FloatArray  # (m, g), nan where the pair is not allowed
    floor: float
    # Own scores where the residual is an outlier (nan elsewhere): kept with their
    # household instead of pooled into their gemeente's column.
    kept: FloatArray | None = None
    prior_rows: float = 0.0  # pseudo-rows behind a gemeente's effect and residual pool

    @property
    def exact(self) -> bool:
        """No residual: a seen row is already what the model would draw."""
        finite = self.residual[np.isfinite(self.residual)]
        return not finite.size or float(np.abs(finite).max()) < EXACT

    def draw(
        self, rows: IntArray, allowed: BoolArray, rng: np.random.Generator
    ) -> FloatArray:
        """Score rows for future households: `rows` index the fitted households (their
        level); `allowed` (len(rows), g) their allowed gemeenten; -inf elsewhere."""
        n, g = len(rows), len(self.effect)
        noise = np.zeros((n, g))
        finite = np.isfinite(self.residual)
        if self.kept is not None:
            finite &= ~np.isfinite(self.kept)
        pooled = self.residual[finite]
        for col in range(g):
            pool = self.residual[finite[:, col], col]
            source = pool if pool.size else pooled
            if source.size:
                noise[:, col] = source[rng.integers(0, source.size, size=n)]
            if self.prior_rows > 0 and pooled.size:
                own = pool.size / (pool.size + self.prior_rows)
                wide = rng.uniform(size=n) >= own
                noise[wide, col] = pooled[rng.integers(0, pooled.size, size=wide.sum())]
        logs = self.level[rows, None] + self.effect[None, :] + noise
        values = np.exp(logs)
        values[values < self.floor] = 0.0
        if self.kept is not None:
            own = self.kept[rows]
            values = np.where(np.isfinite(own), own, values)
        return np.where(allowed, values, -np.inf)


def fit_additive(
    scores: FloatArray,
    allowed: BoolArray,
    outlier_z: float = 0.0,
    prior_rows: float = 0.0,
) -> AdditiveFit:
    """Fit level + effect + residual in log space over the allowed pairs of `scores`."""
    ok = allowed & np.isfinite(scores)
    positive = scores[ok & (scores > 0)]
    floor = FLOOR_SHARE * float(positive.mean()) if positive.size else 1.0
    logs = np.where(ok, np.log(np.maximum(np.where(ok, scores, 0.0), floor)), 0.0)
    row_n = np.maximum(ok.sum(axis=1), 1)
    col_n = ok.sum(axis=0)
    level = logs.sum(axis=1) / row_n
    effect = np.zeros(scores.shape[1])
    for _ in range(FIT_ROUNDS):
        effect = np.where(ok, logs - level[:, None], 0.0).sum(axis=0) / np.maximum(
            col_n, 1
        )
        level = np.where(ok, logs - effect[None, :], 0.0).sum(axis=1) / row_n
    if prior_rows > 0:
        effect = effect * col_n / (col_n + prior_rows)
    residual = np.where(ok, logs - level[:, None] - effect[None, :], np.nan)
    return AdditiveFit(
        level=_shrunk(level, residual, row_n),
        effect=effect,
        residual=residual,
        floor=floor,
        kept=_outliers(scores, residual, outlier_z) if outlier_z > 0 else None,
        prior_rows=prior_rows,
    )


def _outliers(scores: FloatArray, residual: FloatArray, z: float) -> FloatArray:
    """Own scores whose residual lies more than `z` robust deviations above the median."""
    finite = residual[np.isfinite(residual)]
    if finite.size < 2:
        return np.full(scores.shape, np.nan)
    centre = float(np.median(finite))
    scale = 1.4826 * float(np.median(np.abs(finite - centre)))
    if scale <= 0:
        return np.full(scores.shape, np.nan)
    high = np.isfinite(residual) & (
        np.nan_to_num(residual, nan=-np.inf) > centre + z * scale
    )
    return np.where(high, scores, np.nan)


def _shrunk(level: FloatArray, residual: FloatArray, row_n: IntArray) -> FloatArray:
    """Household levels shrunk to their mean by the share of their spread that is real.

    A level is a mean over a few gemeenten, so it carries part of the pair noise; a
    drawn household adds a fresh residual on top, which would count that noise twice.
    Empirical Bayes: keep the share (spread - noise) / spread of each deviation.
    """
    if len(level) < 2:
        return level
    finite = np.isfinite(residual)
    noise = float(
        np.mean(
            np.where(finite, residual, 0.0).__pow__(2).sum(axis=1)
            / np.maximum(row_n - 1, 1)
            / row_n
        )
    )
    spread = float(level.var())
    keep = max(spread - noise, 0.0) / spread if spread > 0 else 0.0
    mean = float(level.mean())
    return mean + keep * (level - mean)
