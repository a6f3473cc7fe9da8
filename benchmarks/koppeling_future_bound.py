# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""How much of the dynamic policy's gap to the hindsight optimum is the forecast?

On SYNTHETIC noisy half-years (`backtest.synthetic_problem`, noise 0.3) the weekly
re-solving rule (`resolving.py`) is run with three pictures of the future, all else equal:

* `bootstrap`: seen households drawn with replacement, no model (the old default);
* `residuen`: the additive log model with column-wise residuals (`futures.py`), as
  first measured (no outlier handling, no tie-break for the household in hand);
* `standaard`: the current defaults of `ResolveSettings`;
* `verdeling`: rows of an independent stream drawn from the same generator (another
  seed): the true distribution of later households, which no real policy knows. It
  bounds what a better forecast alone can give this rule; it is not a policy.

Prints each one's share of the hindsight optimum per stream and the mean.

Run: uv run python benchmarks/koppeling_future_bound.py [--huishoudens 3000]
     [--streams 2] [--ruis 0.3] [--varianten bootstrap,residuen,standaard,verdeling]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from typing import Any

import numpy as np

from migratieketen.data import default_data_dir
from migratieketen.plan.koppeling import resolving
from migratieketen.plan.koppeling.backtest import synthetic_problem
from migratieketen.plan.koppeling.hindsight import hindsight, ledger_total
from migratieketen.plan.koppeling.model import Problem

DISTRIBUTION_SEED_OFFSET = 5000


def distribution_resolver(other: Problem) -> type[resolving.Resolver]:
    """A Resolver whose future rows come from `other`, an independent stream."""
    values = np.where(other.allowed(), other.scores.values, -np.inf)

    class FromDistribution(resolving.Resolver):
        def _future(self, seen: int, week: int) -> Any:
            g = self.values.shape[1]
            left = self.problem.n - seen
            if left <= 0:
                return np.zeros((0, g)), np.zeros(0), 0.0
            rng = np.random.default_rng([self.settings.seed, week, 17])
            draws = max(
                min(left * self.settings.samples, self.settings.max_future_rows), left
            )
            rows = np.sort(rng.integers(0, other.n, size=draws))
            return values[rows], other.persons[rows], left / draws

    return FromDistribution


PLAIN = resolving.ResolveSettings(
    residual_share=0.0, outlier_z=0.0, future_discount=0.0
)
SETTINGS = {
    "bootstrap": PLAIN,
    "residuen": replace(PLAIN, residual_share=1.0),
    "standaard": resolving.ResolveSettings(),
    "verdeling": PLAIN,
}


def run(problem: Problem, label: str, other: Problem) -> float:
    settings = SETTINGS[label]
    original = resolving.Resolver
    if label == "verdeling":
        resolving.Resolver = distribution_resolver(other)  # type: ignore[misc]
    try:
        assignment = resolving.resolving_dynamic(problem, settings)
    finally:
        resolving.Resolver = original  # type: ignore[misc]
    return ledger_total(problem, assignment.gemeente)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huishoudens", type=int, default=3000)
    parser.add_argument("--streams", type=int, default=2)
    parser.add_argument("--ruis", type=float, default=0.3)
    parser.add_argument("--varianten", default=",".join(SETTINGS))
    args = parser.parse_args()
    data = default_data_dir()
    labels = tuple(k for k in args.varianten.split(",") if k)
    shares: dict[str, list[float]] = {k: [] for k in labels}
    print("SYNTHETISCHE halfjaren; aandeel van het hindsight-optimum")
    for seed in range(101, 101 + args.streams):
        problem = synthetic_problem(args.huishoudens, 181, seed, data, args.ruis)
        other = synthetic_problem(
            args.huishoudens, 181, seed + DISTRIBUTION_SEED_OFFSET, data, args.ruis
        )
        best = ledger_total(problem, hindsight(problem).gemeente)
        line = [f"seed {seed}:"]
        for label in labels:
            started = time.perf_counter()
            share = 100 * run(problem, label, other) / best
            shares[label].append(share)
            line.append(
                f"{label} {share:6.2f}% ({time.perf_counter() - started:.0f} s)"
            )
        print("  ".join(line), flush=True)
    print(
        "gemiddeld: " + "  ".join(f"{k} {np.mean(v):.2f}%" for k, v in shares.items())
    )


if __name__ == "__main__":
    main()
