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

from migratieketen.chain.history import HISTORY_START, OPENING_OCCUPANCY_2012
from migratieketen.chain.inputs import ChainInputs
from migratieketen.chain.params import draw_parameters
from migratieketen.chain.scenario import month_index

F64 = npt.NDArray[np.float64]
Draws = Mapping[str, F64]  # parameter name -> one value per run
MAX_AGE = 72  # months tracked per inburgering trajectory (older stay in the last bin)


def gamma_weights(mean: float | F64, cv: float, length: int) -> F64:
    """Discretised gamma probabilities for months 1..length (normalised).

    Month k (1-based) gets the density at k - 0.5: a delay of about `mean` months.
    `mean` may be an array (one per run): the weights are then (runs, length).
    """
    shape = 1.0 / cv**2
    scale = np.asarray(mean, dtype=np.float64)[..., None] / shape
    k = np.arange(1, length + 1) - 0.5
    logpdf = (
        (shape - 1) * np.log(k) - k / scale - math.lgamma(shape) - shape * np.log(scale)
    )
    w = np.exp(logpdf)
    return np.asarray(w / w.sum(axis=-1, keepdims=True), dtype=np.float64)


def completion_hazard(mean: float | F64, cv: float = 0.35) -> F64:
    """Monthly completion probability by trajectory age for a gamma duration
    (per run when `mean` is an array: (runs, MAX_AGE))."""
    f = gamma_weights(mean, cv, MAX_AGE)
    before = np.cumsum(f, axis=-1)[..., :-1]
    survival = 1.0 - np.concatenate([np.zeros_like(f[..., :1]), before], axis=-1)
    h = np.divide(f, survival, out=np.ones_like(f), where=survival > 1e-12)
    h[..., -1] = np.maximum(h[..., -1], 1.0 / np.asarray(mean))
    return np.clip(h, 0.0, 1.0)


def delay_weights(mean: F64, cv: float) -> F64:
    """(runs, lag): weight of the permits 1..lag months ago, oldest first.

    Each run's gamma delay is cut at three times its own mean (at least a month) and
    renormalised; `lag` is the longest cut over the runs.
    """
    cut = np.maximum(1, np.round(3 * mean)).astype(np.intp)
    lag = int(cut.max())
    months = np.arange(1, lag + 1)
    w = gamma_weights(mean, cv, lag)
    w = np.where(months[None, :] <= cut[:, None], w, 0.0)
    w /= w.sum(axis=1, keepdims=True)
    return np.ascontiguousarray(w[:, ::-1])


def run_draws(
    inputs: ChainInputs, rng: np.random.Generator, n_runs: int, deterministic: bool
) -> dict[str, F64]:
    """Per-run values of every parameter (all central when `deterministic`).

    These draws are the only place the flows take a parameter from: a parameter
    given an uncertainty (in its YAML file, or in `inputs.definitions`) is always
    used with it.
    """
    if deterministic:
        return {name: np.full(n_runs, value) for name, value in inputs.values.items()}
    return draw_parameters(inputs.values, rng, n_runs, inputs.definitions)


def path_per_run(inputs: ChainInputs, path: F64, parameter: str, p: Draws) -> F64:
    """(runs, months): `path`, with the run's own draw of `parameter` in the months
    where the path is that parameter's value (see `ChainInputs.parameter_months`)."""
    months = inputs.parameter_months.get(parameter)
    if months is None:
        return np.broadcast_to(path, (len(p[parameter]), len(path)))
    return np.where(months[None, :], p[parameter][:, None], path[None, :])


@dataclass(frozen=True, slots=True, eq=False)
class InflowParameters:
    """Arrivals: first and repeat applications per run and month, nareizigers."""

    first: F64  # (runs, months)
    repeat: F64  # (runs, months)
    observed_nareizigers: F64  # (months,), nan where nareizigers are endogenous
    nareizigers_ratio: F64  # (runs,) nareizigers per permit
    delay_weights: (
        F64  # (runs, lag) weight of the permits 1..lag months ago, oldest first
    )
    share_to_coa: F64  # (runs,) nareizigers who enter COA, not the referent's home

    @property
    def lag(self) -> int:
        return int(self.delay_weights.shape[-1])


