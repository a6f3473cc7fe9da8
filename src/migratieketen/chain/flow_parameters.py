# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Each flow's parameters, built in one place from the per-run draws.

Every flow of the engine (`flows.py`) reads its numbers from its own group here and
from nowhere else, so what a flow uses can be read in one screen, and whether a
parameter's uncertainty reaches the model can be checked in one place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.chain.inputs import ChainInputs
from migratieketen.chain.params import draw_parameters

F64 = npt.NDArray[np.float64]
Draws = Mapping[str, F64]  # parameter name -> one value per run
MAX_AGE = 72  # months tracked per inburgering trajectory (older stay in the last bin)


def gamma_weights(mean: float, cv: float, length: int) -> F64:
    """Discretised gamma probabilities for months 1..length (normalised).

    Month k (1-based) gets the density at k - 0.5: a delay of about `mean` months.
    """
    shape = 1.0 / cv**2
    scale = mean / shape
    k = np.arange(1, length + 1) - 0.5
    logpdf = (
        (shape - 1) * np.log(k)
        - k / scale
        - math.lgamma(shape)
        - shape * math.log(scale)
    )
    w = np.exp(logpdf)
    return np.asarray(w / w.sum(), dtype=np.float64)


def completion_hazard(mean: float, cv: float = 0.35) -> F64:
    """Monthly completion probability by trajectory age for a gamma duration."""
    f = gamma_weights(mean, cv, MAX_AGE)
    survival = 1.0 - np.concatenate(([0.0], np.cumsum(f)[:-1]))
    h = np.divide(f, survival, out=np.ones_like(f), where=survival > 1e-12)
    h[-1] = max(h[-1], 1.0 / mean)
    return np.clip(h, 0.0, 1.0)


def run_draws(
    inputs: ChainInputs, rng: np.random.Generator, n_runs: int, deterministic: bool
) -> dict[str, F64]:
    """Per-run values of every parameter (all central when `deterministic`)."""
    if deterministic:
        return {name: np.full(n_runs, value) for name, value in inputs.values.items()}
    return draw_parameters(inputs.values, rng, n_runs)


@dataclass(frozen=True, slots=True, eq=False)
class InflowParameters:
    """Arrivals: first and repeat applications per run and month, nareizigers."""

    first: F64  # (runs, months)
    repeat: F64  # (runs, months)
    observed_nareizigers: F64  # (months,), nan where nareizigers are endogenous
    nareizigers_ratio: F64  # (runs,) nareizigers per permit
    delay_weights: F64  # (lag,) weight of the permits 1..lag months ago, oldest first
    share_to_coa: F64  # (runs,) nareizigers who enter COA, not the referent's home

    @property
    def lag(self) -> int:
        return int(self.delay_weights.shape[-1])


def inflow_parameters(
    inputs: ChainInputs,
    p: Draws,
    rng: np.random.Generator,
    deterministic: bool,
) -> InflowParameters:
    """The inflow path per run: the scenario path times a per-run level and a
    monthly lognormal noise (none for observed history or a deterministic run)."""
    v = inputs.values
    runs, months = len(p["inflow_level_multiplier"]), inputs.months
    if inputs.inflow_noise and not deterministic:
        sigma = v["inflow_monthly_sigma"]
        noise = np.exp(rng.normal(-0.5 * sigma**2, sigma, (runs, months)))
        noise *= p["inflow_level_multiplier"][:, None]
    else:
        noise = np.ones((runs, months))
    lag = int(max(1, round(3 * v["nareizigers_delay_months"])))
    return InflowParameters(
        first=inputs.first[None, :] * noise,
        repeat=inputs.repeat[None, :] * noise,
        observed_nareizigers=inputs.nareizigers_observed,
        nareizigers_ratio=p["nareizigers_ratio"],
        delay_weights=gamma_weights(v["nareizigers_delay_months"], 0.5, lag)[::-1],
        share_to_coa=p["nareizigers_share_to_coa"],
    )


@dataclass(frozen=True, slots=True, eq=False)
class ProcedureParameters:
    """The IND: monthly decision capacity and the decision shares."""

    capacity: F64  # (months,) decisions a month, before the per-run factor
    capacity_factor: F64  # (runs,)
    recognition_first: F64  # (months,)
    recognition_shift: F64  # (runs,) added to the first-application recognition
    recognition_repeat: F64  # (months,)
    closed_share: F64  # (months,) withdrawn / Dublin


def procedure_parameters(inputs: ChainInputs, p: Draws) -> ProcedureParameters:
    v = inputs.values
    runs = len(p["ind_decisions_per_month"])
    base = v["ind_decisions_per_month"]
    factor = p["ind_decisions_per_month"] / base if base > 0 else np.ones(runs)
    return ProcedureParameters(
        capacity=inputs.ind_decisions,
        capacity_factor=factor,
        recognition_first=inputs.recognition_first,
        recognition_shift=p["recognition_rate_first"] - v["recognition_rate_first"],
        recognition_repeat=inputs.recognition_repeat,
        closed_share=inputs.closed_share,
    )


@dataclass(frozen=True, slots=True, eq=False)
class RejectionParameters:
    """Rejected asylum seekers leaving reception."""

    months_in_coa: F64  # (runs,) mean stay after rejection
    share_departure: F64  # (runs,)
    share_lvv: F64  # (runs,) capped so that departure + LVV <= 1


def rejection_parameters(p: Draws) -> RejectionParameters:
    return RejectionParameters(
        months_in_coa=p["rejected_months_in_coa"],
        share_departure=p["rejected_share_departure"],
        share_lvv=np.minimum(
            p["rejected_share_lvv"], 1 - p["rejected_share_departure"]
        ),
    )


