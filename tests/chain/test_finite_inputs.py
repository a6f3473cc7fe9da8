# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""No Infinity or NaN in or out of the chain model (issue 9 items 1 and 7).

A scenario with `inflow.per_month: 1e308` made the result Infinity/NaN, which no
database JSON column accepts; `parameters: [1]`, `"x"` and `name: 123` crashed the
parser. Every such input is now a specific Dutch ChainConfigError, and a result
that is not finite cannot be made.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.chain import ChainConfigError, ChainScenario, builtin_scenario
from migratieketen.chain.result import SimulationResult
from migratieketen.chain.scenario import MAX_NUMBER

BASE = builtin_scenario("piek2015").to_dict()


def _with(path: str, value: Any) -> dict[str, Any]:
    data = {**BASE, "inflow": dict(BASE["inflow"]), "levers": dict(BASE["levers"])}
    data["capacity"] = [dict(step) for step in BASE["capacity"]]
    target: Any = data
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("inflow.per_month", 1e308, "'inflow.per_month' moet een eindig getal"),
        ("inflow.peak_per_month", math.inf, "'inflow.peak_per_month' moet een eindig"),
        ("levers.extra_housing_pct", 1e300, "'levers.extra_housing_pct' moet een"),
        ("capacity.0.regular", 10**400, "'capacity.regular'"),
        ("initial_asylum_seekers", 1e12, "'initial_asylum_seekers' moet een eindig"),
        ("parameters", {"inflow_level_multiplier": 1e300}, "inflow_level_multiplier"),
        ("parameters", {"cost_b1_per_trajectory": math.nan}, "cost_b1_per_trajectory"),
        ("parameters", [1], "'parameters' moet een mapping zijn"),
        ("parameters", "x", "'parameters' moet een mapping zijn"),
        ("name", 123, "'name' moet tekst zijn"),
        ("description", ["x"], "'description' moet tekst zijn"),
        ("inflow.monthly", "123", "verwacht een lijst getallen"),
    ],
)
def test_bad_numbers_and_types_are_specific_dutch_errors(
    path: str, value: Any, message: str
) -> None:
    with pytest.raises(ChainConfigError, match=message):
        ChainScenario.from_dict(_with(path, value))


@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).filter(
            lambda x: not abs(x) <= MAX_NUMBER
        ),
        st.integers().filter(lambda x: abs(x) > MAX_NUMBER),
    )
)
def test_no_number_beyond_the_bound_passes(value: float) -> None:
    with pytest.raises(ChainConfigError):
        ChainScenario.from_dict(_with("inflow.per_month", value))


@given(st.floats(min_value=0, max_value=MAX_NUMBER))
def test_every_number_within_the_bound_passes(value: float) -> None:
    assert (
        ChainScenario.from_dict(_with("inflow.per_month", value)).inflow.per_month
        == value
    )


def test_a_result_that_is_not_finite_cannot_be_made() -> None:
    good = dict(
        scenario=BASE,
        months=["2026-01"],
        percentiles=(50.0,),
        national=np.zeros((1, 1, 1), dtype=np.float32),
        mean=np.zeros((1, 1), dtype=np.float32),
        gemeente_codes=(),
        gemeente_names=(),
        gemeente=np.zeros((1, 1, 0), dtype=np.float32),
        balance=np.zeros((1, 3)),
        runs=1,
        seed=0,
    )
    SimulationResult(**good)  # type: ignore[arg-type]
    for name, bad in (("national", np.inf), ("mean", np.nan), ("balance", -np.inf)):
        values = good[name].copy()  # type: ignore[attr-defined]
        values.flat[0] = bad
        with pytest.raises(ChainConfigError, match="niet eindig"):
            SimulationResult(**{**good, name: values})  # type: ignore[arg-type]
