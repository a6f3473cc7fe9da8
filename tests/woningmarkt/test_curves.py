# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Waiting times from cumulative curves, checked on hand-made queues."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.woningmarkt import curves


def test_inverse_first_and_last_time_on_a_flat_part() -> None:
    c = np.array([[0.0, 2.0, 2.0, 4.0]])
    x = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
    left = curves.inverse(c, x, 0.0, "left")
    right = curves.inverse(c, x, 0.0, "right")
    assert left[0, :4].tolist() == [0.5, 1.0, 2.5, 3.0]
    assert right[0, 1] == 2.0  # leaves the flat part at its end
    assert np.isinf(left[0, 4])  # never reached


def test_inverse_extends_backwards_with_the_slope_before() -> None:
    c = np.array([[10.0, 12.0]])  # 10 already waiting at time 0, 2 per step
    t = curves.inverse(c, np.array([[4.0]]), 0.0, slope_before=np.array([2.0]))
    assert t[0, 0] == pytest.approx(-3.0)


def test_fifo_waits_of_a_constant_queue() -> None:
    # one person per step arrives from -5 on; one leaves per step from 0: wait 5 steps
    grid = np.arange(-5, 11, dtype=float)
    arrival = np.maximum(grid + 5, 0)[None, :]
    departure = np.arange(0, 11, dtype=float)[None, :]
    q, censored = curves.quantiles_arrivals(arrival, -5.0, departure, (0, 5))
    assert q[0].tolist() == pytest.approx([5.0, 5.0])
    assert censored[0] == 0.0
    housed = curves.quantiles_departures(arrival, -5.0, departure, (5, 10))
    assert housed[0].tolist() == pytest.approx([5.0, 5.0])


def test_censored_persons_are_lower_bounds() -> None:
    arrival = np.array([[0.0, 10.0, 20.0]])  # 10 per step from time 0 (grid -0..2)
    departure = np.array([[0.0, 0.0, 0.0]])  # nobody served
    q, censored = curves.quantiles_arrivals(arrival, 0.0, departure, (0, 2))
    assert censored[0] == 1.0
    assert q[0, 0] == pytest.approx(1.0, abs=0.01)  # median wait so far: 2 - 1


@settings(max_examples=60, deadline=None)
@given(
    arrivals=st.lists(st.integers(0, 20), min_size=3, max_size=40),
    capacity=st.lists(st.integers(0, 20), min_size=3, max_size=40),
    start=st.integers(0, 30),
)
def test_little_law_holds_exactly_for_any_fifo_queue(
    arrivals: list[int], capacity: list[int], start: int
) -> None:
    T = min(len(arrivals), len(capacity))
    a = np.concatenate([[0.0], np.cumsum(arrivals[:T], dtype=float)])
    a = np.concatenate([np.linspace(0, start, 4)[:-1], start + a])  # 3 steps of history
    d = np.zeros(T + 1)
    for t in range(T):
        d[t + 1] = min(a[3 + t + 1], d[t] + capacity[t])
    gap = curves.little_gap(a[None, :], -3.0, d[None, :])
    assert gap[0] < 1e-9


@settings(max_examples=40, deadline=None)
@given(
    arrivals=st.lists(st.integers(0, 20), min_size=3, max_size=40),
    capacity=st.lists(st.integers(0, 20), min_size=3, max_size=40),
)
def test_sum_of_sojourns_equals_the_sum_over_inverse_curves(
    arrivals: list[int], capacity: list[int]
) -> None:
    """The cheap per-run form of Little's law agrees with the inverse-curve integral."""
    T = min(len(arrivals), len(capacity))
    a = np.concatenate(
        [[0.0, 1.0, 2.0], 2.0 + np.cumsum([0, *arrivals[:T]], dtype=float)]
    )
    d = np.zeros(T + 1)
    for t in range(T):
        d[t + 1] = min(a[3 + t + 1], d[t] + capacity[t])
    fast = curves.sojourn_sum(a[None, :], -3.0, d[None, :])
    exact = curves.area_over_persons(a[None, :], -3.0, d[None, :])
    assert fast[0] == pytest.approx(exact[0], rel=1e-12, abs=1e-9)


def test_row_quantiles_match_numpy() -> None:
    values = np.random.default_rng(1).normal(size=(7, 33))
    np.testing.assert_allclose(
        curves.row_quantiles(values, (0.5, 0.9)),
        np.quantile(values, (0.5, 0.9), axis=1).T,
    )
