# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark: koppeling of a SYNTHETIC year, 20,000 households x 342 gemeenten.

Prints, in one run, for each score model (the illustrative CBS model, and the same with
a household x gemeente random factor standing in for an individual-level model):
* each policy's total score and share of the hindsight optimum (target: dynamic >= 98 %),
  households left unlinked, and run time;
* time per weekly batch of the batch and dynamic policies (target <= 1 s) and the
  whole dynamic year (target <= 60 s);
* baselines measured in the same run: the greedy pass over the same year, and one
  plain HiGHS LP of an average week's households x all gemeenten (no column
  generation), so the figures can be read on a noisy machine.
Then a backtest over several smaller synthetic streams (mean and worst share).

Run: MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_koppeling.py
     [--huishoudens 20000] [--streams 6] [--stroomgrootte 3000] [--ruis 0.3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from migratieketen.data import default_data_dir
from migratieketen.plan.koppeling.backtest import (
    POLICIES,
    StreamResult,
    backtest,
    synthetic_problem,
)
from migratieketen.plan.koppeling.lp import ALL_COLUMNS_BELOW, AssignmentLp
from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.online import weekly_batches
from migratieketen.plan.koppeling.run import run_policy


def plain_week_lp(problem: Problem) -> float:
    """Baseline: one full LP (every pair a column) of an average week, in seconds."""
    from migratieketen.plan.koppeling import lp as lp_module

    batches = weekly_batches(problem)
    members = batches[len(batches) // 2]
    allowed = problem.allowed()[members]
    lp = AssignmentLp(
        values=np.where(allowed, problem.scores.values[members], -np.inf),
        persons=problem.persons[members],
        supply=np.ones(len(members)),
        upper=problem.gemeenten.capacity.astype(np.float64),
    )
    saved = lp_module.ALL_COLUMNS_BELOW
    lp_module.ALL_COLUMNS_BELOW = 10**9
    try:
        t0 = time.perf_counter()
        lp_module.solve_assignment(lp)
        return time.perf_counter() - t0
    finally:
        lp_module.ALL_COLUMNS_BELOW = saved


def year(problem: Problem, label: str) -> None:
    print(f"\n== Jaar, score: {label} ==")
    print(
        f"{problem.n} huishoudens, {int(problem.persons.sum())} personen, "
        f"{len(problem.gemeenten.codes)} gemeenten, capaciteit "
        f"{int(problem.gemeenten.capacity.sum())} personen "
        f"({len(weekly_batches(problem))} weken)"
    )
    base_lp = plain_week_lp(problem)
    runs = {p: run_policy(problem, p, seed=1) for p in (*POLICIES, "hindsight")}
    values = problem.scores.values
    optimum = runs["hindsight"].total(values)
    bound = runs["hindsight"].upper_bound
    print(
        f"hindsight-optimum {optimum:.2f}"
        + (
            f" (LP-bovengrens {bound:.2f}, afrondverlies {1 - optimum / bound:.3%})"
            if bound
            else ""
        )
    )
    print(
        f"{'beleid':<10} {'score':>10} {'aandeel':>8} {'niet gekoppeld':>15} {'tijd (s)':>9}"
    )
    for name, a in runs.items():
        total = a.total(values)
        print(
            f"{name:<10} {total:>10.2f} {total / optimum:>8.2%} "
            f"{int((a.gemeente < 0).sum()):>15} {a.seconds:>9.2f}"
        )
    greedy_s = runs["greedy"].seconds
    for name in ("batch", "dynamisch"):
        weeks = runs[name].batch_seconds
        print(
            f"{name}: per weekbatch gemiddeld {statistics.mean(weeks):.3f} s, "
            f"p95 {float(np.percentile(weeks, 95)):.3f} s, max {max(weeks):.3f} s "
            f"(doel <= 1 s); = {statistics.mean(weeks) / base_lp:.2f}x een kale LP van "
            f"een week ({base_lp:.3f} s)"
        )
    dyn = runs["dynamisch"].seconds
    print(
        f"dynamisch hele jaar {dyn:.1f} s (doel <= 60 s); = {dyn / greedy_s:.0f}x de "
        f"greedy-doorloop ({greedy_s:.2f} s) en {dyn / base_lp:.0f}x een kale week-LP"
    )


def summarise(results: list[StreamResult]) -> None:
    for name in (*POLICIES,):
        shares = [r.share(name) for r in results]
        print(
            f"  {name:<10} gemiddeld {statistics.mean(shares):.2%}, "
            f"slechtste {min(shares):.2%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--huishoudens", type=int, default=20_000)
    parser.add_argument("--streams", type=int, default=6)
    parser.add_argument("--stroomgrootte", type=int, default=3_000)
    parser.add_argument("--ruis", type=float, default=0.3)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or default_data_dir()
    print(
        "SYNTHETISCHE huishoudens (openbare verdelingen + AANNAMEN, zie synthetic.py)"
    )
    print(f"kolomgeneratie: volledige LP onder {ALL_COLUMNS_BELOW} paren")
    for noise, label in (
        (0.0, "illustratief CBS-model"),
        (args.ruis, f"individueel (ruis {args.ruis})"),
    ):
        year(synthetic_problem(args.huishoudens, 365, 1, data, noise), label)
    for noise in (0.0, args.ruis):
        print(
            f"\n== Backtest: {args.streams} stromen x {args.stroomgrootte} huishoudens, "
            f"halfjaar, ruis {noise} =="
        )
        summarise(
            backtest(args.streams, args.stroomgrootte, 181, data, noise, first_seed=101)
        )


if __name__ == "__main__":
    main()
