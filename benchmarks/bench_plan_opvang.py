# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark: the national opvang plan, >= 1,000 candidates x 24 months x 100 paths.

Prints, in one run: build and solve time of the two-stage MIP with HiGHS and its proven
MIP gap (target: within 1 % of optimal in at most 120 s on 2 cores), warm-started from
the median-path plan solved with `--startblok` months per decision block (default 3: a
quarterly plan is feasible in a monthly model, `warmstart.plan_start`; equal to
`--beslisblok`: the deterministic baseline's own plan, as `plan_opvang` does), with the
start's own solve time and the total, next to the
baselines measured in the same run: the deterministic plan on the median path (its
own solve time), the reactive status quo and the hybrid (the stochastic plan plus the
reactive noodopvang rule as recourse), each scored on the same 100 paths and on
fresh out-of-sample paths of the chain (another seed), with the cost ratio to the
stochastic plan. Next to the monolithic MIP: the scenario-batch decomposition (SAA
with replications, `--batches B`): B batch MIPs, each plan scored on all paths, the
cheapest kept, with its statistical gap estimate. With --dask the batch MIPs and the
out-of-sample scoring run on a local Dask cluster (MIGRATIEKETEN_DASK_ADDRESS: that
scheduler instead).

Run: MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_plan_opvang.py
     [--kandidaten 1000] [--maanden 24] [--paden 100] [--beslisblok 1]
     [--tijdslimiet 120] [--toetspaden 1000] [--batches 4] [--dask] [--startblok 3]
     [--scenario piek2015]
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace
from datetime import date

from migratieketen.chain import builtin_scenario
from migratieketen.data import default_data_dir
from migratieketen.plan.opvang import candidates as cands
from migratieketen.plan.opvang.batches import BatchResult, solve_in_batches
from migratieketen.plan.opvang.demand import chain_demand
from migratieketen.plan.opvang.evaluate import Outcome
from migratieketen.plan.opvang.formulation import layout, solve
from migratieketen.plan.opvang.norms import norms_at
from migratieketen.plan.opvang.policies import (
    hybrid,
    median_instance,
    plan_outcome,
    reactive,
)
from migratieketen.plan.opvang.run import Settings, build_instance, empty_plan
from migratieketen.plan.opvang.warmstart import plan_start


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--kandidaten", type=int, default=1000)
    p.add_argument("--maanden", type=int, default=24)
    p.add_argument("--paden", type=int, default=100)
    p.add_argument("--beslisblok", type=int, default=1)
    p.add_argument("--tijdslimiet", type=float, default=120.0)
    p.add_argument("--toetspaden", type=int, default=1000)
    p.add_argument("--scenario", default="piek2015")
    p.add_argument("--batches", type=int, default=4)
    p.add_argument("--dask", action="store_true")
    p.add_argument("--startblok", type=int, default=3,
                   help="beslisblok (mnd) van het mediaanplan dat de warme start geeft; "
                   "0 = geen start (alleen 'niets nieuw open')")  # fmt: skip
    a = p.parse_args()
    if a.startblok and a.startblok % a.beslisblok:
        p.error("--startblok moet een veelvoud van --beslisblok zijn (of 0)")
    return a


def _row(name: str, out: Outcome, ref: float, seconds: float | None) -> str:
    s = out.summary()
    t = "-" if seconds is None else f"{seconds:7.1f}"
    return (
        f"{name:<28} {s['verwachte_kosten'] / 1e6:12.1f} {s['verwachte_kosten'] / ref:7.3f} "
        f"{s['crisisplaatsmaanden_verwacht']:12.0f} {s['crisisplaatsmaanden_p95']:12.0f} "
        f"{s['leegstand_plaatsmaanden']:12.0f} {t:>8}"
    )


def main() -> None:
    a = _args()
    data = default_data_dir()
    norms = norms_at(date.today())
    scenario = builtin_scenario(a.scenario)
    settings = Settings(months=a.maanden, paths=a.paden, step=a.beslisblok)
    wijken = cands.load_wijken(data)
    pool = cands.generic_candidates(wijken, norms, None, a.kandidaten)
    demand = chain_demand(scenario, data, norms, months=a.maanden, paths=a.paden)
    t0 = time.perf_counter()
    inst = build_instance(demand, pool, wijken, norms, str(data), settings)
    lay = layout(inst)
    built = time.perf_counter() - t0
    print(f"Instantie: {len(pool)} kandidaten x {a.maanden} maanden x {a.paden} paden "
          f"(beslisblok {a.beslisblok} mnd); {lay.size:,} variabelen, bouw {built:.2f} s")  # fmt: skip
    t0 = time.perf_counter()
    det = solve(median_instance(inst), time_limit=a.tijdslimiet)
    t_det = time.perf_counter() - t0
    print(
        f"Deterministisch MIP (mediaanpad): {t_det:.1f} s, gap {100 * det.solution.gap:.3f} %"
    )
    stoch, t_start, t_mip = _stochastic(a, inst, det, t_det)
    t_stoch = t_start + t_mip  # the table's solve time: warm start plus MIP
    sol = stoch.solution
    print(f"Stochastisch MIP: {t_mip:.1f} s, gap {100 * sol.gap:.4f} % "
          f"(bewezen MIP-gap van HiGHS; optimaal binnen 0,01 %: {sol.optimal}), "
          f"{int((stoch.opened >= 0).sum())} locaties open; met de warme start samen "
          f"{t_stoch:.1f} s")  # fmt: skip
    batched = _batched(a, inst)
    _report(f"Op de {a.paden} planpaden", inst, stoch, det, None, t_stoch, t_det, {},
            batched)  # fmt: skip
    fresh = chain_demand(scenario, data, norms, months=a.maanden, paths=a.toetspaden,
                         seed=scenario.seed + 1000)  # fmt: skip
    dask = {"backend": "dask"} if a.dask else {}
    t0 = time.perf_counter()
    _report(f"Op {a.toetspaden} nieuwe paden (andere seed)", inst, stoch, det, fresh.paths,
            t_stoch, t_det, dask, batched)  # fmt: skip
    print(f"Scoren buiten de steekproef ({'Dask' if a.dask else 'lokaal'}): "
          f"{time.perf_counter() - t0:.1f} s")  # fmt: skip


def _stochastic(a: argparse.Namespace, inst, det, t_det: float):  # type: ignore[no-untyped-def]
    """The two-stage MIP, the seconds spent on its warm start and on the MIP itself."""
    t_start, start = 0.0, None
    if not a.startblok:
        print("Warme start: geen (alleen het plan 'niets nieuw open')")
    elif a.startblok == a.beslisblok:  # the baseline's own plan, as plan_opvang does
        t_start, start = t_det, det
        print(
            f"Warme start: het deterministische mediaanplan hierboven ({t_det:.1f} s)"
        )
    else:
        t0 = time.perf_counter()
        coarse = solve(median_instance(replace(inst, step=a.startblok)),
                       time_limit=a.tijdslimiet)  # fmt: skip
        start = plan_start(inst, coarse)
        t_start = time.perf_counter() - t0
        print(f"Warme start: mediaanplan met beslisblok {a.startblok} mnd: "
              f"{t_start:.1f} s, gap {100 * coarse.solution.gap:.4f} %")  # fmt: skip
    t0 = time.perf_counter()
    stoch = solve(inst, time_limit=a.tijdslimiet, start=start)
    return stoch, t_start, time.perf_counter() - t0


def _batched(a: argparse.Namespace, inst) -> BatchResult:  # type: ignore[no-untyped-def]
    address = os.environ.get("MIGRATIEKETEN_DASK_ADDRESS") or None
    res = solve_in_batches(inst, a.batches, backend="dask" if a.dask else "local",
                           address=address, time_limit=a.tijdslimiet)  # fmt: skip
    s = res.summary()
    print(f"Decompositie in {a.batches} batches ({'Dask' if a.dask else 'lokaal'}): "
          f"{res.seconds:.1f} s, gekozen batch {res.chosen + 1}, ondergrens (schatting) "
          f"{res.lower_bound / 1e6:.1f} mln +- {s['ondergrens_standaardfout'] / 1e6:.1f}, "
          f"bovengrens (alle paden) {res.upper_bound / 1e6:.1f} mln, "
          f"gap-schatting {100 * res.gap:.2f} %")  # fmt: skip
    return res


def _report(title, inst, stoch, det, paths, t_stoch, t_det, dask, batched) -> None:  # type: ignore[no-untyped-def]
    s = plan_outcome("stochastisch", inst, stoch, paths, **dask)
    ref = float(s.cost.mean())
    rows = [
        ("stochastisch (2-fasen MIP)", s, t_stoch),
        (
            "deterministisch (mediaan)",
            plan_outcome("d", inst, det, paths, **dask),
            t_det,
        ),
        ("reactief (status quo)", reactive(inst, paths), None),
        (
            f"batches (B={len(batched.plans)}, SAA)",
            plan_outcome("b", inst, batched.solved, paths, **dask),
            batched.seconds,
        ),
        ("hybride (plan + reactief)", hybrid("h", inst, stoch, paths), t_stoch),
        (
            "niets doen (alleen crisis)",
            plan_outcome("n", inst, empty_plan(inst), paths),
            None,
        ),
    ]
    print(f"\n{title}")
    print(f"{'beleid':<28} {'kosten mln':>12} {'ratio':>7} {'crisis verw':>12} "
          f"{'crisis p95':>12} {'leegstand':>12} {'solve s':>8}")  # fmt: skip
    for name, out, sec in rows:
        print(_row(name, out, ref, sec))


if __name__ == "__main__":
    main()
