# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inflow kind 'per_run': one monthly path of first applications per run."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from migratieketen.chain import ChainConfigError, ChainScenario, run_ensemble
from migratieketen.chain.engine import COL, simulate_chunk
from migratieketen.chain.inputs import build_inputs
from migratieketen.chain.scenario import Inflow


def _scenario(inflow: Inflow) -> ChainScenario:
    return ChainScenario(
        name="t", start="2025-01", months=12, inflow=inflow, opening="historie", runs=7
    )


def test_equal_rows_reproduce_the_constant_kind_run_for_run(
    shared_data_dir: Path,
) -> None:
    """The engine with per-run rows that are all the constant path gives exactly the
    constant kind's runs: same draws, same noise, across several chunks."""
    constant = build_inputs(_scenario(Inflow(per_month=2500.0)), shared_data_dir)
    rows = replace(constant, first_per_run=np.tile(constant.first, (3, 1)))
    a = run_ensemble(_scenario(Inflow()), inputs=constant, runs=7, seed=3,
                     chunk_size=3, keep_runs=True)  # fmt: skip
    b = run_ensemble(_scenario(Inflow()), inputs=rows, runs=7, seed=3,
                     chunk_size=3, keep_runs=True)  # fmt: skip
    assert a.per_run is not None and b.per_run is not None
    np.testing.assert_array_equal(a.per_run, b.per_run)


def test_scenario_kind_with_equal_rows_equals_constant_when_deterministic(
    shared_data_dir: Path,
) -> None:
    """Through the scenario (YAML-able) kind: without randomness both kinds agree;
    the per_run kind adds no inflow noise of its own."""
    rows = [[2500.0] * 12] * 4
    const = build_inputs(_scenario(Inflow(per_month=2500.0)), shared_data_dir)
    per_run = build_inputs(
        _scenario(Inflow(kind="per_run", per_run=rows)), shared_data_dir
    )
    assert const.inflow_noise and not per_run.inflow_noise
    x = simulate_chunk(const, 2, 0, 0, deterministic=True)
    y = simulate_chunk(per_run, 2, 0, 0, deterministic=True)
    np.testing.assert_array_equal(x.national, y.national)


def test_run_r_follows_row_r_mod_n_over_chunks(shared_data_dir: Path) -> None:
    rows = [[1000.0 * (k + 1) + m for m in range(12)] for k in range(3)]
    scenario = _scenario(Inflow(kind="per_run", per_run=rows))
    result = run_ensemble(
        scenario, shared_data_dir, runs=8, chunk_size=3, keep_runs=True
    )
    assert result.per_run is not None
    first = result.per_run[:, COL["inflow_first"], :]
    for r in range(8):
        np.testing.assert_allclose(first[r], rows[r % 3], rtol=1e-6)


def test_yaml_round_trip_keeps_the_rows() -> None:
    scenario = _scenario(Inflow(kind="per_run", per_run=[[1.0, 2.0], [3, 4]]))  # type: ignore[list-item]
    again = ChainScenario.from_yaml(scenario.to_yaml())
    assert again.inflow.per_run == [[1.0, 2.0], [3.0, 4.0]]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "vraagt een lijst 'per_run'"),
        ([[1.0, 2.0], [1.0]], "alle paden moeten even lang zijn"),
        ([[1.0, -2.0]], "negatief"),
        ([[1.0, float("nan")]], "negatief of ongeldig"),
        ([[True, 2.0]], "lijst van lijsten getallen"),
        ([1.0, 2.0], "lijst van lijsten getallen"),
    ],
)
def test_bad_rows_are_refused_in_dutch(rows: object, message: str) -> None:
    data = _scenario(Inflow()).to_dict()
    data["inflow"] = {"kind": "per_run", "per_run": rows}
    with pytest.raises(ChainConfigError, match=message):
        ChainScenario.from_dict(data)


def test_rows_shorter_than_the_scenario_are_refused(shared_data_dir: Path) -> None:
    scenario = _scenario(Inflow(kind="per_run", per_run=[[1.0] * 6]))
    with pytest.raises(ChainConfigError, match="6 maandcijfers per pad"):
        build_inputs(scenario, shared_data_dir)
