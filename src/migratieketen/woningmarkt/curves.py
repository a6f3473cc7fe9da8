# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Waiting times from cumulative curves (first in, first out), and Little's law.

In a FIFO queue the person at cumulative position x arrives when the arrival curve A reaches
x and leaves when the departure curve D does, so the wait is `D^-1(x) - A^-1(x)`. With
piecewise-linear curves this is exact, and the area between the curves measured over time
(sum of queue lengths) equals the same area measured over persons (sum of waits): Little's
law, which `little_gap` checks in every run.

All functions work on many lanes at once: a curve is (N, M) on the grid start, start+1, ...
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


def inverse(
    curve: F64,
    x: F64,
    start: float,
    side: str = "left",
    slope_before: F64 | None = None,
) -> F64:
    """Time at which each lane's non-decreasing `curve` reaches x (N, Q).

    side 'left': the first time (limit from below); 'right': the last time on a flat part.
    Below the first value the curve is extended backwards with `slope_before` (an even
    flow before the grid), else the start time is returned. Above the last value: +inf.
    """
    n, m = curve.shape
    span = float(curve[:, -1].max() - min(curve[:, 0].min(), float(x.min(initial=0.0))))
    offsets = np.arange(n, dtype=np.float64)[:, None] * (2.0 * span + 2.0)
    flat = (curve + offsets).ravel()
    idx = np.searchsorted(flat, (x + offsets).ravel(), side=_side(side)).reshape(
        x.shape
    )
    base = np.arange(n)[:, None] * m
    j = idx - base
    jj = np.clip(j, 1, m - 1) + base
    values = np.ascontiguousarray(curve).ravel()
    c0, c1 = values.take(jj - 1), values.take(jj)
    step = c1 - c0
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(step > 0, (x - c0) / step, 0.0)
    t = (start - 1.0) + (jj - base) + np.clip(frac, 0.0, 1.0)
    t[j >= m] = start + m - 1.0  # at the last value ('right'), or above it
    before = x < curve[:, :1]
    if before.any():
        if slope_before is not None:
            back = start - (curve[:, :1] - x) / np.maximum(slope_before[:, None], 1e-12)
            t = np.where(before, back, t)
        else:
            t[before] = float(start)
    t[x > curve[:, -1:] + 1e-9] = np.inf
    return np.asarray(t)


def _side(side: str) -> Literal["left", "right"]:
    return "right" if side == "right" else "left"


def row_quantiles(values: F64, qs: tuple[float, ...]) -> F64:
    """Quantiles per row (numpy's default 'linear' method), by one sort per row."""
    ordered = np.sort(values, axis=1)
    pos = np.asarray(qs) * (values.shape[1] - 1)
    lo = np.floor(pos).astype(np.intp)
    hi = np.minimum(lo + 1, values.shape[1] - 1)
    frac = pos - lo
    return np.asarray(ordered[:, lo] * (1 - frac) + ordered[:, hi] * frac)


def waits_for_positions(
    arrival: F64,
    arrival_start: float,
    departure: F64,
    positions: F64,
    slope_before: F64 | None = None,
) -> tuple[F64, F64]:
    """Arrival time and waiting time (steps) of the persons at `positions`; the wait is
    +inf for persons not yet served at the end of the departure curve (time 0..T)."""
    a = inverse(arrival, positions, arrival_start, "left", slope_before)
    d = inverse(departure, positions, 0.0, "left")
    return a, d - a


def quantiles_arrivals(
    arrival: F64,
    arrival_start: float,
    departure: F64,
    window: tuple[int, int],
    qs: tuple[float, ...] = (0.5, 0.9),
    points: int = 200,
    slope_before: F64 | None = None,
) -> tuple[F64, F64]:
    """Wait quantiles of the persons arriving in `window` (grid times, 0-based from 0).

    Returns (quantiles (N, len(qs)), censored share (N,)). Persons still waiting at the
    end are counted with their wait so far, so a quantile that falls among them is a lower
    bound (the censored share says when).
    """
    T = departure.shape[1] - 1
    i0, i1 = (int(w - arrival_start) for w in window)
    lo, hi = arrival[:, i0], arrival[:, i1]
    grid = (np.arange(points) + 0.5) / points
    pos = lo[:, None] + grid[None, :] * (hi - lo)[:, None]
    a, w = waits_for_positions(arrival, arrival_start, departure, pos, slope_before)
    censored = ~np.isfinite(w)
    w = np.where(censored, T - a, w)
    empty = hi <= lo
    out = row_quantiles(w, qs)
    out[empty] = np.nan
    return out, np.where(empty, np.nan, censored.mean(axis=1))