def first_paths(inputs: ChainInputs, runs: int, first_run: int) -> F64:
    """(runs, months) scenario path of first applications: the same for every run,
    or with the 'per_run' kind row (first_run + k) mod rows for the k-th run here."""
    rows = inputs.first_per_run
    if rows is None:
        return inputs.first[None, :]
    return np.asarray(rows[(first_run + np.arange(runs)) % len(rows)], dtype=np.float64)


def inflow_parameters(
    inputs: ChainInputs,
    p: Draws,
    rng: np.random.Generator,
    deterministic: bool,
    first_run: int = 0,
) -> InflowParameters:
    """The inflow path per run: the scenario path times a per-run level and a
    monthly lognormal noise (none for observed history, per-run paths or a
    deterministic run). `first_run`: the ensemble index of this block's first run."""
    runs, months = len(p["inflow_level_multiplier"]), inputs.months
    if inputs.inflow_noise and not deterministic:
        sigma = p["inflow_monthly_sigma"][:, None]
        noise = np.exp(rng.normal(-0.5 * sigma**2, sigma, (runs, months)))
        noise *= p["inflow_level_multiplier"][:, None]
    else:
        noise = np.ones((runs, months))
    repeat = path_per_run(inputs, inputs.repeat, "repeat_requests_per_month", p)
    return InflowParameters(
        first=first_paths(inputs, runs, first_run) * noise,
        repeat=repeat * noise,
        observed_nareizigers=inputs.nareizigers_observed,
        nareizigers_ratio=p["nareizigers_ratio"],
        delay_weights=delay_weights(p["nareizigers_delay_months"], 0.5),
        share_to_coa=p["nareizigers_share_to_coa"],
    )


@dataclass(frozen=True, slots=True, eq=False)
class ProcedureParameters:
    """The IND: monthly decision capacity and the decision shares."""

    capacity: F64  # (months,) decisions a month, before the per-run factor
    capacity_factor: F64  # (runs,)
    recognition_first: F64  # (months,)
    recognition_shift: F64  # (runs,) added to the first-application recognition
    recognition_repeat: F64  # (runs, months)
    closed_share: F64  # (runs, months) withdrawn / Dublin

    def first_month_permits(self) -> F64:
        """(runs,) permits a month at the first month's capacity and shares."""
        closed = self.closed_share[:, 0]
        return (
            self.capacity[0] * self.capacity_factor * (1 - closed) * self.recognition(0)
        )

    def recognition(self, t: int) -> F64:
        """(runs,) recognition rate of first applications in month `t`."""
        return np.clip(self.recognition_first[t] + self.recognition_shift, 0.0, 1.0)


