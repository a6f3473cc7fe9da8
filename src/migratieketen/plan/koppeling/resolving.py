# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dynamic policy for small and noisy instances: re-solve with bootstrapped futures.

With a few hundred households, prices from one LP over a capacity-based guess of the
future are noise (docs/koppeling.md, Beperkingen). Here, every week:

* the future is the announced stream size minus the households seen, drawn with
  replacement from the households seen so far (their score rows, persons and hard
  constraints), several samples at once, each weighted 1/samples (sample average).
  Optionally (`residual_share`, off) their scores come from an additive log model with
  residuals drawn per gemeente (futures.py): better on synthetic pair-level noise, but
  worse on scores with real household x gemeente interactions, and much slower
  (docs/koppeling.md);
* one LP over the week's households, the waiting list and that future, over the
  capacity left, maximising the score alone (as the hindsight optimum does);
* households the LP places whole follow it; the others are placed by a small integer
  programme on score minus persons x capacity price where that is positive (with
  `scenarios` > 1: several LPs over parts of the future, their mean plan and prices;
  with as many parts as samples each part is one realisation of the rest of the
  stream, which `dynamic` uses up to 5,000 households);
* a household whose every gemeente is worth more to the expected later arrivals than
  to it waits (wachtlijst) and is reconsidered each week: capacity is short and the
  LP keeps it for better matches;
* with `max_wait_weeks` (beslistermijn) and several realisations, a household they
  disagree on (no gemeente holds `wait_agreement` of its mean plan) waits up to that
  many weeks: the arrivals seen meanwhile tell which realisation is coming true;
* when no further arrivals are announced, the rest (week, waiting list) is solved
  exactly, and anything left is placed where there is still room, so a household is
  only left unlinked when no allowed gemeente has room for it at the end.

Only arrivals up to the decision moment are used, plus the announced number of
households for the period (as COA knows the expected inflow).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from migratieketen.plan.highs import INF, IncrementalLp
from migratieketen.plan.koppeling.futures import fit_additive
from migratieketen.plan.koppeling.lp import AssignmentLp, solve_assignment
from migratieketen.plan.koppeling.model import (
    Assignment,
    BoolArray,
    FloatArray,
    IntArray,
    Problem,
)
from migratieketen.plan.koppeling.online import Ledger, place_best_first, weekly_batches
from migratieketen.plan.koppeling.rounding import WHOLE, solve_and_round

# The weekly integer steps stop after INTEGER_NODES branch-and-bound nodes, so the same
# input gives the same answer on a busy machine; INTEGER_SECONDS is only a safety net.
INTEGER_NODES = 2000
INTEGER_SECONDS = 30.0
FINAL_EXACT_PAIRS = 5000  # above: LP and rounding for the last step (see _final)


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    samples: int = 8  # bootstrap draws of the future, averaged in one LP
    # Cap on sampled rows (samples x future households), but never fewer rows than
    # households still to come: the future is at least one whole draw of the rest.
    max_future_rows: int = 4000
    seed: int = 0
    # Sampled rows whose deviations are shuffled over their gemeenten. Off: on the stress
    # instances it raised the mean a little but failed badly on heavy-tailed scores.
    shuffle_share: float = 0.0
    # Sampled rows whose scores come from the fitted additive model with column-wise
    # residuals (futures.py) instead of the seen household's own row (0: plain bootstrap).
    residual_share: float = 0.0
    # Residuals more than this many robust deviations above the median stay with their
    # own household (0: off), so one outlier is not spread over every later household
    # (without it, one heavy-tailed outlier priced itself out of its gemeente).
    outlier_z: float = 3.0
    # Sampled future scores are scaled by (1 - future_discount): a household in hand wins
    # an exact tie against its own copies in the sample (off: with the plain bootstrap it
    # let one heavy-tailed outlier lose its gemeente, docs/koppeling.md).
    future_discount: float = 0.0
    fit_rows: int = 2000  # seen households the model is fitted on, at most
    # With the model on, above this many households the plain bootstrap (no model, no
    # tie-break) is used: on a noisy year of 20,000 the model gave 0.06 % less and took
    # 1.5x as long.
    model_households: int = 3000
    # Pseudo-rows behind each gemeente's effect and residual pool in the model (0: off):
    # with few households seen, effects shrink and residuals come from all gemeenten.
    prior_rows: float = 0.0
    # Separate LPs over disjoint parts of the sampled future (each weighted up to the
    # whole future); the week follows their mean plan and mean prices, so a household is
    # placed by the plan only where every part agrees. 1: one pooled LP. With
    # scenarios == samples (and no cap on the rows) each part is one realisation of the
    # rest of the stream: `dynamic` does that up to 5,000 households (docs/koppeling.md).
    scenarios: int = 1
    # With scenarios > 1: when the largest score seen is more than this many times the
    # median score seen (a heavy tail), the week uses one LP over the whole sample
    # instead. The mean over realisations then hinges on which of them hold copies
    # of the outlier: on two heavy-tailed stress instances (seeds 34 and 42) it fell to
    # 31 and 68 % where one LP kept 92 and 96 % (docs/koppeling.md). 0: never.
    heavy_tail_ratio: float = 0.0
    # With whole realisations (scenarios == samples, no cap): each realisation is a
    # Bayesian bootstrap, its households drawn with Dirichlet(alpha) weights over the
    # households seen, so it carries the uncertainty about the distribution itself and
    # not only the luck of one draw. 0: plain bootstrap.
    dirichlet_alpha: float = 0.0
    # Beslistermijn (with scenarios > 1 only): a household the realisations disagree on,
    # its largest share of their mean plan below `wait_agreement`, waits up to this many
    # weeks after its arrival week before it is placed by price. The arrivals seen
    # meanwhile settle much of the disagreement (docs/koppeling.md). 0: decide now.
    max_wait_weeks: int = 0
    wait_agreement: float = 0.75
    # AssignmentLp.lean_start for the weekly LPs: the same optimum from fewer first
    # columns. Faster where the rows are single households, but HiGHS then ends at
    # another of the tied optimal plans, which on outside-like half-years was as often
    # worse as better (docs/koppeling.md); `dynamic` uses it for the year only.
    lean_start: bool = False


