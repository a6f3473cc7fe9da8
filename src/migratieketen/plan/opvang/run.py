# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One planning run: demand from the chain, candidates, norms -> plan and comparison.

`plan_opvang` is the single entry point for the CLI, the web layer and the benchmark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from migratieketen.chain import ChainScenario
from migratieketen.chain.scenario import month_label
from migratieketen.plan.opvang import candidates as cands
from migratieketen.plan.opvang.batches import BatchResult, solve_in_batches
from migratieketen.plan.opvang.demand import (
    EXISTING_NOTE,
    Demand,
    PrognoseSource,
    chain_demand,
    forecast_demand,
    spreiding_keys,
)
from migratieketen.plan.opvang.evaluate import Outcome
from migratieketen.plan.opvang.explain import FRONTIER_LABEL, explain, frontier
from migratieketen.plan.opvang.formulation import Solved, solve
from migratieketen.plan.opvang.model import F, Instance
from migratieketen.plan.opvang.norms import TYPE_LABELS, Norms, OpvangError
from migratieketen.plan.opvang.policies import (
    deterministic,
    hybrid,
    plan_outcome,
    reactive,
)

COST_SOURCE = "Bron kosten: COA, Jaarverslag 2023 (via NOS, juli 2024); overige normen zie 'normen'."


@dataclass(frozen=True, slots=True)
class Settings:
    months: int = 24
    paths: int = 100
    seed: int | None = None
    province: str | None = None
    step: int = 1
    risk_weight: float = 0.0
    time_limit: float = 60.0
    limit: int = 300  # generated candidates
    with_frontier: bool = False
    batches: int = 1  # > 1: scenario-batch decomposition (batches.py)
    backend: str = "local"  # "dask": batch MIPs on a Dask cluster
    address: str | None = None  # Dask scheduler; None = a local cluster


def targets(
    demand: Demand, cand: list[cands.Candidate], data_dir: str
) -> tuple[tuple[str, ...], dict[str, F]]:
    """Area per candidate and the Spreidingswet target of new places per area."""
    prov, gem, _, _ = spreiding_keys(data_dir)
    need = np.maximum(
        np.median(demand.paths, axis=0) - demand.existing.sum(axis=0), 0.0
    )
    if demand.scope == "NL":
        area_of = tuple(c.province for c in cand)
        keys = prov
    else:
        area_of = tuple(c.gemeente for c in cand)
        keys = gem
    return area_of, {a: keys.get(a, 0.0) * need for a in sorted(set(area_of))}


def build_instance(
    demand: Demand,
    cand: list[cands.Candidate],
    wijken: dict[str, cands.WijkInfo],
    norms: Norms,
    data_dir: str,
    settings: Settings,
) -> Instance:
    share = float(norms["wijk_aandeel"])
    room = {c.wijk: math.floor(share * wijken[c.wijk].population) for c in cand}
    area_of, target = targets(demand, cand, data_dir)
    return Instance(
        candidates=tuple(cand),
        demand=demand.paths,
        existing=demand.existing,
        start=demand.start,
        norms=norms,
        wijk_room=room,
        area_of=area_of,
        targets=target,
        step=settings.step,
        risk_weight=settings.risk_weight,
    )


@dataclass(slots=True, eq=False)
class OpvangResult:
    demand: Demand
    instance: Instance
    solved: Solved
    outcomes: dict[str, Outcome]
    wijken: dict[str, cands.WijkInfo]
    frontier: list[dict[str, Any]] = field(default_factory=list)
    batched: BatchResult | None = None

    def records(self) -> list[dict[str, Any]]:
        inst, solved = self.instance, self.solved
        out = []
        for i, c in enumerate(inst.candidates):
            if solved.opened[i] < 0:
                continue
            w = self.wijken[c.wijk]
            out.append(
                {
                    "naam": c.name,
                    "label": c.label,
                    "wijkcode": c.wijk,
                    "wijknaam": w.name,
                    "gemeentecode": c.gemeente,
                    "gemeentenaam": w.gemeente_name,
                    "provinciecode": c.province,
                    "type": c.kind,
                    "type_label": TYPE_LABELS[c.kind],
                    "opening": month_label(inst.start + int(solved.opened[i])),
                    "sluiting": None
                    if solved.closed[i] < 0
                    else month_label(inst.start + int(solved.closed[i])),
                    "plaatsen_per_maand": [int(p) for p in solved.places[i]],
                    "uitleg": explain(inst, solved, i),
                }
            )
        return out

    def summary(self) -> dict[str, Any]:
        own = self.outcomes["stochastisch"].summary()
        sol = self.solved.solution
        by_policy = {k: o.summary() for k, o in self.outcomes.items()}
        nothing = by_policy["niets_doen"]["verwachte_kosten"]
        return {
            "gebied": self.demand.scope,
            "maanden": self.demand.months(),
            "paden": int(self.demand.paths.shape[0]),
            "vraag": self.demand.source,
            "vraag_p5_p50_p95": np.percentile(self.demand.paths, [5, 50, 95], axis=0).round().tolist(),
            "bestaande_capaciteit": EXISTING_NOTE,
            "bestaande_capaciteit_per_type": {
                t: [int(x) for x in row] for t, row in zip(TYPE_LABELS, self.demand.existing, strict=True)
            },
            "kandidaten": len(self.instance.candidates),
            "kandidaten_generiek": sum(c.generic for c in self.instance.candidates),
            "locaties_open": int((self.solved.opened >= 0).sum()),
            "verwachte_kosten": own["verwachte_kosten"],
            "crisisplaatsmaanden_verwacht": own["crisisplaatsmaanden_verwacht"],
            "crisisplaatsmaanden_p95": own["crisisplaatsmaanden_p95"],
            "besparing_tov_crisisopvang": nothing - own["verwachte_kosten"],
            "besparing_tov_reactief": by_policy["reactief"]["verwachte_kosten"] - own["verwachte_kosten"],
            "beleid": by_policy,
            "solver": {"mip_gap": sol.gap, "optimaal": sol.optimal, "seconden": round(sol.seconds, 2),
                       "doelfunctie": self.solved.objective, "risicogewicht": self.instance.risk_weight},
            "spreidingswet_tekort_plaatsmaanden": float(sum(v.sum() for v in self.solved.shortfall.values())),
            "normen": self.instance.norms.records(),
            "bron": COST_SOURCE,
            "decompositie": None if self.batched is None else self.batched.summary(),
            "afweging": {"label": FRONTIER_LABEL, "punten": self.frontier} if self.frontier else None,
        }  # fmt: skip


