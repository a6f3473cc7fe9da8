# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The Pareto frontier: priority share x tussenvoorziening capacity, per gemeente.

A grid of 21 priority shares (0, 5, ..., 100 %) times 5 tussenvoorziening levels is run
with common random numbers, plus the gemeente's current policy. Each setting is scored on
the expected (mean over runs) months a statushouder spends in COA after koppeling, its
reception cost, and the mean waiting of other urgent and of regular home seekers (Little:
person-months waited within the horizon per person in the queue). A setting is efficient
when no other setting is at least as good on every objective and better on one; the
objectives are those waiting times plus the tussenvoorziening places (they cost money) and
the priority share itself (more priority that buys nothing is not efficient).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.market import GemeenteMarket
from migratieketen.woningmarkt.params import WoningmarktError, resolve_values
from migratieketen.woningmarkt.policy import Policy, Tussenvoorziening
from migratieketen.woningmarkt.run import RawRun, run_block

F64 = npt.NDArray[np.float64]
PRIORITY_GRID = tuple(round(i * 0.05, 2) for i in range(21))
TV_MULTIPLES = (0.0, 0.25, 0.5, 1.0, 2.0)  # x the gemeente's yearly taakstelling
METRICS = (
    "coa_months",
    "coa_cost",
    "urgent_months",
    "regular_months",
    "realisation",
    "housed_with_priority",
)
OBJECTIVES = ("coa_months", "urgent_months", "regular_months", "tv_places", "priority")
OBJECTIVE_DECIMALS = (2, 2, 2, 0, 4)


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    priority_share: float
    tussenvoorziening_places: float
    metrics: dict[str, float]
    efficient: bool
    current: bool
    chosen: bool = False  # the setting asked for (web page, API), when given

    def to_dict(self) -> dict[str, Any]:
        return {
            "voorrang_aandeel": self.priority_share,
            "tussenvoorziening_plaatsen": self.tussenvoorziening_places,
            "maanden_in_coa_per_statushouder": round(self.metrics["coa_months"], 3),
            "opvangkosten_euro": round(self.metrics["coa_cost"]),
            "wachttijd_urgent_maanden": round(self.metrics["urgent_months"], 3),
            "wachttijd_regulier_maanden": round(self.metrics["regular_months"], 3),
            "realisatie_taakstelling": round(self.metrics["realisation"], 4),
            "statushouders_met_voorrang": round(
                self.metrics["housed_with_priority"], 1
            ),
            "efficient": self.efficient,
            "huidig_beleid": self.current,
            "gekozen_beleid": self.chosen,
        }


def grid_policies(
    tv_levels: Sequence[float],
    current: Policy,
    priorities: Sequence[float] = PRIORITY_GRID,
) -> list[Policy]:
    """The grid (tussenvoorziening-major) followed by the current policy."""
    grid = [
        Policy(
            priority_share=p,
            urgency_category=current.urgency_category,
            tussenvoorzieningen=(Tussenvoorziening(tv),) if tv > 0 else (),
            persons_per_dwelling=current.persons_per_dwelling,
        )
        for tv in tv_levels
        for p in priorities
    ]
    return [*grid, current]


def lane_metrics(raw: RawRun) -> dict[str, F64]:
    """Per lane (S, R): the frontier's measures, in months and euro."""
    lanes = raw.lanes
    months = 12.0 / lanes.steps_per_year
    T = lanes.steps
    linked = lanes.links_cum[-1]
    urgent_present = lanes.urgent_cum[-1]
    regular_present = lanes.regular_rate * (T + lanes.regular_wait0)
    opgave = lanes.backlog + lanes.taakstelling.sum(axis=1)
    return {
        "coa_months": raw.areas["coa"] / np.maximum(linked, 1e-9) * months,
        "coa_cost": raw.areas["coa"] * lanes.cost_per_step,
        "urgent_months": raw.areas["urgent"]
        / np.maximum(urgent_present, 1e-9)
        * months,
        "regular_months": raw.areas["regular"]
        / np.maximum(regular_present, 1e-9)
        * months,
        "realisation": raw.realised.sum(axis=2) / np.maximum(opgave, 1e-9),
        "housed_with_priority": raw.totals["priority"] + raw.totals["urgency"],
    }


