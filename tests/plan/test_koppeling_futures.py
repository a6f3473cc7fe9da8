# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The additive log model of future households (futures.py)."""

from __future__ import annotations

import numpy as np

from migratieketen.plan.koppeling.futures import fit_additive
from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.resolving import ResolveSettings, resolving_dynamic
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem

from .koppeling_support import assert_repeatable_within_capacity


def test_a_group_level_score_model_is_fitted_exactly() -> None:
    rng = np.random.default_rng(1)
    scores = rng.uniform(0.5, 2.0, (30, 1)) * rng.uniform(0.5, 2.0, (1, 8))
    allowed = np.ones_like(scores, dtype=bool)
    fit = fit_additive(scores, allowed)
    assert fit.exact
    drawn = fit.draw(np.arange(30), allowed, rng)
    np.testing.assert_allclose(drawn, scores, rtol=1e-9)


def test_noise_is_drawn_per_gemeente_only_where_allowed() -> None:
    rng = np.random.default_rng(2)
    scores = rng.lognormal(0.0, 0.5, (40, 6))
    allowed = rng.uniform(size=scores.shape) < 0.7
    fit = fit_additive(scores, allowed)
    assert not fit.exact
    rows = rng.integers(0, 40, size=200)
    drawn = fit.draw(rows, allowed[rows], rng)
    assert np.all(np.isneginf(drawn[~allowed[rows]]))
    assert np.all(drawn[allowed[rows]] >= 0.0)
    # Fresh noise: a drawn row is not a copy of the seen row it took its level from.
    same = np.isclose(drawn, np.where(allowed[rows], scores[rows], -np.inf))
    assert same[allowed[rows]].mean() < 0.5


def test_draws_under_the_floor_are_zero() -> None:
    rng = np.random.default_rng(3)
    scores = rng.lognormal(0.0, 1.5, (50, 5))
    scores[rng.uniform(size=scores.shape) < 0.3] = 0.0
    allowed = np.ones_like(scores, dtype=bool)
    fit = fit_additive(scores, allowed)
    drawn = fit.draw(rng.integers(0, 50, size=500), np.ones((500, 5), dtype=bool), rng)
    assert (drawn == 0.0).any()
    assert not np.any((drawn > 0.0) & (drawn < fit.floor))


def test_resolving_with_the_model_respects_capacity_and_is_repeatable() -> None:
    p: Problem = stress_problem(draw_spec(5))
    assert_repeatable_within_capacity(p, ResolveSettings(seed=5, residual_share=1.0))


def test_an_outlier_residual_stays_with_its_own_household() -> None:
    rng = np.random.default_rng(4)
    scores = rng.lognormal(0.0, 0.3, (40, 6))
    scores[7, 2] = 1000.0
    allowed = np.ones_like(scores, dtype=bool)
    fit = fit_additive(scores, allowed, outlier_z=3.0)
    rows = rng.integers(0, 40, size=2000)
    drawn = fit.draw(rows, allowed[rows], rng)
    huge = drawn > 100.0
    # The outlier comes back only with household 7 and only in its own gemeente.
    assert huge.any()
    assert np.all(rows[huge.any(axis=1)] == 7)
    assert np.all(np.nonzero(huge)[1] == 2)
    plain = fit_additive(scores, allowed).draw(rows, allowed[rows], rng)
    assert np.any(rows[(plain > 100.0).any(axis=1)] != 7)


# The future model as measured (off by default: docs/koppeling.md).
MODEL = {"residual_share": 1.0, "future_discount": 1e-4}


def test_one_heavy_tailed_outlier_is_not_priced_out_of_its_gemeente() -> None:
    # Stress seed 34: household 41 scores 2,133 in gemeente 14 (capacity 4, its size),
    # two thirds of the hindsight total. Spreading its residual over later households
    # made the sampled future outbid it there (19.9 % of the optimum with this seed,
    # as the model was first measured: no outlier handling, no tie-break).
    p = stress_problem(draw_spec(34))
    # Whether the model without outlier handling loses it depends on the LP's choice
    # among equal optima, so only the kept case is asserted.
    kept = resolving_dynamic(p, ResolveSettings(seed=1034, **MODEL))
    assert kept.gemeente[41] == 14


def test_above_model_households_the_plain_bootstrap_is_used() -> None:
    p = stress_problem(draw_spec(3))
    gated = resolving_dynamic(
        p, ResolveSettings(seed=3, model_households=p.n - 1, **MODEL)
    )
    plain = ResolveSettings(seed=3)  # the default: the plain bootstrap
    np.testing.assert_array_equal(gated.gemeente, resolving_dynamic(p, plain).gemeente)
    modelled = resolving_dynamic(p, ResolveSettings(seed=3, **MODEL))
    assert np.any(modelled.gemeente != gated.gemeente)