@dataclass(frozen=True, slots=True, eq=False)
class HousingParameters:
    """Housing supply per gemeente, the urgency lever and tussenvoorziening."""

    share: F64  # (1, gemeenten) taakstelling share (art. 29)
    lettings: F64  # (runs, gemeenten) social-rent lettings per month
    lettings_total: F64  # (runs,)
    statushouder_share: F64  # (runs,) share of lettings for statushouders
    housing_factor: F64  # (months,) lever: 1 + extra housing %
    urgency: F64  # (months,) 1.0 where the urgency scheme is on
    urgency_extra_share: float | F64
    persons_per_dwelling: F64  # (runs,)
    housing_rate: F64  # (runs,) share of the waiting who can move in a month
    tussenvoorziening_places: F64  # (months,)
    tussenvoorziening_stay_months: float | F64
    tussenvoorziening_statushouder_share: float | F64
    urgent_quota_share: float | F64  # share of lettings for all urgent seekers
    other_urgent_demand: F64  # (runs,) other urgent home seekers per month


def housing_parameters(inputs: ChainInputs, p: Draws) -> HousingParameters:
    v = inputs.values
    g = inputs.gemeenten
    lettings = (
        p["social_rent_turnover_per_year"][:, None]
        / 12
        * g.corporation_dwellings[None, :]
    )
    lettings_total = lettings.sum(axis=1)
    return HousingParameters(
        share=g.share[None, :],
        lettings=lettings,
        lettings_total=lettings_total,
        statushouder_share=p["statushouder_share_of_lettings"],
        housing_factor=inputs.housing_factor,
        urgency=inputs.urgency,
        urgency_extra_share=v["urgency_extra_share"],
        persons_per_dwelling=p["persons_per_dwelling"],
        housing_rate=p["housing_rate"],
        tussenvoorziening_places=inputs.tussenvoorziening_places,
        tussenvoorziening_stay_months=v["tussenvoorziening_stay_months"],
        tussenvoorziening_statushouder_share=v["tussenvoorziening_statushouder_share"],
        urgent_quota_share=v["urgent_quota_share"],
        other_urgent_demand=lettings_total * v["other_urgent_demand_share"],
    )


@dataclass(frozen=True, slots=True, eq=False)
class ReceptionParameters:
    """COA capacity by type and the cost of a place per month."""

    cap_regular: F64  # (months,)
    cap_small_scale: F64  # (months,)
    cap_noodopvang: F64  # (months,)
    auto_scale: bool  # lever: open noodopvang for the demand of `lead_months` ago
    lead_months: int
    cost_per_month: F64  # (4,) regular, small-scale, noodopvang, crisisnoodopvang
    idle_cost_fraction: float | F64


def reception_parameters(inputs: ChainInputs, p: Draws) -> ReceptionParameters:
    v = inputs.values
    yearly = np.array(
        [
            v["cost_regular_per_year"],
            v["cost_small_scale_per_year"],
            v["cost_noodopvang_per_year"],
            v["cost_crisisnoodopvang_per_year"],
        ]
    )
    return ReceptionParameters(
        cap_regular=inputs.cap_regular,
        cap_small_scale=inputs.cap_small_scale,
        cap_noodopvang=inputs.cap_noodopvang,
        auto_scale=inputs.noodopvang_auto_scale,
        lead_months=int(v["noodopvang_lead_time_months"]),
        cost_per_month=yearly / 12,
        idle_cost_fraction=v["idle_cost_fraction"],
    )


@dataclass(frozen=True, slots=True, eq=False)
class InburgeringParameters:
    """Inburgering after housing (Wet inburgering 2021): routes, durations, cost."""

    obliged_share: float | F64
    route_share: F64  # (3,) B1, onderwijs, Z
    hazard: F64  # (1, 3, MAX_AGE) completion probability by age
    route_cost: float | F64  # mean cost of a trajectory
    budget: float | F64  # budget per trajectory
    term_months: int


def inburgering_parameters(inputs: ChainInputs, p: Draws) -> InburgeringParameters:
    v = inputs.values
    b1, onderwijs = v["route_share_b1"], v["route_share_onderwijs"]
    share = np.array([b1, onderwijs, max(0.0, 1 - b1 - onderwijs)])
    share = share / share.sum()
    hazard = np.stack(
        [
            completion_hazard(v["duration_b1_months"]),
            completion_hazard(v["duration_onderwijs_months"]),
            completion_hazard(v["duration_z_months"]),
        ]
    )[None, :, :]
    cost = np.array(
        [
            v["cost_b1_per_trajectory"],
            v["cost_onderwijs_per_trajectory"],
            v["cost_z_per_trajectory"],
        ]
    )
    return InburgeringParameters(
        obliged_share=v["inburgering_obliged_share"],
        route_share=share,
        hazard=hazard,
        route_cost=float(share @ cost),
        budget=v["budget_per_trajectory"],
        term_months=int(v["term_months"]),
    )


@dataclass(frozen=True, slots=True, eq=False)
class FlowParameters:
    """All flows' parameters for one block of runs."""

    inflow: InflowParameters
    procedure: ProcedureParameters
    rejection: RejectionParameters
    housing: HousingParameters
    reception: ReceptionParameters
    inburgering: InburgeringParameters


def flow_parameters(
    inputs: ChainInputs, rng: np.random.Generator, n_runs: int, deterministic: bool
) -> FlowParameters:
    """Draw once per run, then give every flow its own view of the draws."""
    p = run_draws(inputs, rng, n_runs, deterministic)
    return FlowParameters(
        inflow=inflow_parameters(inputs, p, rng, deterministic),
        procedure=procedure_parameters(inputs, p),
        rejection=rejection_parameters(p),
        housing=housing_parameters(inputs, p),
        reception=reception_parameters(inputs, p),
        inburgering=inburgering_parameters(inputs, p),
    )
