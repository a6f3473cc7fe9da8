# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Candidate CSV validation (row and column, all or nothing) and generic candidates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from migratieketen.chain import builtin_scenario
from migratieketen.plan.opvang.candidates import (
    COLUMNS,
    GENERIC_LABEL,
    generic_candidates,
    load_wijken,
    parse_candidates,
)
from migratieketen.plan.opvang.demand import chain_demand
from migratieketen.plan.opvang.norms import OpvangError, norms_at

NORMS = norms_at(date(2025, 1, 1))
HEADER = ",".join(COLUMNS)
GOOD = "Azc Oost,WK0363AA,regulier,100,300,18,2000000,2533,760,2026-01,120,500000"


@pytest.fixture(scope="module")
def wijken(shared_data_dir: Path) -> dict:
    return load_wijken(shared_data_dir)


def _csv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def test_good_file_is_read(wijken: dict) -> None:
    second = (
        "Kleinschalig West,WK0363AB,kleinschalig,10,60,9,300000,2783,835,,60,100000"
    )
    cands = parse_candidates(_csv(GOOD, second), wijken, NORMS)
    assert [c.name for c in cands] == ["Azc Oost", "Kleinschalig West"]
    assert cands[0].gemeente == "GM0363" and cands[0].province == "PV27"
    assert cands[0].earliest == 2026 * 12 and cands[1].earliest is None
    assert cands[0].label == "kandidaat uit bestand"


@pytest.mark.parametrize(
    ("row", "where"),
    [
        (
            GOOD.replace("WK0363AA", "WK999999"),
            "Rij 3, kolom wijkcode: onbekende wijkcode",
        ),
        (
            GOOD.replace(",100,300,", ",300,100,"),
            "Rij 3, kolom max_plaatsen: maximum (100) is kleiner",
        ),
        (
            GOOD.replace(",2000000,", ",-5,"),
            "Rij 3, kolom openingskosten: -5 mag niet negatief",
        ),
        (GOOD, "Rij 3, kolom naam: dubbele naam 'Azc Oost' (ook in rij 2)"),
        (
            GOOD.replace("regulier", "kasteel"),
            "Rij 3, kolom type: onbekend type 'kasteel'",
        ),
        (
            GOOD.replace(",2533,", ",veel,"),
            "Rij 3, kolom kosten_bezet_per_maand: 'veel' is geen getal",
        ),
        (GOOD.replace("2026-01", "januari"), "Rij 3, kolom vroegste_opening"),
    ],
)
def test_bad_row_rejects_the_whole_file(wijken: dict, row: str, where: str) -> None:
    with pytest.raises(OpvangError) as info:
        parse_candidates(_csv(GOOD, row), wijken, NORMS)
    assert where in str(info.value)
    assert "niets opgeslagen" in str(info.value)


def test_every_error_is_listed(wijken: dict) -> None:
    bad = GOOD.replace("WK0363AA", "WK999999").replace(",2000000,", ",-1,")
    with pytest.raises(OpvangError) as info:
        parse_candidates(_csv(bad), wijken, NORMS)
    assert "kolom wijkcode" in str(info.value) and "kolom openingskosten" in str(
        info.value
    )


def test_missing_column_is_named(wijken: dict) -> None:
    with pytest.raises(
        OpvangError, match="Rij 1: kolom\\(men\\) ontbreken: sluitingskosten"
    ):
        parse_candidates("naam,wijkcode,type,min_plaatsen,max_plaatsen,doorlooptijd_maanden,"
                         "openingskosten,kosten_bezet_per_maand,kosten_leeg_per_maand\n",
                         wijken, NORMS)  # fmt: skip


def test_generic_candidates_fit_the_norms(wijken: dict) -> None:
    cands = generic_candidates(wijken, NORMS, "PV21", limit=60)
    assert 0 < len(cands) <= 60
    share = NORMS["wijk_aandeel"]
    for c in cands:
        assert c.label == GENERIC_LABEL and c.province == "PV21"
        assert c.min_places <= c.max_places <= share * wijken[c.wijk].population
        assert c.max_places <= NORMS.per_type("max_plaatsen", c.kind)


def test_same_seed_same_demand_paths(shared_data_dir: Path) -> None:
    scenario = builtin_scenario("piek2015")
    a = chain_demand(
        scenario, shared_data_dir, NORMS, months=6, paths=5, seed=7, province="PV21"
    )
    b = chain_demand(
        scenario, shared_data_dir, NORMS, months=6, paths=5, seed=7, province="PV21"
    )
    assert np.array_equal(a.paths, b.paths) and a.paths.shape == (5, 6)
    assert 0 < a.share < 1 and a.existing.shape == (4, 6)


def test_housing_policy_in_the_chain_scenario_moves_the_planners_demand(
    shared_data_dir: Path,
) -> None:
    """Issue 13: the planner sees what housing policy does to blocked places.

    Demand is the chain's persons in COA, statushouders waiting for a home included;
    more tussenvoorziening places house them sooner, so fewer places are needed —
    never more, in any path (common random numbers through the same seed).
    """
    scenario = builtin_scenario("piek2015")
    more_homes = builtin_scenario("piek2015")
    more_homes.levers.tussenvoorziening_places = 5_000
    args = dict(months=12, paths=8, seed=11)
    base = chain_demand(scenario, shared_data_dir, NORMS, **args)  # type: ignore[arg-type]
    eased = chain_demand(more_homes, shared_data_dir, NORMS, **args)  # type: ignore[arg-type]
    assert np.all(eased.paths <= base.paths)
    assert np.all(eased.paths[:, -1] < base.paths[:, -1])
