# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dynamic policy: keep capacity for later arrivals by pricing it (Ahani et al.,
"Dynamic Placement in Refugee Resettlement", Operations Research 2024).

Without a fairness tolerance `dynamic` re-solves every week with bootstrapped futures and
a waiting list (resolving.py), at every size. The sampled-LP form below is used with a
fairness tolerance (its fairness rows go into the week's batch LP).

Each week: estimate how many persons will still arrive before the end of the planning
period, represent them by a sample of the households seen so far (weighted to that
number), solve the LP relaxation of this week's households plus that future over the
capacity left, and use its capacity duals as prices (potentials). The week's households
follow that LP's plan where it places them whole (it keeps room for the expected
later arrivals); the rest are linked by `batch.assign_batch` with score minus persons x
price. Following the plan matters where many gemeenten are equally good at the prices:
a price alone cannot say which of them to fill and which to keep.

Only arrivals up to the decision moment are used. The arrival-rate estimate starts from
the capacity (a taakstelling is set to the expected number of statushouders, art. 29
Huisvestingswet 2014) and moves to the observed rate as weeks pass, so a wrong
capacity or a changed inflow corrects itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from migratieketen.plan.koppeling.batch import (
    FairnessGuard,
    placement_bonus,
    run_weekly,
)
from migratieketen.plan.koppeling.lp import AssignmentLp, solve_assignment
from migratieketen.plan.koppeling.model import (
    Assignment,
    BoolArray,
    FloatArray,
    IntArray,
    Problem,
)
from migratieketen.plan.koppeling.resolving import (
    ResolveSettings,
    resolving_dynamic,
)

# Beslistermijn: a household the realisations disagree on (no gemeente holds 75 % of
# their mean plan) waits up to this many weeks after its arrival week, so the arrivals
# seen meanwhile decide between the realisations; 0 decides every household in the week
# it arrives or puts it on the price-based waiting list as before (ADR 0018). Chosen on
# our synthetic instances (docs/koppeling.md): outside-like 96.89 -> 97.76 % of the
# hindsight optimum on average with 3 weeks and 8 realisations, 98.10 % with 4 weeks and
# 16 realisations (REALISATIONS), 98.33 % with 6 weeks (the default since 3 December
# 2026, later), at a mean wait of 0.93, 1.33 and 1.62 weeks per linked household; noisy
# backtest 97.42 % (3 weeks, 8) -> 97.75 % (4 weeks, 16) -> 97.98 % (6 weeks, 1.46
# weeks); 8 weeks gave 98.07 % there at 1.62 weeks, and about the same as 6 on the
# weakest outside-like instances.
DEFAULT_WAIT_WEEKS = 6
MAX_WAIT_WEEKS = 8  # the longest a user may set (CLI --beslistermijn)


@dataclass(frozen=True, slots=True)
class DynamicSettings:
    sample_size: int = 600  # households representing the future in the price LP
    prior_days: float = 28.0  # weight of the capacity-based rate, in days of data
    seed: int = 0
    # Column-generation rounds of the price LP: its prices are an estimate anyway, and
    # starting from last week's prices the first rounds hold nearly all of the value.
    price_rounds: int = 200
    # Beslistermijn in weeks (ResolveSettings.max_wait_weeks), used where the week hedges
    # over realisations (up to REALISATION_HOUSEHOLDS households, no fairness tolerance).
    max_wait_weeks: int = DEFAULT_WAIT_WEEKS


def week_end(day: date) -> date:
    return day + timedelta(days=6 - day.weekday())


def expected_future_persons(
    problem: Problem, seen_persons: float, decided_through: date, prior_days: float
) -> float:
    """Persons still to arrive after `decided_through`, blending prior and observation."""
    length = max((problem.period_end - problem.period_start).days + 1, 1)
    elapsed = max((decided_through - problem.period_start).days + 1, 1)
    left = max((problem.period_end - decided_through).days, 0)
    prior_rate = float(problem.gemeenten.capacity.sum()) / length
    rate = (seen_persons + prior_rate * prior_days) / (elapsed + prior_days)
    return rate * left


