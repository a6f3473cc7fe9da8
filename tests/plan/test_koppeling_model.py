# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The default score model, the taakstelling capacity, and what makes the dynamic
policy dynamic."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from migratieketen.plan.koppeling.batch import batch
from migratieketen.plan.koppeling.capacity import (
    planning_half_years,
    taakstelling_capacity,
)
from migratieketen.plan.koppeling.dynamic import dynamic
from migratieketen.plan.koppeling.greedy import greedy
from migratieketen.plan.koppeling.hindsight import hindsight
from migratieketen.plan.koppeling.model import Household
from migratieketen.plan.koppeling.scores import default_scores
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import service

from .koppeling_support import household, problem


def test_capacity_is_taakstelling_summed_over_half_years(shared_data_dir: Path) -> None:
    periods = [hw.HalfYear(2025, 1), hw.HalfYear(2025, 2)]
    gem = taakstelling_capacity(
        periods, shared_data_dir, {periods[0]: 17700, periods[1]: 13000}
    )
    g = gem.index()["GM0626"]  # Voorschoten: 26 (2025-1, ceil) + its 2025-2 share
    second = service.run_taakstelling(periods[1], shared_data_dir, 13000).final(
        "GM0626"
    )
    assert gem.capacity[g] == 26 + second
    assert len(gem.codes) == 342 and "taakstelling art. 29" in gem.capacity_source
    opened = taakstelling_capacity(
        periods, shared_data_dir, {p: 1000 for p in periods}, {"GM0626": 5}
    )
    base = taakstelling_capacity(periods, shared_data_dir, {p: 1000 for p in periods})
    assert (
        opened.capacity[g] == base.capacity[g] + 5
    )  # opening achterstand carried over


def test_planning_half_years_cover_the_arrivals() -> None:
    from datetime import date

    assert [str(h) for h in planning_half_years(date(2025, 5, 1), date(2026, 1, 3))] == [
        "2025-1", "2025-2", "2026-1"
    ]  # fmt: skip


def test_default_score_is_household_level_not_best_member(
    shared_data_dir: Path,
) -> None:
    periods = [hw.HalfYear(2025, 1)]
    gem = taakstelling_capacity(periods, shared_data_dir, {periods[0]: 1000})
    hh = [
        household(0, 0, 1, 1, groups={"nationaliteitsgroep": "syrie"}),  # type: ignore[arg-type]
        household(1, 0, 4, 2, groups={"nationaliteitsgroep": "syrie"}),  # type: ignore[arg-type]
        household(2, 0, 1, 1, groups={"nationaliteitsgroep": "onbekend"}),  # type: ignore[arg-type]
    ]
    model = default_scores(hh, gem, shared_data_dir)
    # Two adults: twice the expected number in work, not the best member's chance.
    assert np.allclose(model.values[1], 2 * model.values[0])
    assert np.isclose(model.household_factors["werkkans"][0], 0.105)  # CBS, 30 months
    assert np.isclose(model.household_factors["werkkans"][2], 0.15)  # 'overig'
    factor = model.gemeente_factors["arbeidsmarktfactor"]
    assert 0.7 < factor.min() < factor.max() < 1.25
    assert model.source == "illustratief" and "ILLUSTRATIEF" in model.label
    assert "Bron: CBS" in model.provenance[0] and "Bron: CBS" in model.provenance[1]


def _keeps_room_problem() -> tuple[list[Household], np.ndarray]:
    """Each week one flexible household (A or B nearly equal) and one that only gains
    in A. A has room for the A-lovers only: filling it with flexible ones is a loss."""
    households, rows = [], []
    for week in range(8):
        households.append(household(2 * week, 7 * week, 1, 1))
        rows.append([1.0, 0.95])
        households.append(household(2 * week + 1, 7 * week, 1, 1))
        rows.append([1.0, 0.1])
    return households, np.array(rows)


def test_dynamic_keeps_capacity_for_later_arrivals() -> None:
    households, scores = _keeps_room_problem()
    p = problem(households, [8, 8], scores)
    values = p.scores.values
    best = hindsight(p).total(values)
    assert best == 8 * 1.0 + 8 * 0.95
    assert greedy(p).total(values) < 0.8 * best
    dyn = dynamic(p)
    assert dyn.total(values) >= 0.98 * best > batch(p).total(values)
    assert dyn.prices is not None and dyn.prices[0][0] > dyn.prices[0][1]


def test_frontier_trades_outcome_for_fulfilment() -> None:
    from migratieketen.plan.koppeling.frontier import frontier

    # Two gemeenten of 4 places; everybody prefers the first; 4 single households.
    households = [household(i, i, 1, 1) for i in range(4)]
    p = problem(households, [4, 4], np.array([[1.0, 0.2]] * 4))
    points = frontier(p, (0.0, 0.5, 1.0))
    assert [pt.outcome for pt in points] == [4.0, 3.2, 2.4]
    assert [pt.fulfilment for pt in points] == [0.5, 0.75, 1.0]
    # Nobody may go to the second gemeente: its taakstelling cannot be met.
    blocked = problem(households[:2], [1, 1], np.array([[1.0, np.nan]] * 2))
    assert frontier(blocked, (1.0,))[0].outcome is None
