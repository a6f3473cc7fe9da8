# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The chain can start from a register's inburgering caseload (issue 15)."""

from __future__ import annotations

import pytest

from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.gemeenten import synthetic_gemeenten
from migratieketen.chain.params import ChainConfigError
from migratieketen.chain.scenario import ChainScenario, Inflow

GEMEENTEN = synthetic_gemeenten(10, seed=3)


def _scenario(**kw: object) -> ChainScenario:
    return ChainScenario(
        name="register",
        months=12,
        inflow=Inflow(kind="constant", per_month=0),
        runs=20,
        seed=4,
        **kw,  # type: ignore[arg-type]
    )


def test_the_register_caseload_is_the_opening_inburgering_stock() -> None:
    empty = run_ensemble(_scenario(), gemeenten=GEMEENTEN)
    caseload = {"b1": [0.0] * 40 + [300.0], "z": [100.0, 50.0], "onderwijs": []}
    start = run_ensemble(_scenario(initial_inburgering=caseload), gemeenten=GEMEENTEN)
    first = float(start.series("inburgering_caseload")[0])
    base = float(empty.series("inburgering_caseload")[0])
    # 450 running at the start, less those finishing in the first month
    assert 400 < first - base <= 450
    # trajectories older than the 36-month term count as overdue from the start
    assert float(start.series("inburgering_overdue")[0]) > float(
        empty.series("inburgering_overdue")[0]
    )
    assert ChainScenario.from_dict(_scenario(initial_inburgering=caseload).to_dict())


@pytest.mark.parametrize(
    ("caseload", "message"),
    [
        ({"c2": [1.0]}, "onbekende leerroute"),
        ({"b1": [-1.0]}, "niet-negatieve"),
        ({"b1": "veel"}, "niet-negatieve"),
    ],
)
def test_a_bad_caseload_is_refused_in_dutch(caseload: object, message: str) -> None:
    with pytest.raises(ChainConfigError, match=message):
        ChainScenario.from_dict(
            {"name": "x", "initial_inburgering": caseload, "runs": 1}
        )