def load_candidates(
    csv_text: str | None,
    wijken: dict[str, cands.WijkInfo],
    norms: Norms,
    settings: Settings,
) -> list[cands.Candidate]:
    if csv_text is None:
        out = cands.generic_candidates(wijken, norms, settings.province, settings.limit)
    else:
        out = cands.parse_candidates(csv_text, wijken, norms)
        if settings.province:
            out = [c for c in out if c.province == settings.province]
    if not out:
        raise OpvangError("Geen kandidaatlocaties in dit gebied.")
    return out


def empty_plan(inst: Instance) -> Solved:
    """No new location: everything above existing capacity goes to crisis shelter."""
    from migratieketen.plan.highs import MipSolution

    n, t = len(inst.candidates), inst.months
    none = np.full(n, -1, dtype=np.int64)
    sol = MipSolution(np.zeros(0), 0.0, 0.0, 0.0, True, 0.0)
    return Solved(np.zeros((n, t)), none, none.copy(), {}, sol, 0.0)


def make_demand(
    scenario: ChainScenario | PrognoseSource,
    data_dir: Path | str,
    norms: Norms,
    settings: Settings,
) -> Demand:
    """Demand paths from a chain scenario or from the prognose through the chain."""
    s = settings
    if isinstance(scenario, PrognoseSource):
        return forecast_demand(
            scenario, data_dir, norms, months=s.months, paths=s.paths, seed=s.seed,
            province=s.province,
        )  # fmt: skip
    return chain_demand(
        scenario, data_dir, norms, months=s.months, paths=s.paths, seed=s.seed,
        province=s.province,
    )  # fmt: skip


def plan_opvang(
    scenario: ChainScenario | PrognoseSource,
    data_dir: Path | str,
    settings: Settings,
    *,
    candidates_csv: str | None = None,
    norms: Norms | None = None,
    at: date | None = None,
) -> OpvangResult:
    from migratieketen.plan.opvang.norms import norms_at

    norms = norms or norms_at(at or date.today())
    wijken = cands.load_wijken(data_dir)
    if settings.province and settings.province not in {
        w.province for w in wijken.values()
    }:
        raise OpvangError(
            f"Onbekende provinciecode '{settings.province}' (verwacht PV20 t/m PV31)."
        )
    cand = load_candidates(candidates_csv, wijken, norms, settings)
    demand = make_demand(scenario, data_dir, norms, settings)
    inst = build_instance(demand, cand, wijken, norms, str(data_dir), settings)
    det = deterministic(inst, time_limit=settings.time_limit)
    batched = None
    if settings.batches > 1:
        batched = solve_in_batches(
            inst, settings.batches, seed=settings.seed or 0, backend=settings.backend,
            address=settings.address, time_limit=settings.time_limit,
        )  # fmt: skip
        solved = batched.solved
    else:
        solved = solve(inst, time_limit=settings.time_limit, start=det)
    outcomes = {
        "stochastisch": plan_outcome("stochastisch", inst, solved),
        "deterministisch": plan_outcome("deterministisch", inst, det),
        "reactief": reactive(inst),
        "hybride": hybrid("hybride", inst, solved),
        "niets_doen": plan_outcome("niets_doen", inst, empty_plan(inst)),
    }
    front = (
        frontier(inst, time_limit=settings.time_limit) if settings.with_frontier else []
    )
    return OpvangResult(demand, inst, solved, outcomes, wijken, front, batched)
