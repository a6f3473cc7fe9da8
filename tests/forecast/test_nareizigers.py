# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The permit model finds a known lag and ratio, and projects permits from requests."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from migratieketen.data.asylum import PeriodSeries, period_label
from migratieketen.data.provenance import Provenance
from migratieketen.forecast.nareizigers import (
    PermitProxy,
    fit_permit_model,
    permit_proxy,
    simulate_nareizigers,
)

PROV = Provenance("test", "synthetisch", "", date(2024, 12, 31), "-")


def _series(name: str, freq: str, start: int, values: np.ndarray) -> PeriodSeries:
    periods = tuple(period_label(start + k, freq) for k in range(len(values)))
    return PeriodSeries(name, freq, periods, values.astype(np.float64), PROV)


def test_recovers_lag_and_ratio() -> None:
    rng = np.random.default_rng(1)
    start = 2008 * 4
    permits = 3000 + 2000 * np.sin(np.arange(68) / 3.0) + rng.uniform(0, 500, 68)
    proxy = PermitProxy(start=start, values=permits[None, :])
    lag, ratio = 5, 0.7
    n_start = 2013 * 4
    nar = np.array([ratio * permits[n_start + i - lag - start] for i in range(40)])
    nar *= np.exp(rng.normal(0, 0.02, 40))
    model = fit_permit_model(_series("nareizigers", "Q", n_start, nar), proxy)
    assert model.lag == lag
    assert model.ratio == pytest.approx(ratio, rel=0.03)


def test_proxy_continues_from_requests_at_last_year_level() -> None:
    first = _series("eerste", "Q", 2013 * 4, np.full(16, 1000.0))  # 2013-Q1 … 2016-Q4
    positive = _series(
        "positief", "Y", 2013, np.array([2000.0, 2000.0, 2000.0])
    )  # to 2015
    rate = _series("rate", "Y", 2013, np.array([0.5, 0.5, 0.5]))
    proxy = permit_proxy(first, positive, rate, end=2016 * 4 + 3)
    # Constant decisions: 500 per quarter, continued from requests (2000 / 4000 per request).
    np.testing.assert_allclose(proxy.values[0], 500.0)
    with pytest.raises(ValueError):
        permit_proxy(first, positive, rate, end=2017 * 4 + 3)  # needs unknown requests


def test_simulation_is_seeded_and_positive() -> None:
    start = 2008 * 4
    proxy = PermitProxy(start=start, values=np.full((1, 80), 1000.0))
    n_start = 2013 * 4
    nar = 800 * np.exp(np.random.default_rng(3).normal(0, 0.1, 40))
    model = fit_permit_model(_series("nareizigers", "Q", n_start, nar), proxy)
    a = simulate_nareizigers(
        model, proxy, model.last_index + 6, np.random.default_rng(7), 50, 0.1
    )
    b = simulate_nareizigers(
        model, proxy, model.last_index + 6, np.random.default_rng(7), 50, 0.1
    )
    assert a.shape == (50, 6)
    np.testing.assert_array_equal(a, b)
    assert np.all(a > 0)
