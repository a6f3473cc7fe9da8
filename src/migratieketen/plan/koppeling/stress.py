# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SYNTHETIC stress instances: small, noisy, tight and constrained koppeling problems.

The backtest (backtest.py) draws realistic streams over all 342 gemeenten. Outside data
can look very different: a COA region's few hundred households over a few dozen
gemeenten, scores from someone else's model (heavy-tailed, tied, tied to household
size), a taakstelling that is short or generous, many family ties. This module draws
such instances on purpose, with no open data needed, so each policy's share of the
hindsight optimum can be measured on the cases where an online policy is weakest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from migratieketen.plan.koppeling.model import (
    FloatArray,
    Gemeenten,
    Household,
    Problem,
    ScoreModel,
)

SCORE_KINDS = (
    "uniform",
    "lognormal",
    "heavy",
    "size",
    "ties",
    "lowrank",
    "trend",
    "sparse",
)
ARRIVAL_KINDS = ("uniform", "bursty", "rising", "falling")
PROVINCE_CODES = tuple(f"PV{20 + k}" for k in range(12))


@dataclass(frozen=True, slots=True)
class StressSpec:
    seed: int
    households: int
    gemeenten: int
    scores: str  # one of SCORE_KINDS
    arrivals: str  # one of ARRIVAL_KINDS
    tightness: float  # capacity / persons arriving
    tied_share: float  # households with a gemeente_verplicht
    region_share: float  # households with a regio_verplicht
    days: int = 181

    def label(self) -> str:
        return (
            f"seed {self.seed}: {self.households} hh x {self.gemeenten} gm, "
            f"scores {self.scores}, aankomst {self.arrivals}, "
            f"capaciteit {self.tightness:.0%}, gebonden {self.tied_share:.0%}, "
            f"regio {self.region_share:.0%}"
        )


def draw_spec(seed: int) -> StressSpec:
    """A random instance description covering the whole stress range."""
    rng = np.random.default_rng([seed, 7])
    return StressSpec(
        seed=seed,
        households=int(rng.integers(50, 501)),
        gemeenten=int(rng.integers(5, 41)),
        scores=str(SCORE_KINDS[seed % len(SCORE_KINDS)]),
        arrivals=str(rng.choice(ARRIVAL_KINDS)),
        tightness=float(rng.uniform(0.8, 1.2)),
        tied_share=float(rng.choice([0.0, 0.05, 0.15, 0.3])),
        region_share=float(rng.choice([0.0, 0.1, 0.25])),
    )


def _arrival_days(rng: np.random.Generator, n: int, days: int, kind: str) -> list[int]:
    if kind == "bursty":
        centres = rng.integers(0, days, size=int(rng.integers(2, 6)))
        raw = rng.choice(centres, size=n) + rng.normal(0, 5, size=n)
    elif kind == "rising":
        raw = days * np.sqrt(rng.uniform(0, 1, size=n))
    elif kind == "falling":
        raw = days * (1 - np.sqrt(rng.uniform(0, 1, size=n)))
    else:
        raw = rng.uniform(0, days, size=n)
    return sorted(int(d) for d in np.clip(raw, 0, days - 1))


def _scores(
    rng: np.random.Generator, kind: str, adults: FloatArray, persons: FloatArray, g: int
) -> FloatArray:
    """Score matrix households x gemeenten for one distribution kind."""
    n = len(adults)
    if kind == "uniform":
        return rng.uniform(0, 1, (n, g))
    if kind == "lognormal":
        return rng.lognormal(0, 1.0, (n, g))
    if kind == "heavy":
        return rng.pareto(1.5, (n, g))
    if kind == "size":  # correlated with household size, as a count of adults in work
        rate = rng.beta(2, 3, (n, 1)) * rng.uniform(0.6, 1.4, (1, g))
        return np.asarray(adults[:, None] * rate * rng.lognormal(0, 0.3, (n, g)))
    if kind == "ties":  # a coarse model: many exactly equal scores
        return rng.integers(0, 4, (n, g)).astype(np.float64) / 2.0
    if kind == "lowrank":
        return np.asarray(
            rng.lognormal(0, 0.5, (n, 1)) * rng.lognormal(0, 0.5, (1, g))
            + rng.normal(0, 0.1, (n, g)).clip(-0.5, 0.5)
        ).clip(0)
    if kind == "trend":  # adversarial: the best households come late
        base = rng.uniform(0, 1, (n, g))
        return np.asarray(base * np.linspace(0.3, 2.0, n)[:, None])
    # sparse: most pairs unscored (not allowed), the rest noisy
    out = rng.lognormal(0, 0.8, (n, g))
    out[rng.uniform(0, 1, (n, g)) < 0.6] = np.nan
    out[np.arange(n), rng.integers(0, g, n)] = rng.lognormal(0, 0.8, n)
    return out


def stress_problem(spec: StressSpec) -> Problem:
    """The SYNTHETIC problem described by `spec` (same spec, same problem)."""
    rng = np.random.default_rng([spec.seed, 11])
    g, n = spec.gemeenten, spec.households
    codes = tuple(f"GM{9000 + k:04d}" for k in range(g))
    provinces = tuple(
        PROVINCE_CODES[k % len(PROVINCE_CODES)]
        for k in rng.integers(0, max(2, g // 4), size=g)
    )
    persons = np.minimum(rng.geometric(0.45, n), 9).astype(np.float64)
    adults = np.array([int(rng.integers(1, min(p, 2) + 1)) for p in persons])
    days = _arrival_days(rng, n, spec.days, spec.arrivals)
    start = date(2025, 1, 1)
    households = []
    for i in range(n):
        tie, region = "", ""
        u = rng.uniform()
        if u < spec.tied_share:
            tie = codes[int(rng.integers(0, g))]
        elif u < spec.tied_share + spec.region_share:
            region = provinces[int(rng.integers(0, g))]
        households.append(
            Household(
                id=f"S{i:04d}",
                arrival=start + timedelta(days=days[i]),
                persons=int(persons[i]),
                adults=int(adults[i]),
                gemeente_verplicht=tie,
                regio_verplicht=region,
            )
        )
    weights = rng.dirichlet(np.full(g, 2.0))
    total = spec.tightness * float(persons.sum())
    capacity = np.floor(weights * total + rng.uniform(0, 1, g)).astype(np.int64)
    values = _scores(rng, spec.scores, adults.astype(np.float64), persons, g)
    return Problem(
        households=tuple(households),
        gemeenten=Gemeenten(
            codes=codes,
            names=tuple(f"Stressgemeente {k}" for k in range(g)),
            provinces=provinces,
            capacity=capacity,
            capacity_source="SYNTHETISCH (stresstest)",
        ),
        scores=ScoreModel(
            values=np.asarray(values, dtype=np.float64),
            source="synthetisch",
            label=f"SYNTHETISCH: stresstest, scores {spec.scores}",
            formula="willekeurig getrokken",
        ),
        period_start=start,
        period_end=start + timedelta(days=spec.days - 1),
    )
