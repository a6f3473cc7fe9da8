# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Demand paths and existing capacity, from the ketenmodel.

Demand = persons in COA care (asylum seekers in procedure, rejected, statushouders
waiting), per Monte Carlo run of the chain ensemble, monthly. A province's demand and
existing capacity are the national ones times its share under the Spreidingswet key
(the province's opgave / the national total): an ASSUMPTION that reception follows the
key, which is the law's aim, not the situation on a given day.

Existing capacity per type comes from the chain scenario (its capacity steps, else the
chain's documented defaults). End dates: regular and small-scale places stay for the
horizon (no per-location end dates are public: the COA snapshots in the data folder
give counts of locations, not their contracts); existing noodopvang is temporary and
is ASSUMED to close in equal monthly parts over its maximum duration norm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from migratieketen.chain import ChainScenario, run_ensemble
from migratieketen.chain.engine import COL
from migratieketen.chain.inputs import ChainInputs, build_inputs
from migratieketen.chain.scenario import month_index, month_label
from migratieketen.plan.opvang.model import F
from migratieketen.plan.opvang.norms import Norms, OpvangError

if TYPE_CHECKING:
    from migratieketen.forecast.engine import ForecastResult
    from migratieketen.forecast.inputs import ForecastInputs

SPREIDING_DATE = date(2024, 7, 1)  # the first capaciteitsraming under the law
EXISTING_NOTE = (
    "Bestaande capaciteit: regulier en kleinschalig uit het scenario (ketenmodel), blijft "
    "staan; bestaande noodopvang sluit in gelijke delen over de maximale duur "
    "(ASSUMPTION: geen openbare einddata per locatie)."
)


@dataclass(frozen=True, slots=True, eq=False)
class Demand:
    start: int  # month index of the first month
    paths: F  # (S, T)
    existing: F  # (Y, T) for the same scope
    share: float  # share of the national figures (1 for NL)
    scope: str  # "NL" or a province code
    source: str  # Dutch description for every output

    def months(self) -> list[str]:
        return [month_label(self.start + t) for t in range(self.paths.shape[1])]


@cache
def spreiding_keys(
    data_dir: str,
) -> tuple[dict[str, float], dict[str, float], dict[str, int], dict[str, str]]:
    """Province shares, gemeente shares within their province, gemeente places, and
    the province of each gemeente, under the Spreidingswet key of 2024."""
    from migratieketen.rules.service import run_spreiding

    run = run_spreiding(SPREIDING_DATE, Path(data_dir))
    total = run.result.total
    prov = {p: o.places / total for p, o in run.provinces.items()}
    places = run.result.places()
    province_of = dict(run.population.province_codes)
    gem = {g: places[g] / max(run.provinces[province_of[g]].places, 1) for g in places}
    return prov, gem, places, province_of


def existing_capacity(inputs: ChainInputs, months: int, norms: Norms) -> F:
    """(Y, T) in the order of TYPES (regulier, kleinschalig, flexibel, noodopvang)."""
    reg = np.asarray(inputs.cap_regular, dtype=np.float64)[:months]
    small = np.asarray(inputs.cap_small_scale, dtype=np.float64)[:months]
    nood = np.asarray(inputs.cap_noodopvang, dtype=np.float64)[:months]
    life = max(int(norms.per_type("max_duur_maanden", "noodopvang")), 1)
    remaining = np.clip(1.0 - (np.arange(months) + 1) / life, 0.0, 1.0)
    return np.vstack([reg, small, np.zeros(months), nood * remaining])


def chain_demand(
    scenario: ChainScenario,
    data_dir: Path | str,
    norms: Norms,
    *,
    months: int = 24,
    paths: int = 100,
    seed: int | None = None,
    province: str | None = None,
    label: str | None = None,
) -> Demand:
    """`paths` runs of the chain ensemble, the first `months` months of the scenario;
    `label` describes the scenario in the demand's source (default: its name)."""
    scenario = ChainScenario.from_dict(scenario.to_dict())
    scenario.months = max(months, 1)
    inputs = build_inputs(scenario, data_dir)
    result = run_ensemble(
        scenario, data_dir, runs=paths, seed=seed, inputs=inputs, keep_runs=True
    )
    assert result.per_run is not None
    national = np.asarray(
        result.per_run[:, COL["coa_total"], :months], dtype=np.float64
    )
    share = 1.0
    if province:
        share = spreiding_keys(str(data_dir))[0][province]
    existing = existing_capacity(inputs, months, norms) * share
    where = (
        "landelijk"
        if not province
        else f"{province} (aandeel {share:.3f} volgens verdeelsleutel Spreidingswet)"
    )
    return Demand(
        inputs.start,
        np.rint(national * share),
        np.rint(existing),
        share,
        province or "NL",
        f"{label or f'Ketenmodel, scenario {scenario.name!r}'}, {paths} runs (seed "
        f"{result.seed}), {where}: personen in COA-opvang per maand.",
    )


@dataclass(frozen=True, slots=True)
class PrognoseSource:
    """Demand from the forecast engine's sample paths fed through the chain
    (`chain/forecast_inflow.py`); `cutoff` None = the latest data quarter."""

    cutoff: str | None = None


def forecast_demand(
    source: PrognoseSource,
    data_dir: Path | str,
    norms: Norms,
    *,
    months: int = 24,
    paths: int = 100,
    seed: int | None = None,
    province: str | None = None,
) -> Demand:
    """`paths` runs of the chain, run r on forecast sample path r (one each)."""
    from migratieketen.chain.forecast_inflow import (
        first_month,
        forecast_scenario,
        known_parameters,
    )
    from migratieketen.forecast.engine import DEFAULT_SEED

    result, inputs = prognose_at(data_dir, source.cutoff, months, paths, seed)
    until = month_label(month_index(first_month(result.cutoff)) - 1)
    known = known_parameters(data_dir, until)
    scenario = forecast_scenario(inputs, result, months=months, parameters=known)
    label = (
        f"Prognose op data t/m {result.cutoff}, door het ketenmodel ({result.model}, "
        f"{paths} steekproefpaden; beginstand naspeling historie t/m {until}; IND-"
        "procedure zoals bekend t/m de datagrens; nareizigers endogeen uit de "
        "vergunningen van het ketenmodel)"
    )
    return chain_demand(
        scenario, data_dir, norms, months=months, paths=paths,
        seed=DEFAULT_SEED if seed is None else seed, province=province, label=label,
    )  # fmt: skip


def prognose_at(
    data_dir: Path | str, cutoff: str | None, months: int, paths: int, seed: int | None
) -> tuple[ForecastResult, ForecastInputs]:
    """The forecast on data up to `cutoff`, covering `months` months after it; bad
    cut-offs and horizons give a Dutch OpvangError."""
    from migratieketen.chain.forecast_inflow import MIN_QUARTERS, quarters_for
    from migratieketen.data.asylum import AsylumDataError, period_index, period_label
    from migratieketen.forecast import load_inputs
    from migratieketen.forecast.engine import DEFAULT_SEED, MAX_HORIZON, make_forecast

    try:
        inputs = load_inputs(data_dir, cutoff)
    except (AsylumDataError, ValueError) as exc:
        raise OpvangError(f"Prognose: {exc}") from exc
    first = inputs.first
    if len(first) < MIN_QUARTERS:
        earliest = period_label(
            period_index(first.first_period, "Q") + MIN_QUARTERS - 1, "Q"
        )
        raise OpvangError(
            f"Prognose op data t/m {first.last_period} kan niet: het prognosemodel vraagt "
            f"minstens {MIN_QUARTERS} kwartalen data; kies een datagrens van {earliest} of later."
        )
    quarters = quarters_for(months)
    if quarters > MAX_HORIZON:
        raise OpvangError(
            f"Prognose: een planhorizon van {months} maanden is langer dan de prognose "
            f"({MAX_HORIZON} kwartalen, {3 * MAX_HORIZON} maanden)."
        )
    until = period_label(period_index(first.last_period, "Q") + quarters, "Q")
    result = make_forecast(
        inputs,
        until,
        seed=DEFAULT_SEED if seed is None else seed,
        n_paths=paths,
        n_jobs=1,
    )
    return result, inputs