def quantiles_departures(
    arrival: F64,
    arrival_start: float,
    departure: F64,
    window: tuple[int, int],
    qs: tuple[float, ...] = (0.5, 0.9),
    points: int = 200,
    slope_before: F64 | None = None,
) -> F64:
    """Wait quantiles of the persons who left the queue in `window` (NaN if none did)."""
    lo, hi = departure[:, window[0]], departure[:, window[1]]
    grid = (np.arange(points) + 0.5) / points
    pos = lo[:, None] + grid[None, :] * (hi - lo)[:, None]
    _, w = waits_for_positions(arrival, arrival_start, departure, pos, slope_before)
    out = row_quantiles(w, qs)
    out[hi - lo <= 1e-9] = np.nan
    return np.asarray(out)


def area_over_time(arrival_in_window: F64, departure: F64) -> F64:
    """Person-steps in the queue over 0..T from the curves on the grid (trapezium)."""
    q = arrival_in_window - departure
    return np.asarray(0.5 * (q[:, :-1] + q[:, 1:]).sum(axis=1))


def area_over_persons(
    arrival: F64, arrival_start: float, departure: F64, slope_before: F64 | None = None
) -> F64:
    """The same area summed over persons: each one's time in the queue within 0..T.

    Exact: between consecutive break points of both curves each person's arrival and
    departure times are linear in the position, so the trapezium rule is exact there.
    """
    T = departure.shape[1] - 1
    i0 = int(-arrival_start)
    window = arrival[:, i0:]
    points = np.sort(np.concatenate([window, departure], axis=1), axis=1)
    points = np.clip(points, departure[:, :1], window[:, -1:])
    left, right = points[:, :-1], points[:, 1:]

    def time_in_window(x: F64, side: str) -> F64:
        a = inverse(arrival, x, arrival_start, side, slope_before)
        d = inverse(departure, x, 0.0, side)
        d = np.where(np.isfinite(d), d, float(T))
        return np.asarray(np.clip(d, 0, T) - np.clip(a, 0, T))

    f_left = time_in_window(left, "right")
    f_right = time_in_window(right, "left")
    return np.asarray((0.5 * (f_left + f_right) * (right - left)).sum(axis=1))


def sojourn_sum(arrival: F64, arrival_start: float, departure: F64) -> F64:
    """Sum over persons of each one's time in the queue within 0..T, per lane.

    Person x arrives at A^-1(x) and leaves at D^-1(x); on a linear piece of a curve the
    persons are spread evenly over the step, so their times there average to the step's
    middle. Persons who arrived before 0 count from 0, those still waiting until T.
    """
    T = departure.shape[1] - 1
    window = arrival[:, int(-arrival_start) :]
    middle = np.arange(T, dtype=np.float64) + 0.5
    leave = np.diff(departure, axis=1) @ middle + (window[:, -1] - departure[:, -1]) * T
    enter = np.diff(window, axis=1) @ middle
    return np.asarray(leave - enter)


def little_gap(
    arrival: F64, arrival_start: float, departure: F64, slope_before: F64 | None = None
) -> F64:
    """Relative difference between the two areas, per lane (0 up to rounding)."""
    i0 = int(-arrival_start)
    vertical = area_over_time(arrival[:, i0:], departure)
    horizontal = area_over_persons(arrival, arrival_start, departure, slope_before)
    scale = np.maximum(np.abs(vertical), 1.0)
    return np.asarray(np.abs(vertical - horizontal) / scale)
