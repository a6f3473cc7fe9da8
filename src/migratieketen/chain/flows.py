# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The flows of the chain, one function each, applied in this order every month:

inflow -> IND procedure -> rejection outflow -> housing (with tussenvoorziening and the
other urgent home seekers) -> reception by type (occupancy and cost) -> inburgering.

Each flow changes the `ChainState` and returns this month's flows for the output. It
reads its parameters only from its own group in `flow_parameters.py`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from migratieketen.chain.flow_parameters import (
    HousingParameters,
    InburgeringParameters,
    InflowParameters,
    ProcedureParameters,
    ReceptionParameters,
    RejectionParameters,
)
from migratieketen.chain.state import ChainState
from migratieketen.woningmarkt.coupling import (
    MONTHS_PER_HALF_YEAR,
    taakstelling_response,
    taakstelling_target,
)

F64 = npt.NDArray[np.float64]
WAIT_CAP_MONTHS = 120.0  # the other urgent seekers' wait is shown up to ten years


class Arrivals(NamedTuple):
    first: F64
    repeat: F64
    nareizigers: F64
    nareizigers_to_coa: F64  # family members who enter COA themselves
    nareizigers_direct: F64  # family members who move in with the referent


def inflow(state: ChainState, par: InflowParameters, t: int) -> Arrivals:
    """First and repeat applications join the IND queue; nareizigers arrive (observed,
    or a per-run ratio of the permits of the past months, gamma-delayed)."""
    first, repeat = par.first[:, t], par.repeat[:, t]
    observed = par.observed_nareizigers[t]
    if np.isfinite(observed):
        nare = np.full(len(first), observed)
    else:
        recent = state.permits_history[:, t : t + par.lag]
        nare = par.nareizigers_ratio * np.einsum("rl,rl->r", recent, par.delay_weights)
    state.inflow_total += first + repeat + nare
    state.q_first += first
    state.q_repeat += repeat
    to_coa = nare * par.share_to_coa
    return Arrivals(first, repeat, nare, to_coa, nare - to_coa)


class Decisions(NamedTuple):
    decisions: F64
    permits: F64
    closed: F64  # withdrawn or Dublin: the case leaves the chain


def ind_procedure(state: ChainState, par: ProcedureParameters, t: int) -> Decisions:
    """The IND decides up to its monthly capacity, first and repeat applications in
    proportion to their queues; a decision is closed, a permit or a rejection."""
    capacity = par.capacity[t] * par.capacity_factor
    queue = state.q_first + state.q_repeat
    decisions = np.minimum(queue, capacity)
    frac_first = np.divide(
        state.q_first, queue, out=np.ones(len(queue)), where=queue > 0
    )
    d_first = decisions * frac_first
    d_repeat = decisions - d_first
    state.q_first -= d_first
    state.q_repeat -= d_repeat
    closed_share = par.closed_share[:, t]
    closed = decisions * closed_share
    permits = (1 - closed_share) * (
        d_first * par.recognition(t) + d_repeat * par.recognition_repeat[:, t]
    )
    state.rejected += decisions - closed - permits
    state.permits_history[:, state.history_offset + t] = permits
    return Decisions(decisions, permits, closed)


class Departures(NamedTuple):
    departed: F64
    lvv: F64  # to the landelijke vreemdelingenvoorziening
    irregular: F64


def rejection_outflow(state: ChainState, par: RejectionParameters) -> Departures:
    """Rejected persons leave reception after a mean stay: departure, LVV or
    irregular stay."""
    leaving = state.rejected / par.months_in_coa
    state.rejected -= leaving
    departed = leaving * par.share_departure
    lvv = leaving * par.share_lvv
    return Departures(departed, lvv, leaving - departed - lvv)


class Housed(NamedTuple):
    moved: F64  # into a home or a tussenvoorziening this month, incl. nareizigers
    from_coa: F64  # from COA into a home
    total_share: F64  # share of lettings for statushouders, incl. the urgency lever


