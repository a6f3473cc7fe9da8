# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every parameter is used with its per-run draw: uncertainty given to it shows.

The first test gives ONE parameter an uncertainty and removes all others (and the
inflow noise), so the runs can only differ through that parameter's draw: a flow that
read the central value instead would give identical runs and fail the test. The
others check that a wider range gives a wider output band.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest

from migratieketen.chain.builtin import historie
from migratieketen.chain.engine import SERIES, simulate_chunk
from migratieketen.chain.flow_parameters import flow_parameters
from migratieketen.chain.gemeenten import synthetic_gemeenten
from migratieketen.chain.inputs import ChainInputs, build_inputs
from migratieketen.chain.params import Parameter, Uncertainty, default_parameters
from migratieketen.chain.scenario import ChainScenario, Inflow, Levers

GEMEENTEN = synthetic_gemeenten(12, seed=3)
RUNS = 16
# Used only when the inflow is observed history.
HISTORY_ONLY = ("history_persons_per_decision", "initial_statushouders_2013")


def _levers_scenario() -> ChainScenario:
    """Every lever on, no capacity steps, no monthly noise: each parameter matters."""
    return ChainScenario(
        name="alle-hefbomen",
        start="2026-01",
        months=72,
        inflow=Inflow(kind="constant", per_month=3500),
        levers=Levers(
            urgency_scheme=True,
            tussenvoorziening_places=3000,
            tussenvoorziening_from="2026-06",
            noodopvang_auto_scale=True,
        ),
        parameters={"inflow_monthly_sigma": 0.0},
    )


# Parameters of the taakstelling response: they act only where gemeenten fall short of
# their taakstelling, so they are checked with a low base share of lettings.
RESPONSE = ("taakstelling_response", "max_statushouder_share")


def _only(inputs: ChainInputs, name: str, spread: float) -> dict[str, Parameter]:
    """Definitions with no uncertainty except a uniform +/- `spread` around `name`'s
    value in `inputs` (for a value of 0: from 0 up to `spread`)."""
    defs = {
        n: dataclasses.replace(p, uncertainty=None)
        for n, p in default_parameters().items()
    }
    value = inputs.values[name]
    low, high = (value * (1 - spread), value * (1 + spread)) if value else (0, spread)
    defs[name] = dataclasses.replace(
        defs[name], uncertainty=Uncertainty("uniform", low=low, high=high)
    )
    return defs


def _runs(inputs: ChainInputs, definitions: Mapping[str, Parameter]) -> np.ndarray:
    chunk = simulate_chunk(
        dataclasses.replace(inputs, definitions=definitions), RUNS, seed=5, chunk=0
    )
    return np.concatenate(
        [chunk.national.reshape(RUNS, -1), chunk.gemeente.reshape(RUNS, -1)], axis=1
    )


def _spread(per_run: np.ndarray) -> float:
    """Largest relative difference between runs over all outputs."""
    scale = np.maximum(np.abs(per_run).max(axis=0), 1.0)
    return float(((per_run.max(axis=0) - per_run.min(axis=0)) / scale).max())


@pytest.fixture(scope="module")
def levers_inputs() -> ChainInputs:
    return build_inputs(_levers_scenario(), gemeenten=GEMEENTEN)


@pytest.fixture(scope="module")
def short_inputs() -> ChainInputs:
    scenario = _levers_scenario()
    scenario.parameters["statushouder_share_of_lettings"] = 0.03
    return build_inputs(scenario, gemeenten=GEMEENTEN)


@pytest.fixture(scope="module")
def history_inputs(shared_data_dir: Path) -> ChainInputs:
    return build_inputs(historie("2014-12", runs=RUNS), shared_data_dir, GEMEENTEN)


@pytest.mark.parametrize("name", sorted(set(default_parameters()) - set(HISTORY_ONLY)))
def test_a_parameters_uncertainty_reaches_the_output(
    name: str, levers_inputs: ChainInputs, short_inputs: ChainInputs
) -> None:
    if name in RESPONSE:
        levers_inputs = short_inputs
    without = _runs(levers_inputs, _only(levers_inputs, name, 0.0))
    assert _spread(without) == 0.0  # nothing else varies between the runs
    with_it = _runs(levers_inputs, _only(levers_inputs, name, 0.3))
    assert _spread(with_it) > 1e-4, name


@pytest.mark.parametrize("name", HISTORY_ONLY)
def test_history_parameters_uncertainty_reaches_the_replay(
    name: str, history_inputs: ChainInputs
) -> None:
    assert _spread(_runs(history_inputs, _only(history_inputs, name, 0.0))) == 0.0
    assert _spread(_runs(history_inputs, _only(history_inputs, name, 0.3))) > 1e-4


def _band(inputs: ChainInputs, name: str, sigma: float, series: str) -> float:
    """p95 - p5 of `series` in the last month, `name` lognormal with `sigma` and
    every other parameter at its default uncertainty."""
    defs = dict(default_parameters())
    defs[name] = dataclasses.replace(
        defs[name], uncertainty=Uncertainty("lognormal", sigma=sigma)
    )
    chunk = simulate_chunk(
        dataclasses.replace(inputs, definitions=defs), 200, seed=11, chunk=0
    )
    last = chunk.national[:, SERIES.index(series), -1]
    p5, p95 = np.percentile(last, [5, 95])
    return float(p95 - p5)


@pytest.mark.parametrize(
    ("name", "series"),
    [
        # all read from their central value before the flows used the draws
        ("duration_b1_months", "inburgering_caseload"),
        ("term_months", "inburgering_overdue"),
        ("budget_per_trajectory", "inburgering_budget"),
        ("urgency_extra_share", "other_urgent_wait_months"),
        ("tussenvoorziening_statushouder_share", "in_tussenvoorziening"),
        ("noodopvang_lead_time_months", "occ_crisis"),
    ],
)
def test_a_wider_range_gives_a_wider_band(
    name: str, series: str, levers_inputs: ChainInputs
) -> None:
    inputs = dataclasses.replace(
        levers_inputs,
        values={**levers_inputs.values, "inflow_monthly_sigma": 0.12},
    )
    narrow = _band(inputs, name, 0.02, series)
    wide = _band(inputs, name, 0.4, series)
    assert wide > 1.2 * narrow, (name, narrow, wide)


def test_monthly_inflow_noise_follows_each_runs_sigma(
    levers_inputs: ChainInputs,
) -> None:
    # the scenario's value is 0, so each run's sigma is uniform in [0, 0.5]
    defs = _only(levers_inputs, "inflow_monthly_sigma", 0.5)
    inputs = dataclasses.replace(levers_inputs, definitions=defs)
    params = flow_parameters(inputs, np.random.default_rng(3), 400, False)
    log_noise = np.log(params.inflow.first / inputs.first[None, :])
    per_run = log_noise.std(axis=1)
    assert per_run.min() < 0.1 and per_run.max() > 0.4