def procedure_parameters(inputs: ChainInputs, p: Draws) -> ProcedureParameters:
    """The capacity path times each of its parameters' draw / central value (the
    scenario's IND capacity, and for history also the persons per decision)."""
    v = inputs.values
    runs = len(p["ind_decisions_per_month"])
    factor = np.ones(runs)
    for name in inputs.capacity_parameters:
        if v[name] > 0:
            factor = factor * (p[name] / v[name])
    return ProcedureParameters(
        capacity=inputs.ind_decisions,
        capacity_factor=factor,
        recognition_first=inputs.recognition_first,
        recognition_shift=p["recognition_rate_first"] - v["recognition_rate_first"],
        recognition_repeat=path_per_run(
            inputs, inputs.recognition_repeat, "recognition_rate_repeat", p
        ),
        closed_share=path_per_run(inputs, inputs.closed_share, "closed_share", p),
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
    urgency_extra_share: F64  # (runs,)
    persons_per_dwelling: F64  # (runs,)
    housing_rate: F64  # (runs,) share of the waiting who can move in a month
    tussenvoorziening_places: F64  # (months,)
    tussenvoorziening_stay_months: F64  # (runs, 1)
    tussenvoorziening_statushouder_share: F64  # (runs, 1)
    urgent_quota_share: F64  # (runs,) share of lettings for all urgent seekers
    other_urgent_demand: F64  # (runs,) other urgent home seekers per month
    taakstelling_response: F64  # (runs,) share of the taakstelling gap closed
    response_on: F64  # (months,) 1.0 where gemeenten respond to the taakstelling
    max_share: F64  # (runs,) ceiling on the statushouders' share of lettings
    half_year_start: npt.NDArray[np.bool_]  # (months,) January or July (or month 0)


def housing_parameters(inputs: ChainInputs, p: Draws) -> HousingParameters:
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
        urgency_extra_share=p["urgency_extra_share"],
        persons_per_dwelling=p["persons_per_dwelling"],
        housing_rate=p["housing_rate"],
        tussenvoorziening_places=inputs.tussenvoorziening_places,
        tussenvoorziening_stay_months=p["tussenvoorziening_stay_months"][:, None],
        tussenvoorziening_statushouder_share=p["tussenvoorziening_statushouder_share"][
            :, None
        ],
        urgent_quota_share=p["urgent_quota_share"],
        other_urgent_demand=lettings_total * p["other_urgent_demand_share"],
        taakstelling_response=p["taakstelling_response"],
        response_on=inputs.taakstelling_response,
        max_share=p["max_statushouder_share"],
        half_year_start=_half_year_starts(inputs),
    )


def _half_year_starts(inputs: ChainInputs) -> npt.NDArray[np.bool_]:
    """The months a taakstelling period starts (1 January, 1 July; art. 28), and the
    first month: gemeenten then set their priority share for the half-year."""
    calendar = (inputs.start + np.arange(inputs.months)) % 6 == 0
    calendar[:1] = True
    return calendar


@dataclass(frozen=True, slots=True, eq=False)
class ReceptionParameters:
    """COA capacity by type and the cost of a place per month."""

    cap_regular: F64  # (runs, months)
    cap_small_scale: F64  # (runs, months)
    cap_noodopvang: F64  # (runs, months)
    auto_scale: bool  # lever: open noodopvang for the demand of `lead_months` ago
    lead_months: npt.NDArray[np.intp]  # (runs,)
    cost_per_month: F64  # (runs, 4) regular, small-scale, noodopvang, crisis
    idle_cost_fraction: F64  # (runs,)


COST_PARAMETERS = (
    "cost_regular_per_year",
    "cost_small_scale_per_year",
    "cost_noodopvang_per_year",
    "cost_crisisnoodopvang_per_year",
)


def reception_parameters(inputs: ChainInputs, p: Draws) -> ReceptionParameters:
    yearly = np.stack([p[name] for name in COST_PARAMETERS], axis=1)
    return ReceptionParameters(
        cap_regular=path_per_run(inputs, inputs.cap_regular, "capacity_regular", p),
        cap_small_scale=path_per_run(
            inputs, inputs.cap_small_scale, "capacity_small_scale", p
        ),
        cap_noodopvang=path_per_run(
            inputs, inputs.cap_noodopvang, "capacity_noodopvang", p
        ),
        auto_scale=inputs.noodopvang_auto_scale,
        lead_months=p["noodopvang_lead_time_months"].astype(np.intp),
        cost_per_month=yearly / 12,
        idle_cost_fraction=p["idle_cost_fraction"],
    )


