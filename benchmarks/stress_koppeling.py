# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Stress harness: each koppeling policy's share of the hindsight optimum on many small,
noisy, tight and constrained SYNTHETIC instances (migratieketen.plan.koppeling.stress).

Instances: 50-500 households x 5-40 gemeenten, scores uniform / lognormal / heavy-tailed
(Pareto) / tied to household size / coarse with many ties / low-rank / rising over the
period (adversarial) / mostly unscored, arrivals uniform / bursty / rising / falling,
capacity 80-120 % of the persons arriving, 0-30 % family ties and 0-25 % provinces.
Plus one fixed case when the open data is there (MIGRATIEKETEN_DATA_DIR): 500 noisy
households over all 342 gemeenten with capacities of a few persons each (the synthetic
stream of `migratieketen plan synthetisch --huishoudens 500 --seed 3 --ruis 0.3`), where
fragmented small capacities hurt an LP plan. Prints one line per instance and per policy
the worst, 5th percentile and median share, next to the status-quo proxy and greedy
measured on the same instances (the baseline).

Run: uv run python benchmarks/stress_koppeling.py [--instances 80] [--first-seed 1]
     [--policies statusquo,greedy,batch,dynamisch] [--quiet] [--zonder-vast]
     [--seedverschuiving 1000]  (added to each policy's sample seed: the figures'
     dependence on the draw of the future, the instances stay the same)
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

import numpy as np

from migratieketen.data import DataDirError, default_data_dir
from migratieketen.plan.koppeling.backtest import synthetic_problem
from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.online import weeks_waited
from migratieketen.plan.koppeling.run import run_policy
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem

DEFAULT_POLICIES = ("statusquo", "greedy", "batch", "dynamisch")


FIXED_LABEL = (
    "vast: 500 hh x 342 gm (capaciteit 1-59 personen), illustratief x ruis 0.3"
)


def instances(
    first: int, count: int, fixed: bool
) -> Iterator[tuple[int, str, Problem]]:
    """The drawn stress instances, then the fixed many-gemeenten case if data is there."""
    for seed in range(first, first + count):
        spec = draw_spec(seed)
        yield seed, spec.label(), stress_problem(spec)
    if fixed:
        try:
            data_dir = default_data_dir()
            yield 3, FIXED_LABEL, synthetic_problem(500, 181, 3, data_dir, 0.3)
        except (DataDirError, FileNotFoundError) as exc:
            print(f"vaste instantie overgeslagen: {exc}")


def share(total: float, best: float) -> float:
    return 1.0 if best <= 1e-12 else total / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--instances", type=int, default=80)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--policies", default=",".join(DEFAULT_POLICIES))
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--zonder-vast", action="store_true", help="no fixed case")
    parser.add_argument("--seedverschuiving", type=int, default=0)
    args = parser.parse_args()
    policies = [p for p in args.policies.split(",") if p]
    shares: dict[str, list[float]] = {p: [] for p in policies}
    seconds: dict[str, float] = {p: 0.0 for p in (*policies, "hindsight")}
    worst: dict[str, tuple[float, str]] = {p: (2.0, "") for p in policies}
    waited: list[np.ndarray] = []
    count = 0
    fixed = not args.zonder_vast
    for seed, label, problem in instances(args.first_seed, args.instances, fixed):
        count += 1
        t0 = time.perf_counter()
        best_a = run_policy(problem, "hindsight", seed)
        seconds["hindsight"] += time.perf_counter() - t0
        best = best_a.total(problem.scores.values)
        line = []
        for p in policies:
            t0 = time.perf_counter()
            a = run_policy(problem, p, seed + args.seedverschuiving)
            seconds[p] += time.perf_counter() - t0
            s = share(a.total(problem.scores.values), best)
            shares[p].append(s)
            if s < worst[p][0]:
                worst[p] = (s, label)
            line.append(f"{p} {s:7.2%}")
            if p == "dynamisch":
                placed = a.gemeente >= 0
                waited.append(weeks_waited(problem, a.batch_of)[placed])
        if not args.quiet:
            print(f"{label:<95} " + "  ".join(line), flush=True)
    print(f"\nAandeel van het hindsight-optimum over {count} SYNTHETISCHE")
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
