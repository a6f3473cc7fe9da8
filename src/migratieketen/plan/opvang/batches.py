# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario-batch decomposition: sample average approximation with replications.

The demand paths are split into B batches; the two-stage MIP is solved on each batch
(in parallel on Dask when asked, else one after another); every batch's first-stage
plan is then scored on ALL paths with the same evaluator as the other policies, and
the plan with the lowest evaluated objective (expected cost, Spreidingswet shortfall
price and, with a risk weight, the CVaR term) is chosen. The mean of the batch
objectives estimates a lower bound on the full problem (Mak, Morton & Wood 1999),
the chosen plan's evaluated objective an upper bound: their difference is the
statistical optimality gap estimate. It is an estimate: the upper bound is scored on
the same paths it was chosen on, and a batch MIP stopped at its time limit reports
an incumbent, not a bound (the proven bounds are reported as well).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from migratieketen.cluster import dask_client
from migratieketen.plan.opvang.evaluate import Outcome
from migratieketen.plan.opvang.formulation import Solved, solve
from migratieketen.plan.opvang.model import F, Instance
from migratieketen.plan.opvang.policies import plan_outcome


@dataclass(frozen=True, slots=True, eq=False)
class BatchResult:
    """The chosen plan, every batch's plan and the gap estimate."""

    solved: Solved  # the chosen batch plan
    chosen: int
    plans: tuple[Solved, ...]
    batch_objectives: F  # (B,) each batch MIP's objective (incl. the constant)
    batch_bounds: F  # (B,) each batch MIP's proven dual bound (incl. the constant)
    evaluated: F  # (B,) each plan's objective evaluated on all paths
    seconds: float

    @property
    def lower_bound(self) -> float:
        return float(self.batch_objectives.mean())

    @property
    def upper_bound(self) -> float:
        return float(self.evaluated[self.chosen])

    @property
    def gap(self) -> float:
        """Relative statistical gap estimate (upper - lower) / |upper|."""
        return (self.upper_bound - self.lower_bound) / max(abs(self.upper_bound), 1.0)

    def lower_bound_se(self) -> float:
        b = len(self.batch_objectives)
        return float(self.batch_objectives.std(ddof=1) / np.sqrt(b)) if b > 1 else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "batches": len(self.plans),
            "gekozen_batch": self.chosen,
            "ondergrens_schatting": self.lower_bound,
            "ondergrens_standaardfout": self.lower_bound_se(),
            "ondergrens_bewezen_gemiddeld": float(self.batch_bounds.mean()),
            "bovengrens_geevalueerd": self.upper_bound,
            "gap_schatting": self.gap,
            "geevalueerd_per_batch": [float(v) for v in self.evaluated],
            "seconden": round(self.seconds, 2),
        }


def cvar(values: F, alpha: float) -> float:
    """Empirical CVaR_alpha of equally weighted samples, exactly as the MIP states it:
    min over eta of eta + sum_s max(c_s - eta, 0) / ((1 - alpha) S)."""
    c = np.sort(np.asarray(values, dtype=np.float64))
    s = len(c)
    above = np.cumsum(c[::-1])[::-1] - c * np.arange(s, 0, -1)  # sum_i>=j (c_i - c_j)
    return float((c + above / ((1 - alpha) * s)).min())


def evaluated_objective(inst: Instance, solved: Solved, out: Outcome) -> float:
    """The MIP's objective for a fixed plan, with the recourse scored on `out`'s paths."""
    price = float(inst.norms["spreidingswet_prijs"])
    shortfall = sum(float(v.sum()) for v in solved.shortfall.values())
    value = float(out.cost.mean()) + price * shortfall
    if inst.risk_weight:
        alpha = float(inst.norms["cvar_niveau"])
        crisis = inst.norms.crisis_month_cost
        value += inst.risk_weight * crisis * cvar(out.crisis, alpha)
    return value


def split(inst: Instance, batches: int, seed: int = 0) -> list[Instance]:
    """B instances on disjoint path batches (shuffled by `seed`; B = 1 keeps order)."""
    s = inst.demand.shape[0]
    if not 1 <= batches <= s:
        raise ValueError(f"batches moet tussen 1 en {s} (het aantal paden) liggen")
    order = np.arange(s) if batches == 1 else np.random.default_rng(seed).permutation(s)
    return [replace(inst, demand=inst.demand[idx]) for idx in np.array_split(order, batches)]  # fmt: skip


def _solve_all(
    parts: list[Instance], kw: dict[str, Any], backend: str, address: str | None,
    n_workers: int, processes: bool,
) -> list[Solved]:  # fmt: skip
    if backend != "dask":
        return [solve(p, **kw) for p in parts]
    with dask_client(address, n_workers, processes) as client:
        futures = [client.submit(solve, p, pure=False, **kw) for p in parts]
        return list(client.gather(futures))


def solve_in_batches(
    inst: Instance,
    batches: int,
    *,
    seed: int = 0,
    backend: str = "local",
    address: str | None = None,
    time_limit: float = 60.0,
    mip_gap: float = 1e-4,
    threads: int | None = None,
    n_workers: int = 2,
    processes: bool = True,
) -> BatchResult:
    """Solve per batch, score every plan on all paths and keep the cheapest."""
    if backend not in ("local", "dask"):
        raise ValueError(f"onbekende backend '{backend}' (local of dask)")
    t0 = time.perf_counter()
    parts = split(inst, batches, seed)
    kw = {"time_limit": time_limit, "mip_gap": mip_gap, "threads": threads}
    plans = _solve_all(parts, kw, backend, address, n_workers, processes)
    evaluated = np.asarray(
        [evaluated_objective(inst, p, plan_outcome("b", inst, p)) for p in plans]
    )
    constant = float(inst.existing_empty_cost().sum())
    chosen = int(np.argmin(evaluated))  # first minimum: deterministic on ties
    return BatchResult(
        plans[chosen], chosen, tuple(plans),
        np.asarray([p.objective for p in plans]),
        np.asarray([p.solution.bound + constant for p in plans]),
        evaluated, time.perf_counter() - t0,
    )  # fmt: skip
