# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The Pareto frontier: the grid, the current policy and what 'efficient' means."""

from __future__ import annotations

import numpy as np

from migratieketen.woningmarkt import Policy
from migratieketen.woningmarkt.frontier import (
    PRIORITY_GRID,
    efficient_mask,
    frontier,
    tv_levels_for,
)

from .support import market


def test_efficient_rows_are_exactly_the_non_dominated_ones() -> None:
    x = np.array(
        [
            [1.0, 5.0],  # efficient
            [2.0, 2.0],  # efficient
            [2.0, 3.0],  # dominated by row 1
            [5.0, 1.0],  # efficient
            [5.0, 1.0],  # a tie: neither dominates the other
        ]
    )
    assert efficient_mask(x).tolist() == [True, True, False, True, True]


def test_rounding_decides_what_counts_as_a_difference() -> None:
    x = np.array([[1.0, 0.0], [0.999, 1.0]])  # second: more priority, a tiny gain
    assert efficient_mask(x, (2, 4)).tolist() == [True, False]
    assert efficient_mask(x, (4, 4)).tolist() == [True, True]


def test_frontier_grid_current_policy_and_trade_off() -> None:
    m = market(5000, 80)
    front = frontier(m, Policy(0.06), runs=20, years=3)
    assert len(PRIORITY_GRID) == 21
    levels = tv_levels_for(m)
    assert len(levels) == 5 and levels[0] == 0
    assert len(front.points) == 21 * 5 + 1
    current = [p for p in front.points if p.current]
    assert len(current) == 1 and current[0].priority_share == 0.06
    no_tv = [p for p in front.points[:21]]
    coa = [p.metrics["coa_months"] for p in no_tv]
    urgent = [p.metrics["urgent_months"] for p in no_tv]
    assert coa[0] > coa[2] > coa[-1]  # priority shortens the COA stay
    assert urgent[0] < urgent[2]  # and lengthens the others' wait
    assert all(p.efficient for p in no_tv[:3])
    data = front.to_dict()
    assert data["punten"][-1]["huidig_beleid"] is True
    assert {"maanden_in_coa_per_statushouder", "opvangkosten_euro"} <= set(
        data["punten"][0]
    )
