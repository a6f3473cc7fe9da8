# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Ensemble invariants: combined point, mixture spread that never shrinks, prior floor."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.data import asylum
from migratieketen.forecast.ensemble import (
    CHOSEN,
    CURRENT_TRIO,
    POOL_PERFORMANCE,
    VARIANTS,
    EnsembleSpec,
    combine,
    quarterly_volatility_prior,
)
from migratieketen.forecast.models import ALL_MODELS, LogForecast

finite = st.floats(min_value=0.0, max_value=12.0)
spread = st.floats(min_value=0.0, max_value=2.0)
N = len(CHOSEN.members)


@settings(max_examples=60)
@given(
    mus=st.lists(st.lists(finite, min_size=8, max_size=8), min_size=N, max_size=N),
    sigmas=st.lists(st.lists(spread, min_size=8, max_size=8), min_size=N, max_size=N),
    prior=st.floats(min_value=0.0, max_value=1.0),
)
def test_combine_invariants(
    mus: list[list[float]], sigmas: list[list[float]], prior: float
) -> None:
    members = {
        m: LogForecast(m, np.array(mu), np.array(sd))
        for m, mu, sd in zip(CHOSEN.members, mus, sigmas, strict=True)
    }
    ens = combine(members, prior)
    mu_all = np.array(mus)
    expected = (
        np.median(mu_all, axis=0)
        if CHOSEN.aggregate == "median"
        else np.mean(mu_all, axis=0)
    )
    np.testing.assert_allclose(ens.mu, expected, atol=1e-12)
    assert np.all(np.diff(ens.sigma) >= 0)
    model_var = np.mean(np.array(sigmas) ** 2, axis=0)
    floor = np.sqrt(model_var[0] + np.arange(8) * prior**2)
    assert np.all(ens.sigma >= floor - 1e-12)
    # Mixture variance: never below the members' mean variance plus their spread.
    mixture = np.sqrt(model_var + np.var(mu_all, axis=0))
    assert np.all(ens.sigma >= mixture - 1e-9)


def test_chosen_is_one_of_the_reported_variants() -> None:
    assert CHOSEN in VARIANTS
    assert len({v.name for v in VARIANTS}) == len(VARIANTS)
    for spec in VARIANTS:
        assert set(spec.members) <= set(ALL_MODELS), spec.name
        assert spec.description


def _members(spec: EnsembleSpec, values: list[float]) -> dict[str, LogForecast]:
    return {
        m: LogForecast(m, np.full(3, v), np.full(3, 0.1))
        for m, v in zip(spec.members, values, strict=True)
    }


def test_median_and_weighted_mean_by_hand() -> None:
    trio = combine(_members(CURRENT_TRIO, [1.0, 2.0, 9.0]), 0.0, CURRENT_TRIO)
    np.testing.assert_allclose(trio.mu, 2.0)
    spec = POOL_PERFORMANCE
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    w = np.zeros((6, 3))
    w[0], w[5] = 0.75, 0.25  # 0.75 * 1 + 0.25 * 6
    ens = combine(_members(spec, values), 0.0, spec, w)
    np.testing.assert_allclose(ens.mu, 2.25)
    # between-member variance about the weighted mean: .75*1.25^2 + .25*3.75^2
    np.testing.assert_allclose(
        ens.sigma, np.sqrt(0.01 + 0.75 * 1.5625 + 0.25 * 14.0625)
    )


def test_bad_weights_rejected() -> None:
    members = _members(POOL_PERFORMANCE, [1.0] * 6)
    with pytest.raises(ValueError, match="sum to one"):
        combine(members, 0.0, POOL_PERFORMANCE, np.full((6, 3), 0.5))
    with pytest.raises(ValueError, match="one per member"):
        combine(members, 0.0, POOL_PERFORMANCE, np.full((5, 3), 0.2))
    with pytest.raises(ValueError, match="equal weights"):
        combine(_members(CURRENT_TRIO, [1.0] * 3), 0.0, CURRENT_TRIO, np.eye(3))
    with pytest.raises(ValueError, match="members missing"):
        combine({"ets": members["ets"]}, 0.0, CHOSEN)


def test_prior_from_the_long_yearly_series(shared_data_dir: Path) -> None:
    yearly = asylum.load_total_inflow_yearly_80059(shared_data_dir)
    sigma_q = quarterly_volatility_prior(yearly)
    years = np.array([int(p) for p in yearly.periods])
    changes = np.diff(np.log(yearly.values[years >= 1984]))
    assert sigma_q == pytest.approx(np.std(changes, ddof=1) / np.sqrt(44 / 16))
    assert 0.1 < sigma_q < 0.4  # annual swings of ~40 % in log terms