def integer_assign(
    values: FloatArray, persons: FloatArray, capacity: FloatArray
) -> IntArray:
    """Best whole assignment over pairs with a positive value; -1 where none is taken."""
    n, g = values.shape
    out = np.full(n, -1, dtype=np.int64)
    fits = np.isfinite(values) & (values > 1e-12)
    fits &= capacity[None, :] >= persons[:, None] - 1e-9
    rows, cols = np.nonzero(fits)
    if len(rows) == 0:
        return out
    lp = IncrementalLp(
        np.full(n + g, -INF), np.concatenate([np.ones(n), np.maximum(capacity, 0.0)])
    )
    matrix = sparse.csc_matrix(
        (
            np.concatenate([np.ones(len(rows)), persons[rows]]),
            (np.concatenate([rows, n + cols]), np.tile(np.arange(len(rows)), 2)),
        ),
        shape=(n + g, len(rows)),
    )
    lp.add_columns(values[rows, cols], np.ones(len(rows)), matrix)
    x = lp.solve_integer(INTEGER_SECONDS, max_nodes=INTEGER_NODES)
    if x is None:
        return out
    chosen = x > 0.5
    out[rows[chosen]] = cols[chosen]
    return out


class Resolver:
    """Weekly decisions for one problem; see the module docstring."""

    def __init__(self, problem: Problem, settings: ResolveSettings) -> None:
        self.problem = problem
        self.settings = settings
        self.allowed = problem.allowed()
        self.values = np.where(self.allowed, problem.scores.values, -np.inf)
        self.persons = problem.persons
        self.ledger = Ledger.open(problem)
        self.last_prices: FloatArray | None = None
        self.first_week = np.full(problem.n, -1, dtype=np.int64)  # first in a pool

    def _future(
        self, seen: int, week: int
    ) -> tuple[FloatArray, FloatArray, float, int]:
        """Sampled households to come: score rows, persons, the weight of a row, and
        the number of realisations laid out as consecutive blocks (0: rows in no order).

        Each is a seen household (bootstrap: its score row, persons and hard
        constraints). With `residual_share` (up to `model_households`) a share of them
        get scores from the additive model of futures.py instead (its level, the
        gemeenten's effects, residuals drawn per gemeente; outlier residuals stay with
        their own household); with `future_discount` the sample counts that much less,
        so a household in hand wins an exact tie against its own copies.
        """
        g = self.values.shape[1]
        left = self.problem.n - seen
        if left <= 0:
            return np.zeros((0, g)), np.zeros(0), 0.0, 0
        rng = np.random.default_rng([self.settings.seed, week, 17])
        draws = min(left * self.settings.samples, self.settings.max_future_rows)
        draws = max(draws, left)
        whole = self.settings.dirichlet_alpha > 0 and draws % left == 0
        blocks = draws // left if whole else 0
        if whole:
            rows = self._bayesian_blocks(seen, left, blocks, rng)
        else:
            rows = np.sort(rng.integers(0, seen, size=draws)).astype(np.int64)
        values = self.values[rows].copy()
        small = self.problem.n <= self.settings.model_households
        share = self.settings.residual_share if small else 0.0
        modelled = rng.uniform(size=draws) < share
        if modelled.any():
            values[modelled] = self._modelled(rows, modelled, seen, rng)
        shuffled = rng.uniform(size=draws) < self.settings.shuffle_share
        if shuffled.any():
            values[shuffled] = self._shuffled(rows[shuffled], seen, rng)
        if small:
            values *= 1.0 - self.settings.future_discount
        return values, self.persons[rows], left / draws, blocks

    def _bayesian_blocks(
        self, seen: int, left: int, blocks: int, rng: np.random.Generator
    ) -> IntArray:
        """`blocks` realisations of `left` households, one after the other, each drawn
        with its own Dirichlet(dirichlet_alpha) weights over the households seen."""
        alpha = np.full(seen, self.settings.dirichlet_alpha)
        drawn = [
            np.sort(rng.choice(seen, size=left, p=rng.dirichlet(alpha)))
            for _ in range(blocks)
        ]
        return np.concatenate(drawn).astype(np.int64)

    def _modelled(
        self, rows: IntArray, modelled: BoolArray, seen: int, rng: np.random.Generator
    ) -> FloatArray:
        """Model rows for rows[modelled]. Above `fit_rows` seen households the model is
        fitted on a random subset of them (the fit's cost stays bounded on a year) and
        those rows are redrawn from that subset (rows is changed in place)."""
        base = np.arange(seen)
        if seen > self.settings.fit_rows:
            base = np.sort(rng.choice(seen, self.settings.fit_rows, replace=False))
            position = rng.integers(0, len(base), size=int(modelled.sum()))
            rows[modelled] = base[position]
        else:
            position = rows[modelled]
        fit = fit_additive(
            self.problem.scores.values[base],
            self.allowed[base],
            self.settings.outlier_z,
            self.settings.prior_rows,
        )
        return fit.draw(position, self.allowed[rows[modelled]], rng)

    def _shuffled(
        self, rows: IntArray, seen: int, rng: np.random.Generator
    ) -> FloatArray:
        finite = np.isfinite(self.values[:seen])
        plain = np.where(finite, self.values[:seen], 0.0)
        level = plain.sum(axis=1, keepdims=True) / np.maximum(
            finite.sum(axis=1, keepdims=True), 1
        )
        effect = np.where(finite, plain - level, 0.0).sum(axis=0) / np.maximum(
            finite.sum(axis=0), 1
        )
        out = self.values[rows].copy()
        ok = np.isfinite(out)
        base = level[rows] + effect[None, :]
        deviation = np.where(ok, out - base, 0.0)
        # Per row, a random order of its allowed gemeenten: their deviations move
        # from the k-th allowed gemeente in that order to the k-th in column order.
        source = np.argsort(np.where(ok, rng.uniform(size=ok.shape), 2.0), axis=1)
        target = np.argsort(~ok, axis=1, kind="stable")
        valid = np.arange(ok.shape[1])[None, :] < ok.sum(axis=1, keepdims=True)
        r = np.nonzero(valid)[0]
        moved = deviation[r, source[valid]]
        out[r, target[valid]] = np.maximum(base[r, target[valid]] + moved, 0.0)
        return out

    def week(self, pool: IntArray, seen: int, week: int) -> tuple[FloatArray, IntArray]:
        """Place what should be placed now; return the prices and who waits."""
        ledger = self.ledger
        fresh = pool[self.first_week[pool] < 0]
        self.first_week[fresh] = week
        future, future_persons, weight, blocks = self._future(seen, week)
        if len(future) == 0:
            self._final(pool)
            return np.zeros(len(ledger.remaining)), np.zeros(0, dtype=np.int64)
        parts = max(1, min(self.settings.scenarios, len(future)))
        if parts > 1 and self._heavy_tailed(seen):
            parts = 1
        group = np.zeros(len(future), dtype=np.int64)
        if parts > 1 and parts == blocks:
            group = np.repeat(np.arange(parts), len(future) // parts)
        elif parts > 1:
            rng = np.random.default_rng([self.settings.seed, week, 23])
            group = rng.permutation(len(future)) % parts
        prices = np.zeros(len(ledger.remaining))
        share = np.zeros((len(pool), len(ledger.remaining)))
        for part in range(parts):
            mine = group == part
            p, s = self._plan(pool, future[mine], future_persons[mine], weight * parts)
            prices += p / parts
            share += s / parts
        self.last_prices = prices
        undecided = np.zeros(len(pool), dtype=bool)
        if parts > 1 and self.settings.max_wait_weeks > 0:
            young = week - self.first_week[pool] < self.settings.max_wait_weeks
            undecided = young & (share.max(axis=1) < self.settings.wait_agreement)
        self._follow(pool, share, prices, undecided)
        return prices, pool[ledger.gemeente[pool] < 0]

    def _heavy_tailed(self, seen: int) -> bool:
        limit = self.settings.heavy_tail_ratio
        if limit <= 0:
            return False
        scores = self.values[:seen]
        scores = scores[np.isfinite(scores) & (scores > 0)]
        if not scores.size:
            return False
        return float(scores.max()) > limit * float(np.median(scores))

    def _plan(
        self, pool: IntArray, future: FloatArray, persons: FloatArray, weight: float
    ) -> tuple[FloatArray, FloatArray]:
        """Capacity prices and the pool's rows of the LP plan with this future."""
        lp = AssignmentLp(
            values=np.concatenate([self.values[pool], future]),
            persons=np.concatenate([self.persons[pool], persons]),
            supply=np.concatenate([np.ones(len(pool)), np.full(len(future), weight)]),
            upper=np.maximum(self.ledger.remaining, 0.0),
            hint_prices=self.last_prices,
            lean_start=self.settings.lean_start,
        )
        solution = solve_assignment(lp)
        share = solution.dense_share(len(pool) + len(future), len(lp.upper))
        return solution.capacity_dual, share[: len(pool)]

    def _follow(
        self,
        pool: IntArray,
        share: FloatArray,
        prices: FloatArray,
        undecided: BoolArray,
    ) -> None:
        """Households the plan places whole follow it; the rest go by price or wait,
        the `undecided` ones (within their beslistermijn) without being priced."""
        ledger = self.ledger
        best = share.argmax(axis=1)
        whole = share[np.arange(len(pool)), best] >= WHOLE
        for k in np.nonzero(whole)[0]:
            i, g = int(pool[k]), int(best[k])
            if ledger.remaining[g] >= self.persons[i] - 1e-9:
                ledger.place(i, g, self.persons[i])
        rest = pool[(ledger.gemeente[pool] < 0) & ~undecided]
        if len(rest):
            adjusted = self.values[rest] - self.persons[rest, None] * prices[None, :]
            chosen = integer_assign(adjusted, self.persons[rest], ledger.remaining)
            for k in np.nonzero(chosen >= 0)[0]:
                ledger.place(int(rest[k]), int(chosen[k]), self.persons[rest[k]])

    def _final(self, pool: IntArray) -> None:
        """No more arrivals: the optimum for the rest, then fill any room left.

        Exact for a small rest. A large one (a few hundred households over all gemeenten)
        can hit the integer programme's time limit, and what it returns then depends on
        the machine's speed; it gets the LP optimum rounded to whole households instead
        (a few split ones), so the same input and seed give the same result.
        """
        ledger = self.ledger
        if int(np.isfinite(self.values[pool]).sum()) > FINAL_EXACT_PAIRS:
            lp = AssignmentLp(
                values=self.values[pool],
                persons=self.persons[pool],
                supply=np.ones(len(pool)),
                upper=np.maximum(ledger.remaining, 0.0),
            )
            solve_and_round(ledger, pool, lp, self.allowed, self.persons)
            return
        chosen = integer_assign(self.values[pool], self.persons[pool], ledger.remaining)
        for k in np.nonzero(chosen >= 0)[0]:
            ledger.place(int(pool[k]), int(chosen[k]), self.persons[pool[k]])
        rest = pool[ledger.gemeente[pool] < 0]
        place_best_first(ledger, rest, self.values[rest], self.allowed, self.persons)


def resolving_dynamic(
    problem: Problem, settings: ResolveSettings | None = None
) -> Assignment:
    started = time.perf_counter()
    solver = Resolver(problem, settings or ResolveSettings())
    ledger = solver.ledger
    batches = weekly_batches(problem)
    g = len(problem.gemeenten.codes)
    batch_of = np.zeros(problem.n, dtype=np.int64)
    remaining_before = np.zeros((len(batches), g))
    prices = np.zeros((len(batches), g))
    seconds = []
    waiting = np.zeros(0, dtype=np.int64)
    for week, members in enumerate(batches):
        t0 = time.perf_counter()
        pool = np.concatenate([waiting, members])
        batch_of[pool] = week
        remaining_before[week] = ledger.remaining
        seen = int(members[-1]) + 1
        prices[week], waiting = solver.week(pool, seen, week)
        seconds.append(time.perf_counter() - t0)
    if len(waiting):  # the stream ended without an announced last arrival
        solver._final(waiting)
    return Assignment(
        policy="dynamisch",
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, solver.allowed),
        seconds=time.perf_counter() - started,
        batch_seconds=tuple(seconds),
        batch_of=batch_of,
        remaining_before=remaining_before,
        prices=prices,
    )
