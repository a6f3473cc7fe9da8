# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark of the woningmarkt engine, with its per-person baseline measured in the same run.

1. One gemeente, 10 years per week, 1,000 Monte Carlo runs (target: under a second):
   - the simulation (draws + engine, one policy);
   - the whole `simulate()` as the CLI calls it (the policy and its no-priority
     counterfactual for the verdringing, waiting-time quantiles, all checks);
   - the per-person baseline (`person_sim.py`) on the same runs: time per run, and the
     ratio per run.
2. The frontier, 21 x 5 lever settings (+ the current policy), for all 342 gemeenten
   (target: under a minute on 2 cores): locally on one core, and on Dask with 1 and 2
   workers when asked (cluster started before timing; results compared with the local
   ones); the per-person baseline is timed on a sample of gemeenten and extrapolated.

    MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_woningmarkt.py
    [--gemeente GM0363 GM0984] [--runs 1000] [--person-runs 3] [--frontier-runs 10]
    [--dask] [--skip-national]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from migratieketen.data import load_dataset  # noqa: E402
from migratieketen.rules.huisvestingswet import HalfYear  # noqa: E402
from migratieketen.woningmarkt import Policy, build_markets, resolve_values, simulate  # noqa: E402
from migratieketen.woningmarkt.lanes import build_lanes, settings_for  # noqa: E402
from migratieketen.woningmarkt.national import national_frontier  # noqa: E402
from migratieketen.woningmarkt.person_sim import simulate_person_run  # noqa: E402
from migratieketen.woningmarkt.run import run_block  # noqa: E402

START = HalfYear(2026, 1)
POLICY = Policy(0.3)


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen"


def one_gemeente(dataset, code: str, runs: int, person_runs: int) -> None:  # type: ignore[no-untyped-def]
    values = resolve_values()
    (market,) = build_markets(dataset, [code], START, 20, values["future_vg"])
    simulate(market, POLICY, runs=20, years=1)  # warm-up
    began = time.perf_counter()
    lanes = build_lanes([market], runs, values, seed=0)
    raw = run_block(lanes, settings_for([POLICY], lanes.steps, 52))
    sim = time.perf_counter() - began
    began = time.perf_counter()
    result = simulate(market, POLICY, runs=runs, seed=0)
    full = time.perf_counter() - began
    began = time.perf_counter()
    persons = [simulate_person_run(lanes, r, POLICY) for r in range(person_runs)]
    per_person = (time.perf_counter() - began) / person_runs
    housed_v = raw.totals["priority"][0, :person_runs].mean()
    housed_p = np.mean([p.housed_with_priority for p in persons])
    print(
        f"{market.name} ({code}), {runs} runs x 520 weken, voorrang 30 %:\n"
        f"  simulatie (trekkingen + motor): {sim:.2f} s ({sim / runs * 1e3:.2f} ms per run)\n"
        f"  simulate() compleet (beleid + tegenfeitelijk, kwantielen, alle controles): "
        f"{full:.2f} s; max. afwijking behoud {max(result.checks.values()):.1e}, "
        f"Little {max(result.little.values()):.1e}\n"
        f"  per-persoon-basislijn: {per_person:.2f} s per run; verhouding per run "
        f"{per_person / (sim / runs):,.0f}x (simulatie), {per_person / (full / runs):,.0f}x "
        f"(compleet); 1.000 runs per persoon ~{per_person * runs / 60:.0f} min\n"
        f"  zelfde model: met voorrang gehuisvest {housed_v:,.1f} (vector) tegen "
        f"{housed_p:,.1f} (per persoon), gemiddeld over {person_runs} runs; {_load()}"
    )


def _person_sample(dataset, markets, runs: int, sample: int) -> float:  # type: ignore[no-untyped-def]
    """Seconds per (gemeente, setting, run) of the per-person baseline on a sample."""
    order = np.argsort([m.corporation_stock for m in markets])
    picks = [
        markets[i] for i in order[np.linspace(0, len(order) - 1, sample).astype(int)]
    ]
    lanes = build_lanes(picks, 1, resolve_values(), seed=0)
    began = time.perf_counter()
    for r in range(lanes.runs):
        simulate_person_run(lanes, r, Policy(0.3))
    return (time.perf_counter() - began) / lanes.runs


def national(dataset, runs: int, use_dask: bool, sample: int) -> None:  # type: ignore[no-untyped-def]
    values = resolve_values()
    markets = build_markets(dataset, None, START, 20, values["future_vg"])
    settings = 21 * 5 + 1
    began = time.perf_counter()
    local = national_frontier(markets, Policy(0.06), runs=runs, backend="local")
    seconds = time.perf_counter() - began
    per_lane = _person_sample(dataset, markets, runs, sample)
    lanes = len(markets) * settings * runs
    person_total = per_lane * lanes
    print(
        f"Frontier {len(markets)} gemeenten x {settings} instellingen x {runs} runs x 520 "
        f"weken ({lanes:,} banen):\n"
        f"  lokaal, 1 kern: {seconds:.1f} s\n"
        f"  per-persoon-basislijn: {per_lane:.3f} s per baan (steekproef van {sample} "
        f"gemeenten) -> ~{person_total / 3600:.1f} uur; verhouding {person_total / seconds:,.0f}x"
        f"; {_load()}"
    )
    if use_dask:
        _dask(markets, runs, local)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  max RSS van dit proces: {rss:.0f} MiB")


def _dask(markets, runs: int, local) -> None:  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None
        ) as cluster:
            national_frontier(markets[:4], Policy(0.06), runs=2, backend="dask",
                              address=cluster.scheduler_address)  # fmt: skip
            began = time.perf_counter()
            result = national_frontier(
                markets, Policy(0.06), runs=runs, backend="dask",
                address=cluster.scheduler_address,
            )  # fmt: skip
            seconds = time.perf_counter() - began
            same = all(
                np.allclose(result.means[k], local.means[k], rtol=1e-12)
                for k in local.means
            )
            print(
                f"  Dask {workers} worker(s): {seconds:.1f} s; gelijk aan lokaal: "
                f"{'ja' if same else 'NEE'}; {_load()}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark woningmarkt")
    ap.add_argument(
        "--data-dir",
        default=os.environ.get(
            "MIGRATIEKETEN_DATA_DIR", str(HERE.parent.parent / "shared" / "data")
        ),
    )
    ap.add_argument("--gemeente", nargs="*", default=["GM0363", "GM0984"])
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--person-runs", type=int, default=3)
    ap.add_argument("--frontier-runs", type=int, default=10)
    ap.add_argument("--person-sample", type=int, default=6)
    ap.add_argument("--dask", action="store_true")
    ap.add_argument("--skip-national", action="store_true")
    args = ap.parse_args(argv)
    dataset = load_dataset(args.data_dir)
    for code in args.gemeente:
        one_gemeente(dataset, code, args.runs, args.person_runs)
    if not args.skip_national:
        national(dataset, args.frontier_runs, args.dask, args.person_sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
