# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inputs: KWB stock, taakstelling by the law's own function, parameters with sources."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from migratieketen.data import load_dataset
from migratieketen.rules.huisvestingswet import (
    HalfYear,
    compute_taakstelling,
    half_years,
)
from migratieketen.rules.monitor import carry_over
from migratieketen.woningmarkt import (
    Policy,
    Tussenvoorziening,
    WoningmarktError,
    build_markets,
    combine_markets,
    default_parameters,
    resolve_values,
)
from migratieketen.woningmarkt.outputs import ledger_runs

from .support import market, run


@pytest.fixture(scope="module")
def dataset(shared_data_dir: Path):  # type: ignore[no-untyped-def]
    return load_dataset(shared_data_dir)


def test_corporation_stock_is_kwb_stock_times_corporation_share(dataset) -> None:  # type: ignore[no-untyped-def]
    ams, venray = build_markets(
        dataset, ["GM0363", "GM0984"], HalfYear(2025, 1), 2, 13000
    )
    assert ams.corporation_stock == pytest.approx(474_866 * 39.8371355970961 / 100)
    assert venray.corporation_stock == pytest.approx(19_757 * 0.26)
    assert ams.urbanity == 1 and venray.urbanity == 3
    assert any("Kerncijfers wijken en buurten 2023" in s for s in ams.sources)


def test_taakstelling_comes_from_the_huisvestingswet_rule(dataset) -> None:  # type: ignore[no-untyped-def]
    first = HalfYear(2025, 1)
    (venray,) = build_markets(dataset, ["GM0984"], first, 5, 12345)
    latest = max(y for g in dataset.gemeenten for y in g.population)
    expected = []
    for vg, hy in zip(
        (15000, 13000, 12345, 12345, 12345), half_years(first, 5), strict=True
    ):
        year = min(hy.year - 1, latest)  # art. 29: 1 January of the year before
        pops = {g.code: g.population[year] for g in dataset.gemeenten}
        expected.append(compute_taakstelling(vg, pops, half_year=hy).values()["GM0984"])
    assert (
        list(venray.taakstelling) == expected
    )  # published final vg, then the assumption
    assert any("12345" in n for n in venray.notes)
    assert any(f"1 januari {latest}" in n for n in venray.notes)  # 2027: latest we have


def test_a_region_pools_stock_and_taakstelling(dataset) -> None:  # type: ignore[no-untyped-def]
    parts = build_markets(dataset, ["GM0984", "GM1507"], HalfYear(2026, 1), 2, 13000)
    region = combine_markets("Noord-Limburg", parts)
    assert region.corporation_stock == pytest.approx(
        sum(m.corporation_stock for m in parts)
    )
    assert region.taakstelling == tuple(
        a + b for a, b in zip(*(m.taakstelling for m in parts), strict=True)
    )
    assert region.members == ("GM0984", "GM1507")


def test_unknown_gemeente_is_a_dutch_error(dataset) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WoningmarktError, match="Onbekende gemeentecode"):
        build_markets(dataset, ["GM0001"], HalfYear(2026, 1), 2, 13000)


def test_every_parameter_is_documented_and_assumptions_have_reasoning() -> None:
    params = default_parameters()
    assert {p.kind for p in params.values()} == {"DATA", "DERIVED", "ASSUMPTION"}
    for p in params.values():
        assert p.source and p.description and p.unit
        assert "rules.md" not in p.source and "planning-anchors" not in p.source
        if p.kind == "ASSUMPTION":
            assert p.reasoning, p.name


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"onbekend": 1.0}, "Onbekende parameter"),
        ({"turnover_per_year": 0.9}, "groter dan het maximum"),
        ({"urgent_quota_share": -0.1}, "kleiner dan het minimum"),
    ],
)
def test_bad_parameters_are_refused_in_dutch(
    overrides: dict[str, float], message: str
) -> None:
    with pytest.raises(WoningmarktError, match=message):
        resolve_values(overrides)


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (Policy(priority_share=1.5), "Voorrang moet tussen 0 en 1"),
        (Policy(tussenvoorzieningen=(Tussenvoorziening(-5),)), "Tussenvoorziening"),
        (Policy(persons_per_dwelling=20), "woningdelen"),
        (Policy(extra_new_build_per_year=-1), "nieuwbouw"),
    ],
)
def test_impossible_levers_are_refused_in_dutch(policy: Policy, message: str) -> None:
    with pytest.raises(WoningmarktError, match=message):
        policy.validate()


def test_ledger_equals_the_carry_over_rule() -> None:
    raw = run(market(taak=60), [Policy(0.04)], runs=3, years=3)
    led = ledger_runs(raw, 0)
    periods = half_years(HalfYear(2026, 1), 6)
    for r in range(3):
        taak = raw.lanes.taakstelling[r]
        scale = (
            1000  # the rule counts whole persons; scale the fractions up exactly enough
        )
        rows = carry_over(
            periods,
            {hy: int(round(t * scale)) for hy, t in zip(periods, taak, strict=True)},
            {
                hy: int(round(x * scale))
                for hy, x in zip(periods, led["realised"][r], strict=True)
            },
            as_of=periods[-1].end,
            opening_balance=int(round(raw.lanes.backlog[r] * scale)),
        )
        carried = np.array([row.carry_out for row in rows]) / scale
        np.testing.assert_allclose(carried, led["carry_out"][r], atol=0.01)
