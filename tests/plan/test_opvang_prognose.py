# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Demand from the forecast engine's sample paths fed through the chain."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from migratieketen.chain import run_ensemble
from migratieketen.chain.engine import COL
from migratieketen.chain.forecast_inflow import (
    cutoff_before,
    first_month,
    forecast_scenario,
    monthly_paths,
)
from migratieketen.plan.opvang.demand import (
    PrognoseSource,
    forecast_demand,
    prognose_at,
)
from migratieketen.plan.opvang.norms import OpvangError, norms_at
from migratieketen_cli import plan_commands

NORMS = norms_at(date(2025, 1, 1))


def test_quarter_and_month_arithmetic() -> None:
    assert first_month("2024-Q4") == "2025-01"
    assert first_month("2015-Q2") == "2015-07"
    assert cutoff_before("2015-07") == "2015-Q2"
    assert cutoff_before("2015-01") == "2014-Q4"
    assert cutoff_before("2015-02") == "2014-Q4"


def test_monthly_split_keeps_each_quarter_total() -> None:
    quarterly = np.array([[300.0, 600.0], [30.0, 90.0]])
    shares = np.linspace(1.0, 2.0, 12)
    for q in range(4):
        shares[3 * q : 3 * q + 3] /= shares[3 * q : 3 * q + 3].sum()
    months = monthly_paths(quarterly, ("2024-Q4", "2025-Q1"), shares)
    assert months.shape == (2, 6)
    np.testing.assert_allclose(months[:, :3].sum(axis=1), quarterly[:, 0])
    np.testing.assert_allclose(months[:, 3:].sum(axis=1), quarterly[:, 1])


def test_chain_runs_follow_the_forecast_paths(shared_data_dir: Path) -> None:
    """n forecast paths, 2n chain runs: exactly n distinct inflow paths, run r and
    r + n on the same one; the first quarter's months add up to the forecast's."""
    result, inputs = prognose_at(shared_data_dir, "2022-Q2", 12, 5, 11)
    scenario = forecast_scenario(inputs, result, months=12)
    assert scenario.start == "2022-07" and scenario.opening == "historie"
    run = run_ensemble(scenario, shared_data_dir, runs=10, keep_runs=True)
    assert run.per_run is not None
    first = run.per_run[:, COL["inflow_first"], :]
    assert len({tuple(np.round(row, 3)) for row in first}) == 5
    np.testing.assert_allclose(first[:5], first[5:])
    np.testing.assert_allclose(
        first[:5, :3].sum(axis=1),
        result.paths["eerste_asielverzoeken"][:, 0],
        rtol=1e-5,
    )


def test_forecast_demand_has_the_forecasts_number_of_paths(
    shared_data_dir: Path,
) -> None:
    demand = forecast_demand(
        PrognoseSource("2023-Q4"), shared_data_dir, NORMS, months=9, paths=6, seed=2
    )
    assert demand.paths.shape == (6, 9)
    assert len({tuple(p) for p in demand.paths}) == 6
    assert demand.months()[0] == "2024-01"
    assert "Prognose op data t/m 2023-Q4, door het ketenmodel" in demand.source
    assert "nareizigers endogeen" in demand.source
    assert "IND-procedure zoals bekend t/m de datagrens" in demand.source


@pytest.mark.parametrize(
    ("cutoff", "message"),
    [
        ("2013-Q4", "minstens 8 kwartalen data; kies een datagrens van 2014-Q4"),
        ("2030-Q1", "valt buiten de reeks eerste asielverzoeken"),
        ("2024-13", "is geen kwartaal"),
    ],
)
def test_bad_cutoff_is_a_dutch_error(
    shared_data_dir: Path, cutoff: str, message: str
) -> None:
    with pytest.raises(OpvangError, match=message):
        forecast_demand(PrognoseSource(cutoff), shared_data_dir, NORMS, paths=3)


def test_horizon_beyond_the_forecast_is_refused(shared_data_dir: Path) -> None:
    with pytest.raises(OpvangError, match="langer dan de prognose"):
        forecast_demand(PrognoseSource(), shared_data_dir, NORMS, months=27, paths=3)


def _cli(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    plan_commands.register(app)
    r = CliRunner().invoke(app, ["plan", "opvang", *args])
    return r.exit_code, " ".join((r.stdout + r.stderr).split())  # rich wraps lines


def test_cli_prognose_plan_and_its_label() -> None:
    code, out = _cli("--scenario", "prognose", "--data-tot", "2023-Q4",
                     "--provincie", "PV21", "--paden", "3", "--maanden", "6",
                     "--max-kandidaten", "8", "--tijdslimiet", "10", "--format", "json")  # fmt: skip
    assert code == 0, out
    assert "Prognose op data t/m 2023-Q4, door het ketenmodel" in out


def test_cli_refuses_data_tot_without_prognose_and_a_bad_cutoff() -> None:
    code, out = _cli("--scenario", "basis", "--data-tot", "2023-Q4")
    assert code != 0 and "--data-tot geldt alleen voor --scenario prognose" in out
    code, out = _cli("--scenario", "prognose", "--data-tot", "2013-Q1", "--paden", "3")
    assert code != 0 and "minstens 8 kwartalen" in out
