# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The weekly decision rule of the re-solving dynamic policy (resolving.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pytest

from migratieketen.plan.koppeling import dynamic as dynamic_module
from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.resolving import Resolver, ResolveSettings
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem

from .koppeling_support import assert_repeatable_within_capacity


@pytest.mark.parametrize("scenarios", [1, 4])
def test_split_futures_respect_capacity_and_repeat(scenarios: int) -> None:
    p: Problem = stress_problem(draw_spec(7))
    settings = ResolveSettings(seed=7, scenarios=scenarios)
    first = assert_repeatable_within_capacity(p, settings)
    placed = first.gemeente >= 0
    assert set(np.nonzero(~placed)[0]) == set(first.reasons)


@dataclass
class PlanCall:
    seen: int  # households seen in the week of the call
    heavy: bool  # the week counted as heavy-tailed
    rows: int  # sampled future rows in this LP
    weight: float  # weight of one such row


def record_plans(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[int], list[PlanCall]]:
    """Households seen per week and every LP of the weeks, as `dynamic` makes them."""
    weeks: list[int] = []
    calls: list[PlanCall] = []
    week, plan = Resolver.week, Resolver._plan

    def spy_week(self, pool, seen, index):  # type: ignore[no-untyped-def]
        weeks.append(seen)
        return week(self, pool, seen, index)

    def spy_plan(self, pool, future, persons, weight):  # type: ignore[no-untyped-def]
        heavy = self._heavy_tailed(weeks[-1])
        calls.append(PlanCall(weeks[-1], heavy, len(future), weight))
        return plan(self, pool, future, persons, weight)

    monkeypatch.setattr(Resolver, "week", spy_week)
    monkeypatch.setattr(Resolver, "_plan", spy_plan)
    return weeks, calls


def test_dynamic_hedges_over_realisations_of_the_rest_of_the_stream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Up to REALISATION_HOUSEHOLDS each week's LPs each hold one bootstrapped
    realisation of the rest of the stream: as many households as are still to come,
    each counted once."""
    p: Problem = stress_problem(draw_spec(7))
    assert p.n <= dynamic_module.REALISATION_HOUSEHOLDS
    weeks, calls = record_plans(monkeypatch)
    dynamic_module.dynamic(p)
    assert calls
    for households_seen in set(weeks) - {p.n}:
        rows = [c for c in calls if c.seen == households_seen]
        assert len(rows) == dynamic_module.REALISATIONS
        assert all(c.rows == p.n - households_seen for c in rows)
        assert all(c.weight == pytest.approx(1.0) for c in rows)


@pytest.mark.parametrize(
    ("n", "realisations", "rows"),
    [(300, 16, 16 * 300), (3000, 16, 16 * 3000), (3001, 8, 8 * 3001),
     (5000, 8, 8 * 5000), (5001, 1, 2000)],
)  # fmt: skip
def test_realisations_by_stream_size(n: int, realisations: int, rows: int) -> None:
    """16 realisations up to 3,000 households, 8 up to 5,000 (about a minute there), one
    LP over a capped sample above (the year); the beslistermijn only with realisations."""
    cfg = dynamic_module.DynamicSettings(max_wait_weeks=5)
    settings = dynamic_module.resolve_settings(n, cfg)
    assert settings.scenarios == realisations
    assert settings.max_future_rows == rows
    assert settings.max_wait_weeks == (5 if realisations > 1 else 0)
    if realisations > 1:
        assert settings.samples == realisations


def test_heavy_tailed_scores_use_one_lp_instead_of_realisations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where one score dwarfs the rest the mean over realisations hinges on which of them
    hold the outlier's copies, so such weeks fall back to one LP over the whole sample."""
    weeks, calls = record_plans(monkeypatch)
    for seed, expect_heavy in ((34, True), (7, False)):  # Pareto scores; sparse ones
        weeks.clear()
        calls.clear()
        dynamic_module.dynamic(stress_problem(draw_spec(seed)))
        per_week = Counter((c.seen, c.heavy) for c in calls)
        assert any(heavy for _, heavy in per_week) == expect_heavy
        for (_, heavy), count in per_week.items():
            assert count == (1 if heavy else dynamic_module.REALISATIONS)


def test_bayesian_realisations_are_whole_blocks_of_seen_households() -> None:
    p: Problem = stress_problem(draw_spec(7))
    settings = ResolveSettings(
        samples=4, scenarios=4, max_future_rows=4 * p.n, dirichlet_alpha=0.5
    )
    seen = 20
    values, persons, weight, blocks = Resolver(p, settings)._future(seen, week=3)
    left = p.n - seen
    assert blocks == 4 and len(values) == 4 * left and weight * blocks == 1.0
    rng = np.random.default_rng(0)
    rows = Resolver(p, settings)._bayesian_blocks(seen, left, 4, rng)
    assert rows.max() < seen
    for block in rows.reshape(4, left):
        assert np.all(np.diff(block) >= 0)
    plain = ResolveSettings(samples=4, scenarios=4, max_future_rows=4 * p.n)
    assert Resolver(p, plain)._future(seen, week=3)[3] == 0


@pytest.mark.parametrize("wait_weeks", [0, 2])
def test_beslistermijn_defers_only_households_the_realisations_disagree_on(
    monkeypatch: pytest.MonkeyPatch, wait_weeks: int
) -> None:
    """A household waits for more arrivals only while no gemeente holds 75 % of the
    realisations' mean plan, and at most `max_wait_weeks` after its arrival week."""
    p: Problem = stress_problem(draw_spec(7))
    deferred: list[tuple[int, int]] = []  # (weeks since first in a pool, household)
    current = [0]
    week, follow = Resolver.week, Resolver._follow

    def spy_week(self, pool, seen, index):  # type: ignore[no-untyped-def]
        current[0] = index
        return week(self, pool, seen, index)

    def spy_follow(self, pool, share, prices, undecided):  # type: ignore[no-untyped-def]
        agree = share.max(axis=1)
        assert np.all(agree[undecided] < self.settings.wait_agreement)
        for i in pool[undecided]:
            deferred.append((current[0] - int(self.first_week[i]), int(i)))
        follow(self, pool, share, prices, undecided)
        assert np.all(self.ledger.gemeente[pool[undecided]] < 0)  # they wait

    monkeypatch.setattr(Resolver, "week", spy_week)
    monkeypatch.setattr(Resolver, "_follow", spy_follow)
    a = dynamic_module.dynamic(
        p, dynamic_module.DynamicSettings(max_wait_weeks=wait_weeks)
    )
    if wait_weeks == 0:
        assert not deferred
        return
    assert deferred, "the realisations disagree on some households of this stream"
    assert max(w for w, _ in deferred) < wait_weeks
    assert np.all(a.received(p.persons, len(p.gemeenten.codes)) <= p.gemeenten.capacity)
    again = dynamic_module.dynamic(p, dynamic_module.DynamicSettings(max_wait_weeks=2))
    np.testing.assert_array_equal(a.gemeente, again.gemeente)