@dataclass(frozen=True, slots=True, eq=False)
class InburgeringParameters:
    """Inburgering after housing (Wet inburgering 2021): routes, durations, cost."""

    obliged_share: F64  # (runs,)
    route_share: F64  # (runs, 3) B1, onderwijs, Z
    hazard: F64  # (runs, 3, MAX_AGE) completion probability by age
    route_cost: F64  # (runs,) mean cost of a trajectory
    budget: F64  # (runs,) budget per trajectory
    overdue: F64  # (runs, 1, MAX_AGE) 1.0 at ages past the inburgeringstermijn


def inburgering_parameters(inputs: ChainInputs, p: Draws) -> InburgeringParameters:
    b1, onderwijs = p["route_share_b1"], p["route_share_onderwijs"]
    share = np.stack([b1, onderwijs, np.maximum(0.0, 1 - b1 - onderwijs)], axis=1)
    share = share / share.sum(axis=1, keepdims=True)
    hazard = np.stack(
        [
            completion_hazard(p["duration_b1_months"]),
            completion_hazard(p["duration_onderwijs_months"]),
            completion_hazard(p["duration_z_months"]),
        ],
        axis=1,
    )
    cost = np.stack(
        [
            p["cost_b1_per_trajectory"],
            p["cost_onderwijs_per_trajectory"],
            p["cost_z_per_trajectory"],
        ],
        axis=1,
    )
    term = p["term_months"].astype(np.intp)
    overdue = np.arange(MAX_AGE)[None, None, :] >= term[:, None, None]
    return InburgeringParameters(
        obliged_share=p["inburgering_obliged_share"],
        route_share=share,
        hazard=hazard,
        route_cost=(share * cost).sum(axis=1),
        budget=p["budget_per_trajectory"],
        overdue=overdue.astype(np.float64),
    )


@dataclass(frozen=True, slots=True, eq=False)
class OpeningStocks:
    """Persons in COA at the start, per run."""

    asylum_seekers: F64
    statushouders: F64
    steady_permits: F64  # permits a month before the start (for the nareizigers)


def opening_stocks(
    inputs: ChainInputs, p: Draws, procedure: ProcedureParameters
) -> OpeningStocks:
    """The scenario's own opening stocks, else the model's guess from the run's
    draws: the published 2012 occupancy for history from 2013, or a calm steady
    state (three months of decisions queued; statushouders = permits / housing
    rate)."""
    runs = len(p["housing_rate"])
    capacity = procedure.capacity[0] * procedure.capacity_factor
    permits = procedure.first_month_permits()
    if inputs.inflow_kind == "historie":
        holders = p["initial_statushouders_2013"]
        seekers = (
            OPENING_OCCUPANCY_2012 - holders
            if inputs.start == month_index(HISTORY_START)
            else 3 * capacity
        )
    else:
        seekers = 3 * capacity
        holders = permits / p["housing_rate"]
    if inputs.initial_asylum_seekers is not None:
        seekers = np.full(runs, inputs.initial_asylum_seekers)
    if inputs.initial_statushouders is not None:
        holders = np.full(runs, inputs.initial_statushouders)
    return OpeningStocks(
        asylum_seekers=np.asarray(seekers, dtype=np.float64),
        statushouders=np.asarray(holders, dtype=np.float64),
        steady_permits=permits,
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
    opening: OpeningStocks


def flow_parameters(
    inputs: ChainInputs,
    rng: np.random.Generator,
    n_runs: int,
    deterministic: bool,
    first_run: int = 0,
) -> FlowParameters:
    """Draw once per run, then give every flow its own view of the draws."""
    p = run_draws(inputs, rng, n_runs, deterministic)
    procedure = procedure_parameters(inputs, p)
    return FlowParameters(
        inflow=inflow_parameters(inputs, p, rng, deterministic, first_run),
        procedure=procedure,
        rejection=rejection_parameters(p),
        housing=housing_parameters(inputs, p),
        reception=reception_parameters(inputs, p),
        inburgering=inburgering_parameters(inputs, p),
        opening=opening_stocks(inputs, p, procedure),
    )