TIE_BUFFER_SD = 1.0
# Without a fairness tolerance the policy re-solves with bootstrapped futures every week
# (resolving.py): on noisy half-years of 3,000 and 5,000 households it reached 96.8 % and
# 97.9 % of the hindsight optimum against 96.0 % and 96.6 % for the sampled LP below, and
# on the noisy year 99.0-99.1 % against 97.49 % (docs/koppeling.md). Above this many households
# (the year) each week's future is one bootstrap draw of the households still to come: one
# row per household to come, and LARGE_FUTURE_ROWS rows once fewer than that are left
# (ResolveSettings.max_future_rows never cuts below one row per household to come). A real
# cap measured worse on the noisy year (3 December 2026: 2,000 rows 98.62 %, 4,000 rows
# 98.87 % against 99.06 %), and the lean start of the weekly LPs keeps the year well
# inside its time budget without it (docs/koppeling.md).
RESOLVE_HOUSEHOLDS = 5000
LARGE_FUTURE_ROWS = 2000
# Up to this many households each week's prices and plan are the mean over
# REALISATIONS separate LPs, each with one bootstrapped realisation of the rest of the
# stream (as many households as are still to come, each counted once) instead of one
# LP over their average. The average LP counts on the best-fitting share of every
# household type turning up; a realisation has the luck of one draw, so the mean prices
# and plan hedge against it. Measured on 2 December 2026 (docs/koppeling.md): outside-
# like instances 96.14 -> 96.71 % of the hindsight optimum on average, noisy 3,000-
# household half-years 95.76 -> 96.28 % and illustrative ones 99.55 -> 99.45 % (six streams
# each), at 5x the time; heavy-tailed scores keep the single LP (HEAVY_TAIL_RATIO: the
# largest score seen above 50x the median). Above 5,000 households (the year) the time
# budget keeps the single LP. 16 realisations instead of 8 (3 December 2026, with the
# beslistermijn, which needs their agreement to be measured well): outside-like 97.76 ->
# 97.94 %, noisy backtest 97.42 -> 97.54 %, stress median 96.93 -> 97.12 % at the same
# beslistermijn, at about twice the time (3,000 households x 341 gemeenten about 65 s).
# From 3,000 up to 5,000 households (3 December 2026, evening) 8 realisations, which keeps
# 5,000 households near a minute: outside-like 4,000 x 341 97.61 -> 98.82 % (16: 98.99 %
# at twice the time), 5,000 x 342 97.82 -> 99.05 %, noisy 4,500-household half-year
# 96.68 -> 98.35 %, illustrative 99.66 -> 99.81 %, against the single LP used there before.
REALISATION_HOUSEHOLDS = RESOLVE_HOUSEHOLDS  # above: the year's single capped LP
REALISATIONS = 16
FEWER_REALISATIONS_ABOVE = 3000
LARGE_REALISATIONS = 8
HEAVY_TAIL_RATIO = 50.0  # ResolveSettings.heavy_tail_ratio
# Each realisation a Bayesian bootstrap (ResolveSettings.dirichlet_alpha): against plain
# bootstrapped realisations outside-like 96.71 -> 96.89 % (two sample seeds: +0.18 both),
# stress mean 94.87 -> 95.05 % and worst 73.25 -> 83.54 %, noisy backtest level (96.25
# against 96.28 %, six streams), illustrative 99.45 -> 99.48 % (six streams).
DIRICHLET_ALPHA = 0.5


