# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Backtest on SYNTHETIC streams: each policy's share of the hindsight optimum.

Every stream is a fresh draw (synthetic.py) with the capacity set as the taakstelling
would be: the national number (vg) per half-year equal to the persons that arrive in
it, spread over gemeenten by art. 29 lid 1 (rounded up, so a little slack remains).
Two score models are run: the illustrative CBS model (scores differ by group and
gemeente only) and the same with a household x gemeente random factor, standing in for
a predictive model that sees individual differences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from migratieketen.data.loader import load_dataset
from migratieketen.plan.koppeling.capacity import (
    half_year_of,
    planning_half_years,
    taakstelling_capacity,
)
from migratieketen.plan.koppeling.model import Assignment, Problem
from migratieketen.plan.koppeling.run import run_policy
from migratieketen.plan.koppeling.scores import default_scores
from migratieketen.plan.koppeling.synthetic import StreamSpec, synthetic_stream

POLICIES = ("statusquo", "greedy", "batch", "dynamisch")


@dataclass(frozen=True, slots=True)
class StreamResult:
    seed: int
    score_model: str
    totals: dict[str, float]  # policy -> total score, incl. "hindsight"
    seconds: dict[str, float]
    unassigned: dict[str, int]

    def share(self, policy: str) -> float:
        return self.totals[policy] / self.totals["hindsight"]


def synthetic_problem(
    households: int, days: int, seed: int, data_dir: Path, noise: float = 0.0,
    start: date = date(2025, 1, 1),
) -> Problem:  # fmt: skip
    """A SYNTHETIC problem: stream, taakstelling capacity sized to it, default scores."""
    periods = planning_half_years(start, start + timedelta(days=days - 1))
    base = taakstelling_capacity(periods, data_dir, {hy: 1 for hy in periods})
    dataset = load_dataset(data_dir)
    population = np.array(
        [max(dataset.gemeente(c).population.values()) for c in base.codes]
    )
    stream = synthetic_stream(
        StreamSpec(households, start, days, seed), base, population, data_dir
    )
    per_half = {hy: 0 for hy in periods}
    for h in stream:
        per_half[half_year_of(h.arrival)] += h.persons
    gemeenten = taakstelling_capacity(periods, data_dir, per_half)
    scores = default_scores(stream, gemeenten, data_dir)
    if noise > 0:
        rng = np.random.default_rng([seed, 99])
        factor = rng.lognormal(-noise * noise / 2, noise, scores.values.shape)
        scores = replace(
            scores,
            values=scores.values * factor,
            source="synthetisch",
            label=f"SYNTHETISCH: illustratief model x lognormale factor (sigma {noise})",
        )
    return Problem(stream, gemeenten, scores, periods[0].start, periods[-1].end)


def evaluate(
    problem: Problem, seed: int, label: str, policies: Sequence[str] = POLICIES
) -> StreamResult:
    results: dict[str, Assignment] = {
        p: run_policy(problem, p, seed) for p in (*policies, "hindsight")
    }
    values = problem.scores.values
    return StreamResult(
        seed=seed,
        score_model=label,
        totals={p: a.total(values) for p, a in results.items()},
        seconds={p: a.seconds for p, a in results.items()},
        unassigned={p: int((a.gemeente < 0).sum()) for p, a in results.items()},
    )


def backtest(
    streams: int, households: int, days: int, data_dir: Path, noise: float = 0.0,
    first_seed: int = 1, progress: Callable[[StreamResult], None] | None = None,
) -> list[StreamResult]:  # fmt: skip
    out = []
    label = "illustratief" if noise == 0 else f"illustratief x ruis {noise}"
    for seed in range(first_seed, first_seed + streams):
        result = evaluate(
            synthetic_problem(households, days, seed, data_dir, noise), seed, label
        )
        out.append(result)
        if progress:
            progress(result)
    return out
