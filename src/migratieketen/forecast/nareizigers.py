# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Nareizigers follow granted permits with a lag, so they are modelled from permits.

A nareiziger is a family member joining someone who was granted asylum; without a
permit there is no nareiziger. The model:

    log N(t) = c + log P(t - L) + e(t),     e(t) = phi * e(t-1) + sigma * u(t)

- P(t) is the number of positive first-instance asylum decisions per quarter. For
  every year the UNHCR data covers: the yearly count / 4, interpolated linearly
  between mid-years so that the proxy has no steps at New Year. Beyond that: the
  first asylum requests two quarters earlier (the decision lag), times the latest
  recognition rate, times the latest ratio of decisions to requests (IND throughput),
  so the proxy continues at the level of the last known year. Requests come from the
  data or, further out, from the first-request forecast paths.
- The lag L (2-8 quarters) and the ratio exp(c) are fitted on the data up to the
  forecast origin; the residual is AR(1), so a recent run above or below the ratio
  fades out instead of vanishing at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import PeriodSeries, period_index

FloatArray = npt.NDArray[np.float64]

DECISION_LAG = 2  # quarters from first request to first-instance decision
LAGS = range(2, 9)  # candidate permit -> nareiziger lags, in quarters


@dataclass(frozen=True, slots=True, eq=False)
class PermitProxy:
    """Positive decisions per quarter from `start` (quarter index), one row per path."""

    start: int
    values: FloatArray  # shape (paths, quarters)

    def at(self, q: int) -> FloatArray:
        return self.values[:, q - self.start]


def permit_proxy(
    first: PeriodSeries,
    positive: PeriodSeries,
    rate: PeriodSeries,
    end: int,
    first_future: FloatArray | None = None,
) -> PermitProxy:
    """Quarterly positive decisions up to quarter index `end` (inclusive).

    `first_future` holds first-request paths (paths x quarters) for the quarters
    after the last observed one; without it, only observed requests are used.
    """
    if len(positive) == 0:
        raise ValueError("no positive decisions known at this data vintage")
    start = int(positive.periods[0]) * 4
    first_year = int(positive.periods[0])
    last_year = int(positive.periods[-1])
    first_start = period_index(first.periods[0], "Q")
    first_end = period_index(first.periods[-1], "Q")
    # Yearly counts sit at mid-year; quarters in between are interpolated.
    mid_years = np.arange(first_year, last_year + 1) + 0.5
    quarterly_level = positive.values / 4.0
    # Positive decisions per first request two quarters earlier, in the last known
    # year: recognition rate x throughput, so the projection starts at that level.
    src_last = [q - DECISION_LAG for q in range(last_year * 4, last_year * 4 + 4)]
    if not all(first_start <= q <= first_end for q in src_last):
        raise ValueError("first requests do not cover the last year of decisions")
    per_request = float(positive.values[-1]) / float(
        sum(first.values[q - first_start] for q in src_last)
    )
    paths = 1 if first_future is None else first_future.shape[0]
    out = np.empty((paths, end - start + 1), dtype=np.float64)
    for q in range(start, end + 1):
        if q // 4 <= last_year:
            out[:, q - start] = np.interp(q / 4.0 + 0.125, mid_years, quarterly_level)
            continue
        src = q - DECISION_LAG
        if first_start <= src <= first_end:
            out[:, q - start] = per_request * first.values[src - first_start]
        elif src > first_end and first_future is not None:
            k = src - first_end - 1
            if k >= first_future.shape[1]:
                raise ValueError("first-request paths too short for the permit proxy")
            out[:, q - start] = per_request * first_future[:, k]
        else:
            raise ValueError(f"no first requests for quarter index {src}")
    return PermitProxy(start=start, values=out)


@dataclass(frozen=True, slots=True)
class PermitModel:
    """Fitted nareizigers-from-permits model (log scale)."""

    lag: int
    log_ratio: float
    phi: float
    sigma: float
    last_residual: float
    last_index: int  # quarter index of the last observed nareizigers value
    n_fit: int

    @property
    def ratio(self) -> float:
        return float(np.exp(self.log_ratio))


def fit_permit_model(nareizigers: PeriodSeries, proxy: PermitProxy) -> PermitModel:
    """Choose the lag with the smallest squared log residual and fit ratio and AR(1)."""
    n_start = period_index(nareizigers.periods[0], "Q")
    logs_n = np.log(nareizigers.values)
    best: tuple[float, int, FloatArray] | None = None
    for lag in LAGS:
        idx = [i for i in range(len(logs_n)) if n_start + i - lag >= proxy.start]
        if len(idx) < 6:
            continue
        p = np.array([proxy.values[0, n_start + i - lag - proxy.start] for i in idx])
        e = logs_n[idx] - np.log(p)
        resid = e - e.mean()
        sse = float(np.sum(resid**2)) / len(idx)
        if best is None or sse < best[0]:
            best = (sse, lag, e)
    if best is None:
        raise ValueError("too little overlap between nareizigers and permits to fit")
    _, lag, e = best
    c = float(e.mean())
    resid = e - c
    if len(resid) > 2 and np.std(resid[:-1]) > 0 and np.std(resid[1:]) > 0:
        phi = float(np.corrcoef(resid[:-1], resid[1:])[0, 1])
    else:
        phi = 0.0
    phi = min(max(phi, 0.0), 0.95)
    innovations = resid[1:] - phi * resid[:-1]
    sigma = float(np.std(innovations, ddof=1))
    return PermitModel(
        lag=lag,
        log_ratio=c,
        phi=phi,
        sigma=sigma,
        last_residual=float(resid[-1]),
        last_index=n_start + len(logs_n) - 1,
        n_fit=len(e),
    )


def simulate_nareizigers(
    model: PermitModel,
    proxy: PermitProxy,
    end: int,
    rng: np.random.Generator,
    n_paths: int,
    ratio_drift_sigma: float = 0.0,
) -> FloatArray:
    """Paths (n_paths x quarters) of nareizigers for quarters last_index+1 … end.

    The ratio of nareizigers to permits is not fixed: it moves with the nationality
    mix (some groups bring more family) and with family-reunification rules. Outside
    the fitted sample it random-walks with `ratio_drift_sigma` per quarter (the
    engine passes the long-history volatility prior).
    """
    steps = end - model.last_index
    if steps < 1:
        return np.empty((n_paths, 0), dtype=np.float64)
    drift = np.cumsum(rng.standard_normal((n_paths, steps)) * ratio_drift_sigma, axis=1)
    shocks = rng.standard_normal((n_paths, steps)) * model.sigma
    resid = np.empty((n_paths, steps))
    prev = np.full(n_paths, model.last_residual)
    for k in range(steps):
        prev = model.phi * prev + shocks[:, k]
        resid[:, k] = prev
    out = np.empty((n_paths, steps))
    for k in range(steps):
        q = model.last_index + 1 + k
        permits = proxy.at(q - model.lag)
        out[:, k] = np.exp(model.log_ratio + drift[:, k] + resid[:, k]) * permits
    return out