def per_market_means(raw: RawRun) -> dict[str, F64]:
    """Mean over each market's runs: (S, markets)."""
    metrics = lane_metrics(raw)
    index = raw.lanes.market
    n = len(raw.lanes.markets)
    counts = np.bincount(index, minlength=n).astype(np.float64)
    out = {}
    for name, values in metrics.items():
        sums = np.stack(
            [np.bincount(index, weights=row, minlength=n) for row in values]
        )
        out[name] = sums / counts[None, :]
    return out


def efficient_mask(
    objectives: F64, decimals: tuple[int, ...] | None = None
) -> npt.NDArray[np.bool_]:
    """Rows not dominated by another row (all <=, one <), compared after rounding each
    column to `decimals` (a hundredth of a month is no difference worth a policy)."""
    x = objectives.copy()
    for col, d in enumerate(decimals or (9,) * x.shape[1]):
        x[:, col] = np.round(x[:, col], d)
    le = (x[:, None, :] <= x[None, :, :]).all(axis=2)
    lt = (x[:, None, :] < x[None, :, :]).any(axis=2)
    dominated = (le & lt).any(axis=0)
    return np.asarray(~dominated)


def points_for(
    means: Mapping[str, F64], policies: Sequence[Policy], column: int, scale: float
) -> list[FrontierPoint]:
    """Frontier points of one market (column) from the per-market means."""
    tv = np.array([p.tussenvoorziening_places * scale for p in policies])
    prio = np.array([p.priority_share for p in policies])
    cols = {"tv_places": tv, "priority": prio}
    cols.update({k: means[k][:, column] for k in METRICS})
    efficient = efficient_mask(
        np.stack([cols[k] for k in OBJECTIVES], axis=1), OBJECTIVE_DECIMALS
    )
    return [
        FrontierPoint(
            priority_share=float(prio[i]),
            tussenvoorziening_places=float(tv[i]),
            metrics={k: float(means[k][i, column]) for k in METRICS},
            efficient=bool(efficient[i]),
            current=i == len(policies) - 1,
        )
        for i in range(len(policies))
    ]


@dataclass(frozen=True, slots=True)
class Frontier:
    code: str
    name: str
    runs: int
    seed: int
    points: tuple[FrontierPoint, ...]
    current: Policy

    def to_dict(self) -> dict[str, Any]:
        return {
            "gemeente": {"code": self.code, "naam": self.name},
            "runs": self.runs,
            "seed": self.seed,
            "huidig_beleid": self.current.describe(),
            "toelichting": (
                "Gemiddelden over de runs; wachttijden = gemaakte wachtmaanden binnen de "
                "looptijd per persoon in de wachtrij (wet van Little). Efficiënt: geen "
                "andere instelling is op alle doelen minstens zo goed en op één beter "
                "(doelen: COA-tijd statushouders, wachttijd urgent, wachttijd regulier, "
                "plaatsen tussenvoorziening, voorrangsaandeel)."
            ),
            "punten": [p.to_dict() for p in self.points],
        }


def tv_levels_for(
    market: GemeenteMarket, multiples: Sequence[float] = TV_MULTIPLES
) -> list[float]:
    """Tussenvoorziening places: multiples of the gemeente's yearly taakstelling."""
    yearly = market.annual_taakstelling()
    return [float(round(m * yearly)) for m in multiples]


def frontier(
    market: GemeenteMarket,
    current: Policy,
    *,
    runs: int = 200,
    seed: int = 0,
    years: int = 10,
    steps_per_year: int = 52,
    tv_levels: Sequence[float] | None = None,
    parameters: Mapping[str, float] | None = None,
    chosen: Policy | None = None,
) -> Frontier:
    """The 21 x 5 frontier of one market, with its current policy marked (and a
    `chosen` setting, run with the same random numbers, when given)."""
    values = resolve_values(parameters)
    levels = list(tv_levels) if tv_levels is not None else tv_levels_for(market)
    if len(levels) < 1 or any(v < 0 for v in levels):
        raise WoningmarktError("Geef niveaus van de tussenvoorziening >= 0 op.")
    policies = grid_policies(levels, current.validate())
    if chosen is not None:
        policies.insert(len(policies) - 1, chosen.validate())
    lanes = build_lanes(
        [market], runs, values, seed=seed, years=years, steps_per_year=steps_per_year
    )
    raw = run_block(lanes, settings_for(policies, lanes.steps, steps_per_year))
    points = points_for(per_market_means(raw), policies, 0, 1.0)
    if chosen is not None:
        points[-2] = replace(points[-2], chosen=True)
    return Frontier(market.code, market.name, runs, seed, tuple(points), current)
