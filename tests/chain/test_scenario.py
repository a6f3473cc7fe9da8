# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenarios as plain data: YAML round trip and clear, specific errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from migratieketen.chain import (
    BUILTIN_SCENARIOS,
    ChainConfigError,
    ChainScenario,
    builtin_scenario,
    default_parameters,
    load_scenario,
    save_scenario,
)
from migratieketen.chain.scenario import CapacityStep, Inflow, Levers


def test_every_parameter_has_unit_description_and_source() -> None:
    params = default_parameters()
    assert len(params) > 40
    for p in params.values():
        assert p.unit and p.description and len(p.source) > 10, p.name
        assert p.check(p.value) == p.value


def test_yaml_round_trip(tmp_path: Path) -> None:
    scenario = ChainScenario(
        name="test",
        start="2027-03",
        months=24,
        inflow=Inflow(kind="monthly", monthly=[float(i) for i in range(24)]),
        capacity=[CapacityStep("2027-03", 1.0, 2.0, 3.0)],
        levers=Levers(urgency_scheme=True, urgency_from="2027-06"),
        parameters={"housing_rate": 0.25},
        runs=10,
        seed=3,
    )
    path = tmp_path / "s.yaml"
    save_scenario(scenario, path)
    assert load_scenario(path).to_dict() == scenario.to_dict()
    assert not (tmp_path / "s.yaml.tmp").exists()


@pytest.mark.parametrize("name", BUILTIN_SCENARIOS)
def test_builtin_scenarios_load(name: str) -> None:
    assert builtin_scenario(name).name == name


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("name: x\nstart: 2026-13\n", "JJJJ-MM"),
        ("name: x\nfoo: 1\n", "onbekende sleutel(s) foo"),
        ("name: x\nparameters: {housing_rate: 5}\n", "groter dan het maximum"),
        (
            "name: x\nparameters: {bestaat_niet: 1}\n",
            "Onbekende parameter(s): bestaat_niet",
        ),
        ("name: x\ninflow: {kind: golf}\n", "soort 'golf' onbekend"),
        ("name: x\ninflow: {per_month: veel}\n", "'veel' is geen getal"),
        ("name: x\nlevers: {urgency_scheme: ja}\n", "verwacht true of false"),
        ("name: x\nruns: 0\n", "'runs' moet tussen"),
        ("- a\n- b\n", "verwacht een mapping"),
        ("name: [x\n", "geen geldige YAML"),
    ],
)
def test_invalid_scenarios_give_specific_dutch_errors(text: str, fragment: str) -> None:
    with pytest.raises(ChainConfigError, match=None) as info:
        ChainScenario.from_yaml(text)
    assert fragment in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ChainConfigError, match="bestaat niet"):
        load_scenario(tmp_path / "nee.yaml")


def test_failed_save_leaves_no_file(tmp_path: Path) -> None:
    bad = ChainScenario(name="x", months=0)
    with pytest.raises(ChainConfigError):
        save_scenario(bad, tmp_path / "bad.yaml")
    assert list(tmp_path.iterdir()) == []


def test_integer_stocks_in_yaml_are_numbers_and_wrong_types_are_rejected() -> None:
    s = ChainScenario.from_yaml("name: x\ninitial_asylum_seekers: 1000\nmonths: 12\n")
    assert isinstance(s.initial_asylum_seekers, float)
    with pytest.raises(ChainConfigError, match="'months' moet een geheel getal"):
        ChainScenario.from_yaml("name: x\nmonths: twaalf\n")
    with pytest.raises(
        ChainConfigError, match="'initial_statushouders' moet een getal"
    ):
        ChainScenario.from_yaml("name: x\ninitial_statushouders: veel\n")


def test_scenario_files_with_the_old_permit_holder_names_still_load() -> None:
    old = ChainScenario.from_yaml(
        "name: oud\ninitial_permit_holders: 23400\n"
        "parameters:\n  initial_permit_holders_2013: 2500\n"
    )
    assert old.initial_statushouders == 23400.0
    assert old.parameters == {"initial_statushouders_2013": 2500}
    assert "initial_permit_holders" not in old.to_dict()
    both = ChainScenario.from_dict(
        {"name": "x", "initial_permit_holders": 1.0, "initial_statushouders": 2.0}
    )
    assert both.initial_statushouders == 2.0
