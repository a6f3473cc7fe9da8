# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark for ADR 0010: the same assignment LP through linopy and through highspy.

One weekly batch of the koppeling (households x 342 gemeenten, every pair a column,
capacity in persons): model build and solve time with linopy (xarray model, HiGHS
through linopy's direct interface) against scipy.sparse matrices passed to highspy,
plus our column-generation solve. Objective values must agree. linopy is a dev
dependency only, kept so that this measurement can be repeated.

Run: uv run python benchmarks/bench_modelling_layer.py [--huishoudens 385] [--herhaal 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

import highspy
import numpy as np

from migratieketen.plan.koppeling.lp import AssignmentLp, solve_assignment

G = 342


def instance(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    persons = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.5, 0.15, 0.15, 0.12, 0.08])
    population = rng.lognormal(0, 1, G)
    # At least 5 places everywhere, so every pair can hold a whole household and the
    # three routes solve the same LP (column generation leaves out pairs that cannot).
    capacity = np.maximum(
        np.ceil(1.2 * persons.sum() * population / population.sum()), 5
    )
    scores = rng.uniform(0.5, 1.5, G)[None, :] * rng.lognormal(0, 0.3, (n, G))
    return scores, persons.astype(np.float64), capacity


def with_highspy(
    scores: np.ndarray, persons: np.ndarray, cap: np.ndarray
) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    n = scores.size
    h_idx = np.repeat(np.arange(len(persons)), G)
    g_idx = np.tile(np.arange(G), len(persons))
    index = np.empty(2 * n, dtype=np.int32)
    index[0::2], index[1::2] = h_idx, len(persons) + g_idx
    value = np.empty(2 * n)
    value[0::2], value[1::2] = 1.0, persons[h_idx]
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(persons) + G
    lp.col_cost_ = scores.ravel()
    lp.col_lower_, lp.col_upper_ = np.zeros(n), np.ones(n)
    lp.row_lower_ = np.full(len(persons) + G, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate([np.ones(len(persons)), cap])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, 2 * n + 1, 2, dtype=np.int32)
    lp.a_matrix_.index_, lp.a_matrix_.value_ = index, value
    lp.sense_ = highspy.ObjSense.kMaximize
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    t1 = time.perf_counter()
    h.run()
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, h.getInfo().objective_function_value


def with_linopy(
    scores: np.ndarray, persons: np.ndarray, cap: np.ndarray
) -> tuple[float, float, float]:
    import linopy
    import xarray as xr

    t0 = time.perf_counter()
    m = linopy.Model()
    coords = [np.arange(len(persons)), np.arange(G)]
    x = m.add_variables(lower=0, upper=1, coords=coords, dims=["h", "g"], name="x")
    m.add_constraints(x.sum("g") <= 1, name="een")
    m.add_constraints(
        (x * xr.DataArray(persons, dims=["h"])).sum("h")
        <= xr.DataArray(cap, dims=["g"]),
        name="capaciteit",
    )
    m.add_objective((xr.DataArray(scores, dims=["h", "g"]) * x).sum(), sense="max")
    t1 = time.perf_counter()
    m.solve("highs", output_flag=False, progress=False)
    t2 = time.perf_counter()
    _ = m.constraints["capaciteit"].dual  # the prices the dynamic policy needs
    return t1 - t0, t2 - t1, float(m.objective.value)


def with_column_generation(
    scores: np.ndarray, persons: np.ndarray, cap: np.ndarray
) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    solution = solve_assignment(
        AssignmentLp(scores, persons, np.ones(len(persons)), cap)
    )
    return 0.0, time.perf_counter() - t0, solution.objective


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--huishoudens", type=int, default=385)
    parser.add_argument("--herhaal", type=int, default=3)
    args = parser.parse_args()
    scores, persons, cap = instance(args.huishoudens)
    print(
        f"LP: {args.huishoudens} huishoudens x {G} gemeenten = {scores.size} kolommen"
    )
    results = {}
    for name, fn in (
        ("highspy (scipy/numpy-matrices)", with_highspy),
        ("linopy -> HiGHS", with_linopy),
        ("kolomgeneratie (plan.koppeling.lp)", with_column_generation),
    ):
        runs = [fn(scores, persons, cap) for _ in range(args.herhaal)]
        build = statistics.median(r[0] for r in runs)
        solve = statistics.median(r[1] for r in runs)
        results[name] = build + solve
        print(
            f"{name:<36} bouw {build:7.3f} s  oplossen {solve:7.3f} s  doel {runs[0][2]:.4f}"
        )
    base = results["highspy (scipy/numpy-matrices)"]
    for name, total in results.items():
        print(f"{name:<36} totaal {total:7.3f} s = {total / base:5.2f}x highspy direct")


if __name__ == "__main__":
    main()
