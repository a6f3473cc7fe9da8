# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Built-in scenarios: 'historie' (replays the observed inflow from 2013-01) and the
YAML files in `scenarios/` (a steady base case and a 2015-style peak)."""

from __future__ import annotations

from pathlib import Path

from migratieketen.chain.history import HISTORY_START
from migratieketen.chain.params import ChainConfigError
from migratieketen.chain.scenario import (
    ChainScenario,
    Levers,
    load_scenario,
    month_index,
)

SCENARIO_DIR = Path(__file__).parent / "scenarios"
# Huisvestingswet 2014 art. 12(3) (original text) made vergunninghouders an urgency
# category; the obligation was removed in 2017 (confirmed in Kamerstuk 32847 nr. 994,
# January 2023, https://zoek.officielebekendmakingen.nl/kst-32847-994.html; the month,
# mid-2017, is not verified).
URGENCY_OBLIGATION_UNTIL = "2017-06"
# Gemeenten housed about 25,000 statushouders a year in 2022-2023 while the backlog grew
# (COA statushouders 15,270 in mid-2022, 16,000 in April 2023: a fixed supply fits that),
# and about 30,000 a year once the taakstelling rose (Nul20, vakblad voor wonen,
# https://www.nul20.nl/, reports more than 30,000 housed in 2023; the replay switches the
# response on from 2024-01, see housing.yaml); the replay lets them respond from then on.
TAAKSTELLING_RESPONSE_FROM = "2024-01"


def _yaml_names() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


BUILTIN_SCENARIOS: tuple[str, ...] = ("historie", *_yaml_names())


def historie(until: str = "2024-12", runs: int = 1000, seed: int = 0) -> ChainScenario:
    """Replay the observed inflow, IND decisions and recognition from 2013-01."""
    months = month_index(until) - month_index(HISTORY_START) + 1
    scenario = ChainScenario(
        name="historie",
        description=f"Waargenomen instroom en beslissingen {HISTORY_START} tot {until}.",
        start=HISTORY_START,
        months=months,
        levers=Levers(
            urgency_scheme=True,
            urgency_until=URGENCY_OBLIGATION_UNTIL,
            taakstelling_response_from=TAAKSTELLING_RESPONSE_FROM,
        ),
        runs=runs,
        seed=seed,
    )
    scenario.inflow.kind = "historie"
    scenario.validate()
    return scenario


def builtin_scenario(name: str, until: str = "2024-12") -> ChainScenario:
    if name == "historie":
        return historie(until)
    path = SCENARIO_DIR / f"{name}.yaml"
    if not path.exists():
        raise ChainConfigError(
            f"Onbekend ingebouwd scenario '{name}'; kies uit "
            f"{', '.join(BUILTIN_SCENARIOS)}."
        )
    return load_scenario(path)