def housing(
    state: ChainState,
    par: HousingParameters,
    arrivals: Arrivals,
    decided: Decisions,
    t: int,
) -> Housed:
    """Statushouders wait in COA for a home in the gemeente they are linked to (by
    taakstelling share, art. 29); each month a share of them moves, up to the
    gemeente's supply of social-rent lettings, which each half-year rises towards
    its taakstelling (woningmarkt module)."""
    _link_to_gemeenten(state, par, arrivals, decided)
    if par.half_year_start[t] and par.response_on[t]:
        _respond_to_taakstelling(state, par, t)
    supply, total_share = _housing_supply(state, par, t)
    _leave_tussenvoorziening(state, par, supply, t)
    ready = np.multiply(state.waiting, par.housing_rate[:, None], out=state.scratch[2])
    to_home = np.minimum(ready, supply, out=state.scratch[3])
    state.waiting -= to_home
    from_coa = to_home.sum(axis=1)
    state.housed += from_coa
    state.housed_by_gemeente += to_home
    moved = from_coa + arrivals.nareizigers_direct
    if state.tussenvoorziening_active:
        moved += _enter_tussenvoorziening(state, par, ready, to_home, t)
    direct = np.multiply(
        arrivals.nareizigers_direct[:, None], par.share, out=state.scratch[0]
    )
    state.housed_by_gemeente += direct
    state.waiting_sum_by_gemeente += state.waiting
    return Housed(moved, from_coa, total_share)


def _link_to_gemeenten(
    state: ChainState, par: HousingParameters, arrivals: Arrivals, decided: Decisions
) -> None:
    """New statushouders (and nareizigers into COA) wait, spread by gemeente share;
    nareizigers who join their referent are housed at once."""
    new = np.multiply(
        (decided.permits + arrivals.nareizigers_to_coa)[:, None],
        par.share,
        out=state.scratch[0],
    )
    state.waiting += new
    state.housed += arrivals.nareizigers_direct


def _base_share(par: HousingParameters, t: int) -> F64:
    """(runs,) share of lettings for statushouders before the taakstelling response:
    the base share (with the extra-housing lever) plus the urgency lever."""
    base_share = par.statushouder_share * par.housing_factor[t]
    return np.asarray(base_share + par.urgency[t] * par.urgency_extra_share)


def _respond_to_taakstelling(state: ChainState, par: HousingParameters, t: int) -> None:
    """At the start of a half-year gemeenten set their extra priority lettings for it:
    a share of the gap between their taakstelling and their base supply."""
    now = state.history_offset + t
    recent = state.permits_history[:, max(0, now - MONTHS_PER_HALF_YEAR) : now]
    target = taakstelling_target(state.waiting, recent.mean(axis=1), par.share)
    state.response_supply = taakstelling_response(
        target,
        par.lettings,
        _base_share(par, t),
        par.persons_per_dwelling,
        par.taakstelling_response,
        par.max_share,
        state.response_supply,
    )
    state.response_lettings = (
        state.response_supply.sum(axis=1) / par.persons_per_dwelling
    )


def _housing_supply(
    state: ChainState, par: HousingParameters, t: int
) -> tuple[F64, F64]:
    """Persons who can be housed this month per gemeente, and the lettings share
    (the taakstelling response included)."""
    total_share = _base_share(par, t)
    supply = np.multiply(
        par.lettings,
        (total_share * par.persons_per_dwelling)[:, None],
        out=state.scratch[1],
    )
    supply += state.response_supply
    total_share = total_share + state.response_lettings / par.lettings_total
    return supply, total_share


def _leave_tussenvoorziening(
    state: ChainState, par: HousingParameters, supply: F64, t: int
) -> None:
    """Once the lever is on, people in a tussenvoorziening move to a home first."""
    places = par.tussenvoorziening_places[t]
    state.tussenvoorziening_active = state.tussenvoorziening_active or places > 0
    if state.tussenvoorziening_active:
        leaving = np.minimum(
            state.tussenvoorziening / par.tussenvoorziening_stay_months, supply
        )
        state.tussenvoorziening -= leaving
        state.housed += leaving.sum(axis=1)
        supply -= leaving


def _enter_tussenvoorziening(
    state: ChainState, par: HousingParameters, ready: F64, to_home: F64, t: int
) -> F64:
    """Those ready to move but without a home fill the free tussenvoorziening places
    of their gemeente (places shared with other groups)."""
    places = par.tussenvoorziening_places[t]
    room = (
        places * par.tussenvoorziening_statushouder_share * par.share
        - state.tussenvoorziening
    )
    np.maximum(room, 0.0, out=room)
    ready -= to_home
    to_tv = np.minimum(ready, room, out=room)
    state.waiting -= to_tv
    state.tussenvoorziening += to_tv
    state.housed_by_gemeente += to_tv
    return np.asarray(to_tv.sum(axis=1))


