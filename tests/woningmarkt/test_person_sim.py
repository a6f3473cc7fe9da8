# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The vectorised engine and the per-person baseline compute the same model.

Same market, same per-run parameters and weekly counts; the baseline moves whole persons
(fractional capacity carried as a credit), the engine moves fractions. The per-run
outcomes must agree in distribution (two-sample Kolmogorov-Smirnov distance below the 1 %
critical value) and closely run by run.
"""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.woningmarkt import Policy, Tussenvoorziening, resolve_values
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.outputs import group_runs
from migratieketen.woningmarkt.person_sim import (
    area,
    housed_waits,
    simulate_person_run,
    waits,
)
from migratieketen.woningmarkt.run import run_block

from .support import market

RUNS = 40


def ks_distance(a: np.ndarray, b: np.ndarray) -> float:
    grid = np.sort(np.concatenate([a, b]))
    fa = np.searchsorted(np.sort(a), grid, side="right") / a.size
    fb = np.searchsorted(np.sort(b), grid, side="right") / b.size
    return float(np.abs(fa - fb).max())


def ks_critical(n: int, m: int, alpha: float = 0.01) -> float:
    return float(np.sqrt(-np.log(alpha / 2) / 2) * np.sqrt((n + m) / (n * m)))


POLICIES = [
    Policy(0.08),
    Policy(0.05, tussenvoorzieningen=(Tussenvoorziening(40),)),
    Policy(0.02, urgency_category=True),
    Policy(0.0),
]


@pytest.fixture(scope="module")
def lanes():  # type: ignore[no-untyped-def]
    return build_lanes(
        [market(30_000, 250, 4)], RUNS, resolve_values(), seed=3, years=5
    )


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.describe())
def test_engine_and_person_baseline_agree_in_distribution(
    lanes, policy: Policy
) -> None:  # type: ignore[no-untyped-def]
    raw = run_block(lanes, settings_for([policy], lanes.steps, 52), record=True)
    T = lanes.steps
    persons = [simulate_person_run(lanes, r, policy) for r in range(RUNS)]
    fluid = {
        "coa": group_runs(raw, 0, "statushouders_coa").joined,
        "urgent": group_runs(raw, 0, "urgent").joined,
        "regular": group_runs(raw, 0, "regulier").housed_last_year,
    }
    person = {
        "coa": np.array(
            [np.quantile(waits(p.coa, T, (0, T)), [0.5, 0.9]) for p in persons]
        ),
        "urgent": np.array(
            [np.quantile(waits(p.urgent, T, (0, T)), [0.5, 0.9]) for p in persons]
        ),
        "regular": np.array(
            [
                np.quantile(housed_waits(p.regular, (T - 52, T)), [0.5, 0.9])
                for p in persons
            ]
        ),
    }
    critical = ks_critical(RUNS, RUNS)
    for group in fluid:
        for q in (0, 1):
            a, b = fluid[group][:, q], person[group][:, q]
            assert ks_distance(a, b) < critical, (group, q)
            assert np.median(b) == pytest.approx(np.median(a), rel=0.03, abs=1.5)
    coa_area = np.array([area(p.coa, T) for p in persons])
    assert np.corrcoef(coa_area, raw.areas["coa"][0])[0, 1] > 0.999
    assert coa_area.mean() == pytest.approx(raw.areas["coa"][0].mean(), rel=0.03)


def test_agreement_where_statushouders_reach_the_regular_queue() -> None:
    """Registration time of one year: statushouders also get homes by registration, and
    the levers (urgency, a later tussenvoorziening, shared housing, new-build) all act."""
    lanes = build_lanes(
        [market(30_000, 250, 4)],
        30,
        resolve_values({"regular_initial_wait_years_4": 1.0}),
        seed=5,
        years=5,
    )
    policy = Policy(0.01, True, (Tussenvoorziening(50, 20, 100),), 2.5, 300)
    raw = run_block(lanes, settings_for([policy], lanes.steps, 52), record=True)
    assert raw.totals["regular_route"][0].min() > 100
    T = lanes.steps
    persons = [simulate_person_run(lanes, r, policy) for r in range(30)]
    fluid = group_runs(raw, 0, "statushouders_coa").joined
    person = np.array(
        [np.quantile(waits(p.coa, T, (0, T)), [0.5, 0.9]) for p in persons]
    )
    for q in (0, 1):
        assert ks_distance(fluid[:, q], person[:, q]) < ks_critical(30, 30)
        assert np.median(person[:, q]) == pytest.approx(
            np.median(fluid[:, q]), rel=0.03
        )
    coa_area = np.array([area(p.coa, T) for p in persons])
    assert np.corrcoef(coa_area, raw.areas["coa"][0])[0, 1] > 0.999


def test_person_baseline_houses_the_same_number(lanes) -> None:  # type: ignore[no-untyped-def]
    policy = Policy(0.08)
    raw = run_block(lanes, settings_for([policy], lanes.steps, 52))
    for r in range(5):
        p = simulate_person_run(lanes, r, policy)
        housed = raw.totals["priority"][0, r] + raw.totals["regular_route"][0, r]
        assert len(p.status.departures) == pytest.approx(housed, abs=3)
        assert p.direct.sum() == pytest.approx(lanes.direct[:, r].sum(), abs=1)
