# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark of the vectorised chain engine, with its baseline measured in the same run.

1. Speed ratio against the SimPy person-by-person baseline (benchmarks/simpy_chain.py)
   on the same scenario (built-in 'basis', 342 gemeenten): SimPy runs a few runs, the
   vectorised engine the ensemble; the ratio is per run.
2. Time and peak memory for 1,000 runs x 120 months x 342 gemeenten (local backend;
   peak memory by tracemalloc in a second pass, plus the process's max RSS).
3. Dask scaling: the same ensemble on a LocalCluster with 1 and with 2 workers
   (cluster started before timing), and a check that the results equal the local ones.

    MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_chain.py
    [--simpy-runs 1] [--runs 1000] [--months 120] [--skip-simpy]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from simpy_chain import simulate_person_by_person  # noqa: E402

from migratieketen.chain import builtin_scenario, run_ensemble  # noqa: E402
from migratieketen.chain.inputs import build_inputs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark ketenmodel")
    ap.add_argument(
        "--data-dir",
        default=os.environ.get(
            "MIGRATIEKETEN_DATA_DIR", str(HERE.parent.parent / "shared" / "data")
        ),
    )
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--simpy-runs", type=int, default=1)
    ap.add_argument("--skip-simpy", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument(
        "--dask-runs",
        type=int,
        nargs="+",
        default=[1000, 5000],
        help="ensemble sizes for the 1 vs 2 worker scaling",
    )
    args = ap.parse_args(argv)

    scenario = builtin_scenario("basis")
    scenario.months = args.months
    inputs = build_inputs(scenario, args.data_dir)
    n_gem = len(inputs.gemeenten)
    print(
        f"Scenario 'basis': {args.months} maanden x {n_gem} gemeenten; "
        f"{os.cpu_count()} CPU-kernen zichtbaar"
    )

    # warm-up (imports, caches), then the timed ensemble
    run_ensemble(scenario, inputs=inputs, runs=10)
    began, cpu = time.perf_counter(), time.process_time()
    local = run_ensemble(scenario, inputs=inputs, runs=args.runs)
    vec_seconds = time.perf_counter() - began
    vec_cpu = time.process_time() - cpu
    per_run_vec = vec_seconds / args.runs
    print(
        f"Gevectoriseerd: {args.runs} runs x {args.months} mnd x {n_gem} gemeenten "
        f"in {vec_seconds:.2f} s wandtijd, {vec_cpu:.2f} s CPU "
        f"({per_run_vec * 1e3:.2f} ms per run), "
        f"max. afwijking behoud {local.max_imbalance():.1e}"
    )
    print(f"Belasting van de machine (load average 1 min): {os.getloadavg()[0]:.1f}")
    began = time.perf_counter()
    threaded = run_ensemble(scenario, inputs=inputs, runs=args.runs, threads=2)
    print(
        f"Gevectoriseerd, 2 threads (2 kernen): {time.perf_counter() - began:.2f} s; "
        f"identiek: {'ja' if np.array_equal(threaded.national, local.national) else 'NEE'}"
    )

    tracemalloc.start()
    run_ensemble(scenario, inputs=inputs, runs=args.runs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Piekgeheugen (tracemalloc, numpy-allocaties): {peak / 2**20:.0f} MiB; "
        f"max RSS proces: {rss:.0f} MiB"
    )

    if not args.skip_simpy:
        began, cpu = time.perf_counter(), time.process_time()
        ends = [
            simulate_person_by_person(inputs, seed)[-1]
            for seed in range(args.simpy_runs)
        ]
        simpy_seconds = time.perf_counter() - began
        simpy_cpu = time.process_time() - cpu
        per_run_simpy = simpy_seconds / args.simpy_runs
        print(
            f"SimPy-basislijn (een proces per persoon): {args.simpy_runs} run(s) in "
            f"{simpy_seconds:.1f} s ({per_run_simpy:.1f} s per run); "
            f"COA-bezetting eind {', '.join(f'{e:,.0f}' for e in ends)} "
            f"(ensemble p5-p95: {local.series('coa_total', 5)[-1]:,.0f}-"
            f"{local.series('coa_total', 95)[-1]:,.0f})"
        )
        cpu_ratio = (simpy_cpu / args.simpy_runs) / (vec_cpu / args.runs)
        print(
            f"Snelheidsverhouding per run: {per_run_simpy / per_run_vec:,.0f}x wandtijd, "
            f"{cpu_ratio:,.0f}x CPU-tijd "
            f"(SimPy {args.runs} runs zou ~{per_run_simpy * args.runs / 3600:.1f} uur duren)"
        )

    if not args.skip_dask:
        import dask
        from distributed import LocalCluster

        from migratieketen.chain.dask_backend import MMAP_THRESHOLD

        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
        environ.setdefault("MALLOC_MMAP_THRESHOLD_", MMAP_THRESHOLD)
        dask.config.set({"distributed.nanny.pre-spawn-environ": environ})
        for n_runs in args.dask_runs:
            timings = {}
            for workers in (1, 2):
                with LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                ) as cluster:
                    address = cluster.scheduler_address
                    run_ensemble(
                        scenario,
                        inputs=inputs,
                        runs=20,
                        backend="dask",
                        address=address,
                    )
                    began = time.perf_counter()
                    result = run_ensemble(
                        scenario,
                        inputs=inputs,
                        runs=n_runs,
                        backend="dask",
                        address=address,
                    )
                    timings[workers] = time.perf_counter() - began
                    reference = (
                        local
                        if n_runs == args.runs
                        else run_ensemble(scenario, inputs=inputs, runs=n_runs)
                    )
                    same = np.array_equal(result.national, reference.national)
                    print(
                        f"Dask {workers} worker(s), {n_runs} runs: "
                        f"{timings[workers]:.2f} s; "
                        f"identiek aan lokaal: {'ja' if same else 'NEE'}"
                    )
            print(
                f"Schaling 1 -> 2 workers ({n_runs} runs): "
                f"{timings[1] / timings[2]:.2f}x sneller "
                f"(load average nu {os.getloadavg()[0]:.1f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
