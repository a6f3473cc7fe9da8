# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Run one gemeente (or region) under one policy and summarise the Monte Carlo runs.

Every figure is a median over the runs with a 90 % band (p5-p95 of the runs). The result
carries the checks of every run (conservation, Little's law), the sources of the data it
used and the assumptions it rests on, so that no caller can show a figure without them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.rules.huisvestingswet import half_years
from migratieketen.woningmarkt import outputs
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.market import GemeenteMarket
from migratieketen.woningmarkt.params import default_parameters, resolve_values
from migratieketen.woningmarkt.policy import Policy
from migratieketen.woningmarkt.run import RawRun, run_block

F64 = npt.NDArray[np.float64]
CONSERVATION_TOLERANCE = 1e-9  # relative to the persons in the model
LITTLE_TOLERANCE = 1e-6


class ModelInvariantError(RuntimeError):
    """A run broke conservation or Little's law: a bug, never a user error."""


@dataclass(frozen=True, slots=True)
class Band:
    """Median over the runs with the 5th and 95th percentile."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: F64, scale: float = 1.0) -> Band:
        v = np.asarray(values, dtype=np.float64) * scale
        if v.size == 0 or np.all(np.isnan(v)):
            return cls(math.nan, math.nan, math.nan)
        lo, med, hi = np.nanpercentile(v, [5, 50, 95])
        return cls(float(med), float(lo), float(hi))

    def to_dict(self) -> dict[str, float | None]:
        def clean(x: float) -> float | None:
            return None if math.isnan(x) else round(x, 4)

        return {
            "mediaan": clean(self.median),
            "p5": clean(self.low),
            "p95": clean(self.high),
        }


@dataclass(frozen=True, slots=True)
class GroupWaits:
    """Waiting times of one group in months."""

    label: str
    p50: Band  # of those who joined during the horizon (a lower bound when censored)
    p90: Band
    censored_share: float  # median share still waiting at the end
    p50_housed_last_year: Band  # of those housed in the last year of the horizon
    p90_housed_last_year: Band
    mean: Band  # months waited within the horizon per person in the queue (Little)

    @property
    def p50_is_lower_bound(self) -> bool:
        return self.censored_share > 0.5

    @property
    def p90_is_lower_bound(self) -> bool:
        return self.censored_share > 0.1

    def to_dict(self) -> dict[str, Any]:
        return {
            "omschrijving": self.label,
            "p50_maanden": self.p50.to_dict(),
            "p90_maanden": self.p90.to_dict(),
            "p50_ondergrens": self.p50_is_lower_bound,
            "p90_ondergrens": self.p90_is_lower_bound,
            "aandeel_nog_wachtend_aan_eind": round(self.censored_share, 4),
            "p50_gehuisvest_laatste_jaar_maanden": self.p50_housed_last_year.to_dict(),
            "p90_gehuisvest_laatste_jaar_maanden": self.p90_housed_last_year.to_dict(),
            "gemiddeld_maanden_little": self.mean.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class HalfYearRow:
    half_year: str
    taakstelling: int
    opgave: Band  # taakstelling + carry-in
    realised: Band
    share: Band  # realised / opgave
    carry_out: Band  # > 0 achterstand, < 0 voorsprong


@dataclass(frozen=True, slots=True)
class WoningmarktResult:
    code: str
    name: str
    policy: Policy
    runs: int
    seed: int
    years: int
    steps_per_year: int
    groups: dict[str, GroupWaits]
    coa: dict[str, Band]
    half_years: tuple[HalfYearRow, ...]
    verdringing: dict[str, Band]
    checks: dict[str, float]
    little: dict[str, float]
    sources: tuple[str, ...]
    assumptions: tuple[str, ...]
    elapsed_seconds: float = 0.0
    parameters: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from migratieketen.woningmarkt.report import result_dict

        return result_dict(self)


def _months(raw: RawRun) -> float:
    return 12.0 / raw.lanes.steps_per_year


def summarise_groups(raw: RawRun, s: int) -> dict[str, GroupWaits]:
    m = _months(raw)
    out = {}
    for group in outputs.GROUPS:
        g = outputs.group_runs(raw, s, group)
        out[group] = GroupWaits(
            label=outputs.GROUP_LABELS[group],
            p50=Band.of(g.joined[:, 0], m),
            p90=Band.of(g.joined[:, 1], m),
            censored_share=float(np.nanmedian(g.censored)),
            p50_housed_last_year=Band.of(g.housed_last_year[:, 0], m),
            p90_housed_last_year=Band.of(g.housed_last_year[:, 1], m),
            mean=Band.of(g.mean, m),
        )
    return out


def summarise_half_years(
    raw: RawRun, s: int, market: GemeenteMarket
) -> tuple[HalfYearRow, ...]:
    led = outputs.ledger_runs(raw, s)
    periods = half_years(market.first_half_year, led["realised"].shape[1])
    return tuple(
        HalfYearRow(
            half_year=str(hy),
            taakstelling=int(market.taakstelling[h]),
            opgave=Band.of(led["opgave"][:, h]),
            realised=Band.of(led["realised"][:, h]),
            share=Band.of(led["share"][:, h]),
            carry_out=Band.of(led["carry_out"][:, h]),
        )
        for h, hy in enumerate(periods)
    )


def check_invariants(raw: RawRun) -> tuple[dict[str, float], dict[str, float]]:
    """Conservation and Little's law for every run; raise when one is broken."""
    checks = outputs.conservation(raw)
    little: dict[str, float] = {}
    if raw.curves:
        for s in range(len(raw.settings)):
            for k, v in outputs.little_gaps(raw, s).items():
                little[k] = max(little.get(k, 0.0), v)
    bad = {k: v for k, v in checks.items() if v > CONSERVATION_TOLERANCE}
    bad.update({f"Little: {k}": v for k, v in little.items() if v > LITTLE_TOLERANCE})
    if bad:
        raise ModelInvariantError(f"Modelcontrole mislukt: {bad}")
    return checks, little


def counterfactual(policy: Policy) -> Policy:
    """The same market and levers without any priority for statushouders."""
    return replace(
        policy, priority_share=0.0, urgency_category=False, label="zonder voorrang"
    )


def assumption_lines(
    values: Mapping[str, float], market: GemeenteMarket
) -> tuple[str, ...]:
    local = market.urgent_inflow_per_year is not None
    lines = [
        f"AANNAME {p.name} = {values[p.name]:g} {p.unit}: {p.reasoning or p.source}"
        for p in default_parameters().values()
        if p.kind == "ASSUMPTION" and not (local and p.name == "urgent_utilisation")
    ]
    return tuple(lines) + market.notes


def source_lines(market: GemeenteMarket) -> tuple[str, ...]:
    data = [
        f"{p.name}: {p.source}"
        for p in default_parameters().values()
        if p.kind in ("DATA", "DERIVED")
    ]
    if market.urgent_inflow_per_year is not None:
        data.append(
            f"Lokaal opgegeven: {market.urgent_inflow_per_year:g} andere urgent "
            "woningzoekenden per jaar."
        )
    return market.sources + tuple(data)


def simulate(
    market: GemeenteMarket,
    policy: Policy,
    *,
    runs: int = 1000,
    seed: int = 0,
    years: int = 10,
    steps_per_year: int = 52,
    parameters: Mapping[str, float] | None = None,
    spread: bool = True,
) -> WoningmarktResult:
    """Simulate one market under `policy` (and, for the verdringing, without priority)."""
    started = time.perf_counter()
    values = resolve_values(parameters)
    policy.validate()
    lanes = build_lanes(
        [market],
        runs,
        values,
        seed=seed,
        spread=spread,
        years=years,
        steps_per_year=steps_per_year,
    )
    reference = counterfactual(policy)
    with_priority = policy.priority_share > 0 or policy.urgency_category
    policies = [policy, reference] if with_priority else [policy]
    settings = settings_for(policies, lanes.steps, steps_per_year)
    raw = run_block(lanes, settings, record=True)
    checks, little = check_invariants(raw)
    coa = outputs.coa_runs(raw, 0)
    m = _months(raw)
    verd = outputs.verdringing_runs(raw, 0, len(policies) - 1)
    return WoningmarktResult(
        code=market.code,
        name=market.name,
        policy=policy,
        runs=runs,
        seed=seed,
        years=years,
        steps_per_year=steps_per_year,
        groups=summarise_groups(raw, 0),
        coa={
            "gemiddeld_bezette_plaatsen": Band.of(coa["mean_places"]),
            "maanden_in_coa_per_statushouder": Band.of(
                coa["months_per_statushouder"], m
            ),
            "achterstand_in_coa_aan_eind": Band.of(coa["backlog_end"]),
            "opvangkosten_euro": Band.of(coa["cost"]),
        },
        half_years=summarise_half_years(raw, 0, market),
        verdringing={
            "urgent_maanden_per_statushouder": Band.of(verd["urgent"], m),
            "regulier_maanden_per_statushouder": Band.of(verd["regular"], m),
            "statushouders_met_voorrang": Band.of(verd["with_priority"]),
        },
        checks=checks,
        little=little,
        sources=source_lines(market),
        assumptions=assumption_lines(values, market),
        elapsed_seconds=time.perf_counter() - started,
        parameters=dict(values),
    )
