# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Ensemble invariants: median point, uncertainty that never shrinks, prior floor."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.data import asylum
from migratieketen.forecast.ensemble import combine, quarterly_volatility_prior
from migratieketen.forecast.models import MEMBERS, LogForecast

finite = st.floats(min_value=0.0, max_value=12.0)
spread = st.floats(min_value=0.0, max_value=2.0)


@settings(max_examples=60)
@given(
    mus=st.lists(st.lists(finite, min_size=8, max_size=8), min_size=3, max_size=3),
    sigmas=st.lists(st.lists(spread, min_size=8, max_size=8), min_size=3, max_size=3),
    prior=st.floats(min_value=0.0, max_value=1.0),
)
def test_combine_invariants(
    mus: list[list[float]], sigmas: list[list[float]], prior: float
) -> None:
    members = {
        m: LogForecast(m, np.array(mu), np.array(sd))
        for m, mu, sd in zip(MEMBERS, mus, sigmas, strict=True)
    }
    ens = combine(members, prior)
    np.testing.assert_allclose(ens.mu, np.median(np.array(mus), axis=0))
    assert np.all(np.diff(ens.sigma) >= 0)
    model_var = np.mean(np.array(sigmas) ** 2, axis=0)
    floor = np.sqrt(model_var[0] + np.arange(8) * prior**2)
    assert np.all(ens.sigma >= floor - 1e-12)


def test_prior_from_the_long_yearly_series(shared_data_dir: Path) -> None:
    yearly = asylum.load_total_inflow_yearly_80059(shared_data_dir)
    sigma_q = quarterly_volatility_prior(yearly)
    years = np.array([int(p) for p in yearly.periods])
    changes = np.diff(np.log(yearly.values[years >= 1984]))
    assert sigma_q == pytest.approx(np.std(changes, ddof=1) / np.sqrt(44 / 16))
    assert 0.1 < sigma_q < 0.4  # annual swings of ~40 % in log terms
