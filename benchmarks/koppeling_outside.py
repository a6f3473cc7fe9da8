# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Koppeling on OUTSIDE-LIKE SYNTHETIC instances, read through the CLI's file path.

The backtest and the stress test draw scores from our own generators. This benchmark
writes instances the way a COA region or a researcher would bring them: H.csv, S.csv and
C.csv, with scores from a GeoMatch-style employment model (Bansak et al. 2018): the
probability of work is a logistic function of a gemeente effect, a nationality group x
gemeente effect, education x a gemeente slope and noise per pair, times the number of
adults. Real household x gemeente interactions, bounded scores, 300-3,000 households over
20-341 real gemeentecodes, capacity 85-110 % of the persons arriving. SYNTHETIC: no real
household is in them.

Prints per instance each policy's share of the hindsight optimum (and of the LP upper
bound, a lower bound on the true share), and worst / mean / median over the instances,
greedy and batch being the baselines measured in the same run.

Run: MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/koppeling_outside.py
     [--policies greedy,batch,dynamisch] [--tot 12]
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from migratieketen.data import default_data_dir
from migratieketen.data.loader import load_dataset
from migratieketen.plan.koppeling.run import load_problem, run_policy

# households, gemeenten, seed, capacity / persons, noise sd on the logit
INSTANCES = (
    (300, 20, 11, 0.95, 0.3), (500, 341, 12, 1.0, 0.5), (800, 40, 13, 0.9, 0.5),
    (800, 40, 14, 1.1, 1.0), (1000, 100, 15, 1.0, 0.8), (1500, 100, 16, 0.85, 0.5),
    (2000, 341, 17, 1.0, 0.8), (3000, 341, 18, 1.0, 0.5), (400, 60, 19, 1.0, 1.2),
    (1200, 25, 20, 0.9, 0.3), (600, 150, 21, 1.05, 0.6), (2500, 200, 22, 0.95, 1.0),
)  # fmt: skip
NATIONALITY_GROUPS = 8


def write_instance(
    folder: Path, spec: tuple[int, int, int, float, float], all_codes: list[str]
) -> None:
    """H.csv, S.csv and C.csv for one SYNTHETIC instance (same spec, same files)."""
    n, g, seed, tightness, noise = spec
    rng = np.random.default_rng(seed)
    codes = sorted(rng.choice(all_codes, g, replace=False).tolist())
    place = rng.normal(0, 0.5, g)
    group_place = rng.normal(0, 0.4, (NATIONALITY_GROUPS, g))
    education_slope = rng.normal(0, 0.3, g)
    weights = rng.dirichlet(np.full(g, 3.0))
    group = rng.integers(0, NATIONALITY_GROUPS, n)
    education = rng.normal(0, 1, n)
    adults = np.where(rng.random(n) < 0.6, 1, 2)
    persons = adults + rng.poisson(0.8, n) * (adults == 2)
    days = np.sort(rng.integers(0, 181, n))
    logit = (
        -1.0
        + place[None, :]
        + group_place[group]
        + education[:, None] * (0.6 + education_slope[None, :])
        + rng.normal(0, noise, (n, g))
    )
    scores = adults[:, None] / (1.0 + np.exp(-logit))
    capacity = np.floor(weights * tightness * persons.sum() + rng.random(g))
    ids = [f"X{i:05d}" for i in range(n)]
    start = date(2026, 1, 1)
    _write(folder / "H.csv", ["huishouden_id", "aankomst", "personen", "volwassenen"], (
        [ids[i], (start + timedelta(days=int(days[i]))).isoformat(), int(persons[i]),
         int(adults[i])] for i in range(n)
    ))  # fmt: skip
    _write(folder / "S.csv", ["huishouden_id", "gemeentecode", "score"], (
        [ids[i], codes[j], f"{scores[i, j]:.4f}"] for i in range(n) for j in range(g)
    ))  # fmt: skip
    _write(folder / "C.csv", ["gemeentecode", "capaciteit"], (
        [codes[j], int(capacity[j])] for j in range(g)
    ))  # fmt: skip


def _write(path: Path, header: list[str], rows: object) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--policies", default="greedy,batch,dynamisch")
    parser.add_argument("--tot", type=int, default=len(INSTANCES))
    args = parser.parse_args()
    policies = [p for p in args.policies.split(",") if p]
    data_dir = default_data_dir()
    all_codes = [gm.code for gm in load_dataset(data_dir).gemeenten]
    shares: dict[str, list[float]] = {p: [] for p in policies}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in INSTANCES[: args.tot]:
            folder = Path(tmp) / f"i{spec[2]}"
            folder.mkdir()
            write_instance(folder, spec, all_codes)
            problem = load_problem(
                folder / "H.csv", folder / "S.csv", folder / "C.csv", data_dir
            )
            values = problem.scores.values
            t0 = time.perf_counter()
            best = run_policy(problem, "hindsight")
            optimum, bound = best.total(values), best.upper_bound or 0.0
            line = [
                f"hindsight {optimum:.2f} (LP {bound:.2f}, {time.perf_counter() - t0:.0f} s)"
            ]
            for p in policies:
                t0 = time.perf_counter()
                total = run_policy(problem, p).total(values)
                shares[p].append(total / optimum)
                line.append(
                    f"{p} {total / optimum:.2%} (LP {total / bound:.2%}, "
                    f"{time.perf_counter() - t0:.1f} s)"
                )
            print(
                f"{spec[0]} hh x {spec[1]} gm, ruis {spec[4]}: " + " | ".join(line),
                flush=True,
            )
    print("\nAandeel van het hindsight-optimum (SYNTHETISCH, buitenaf-achtig):")
    for p, v in shares.items():
        a = np.array(v)
        print(
            f"  {p:<10} slechtste {a.min():.2%}  gemiddeld {a.mean():.2%}  "
            f"mediaan {np.median(a):.2%}  >= 98 %: {(a >= 0.98).sum()}/{len(a)}"
        )


if __name__ == "__main__":
    main()
