# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The vectorised stock-flow engine: one numpy step per month for a block of runs.

Stocks (persons): first-application queue, repeat queue, rejected awaiting departure
(all three in COA), statushouders waiting in COA per gemeente, statushouders in a
tussenvoorziening per gemeente, statushouders housed. Flows leaving the chain:
closed cases (withdrawn/Dublin), departure, LVV, irregular stay. Every run keeps
`opening stock + inflow = outflow + closing stock` (see `ChunkResult.balance`).

Why vectorised: the quantities are tens of thousands of persons, so a cohort/stock
model is exact enough and lets 1,000 runs x 342 gemeenten run in seconds, where a
person-by-person simulation needs minutes per run (benchmarks/bench_chain.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.chain.inputs import ChainInputs
from migratieketen.chain.params import draw_parameters

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

SERIES: tuple[str, ...] = (
    "coa_total",
    "coa_asylum_seekers",
    "coa_permit_holders",
    "occ_regular",
    "occ_small_scale",
    "occ_noodopvang",
    "occ_crisis",
    "noodopvang_capacity",
    "reception_cost",
    "inflow_first",
    "inflow_repeat",
    "nareizigers",
    "decisions",
    "permits",
    "ind_queue",
    "rejected_in_coa",
    "housed",
    "in_tussenvoorziening",
    "closed",
    "departed",
    "lvv",
    "irregular",
    "inburgering_starts",
    "inburgering_caseload",
    "inburgering_overdue",
    "inburgering_cost",
    "inburgering_budget",
    "other_urgent_wait_months",
)
GEMEENTE_SERIES: tuple[str, ...] = (
    "housed_total",
    "waiting_end",
    "waiting_mean",
    "crisis_places_peak",
    "crisis_cost_total",
)
DETAIL_SERIES: tuple[str, ...] = ("waiting", "housed_cumulative")
BALANCE: tuple[str, ...] = ("opening_plus_inflow", "outflow", "closing_stock")
ROUTES: tuple[str, ...] = ("b1", "onderwijs", "z")
MAX_AGE = (
    72  # months tracked per inburgering trajectory (older ones stay in the last bin)
)


@dataclass(frozen=True, slots=True, eq=False)
class ChunkResult:
    """Per-run outputs of one block of runs."""

    national: F32  # (runs, len(SERIES), months)
    gemeente: F32  # (runs, len(GEMEENTE_SERIES), gemeenten)
    balance: F64  # (runs, 3): opening + inflow, outflow, closing stock
    # (runs, len(DETAIL_SERIES), detail gemeenten, months); empty without detail
    detail: F32


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


def seed_sequence(seed: int, chunk: int) -> np.random.SeedSequence:
    """The random stream of one chunk: depends on (seed, chunk) only, never on which
    worker runs it, so local and Dask results are identical."""
    return np.random.SeedSequence(entropy=seed, spawn_key=(chunk,))


def simulate_chunk(
    inputs: ChainInputs,
    n_runs: int,
    seed: int,
    chunk: int,
    deterministic: bool = False,
) -> ChunkResult:
    """Simulate `n_runs` Monte Carlo runs of the whole chain, month by month.

    `deterministic` switches all randomness off (every run = the central values):
    used by the calibration, which fits central values.
    """
    rng = np.random.default_rng(seed_sequence(seed, chunk))
    v = inputs.values
    if deterministic:
        p = {name: np.full(n_runs, value) for name, value in v.items()}
    else:
        p = draw_parameters(v, rng, n_runs)
    T, R = inputs.months, n_runs
    g = inputs.gemeenten
    share = g.share[None, :]
    G = len(g)

    # --- per-run inflow path ------------------------------------------------------
    if inputs.inflow_noise and not deterministic:
        sigma = v["inflow_monthly_sigma"]
        noise = np.exp(rng.normal(-0.5 * sigma**2, sigma, (R, T)))
        noise *= p["inflow_level_multiplier"][:, None]
    else:
        noise = np.ones((R, T))
    first = inputs.first[None, :] * noise
    repeat = inputs.repeat[None, :] * noise

    base_ind = v["ind_decisions_per_month"]
    ind_factor = p["ind_decisions_per_month"] / base_ind if base_ind > 0 else np.ones(R)
    rec_shift = p["recognition_rate_first"] - v["recognition_rate_first"]
    lag = int(max(1, round(3 * v["nareizigers_delay_months"])))
    nare_w = gamma_weights(v["nareizigers_delay_months"], 0.5, lag)[::-1]
    lettings = (
        p["social_rent_turnover_per_year"][:, None]
        / 12
        * g.corporation_dwellings[None, :]
    )  # dwellings per month (R, G)
    lettings_total = lettings.sum(axis=1)
    route_share = np.array(
        [
            v["route_share_b1"],
            v["route_share_onderwijs"],
            max(0.0, 1 - v["route_share_b1"] - v["route_share_onderwijs"]),
        ]
    )
    route_share = route_share / route_share.sum()
    hazard = np.stack(
        [
            completion_hazard(v["duration_b1_months"]),
            completion_hazard(v["duration_onderwijs_months"]),
            completion_hazard(v["duration_z_months"]),
        ]
    )[None, :, :]
    route_cost = float(
        route_share
        @ np.array(
            [
                v["cost_b1_per_trajectory"],
                v["cost_onderwijs_per_trajectory"],
                v["cost_z_per_trajectory"],
            ]
        )
    )
    term = int(v["term_months"])
    costs = (
        np.array(
            [
                v["cost_regular_per_year"],
                v["cost_small_scale_per_year"],
                v["cost_noodopvang_per_year"],
                v["cost_crisisnoodopvang_per_year"],
            ]
        )
        / 12
    )
    idle = v["idle_cost_fraction"]
    lead = int(v["noodopvang_lead_time_months"])

    # --- stocks -------------------------------------------------------------------
    q_first = np.full(R, float(inputs.initial_asylum_seekers))
    q_repeat = np.zeros(R)
    rejected = np.zeros(R)
    waiting = np.broadcast_to(
        float(inputs.initial_permit_holders) * share, (R, G)
    ).astype(np.float64)
    tv = np.zeros((R, G))
    housed = np.zeros(R)
    opening = q_first + waiting.sum(axis=1)
    inflow_total = np.zeros(R)
    outflow_total = np.zeros(R)
    housed_g = np.zeros((R, G))
    waiting_sum_g = np.zeros((R, G))
    inburgering = np.zeros((R, 3, MAX_AGE))
    buf_a, buf_s, buf_r, buf_h = (np.empty((R, G)) for _ in range(4))
    tv_active = False
    detail_idx = np.asarray(inputs.detail_index, dtype=np.intp)
    detail = np.zeros((R, len(DETAIL_SERIES), detail_idx.size, T), dtype=np.float32)
    crisis_peak = np.zeros(R)
    crisis_cost = np.zeros(R)
    other_demand = lettings_total * v["other_urgent_demand_share"]
    other_urgent = 2 * other_demand
    # steady permits before the start, so endogenous nareizigers do not start at 0
    steady_permits = inputs.ind_decisions[0] * (1 - inputs.closed_share[0])
    steady_permits *= inputs.recognition_first[0]
    permits_hist = np.full((R, lag + T), steady_permits)

    out = np.empty((R, len(SERIES), T), dtype=np.float32)
    col = {name: i for i, name in enumerate(SERIES)}

    for t in range(T):
        # arrivals
        a_first, a_repeat = first[:, t], repeat[:, t]
        observed = inputs.nareizigers_observed[t]
        if np.isfinite(observed):
            nare = np.full(R, observed)
        else:
            nare = p["nareizigers_ratio"] * (permits_hist[:, t : t + lag] @ nare_w)
        inflow_total += a_first + a_repeat + nare
        q_first += a_first
        q_repeat += a_repeat

        # IND: a queue with a monthly decision capacity
        capacity = inputs.ind_decisions[t] * ind_factor
        queue = q_first + q_repeat
        decisions = np.minimum(queue, capacity)
        frac_first = np.divide(q_first, queue, out=np.ones(R), where=queue > 0)
        d_first = decisions * frac_first
        d_repeat = decisions - d_first
        q_first -= d_first
        q_repeat -= d_repeat
        closed_share = inputs.closed_share[t]
        closed = decisions * closed_share
        rec1 = np.clip(inputs.recognition_first[t] + rec_shift, 0.0, 1.0)
        permits = (1 - closed_share) * (
            d_first * rec1 + d_repeat * inputs.recognition_repeat[t]
        )
        rejected += decisions - closed - permits
        permits_hist[:, lag + t] = permits

        # rejected persons leave reception: departure, LVV or irregular stay
        leaving = rejected / p["rejected_months_in_coa"]
        rejected -= leaving
        departed = leaving * p["rejected_share_departure"]
        lvv = leaving * np.minimum(
            p["rejected_share_lvv"], 1 - p["rejected_share_departure"]
        )
        irregular = leaving - departed - lvv

        # statushouders: linked to gemeenten by taakstelling share (art. 29)
        to_coa = nare * p["nareizigers_share_to_coa"]
        nare_direct = nare - to_coa
        np.multiply((permits + to_coa)[:, None], share, out=buf_a)
        waiting += buf_a
        housed += nare_direct

        # housing supply per gemeente (persons this month); buffers are reused because
        # (runs x gemeenten) temporaries dominate the cost of a step
        urgent = inputs.urgency[t]
        base_share = p["statushouder_share_of_lettings"] * inputs.housing_factor[t]
        total_share = base_share + urgent * v["urgency_extra_share"]
        supply = np.multiply(
            lettings, (total_share * p["persons_per_dwelling"])[:, None], out=buf_s
        )
        places = inputs.tussenvoorziening_places[t]
        tv_active = tv_active or places > 0
        if tv_active:
            tv_leaving = np.minimum(tv / v["tussenvoorziening_stay_months"], supply)
            tv -= tv_leaving
            housed += tv_leaving.sum(axis=1)
            supply -= tv_leaving
        ready = np.multiply(waiting, p["housing_rate"][:, None], out=buf_r)
        to_home = np.minimum(ready, supply, out=buf_h)
        waiting -= to_home
        home_sum = to_home.sum(axis=1)
        housed += home_sum
        housed_g += to_home
        moved = home_sum + nare_direct
        if tv_active:
            tv_room = places * v["tussenvoorziening_statushouder_share"] * share - tv
            np.maximum(tv_room, 0.0, out=tv_room)
            ready -= to_home
            to_tv = np.minimum(ready, tv_room, out=tv_room)
            waiting -= to_tv
            tv += to_tv
            housed_g += to_tv
            moved += to_tv.sum(axis=1)
        np.multiply(nare_direct[:, None], share, out=buf_a)
        housed_g += buf_a
        waiting_sum_g += waiting
        if detail_idx.size:
            detail[:, 0, :, t] = waiting[:, detail_idx]
            detail[:, 1, :, t] = housed_g[:, detail_idx]

        # other urgent home seekers: the urgency scheme takes part of their quota
        from_quota = np.divide(
            home_sum * urgent * v["urgency_extra_share"],
            total_share * p["persons_per_dwelling"],
            out=np.zeros(R),
            where=total_share > 0,
        )
        served_cap = np.maximum(
            lettings_total * v["urgent_quota_share"] - from_quota, 0.0
        )
        other_urgent += other_demand
        other_urgent -= np.minimum(other_urgent, served_cap)
        wait = np.divide(
            other_urgent, served_cap, out=np.full(R, 120.0), where=served_cap > 1.0
        )

        outflow_total += closed + departed + lvv + irregular

        # COA occupancy by type: regular -> small-scale -> noodopvang -> crisis
        seekers = q_first + q_repeat + rejected
        holders = waiting.sum(axis=1)
        total = seekers + holders
        cap_reg, cap_small = inputs.cap_regular[t], inputs.cap_small_scale[t]
        nood_cap = np.full(R, inputs.cap_noodopvang[t])
        if inputs.noodopvang_auto_scale:
            past = out[:, col["coa_total"], t - lead] if t >= lead else opening
            nood_cap = np.maximum(nood_cap, past - cap_reg - cap_small)
        occ_reg = np.minimum(total, cap_reg)
        occ_small = np.minimum(total - occ_reg, cap_small)
        occ_nood = np.minimum(total - occ_reg - occ_small, nood_cap)
        occ_crisis = total - occ_reg - occ_small - occ_nood
        cost = (
            occ_reg * costs[0]
            + occ_small * costs[1]
            + occ_nood * costs[2]
            + occ_crisis * costs[3]
            + idle
            * (
                (cap_reg - occ_reg) * costs[0]
                + (cap_small - occ_small) * costs[1]
                + (nood_cap - occ_nood) * costs[2]
            )
        )

        crisis_peak = np.maximum(crisis_peak, occ_crisis)
        crisis_cost += occ_crisis * costs[3]

        # inburgering after housing (Wet inburgering 2021)
        starts = moved * v["inburgering_obliged_share"]
        done = inburgering * hazard
        remaining = inburgering - done
        inburgering[:, :, 1:] = remaining[:, :, :-1]
        inburgering[:, :, -1] += remaining[:, :, -1]
        inburgering[:, :, 0] = starts[:, None] * route_share[None, :]
        caseload = inburgering.sum(axis=(1, 2))
        overdue = inburgering[:, :, term:].sum(axis=(1, 2))

        row = out[:, :, t]
        row[:, col["coa_total"]] = total
        row[:, col["coa_asylum_seekers"]] = seekers
        row[:, col["coa_permit_holders"]] = holders
        row[:, col["occ_regular"]] = occ_reg
        row[:, col["occ_small_scale"]] = occ_small
        row[:, col["occ_noodopvang"]] = occ_nood
        row[:, col["occ_crisis"]] = occ_crisis
        row[:, col["noodopvang_capacity"]] = nood_cap
        row[:, col["reception_cost"]] = cost
        row[:, col["inflow_first"]] = a_first
        row[:, col["inflow_repeat"]] = a_repeat
        row[:, col["nareizigers"]] = nare
        row[:, col["decisions"]] = decisions
        row[:, col["permits"]] = permits
        row[:, col["ind_queue"]] = q_first + q_repeat
        row[:, col["rejected_in_coa"]] = rejected
        row[:, col["housed"]] = moved
        row[:, col["in_tussenvoorziening"]] = tv.sum(axis=1)
        row[:, col["closed"]] = closed
        row[:, col["departed"]] = departed
        row[:, col["lvv"]] = lvv
        row[:, col["irregular"]] = irregular
        row[:, col["inburgering_starts"]] = starts
        row[:, col["inburgering_caseload"]] = caseload
        row[:, col["inburgering_overdue"]] = overdue
        row[:, col["inburgering_cost"]] = starts * route_cost
        row[:, col["inburgering_budget"]] = starts * v["budget_per_trajectory"]
        row[:, col["other_urgent_wait_months"]] = np.minimum(wait, 120.0)

    closing = (
        q_first + q_repeat + rejected + waiting.sum(axis=1) + tv.sum(axis=1) + housed
    )
    gem = np.empty((R, len(GEMEENTE_SERIES), G), dtype=np.float32)
    gem[:, 0] = housed_g
    gem[:, 1] = waiting
    gem[:, 2] = waiting_sum_g / T
    # Crisisnoodopvang is run by gemeenten/veiligheidsregio's (rules.md §4.1); the need
    # is spread by population share as an indication (the Spreidingswet key also weighs
    # SES-WOA, which is not in the open data here).
    gem[:, 3] = crisis_peak[:, None] * share
    gem[:, 4] = crisis_cost[:, None] * share
    balance = np.stack([opening + inflow_total, outflow_total, closing], axis=1)
    return ChunkResult(national=out, gemeente=gem, balance=balance, detail=detail)
