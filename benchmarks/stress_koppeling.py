# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Stress harness: each koppeling policy's share of the hindsight optimum on many small,
noisy, tight and constrained SYNTHETIC instances (migratieketen.plan.koppeling.stress).

Instances: 50-500 households x 5-40 gemeenten, scores uniform / lognormal / heavy-tailed
(Pareto) / tied to household size / coarse with many ties / low-rank / rising over the
period (adversarial) / mostly unscored, arrivals uniform / bursty / rising / falling,
capacity 80-120 % of the persons arriving, 0-30 % family ties and 0-25 % provinces.
Prints one line per instance and per policy the worst, 5th percentile and median share,
next to the status-quo proxy and greedy measured on the same instances (the baseline).

Run: uv run python benchmarks/stress_koppeling.py [--instances 80] [--first-seed 1]
     [--policies statusquo,greedy,batch,dynamisch] [--quiet]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from migratieketen.plan.koppeling.model import Assignment, Problem
from migratieketen.plan.koppeling.online import weekly_batches
from migratieketen.plan.koppeling.run import run_policy
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem

DEFAULT_POLICIES = ("statusquo", "greedy", "batch", "dynamisch")


def weeks_waited(problem: Problem, a: Assignment) -> np.ndarray:
    """Decision batches between arrival and linking, per linked household."""
    arrived = np.zeros(problem.n, dtype=np.int64)
    for week, members in enumerate(weekly_batches(problem)):
        arrived[members] = week
    placed = a.gemeente >= 0
    if a.batch_of is None:
        return np.zeros(int(placed.sum()), dtype=np.int64)
    return np.asarray(a.batch_of[placed] - arrived[placed])


def share(total: float, best: float) -> float:
    return 1.0 if best <= 1e-12 else total / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--instances", type=int, default=80)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--policies", default=",".join(DEFAULT_POLICIES))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    policies = [p for p in args.policies.split(",") if p]
    shares: dict[str, list[float]] = {p: [] for p in policies}
    seconds: dict[str, float] = {p: 0.0 for p in (*policies, "hindsight")}
    worst: dict[str, tuple[float, str]] = {p: (2.0, "") for p in policies}
    waited: list[np.ndarray] = []
    for seed in range(args.first_seed, args.first_seed + args.instances):
        spec = draw_spec(seed)
        problem = stress_problem(spec)
        t0 = time.perf_counter()
        best_a = run_policy(problem, "hindsight", seed)
        seconds["hindsight"] += time.perf_counter() - t0
        best = best_a.total(problem.scores.values)
        line = []
        for p in policies:
            t0 = time.perf_counter()
            a = run_policy(problem, p, seed)
            seconds[p] += time.perf_counter() - t0
            s = share(a.total(problem.scores.values), best)
            shares[p].append(s)
            if s < worst[p][0]:
                worst[p] = (s, spec.label())
            line.append(f"{p} {s:7.2%}")
            if p == "dynamisch":
                waited.append(weeks_waited(problem, a))
        if not args.quiet:
            print(f"{spec.label():<95} " + "  ".join(line), flush=True)
    print(f"\nAandeel van het hindsight-optimum over {args.instances} SYNTHETISCHE")
    print("stressinstanties (seeds vanaf", args.first_seed, "):")
    print(f"{'modus':<10} {'slechtste':>9} {'p5':>8} {'mediaan':>8} {'tijd (s)':>9}")
    for p in policies:
        v = np.array(shares[p])
        print(
            f"{p:<10} {v.min():9.2%} {np.percentile(v, 5):8.2%} "
            f"{np.median(v):8.2%} {seconds[p]:9.1f}"
        )
    print(f"{'hindsight':<10} {'':>9} {'':>8} {'':>8} {seconds['hindsight']:9.1f}")
    for p in policies:
        print(f"slechtste {p}: {worst[p][1]}")
    if waited:
        w = np.concatenate(waited)
        print(
            f"dynamisch, wachtlijst: {np.mean(w > 0):.1%} van de huishoudens wachtte, "
            f"gemiddeld {w[w > 0].mean() if (w > 0).any() else 0:.1f} weken (max {w.max()})"
        )


if __name__ == "__main__":
    main()