class Potentials:
    """The price function handed to the weekly loop."""

    def __init__(
        self, problem: Problem, allowed: BoolArray, settings: DynamicSettings
    ) -> None:
        self.problem = problem
        self.allowed = allowed
        self.settings = settings
        self.persons = problem.persons
        self.bonus = placement_bonus(problem.scores.values)
        self.values = np.where(
            allowed,
            problem.scores.values + (self.bonus * self.persons)[:, None],
            -np.inf,
        )
        self.tied = np.array([bool(h.gemeente_verplicht) for h in problem.households])
        self.values[self.tied] += (self.bonus * self.persons[self.tied])[:, None]
        self.tie_score = np.nan_to_num(
            np.where(allowed, problem.scores.values, np.nan).max(axis=1, initial=0.0)
            if problem.n
            else np.zeros(0)
        )
        capacity = problem.gemeenten.capacity.astype(np.float64)
        self.share = capacity / max(float(capacity.sum()), 1.0)
        self.last_prices: FloatArray | None = None

    def __call__(
        self, members: IntArray, week: int, remaining: FloatArray
    ) -> tuple[FloatArray, FloatArray | None]:
        seen = int(members[-1]) + 1
        through = week_end(self.problem.households[int(members[-1])].arrival)
        future = expected_future_persons(
            self.problem,
            float(self.persons[:seen].sum()),
            through,
            self.settings.prior_days,
        )
        # Arrivals beyond the capacity left are not linked whatever we do now, so the
        # future that competes for capacity is at most what is left after this week.
        left = float(remaining.sum() - self.persons[members].sum())
        future = min(future, max(left, 0.0))
        rng = np.random.default_rng([self.settings.seed, week])
        k = min(self.settings.sample_size, seen)
        sample = np.sort(rng.choice(seen, size=k, replace=False))
        weight = future / float(self.persons[sample].sum()) if future > 0 else 0.0
        free = sample[~self.tied[sample]]
        tied = sample[self.tied[sample]]
        parts = [
            (self.values[members], self.persons[members], np.ones(len(members))),
            (self.values[free], self.persons[free], np.full(len(free), weight)),
        ]
        if len(tied) and weight > 0:
            parts.append(self._spread_ties(tied, weight))
        values, persons, supply = (np.concatenate(x) for x in zip(*parts, strict=True))
        keep = supply > 0
        lp = AssignmentLp(
            values=values[keep],
            persons=persons[keep],
            supply=supply[keep],
            upper=np.maximum(remaining, 0.0),
            hint_prices=self.last_prices,
            max_rounds=self.settings.price_rounds,
        )
        solution = solve_assignment(lp)
        self.last_prices = solution.capacity_dual
        share = solution.dense_share(int(keep.sum()), len(remaining))
        # The week's households come first and are always kept (supply 1).
        batch_rows = np.cumsum(keep)[: len(members)] - 1
        return solution.capacity_dual, share[batch_rows]

    def _spread_ties(
        self, tied: IntArray, weight: float
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Future households bound to one gemeente, spread over gemeenten by capacity.

        Which gemeente a future family tie points to is unknown; the past ties say how
        many households will have one, the capacity (taakstelling, by population)
        where. A tie left without room loses its whole outcome, so the reservation is
        the expected number plus one standard deviation (Poisson), and a tied
        household counts double for placement.
        """
        size = float(self.persons[tied].mean())
        expected = len(tied) * weight * self.share
        persons = (expected + np.sqrt(expected) * TIE_BUFFER_SD) * size
        per_person = float(np.mean(self.tie_score[tied] / self.persons[tied]))
        g = len(self.share)
        values = np.full((g, g), -np.inf)
        np.fill_diagonal(values, 2.0 * self.bonus + per_person)
        # Counted per person, so a nearly full gemeente still keeps its last places.
        return values, np.ones(g), persons


def applied_wait_weeks(problem: Problem, wait_weeks: int, fairness: bool) -> int:
    """The beslistermijn `dynamic` applies: only where it hedges over realisations."""
    return wait_weeks if problem.n <= REALISATION_HOUSEHOLDS and not fairness else 0


def resolve_settings(n: int, cfg: DynamicSettings) -> ResolveSettings:
    """How `dynamic` re-solves a stream of n households without a fairness tolerance."""
    resolve = ResolveSettings(seed=cfg.seed)
    if n > REALISATION_HOUSEHOLDS:
        return replace(resolve, max_future_rows=LARGE_FUTURE_ROWS, lean_start=True)
    k = REALISATIONS if n <= FEWER_REALISATIONS_ABOVE else LARGE_REALISATIONS
    return replace(
        resolve,
        samples=k,
        scenarios=k,
        max_future_rows=k * n,
        heavy_tail_ratio=HEAVY_TAIL_RATIO,
        dirichlet_alpha=DIRICHLET_ALPHA,
        max_wait_weeks=cfg.max_wait_weeks,
    )


def dynamic(
    problem: Problem,
    settings: DynamicSettings | None = None,
    guard: FairnessGuard | None = None,
) -> Assignment:
    cfg = settings or DynamicSettings()
    if guard is None:
        return resolving_dynamic(problem, resolve_settings(problem.n, cfg))
    prices = Potentials(problem, problem.allowed(), cfg)
    return run_weekly(problem, "dynamisch", prices, guard)