def other_urgent_wait(
    state: ChainState, par: HousingParameters, housed: Housed, t: int
) -> F64:
    """Other urgent home seekers: the urgency scheme takes part of their quota, and
    the extra priority lettings for the taakstelling shrink the lettings the quota is
    a share of, so their wait (months) grows; shown up to WAIT_CAP_MONTHS."""
    from_quota = np.divide(
        housed.from_coa * par.urgency[t] * par.urgency_extra_share,
        housed.total_share * par.persons_per_dwelling,
        out=np.zeros(len(housed.from_coa)),
        where=housed.total_share > 0,
    )
    quota = (par.lettings_total - state.response_lettings) * par.urgent_quota_share
    served = np.maximum(quota - from_quota, 0.0)
    state.other_urgent += par.other_urgent_demand
    state.other_urgent -= np.minimum(state.other_urgent, served)
    wait = np.divide(
        state.other_urgent,
        served,
        out=np.full(len(served), WAIT_CAP_MONTHS),
        where=served > 1.0,
    )
    return np.minimum(wait, WAIT_CAP_MONTHS)


class Occupancy(NamedTuple):
    total: F64
    asylum_seekers: F64
    statushouders: F64
    regular: F64
    small_scale: F64
    noodopvang: F64
    crisis: F64
    noodopvang_capacity: F64
    cost: F64  # euro this month, idle capacity included


def reception(state: ChainState, par: ReceptionParameters, t: int) -> Occupancy:
    """Everyone in COA fills regular -> small-scale -> noodopvang -> crisis places."""
    seekers = state.q_first + state.q_repeat + state.rejected
    holders = state.waiting.sum(axis=1)
    total = seekers + holders
    state.coa_total[:, t] = total
    cap_reg, cap_small = par.cap_regular[:, t], par.cap_small_scale[:, t]
    nood_cap = _noodopvang_capacity(state, par, t)
    occ_reg = np.minimum(total, cap_reg)
    occ_small = np.minimum(total - occ_reg, cap_small)
    occ_nood = np.minimum(total - occ_reg - occ_small, nood_cap)
    occ_crisis = total - occ_reg - occ_small - occ_nood
    c = par.cost_per_month
    cost = (
        occ_reg * c[:, 0]
        + occ_small * c[:, 1]
        + occ_nood * c[:, 2]
        + occ_crisis * c[:, 3]
        + par.idle_cost_fraction
        * (
            (cap_reg - occ_reg) * c[:, 0]
            + (cap_small - occ_small) * c[:, 1]
            + (nood_cap - occ_nood) * c[:, 2]
        )
    )
    state.crisis_peak = np.maximum(state.crisis_peak, occ_crisis)
    state.crisis_cost += occ_crisis * c[:, 3]
    return Occupancy(
        total,
        seekers,
        holders,
        occ_reg,
        occ_small,
        occ_nood,
        occ_crisis,
        nood_cap,
        cost,
    )


def _noodopvang_capacity(state: ChainState, par: ReceptionParameters, t: int) -> F64:
    """The scenario's noodopvang; with the lever on, at least what was needed
    `lead_months` ago (this month's need when the lead time is 0)."""
    capacity = np.asarray(par.cap_noodopvang[:, t])
    if par.auto_scale:
        month = t - par.lead_months
        runs = np.arange(len(month))
        past = np.where(
            month >= 0, state.coa_total[runs, np.maximum(month, 0)], state.opening
        )
        capacity = np.maximum(
            capacity, past - par.cap_regular[:, t] - par.cap_small_scale[:, t]
        )
    return capacity


class Integration(NamedTuple):
    starts: F64
    caseload: F64
    overdue: F64  # past the inburgeringstermijn
    cost: F64
    budget: F64


def inburgering(
    state: ChainState, par: InburgeringParameters, moved: F64
) -> Integration:
    """Housed adults start a route (Wet inburgering 2021); each month a trajectory
    ends with the route's completion hazard for its age, or ages one month."""
    starts = moved * par.obliged_share
    stock = state.inburgering
    done = stock * par.hazard
    remaining = stock - done
    stock[:, :, 1:] = remaining[:, :, :-1]
    stock[:, :, -1] += remaining[:, :, -1]
    stock[:, :, 0] = starts[:, None] * par.route_share
    caseload = stock.sum(axis=(1, 2))
    overdue = (stock * par.overdue).sum(axis=(1, 2))
    return Integration(
        starts, caseload, overdue, starts * par.route_cost, starts * par.budget
    )
