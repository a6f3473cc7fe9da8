# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Rolling-horizon backtest: what would each policy have done from 2014 to 2024?

Every half-year (January and July) the planners re-plan with only what was known
then, and their decisions are run against the observed history replay:

- Demand that happened: the ketenmodel's `historie` replay (median of its runs;
  observed inflow and IND decisions, parameters calibrated up to mid-2023).
- Demand as known at a review (`backtest_forecast.py`): by default ("motor") the
  forecast engine fitted on the data up to the last quarter before the review, its
  sample paths fed through the ketenmodel from the replay's state at the review; or
  ("randomwalk") a random walk on the log of the replayed occupancy, drift and
  volatility from the months before the review only. Reviews before the engine has
  eight quarters of data use the random walk; the output lists what each review used.
- A location whose building must start before the next review (opening month minus
  lead time within six months) is committed, with one size for its life: the largest
  the plan gives it, cut to its wijk's room beside the other commitments there (the
  MIP sizes per decision block, so its largest sizes of two neighbours need not fit
  together; not built if below its minimum); an open location may be closed at a
  later review (paying its closing cost); it closes at the latest after its maximum
  duration. The reactive status quo acts monthly on what it sees.
- Policies: the stochastic plan (risk weight 0), the same with a CVaR weight on crisis
  place-months ("stochastisch_risico"), the deterministic plan on the median path, the
  reactive status quo, and the hybrid ("hybride"): the stochastic plan's locations
  unchanged plus the reactive noodopvang rule (same thresholds and lead time) acting
  monthly on the plan's capacity. The hybrid's reviews are the stochastic plan's (no
  extra solve); they do not see the noodopvang the rule opened.
- Start capacity (2014-01): regular places = occupancy / 0.9 (ASSUMPTION: 90 % full),
  the same for every policy; no Spreidingswet target (the law applies from 2024).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from migratieketen.chain.builtin import historie
from migratieketen.chain.engine import COL
from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.scenario import month_index, month_label
from migratieketen.plan.opvang import candidates as cands
from migratieketen.plan.opvang.backtest_forecast import (
    ENGINE,
    FORECASTS,
    review_forecast,
)
from migratieketen.plan.opvang.evaluate import score
from migratieketen.plan.opvang.formulation import solve
from migratieketen.plan.opvang.model import F, Instance
from migratieketen.plan.opvang.norms import TYPES, Norms, OpvangError, norms_at
from migratieketen.plan.opvang.policies import (
    NOOD,
    median_instance,
    noodopvang_on_top,
    reactive_schedule,
)

REVIEW_MONTHS = 6
START_OCCUPANCY = 0.9
LABEL = (
    "Naspeling: beslissingen met alleen de kennis van het beslismoment, afgezet tegen de "
    "naspeling van de historie door het ketenmodel (geen waargenomen bezetting per maand)."
)


@dataclass(frozen=True, slots=True)
class BacktestSettings:
    first: str = "2014-01"
    last: str = "2024-12"
    horizon: int = 24
    paths: int = 30
    step: int = 3
    limit: int = 240
    time_limit: float = 20.0
    seed: int = 0
    replay_runs: int = 50
    risk_weight: float = 1.0  # of the extra stochastic variant "stochastisch_risico"
    forecast: str = ENGINE  # "motor" or "randomwalk" (backtest_forecast.FORECASTS)


def replay(data_dir: Path | str, until: str, runs: int) -> tuple[int, F]:
    """The historie replay's monthly occupancy (median of `runs` runs) from 2013-01."""
    scenario = historie(until, runs=runs)
    result = run_ensemble(scenario, data_dir, runs=runs, keep_runs=True)
    assert result.per_run is not None
    path = np.median(result.per_run[:, COL["coa_total"], :], axis=0)
    return month_index(scenario.start), np.asarray(path, dtype=np.float64)


@dataclass(slots=True)
class Commitment:
    opened: int  # absolute month index
    places: int
    closed: int | None = None


@dataclass(slots=True)
class PolicyState:
    name: str
    risk_weight: float = 0.0
    committed: dict[int, Commitment] = field(default_factory=dict)
    past: list[tuple[int, Commitment]] = field(default_factory=list)
    solve_seconds: float = 0.0
    worst_gap: float = 0.0
    clipped: int = 0  # commitments made smaller than planned (wijk room, `_free_room`)


def _end(com: Commitment, c: cands.Candidate) -> int:
    """First month the location is no longer open."""
    forced = com.opened + c.max_months
    return forced if com.closed is None else min(com.closed, forced)


@dataclass(slots=True)
class Review:
    """The instance of one review and how its candidates map back to the full set."""

    instance: Instance
    index: list[int]
    active: set[int]


def _review_instance(
    state: PolicyState, tau: int, paths: F, base: F, pool: list[cands.Candidate],
    rooms: dict[str, int], norms: Norms, step: int,
) -> Review:  # fmt: skip
    horizon = paths.shape[1]
    existing, room = base.copy(), dict(rooms)
    chosen: list[cands.Candidate] = []
    index: list[int] = []
    active: set[int] = set()
    for g, c in enumerate(pool):
        com = state.committed.get(g)
        end = None if com is None else _end(com, c)
        if com is None or end is None or end <= tau:
            chosen.append(c)
            index.append(g)
        elif com.opened > tau:  # being built: fixed capacity, wijk room taken
            existing[TYPES.index(c.kind), com.opened - tau : max(end - tau, 0)] += (
                com.places
            )
            room[c.wijk] = max(room[c.wijk] - com.places, 0)
        else:  # open now: keep (open in month 0) or close
            active.add(g)
            index.append(g)
            chosen.append(replace(
                c, min_places=com.places, max_places=com.places, lead_months=0,
                earliest=None, latest_start=0, open_cost=-c.close_cost, max_months=end - tau,
            ))  # fmt: skip
    inst = Instance(
        candidates=tuple(chosen), demand=paths, existing=existing[:, :horizon], start=tau,
        norms=norms, wijk_room=room, area_of=tuple(c.province for c in chosen), step=step,
        risk_weight=state.risk_weight,
    )  # fmt: skip
    return Review(inst, index, active)


def review(state: PolicyState, tau: int, paths: F, base: F, pool: list[cands.Candidate],
           rooms: dict[str, int], norms: Norms, settings: BacktestSettings) -> None:  # fmt: skip
    """Re-plan at month `tau` and commit what cannot wait for the next review: the
    closings of open locations within six months, then the openings whose building
    must start before the next review, each at the largest size the plan gives it
    but never more than its wijk's room beside the other commitments there."""
    rv = _review_instance(state, tau, paths, base, pool, rooms, norms, settings.step)
    start = None
    if len(paths) > 1:  # seed with the median-path plan, so a timeout is never worse
        start = solve(median_instance(rv.instance), time_limit=settings.time_limit / 2)
    solved = solve(rv.instance, time_limit=settings.time_limit, start=start)
    state.solve_seconds += solved.solution.seconds
    state.worst_gap = max(state.worst_gap, solved.solution.gap)
    for j, g in enumerate(rv.index):  # first the closings, so their room is free
        com = state.committed.get(g)
        opened, closed = int(solved.opened[j]), int(solved.closed[j])
        if g in rv.active and com is not None:
            if opened != 0:
                com.closed = tau
            elif 0 <= closed < REVIEW_MONTHS:
                com.closed = tau + closed
    for j, g in enumerate(rv.index):
        c, opened = rv.instance.candidates[j], int(solved.opened[j])
        if g in rv.active or opened < 0 or opened - c.lead_months >= REVIEW_MONTHS:
            continue
        planned = int(solved.places[j].max())
        places = min(planned, _free_room(state, pool, rooms, g, tau + opened))
        if places < planned:
            state.clipped += 1
        if places < c.min_places:
            continue  # no room beside what is committed in the wijk: not built
        com = state.committed.get(g)
        if com is not None:
            state.past.append((g, com))  # an earlier, closed contract here
        state.committed[g] = Commitment(tau + opened, places)


def _free_room(
    state: PolicyState, pool: list[cands.Candidate], rooms: dict[str, int], g: int,
    opened: int,
) -> int:  # fmt: skip
    """Places left in candidate g's wijk beside every other commitment there, in the
    month where they take most, over the months a location opened at `opened` could
    stay open. A commitment has one size for its whole life, while the MIP may size a
    location per decision block (smaller while a neighbour it plans to close later is
    still open): committing the MIP's largest size without this check broke the norm."""
    c = pool[g]
    used = np.zeros(c.max_months)
    for h, com in [*state.committed.items(), *state.past]:
        other = pool[h]
        lo, hi = max(com.opened, opened), min(_end(com, other), opened + c.max_months)
        if other.wijk == c.wijk and lo < hi:
            used[lo - opened : hi - opened] += com.places
    return rooms.get(c.wijk, 0) - int(used.max(initial=0))


def _schedule(
    state: PolicyState, pool: list[cands.Candidate], start: int, months: int
) -> tuple[F, F, float, int, int, dict[str, F]]:
    """Places per type (Y, T), empty-place cost (T,), one-off costs, openings, closings
    and places per wijk over the evaluation window."""
    cap = np.zeros((len(TYPES), months))
    empty = np.zeros(months)
    fixed, openings, closings = 0.0, 0, 0
    wijk: dict[str, F] = {}
    for g, com in [*state.committed.items(), *state.past]:
        c = pool[g]
        lo, hi = com.opened - start, min(_end(com, c), start + months) - start
        if lo >= months:  # committed for after the window
            continue
        cap[TYPES.index(c.kind), lo:hi] += com.places
        empty[lo:hi] += com.places * c.empty_cost
        wijk.setdefault(c.wijk, np.zeros(months))[lo:hi] += com.places
        fixed += c.open_cost
        openings += 1
        if _end(com, c) < start + months:
            fixed += c.close_cost
            closings += 1
    return cap, empty, fixed, openings, closings, wijk


def _record(name: str, cost: float, crisis: F, idle: float, openings: float, closings: float,
            violations: int | None, start: int, state: PolicyState | None) -> dict[str, Any]:  # fmt: skip
    years: dict[str, float] = {}
    for t, value in enumerate(crisis):
        year = month_label(start + t)[:4]
        years[year] = years.get(year, 0.0) + float(value)
    return {
        "beleid": name,
        "totale_kosten": cost,
        "crisisplaatsmaanden": float(crisis.sum()),
        "leegstand_plaatsmaanden": idle,
        "openingen": openings,
        "sluitingen": closings,
        "churn": openings + closings,
        "proportionaliteit_overschrijdingen": violations,
        "crisisplaatsmaanden_per_jaar": years,
        "rekentijd_solver_s": None if state is None else round(state.solve_seconds, 1),
        "grootste_mip_gap": None if state is None else state.worst_gap,
        "ingekort_wegens_wijkruimte": None if state is None else state.clipped,
    }


def _evaluate_plan(state: PolicyState, pool: list[cands.Candidate], rooms: dict[str, int],
                   observed: F, base: F, start: int, norms: Norms,
                   recourse: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Score a policy's commitments on the replay; with `recourse` (the record's name)
    the reactive noodopvang rule is added on top of the plan's capacity."""
    months = len(observed)
    cap, empty, fixed, opened, closed, wijk = _schedule(state, pool, start, months)
    inst = _bare(observed, base, start, norms)
    capacity, base_cost = base + cap, inst.existing_empty_cost() + empty
    if recourse is not None:
        nood, nood_empty, nood_fixed, counts = noodopvang_on_top(
            inst, capacity, observed[None]
        )
        capacity = capacity.copy()
        capacity[NOOD] += nood[0]
        base_cost = base_cost + nood_empty[0]
        fixed += float(nood_fixed[0])
        opened += int(counts[0, 0])
        closed += int(counts[1, 0])
    cost, _, idle = score(
        capacity, base_cost, fixed, observed[None], inst.extra_cost(), norms
    )
    _, crisis = _fill_crisis(capacity, observed, inst)
    over = sum(int((p > rooms.get(w, 0) + 1e-6).sum()) for w, p in wijk.items())
    return _record(recourse or state.name, float(cost[0]), crisis, float(idle[0]),
                   opened, closed, over, start, state)  # fmt: skip


def _bare(observed: F, base: F, start: int, norms: Norms) -> Instance:
    return Instance((), observed[None].astype(np.float64), base, start, norms, {}, ())


def _fill_crisis(cap: F, observed: F, inst: Instance) -> tuple[F, F]:
    from migratieketen.plan.opvang.evaluate import fill

    occ, crisis = fill(cap, observed[None], inst.extra_cost())
    return occ[0], crisis[0]


def _evaluate_reactive(
    observed: F, base: F, start: int, norms: Norms
) -> dict[str, Any]:
    inst = _bare(observed, base, start, norms)
    nood, opened, closed = reactive_schedule(inst, inst.demand)
    cap = base.copy()
    cap[NOOD] += nood[0]
    base_cost = inst.existing_empty_cost() + nood[0] * norms.empty_cost("noodopvang")
    fixed = opened[0] * norms.per_type("openingskosten", "noodopvang") + closed[
        0
    ] * norms.per_type("sluitingskosten", "noodopvang")
    cost, _, idle = score(cap, base_cost, fixed, inst.demand, inst.extra_cost(), norms)
    _, crisis = _fill_crisis(cap, observed, inst)
    return _record(
        "reactief",
        float(cost[0]),
        crisis,
        float(idle[0]),
        float(opened[0]),
        float(closed[0]),
        None,
        start,
        None,
    )


def _reviews(
    states: list[PolicyState], taus: list[int], data_dir: Path | str,
    replayed: tuple[int, F], base: F, first: int, pool: list[cands.Candidate],
    rooms: dict[str, int], norms: Norms, s: BacktestSettings, progress: Any,
) -> tuple[dict[str, str], float]:  # fmt: skip
    """Every review: the demand forecast as known then, then each plan re-plans (the
    deterministic plan on the forecast's median path, the stochastic ones on all
    paths). Returns the forecast each review used and the forecasts' time."""
    rstart, path = replayed
    used: dict[str, str] = {}
    seconds = 0.0
    for k, tau in enumerate(taus):
        fc = review_forecast(s.forecast, data_dir, tau, path[: tau - rstart],
                             s.horizon, s.paths, s.seed)  # fmt: skip
        used[month_label(tau)] = fc.used
        seconds += fc.seconds
        window = base[:, tau - first : tau - first + s.horizon]
        median = np.median(fc.paths, axis=0, keepdims=True)
        for st in states:
            own = median if st.name == "deterministisch" else fc.paths
            review(st, tau, own, window, pool, rooms, norms, s)
        if progress is not None:
            progress(k + 1, len(taus))
    return used, seconds


def run_backtest(
    data_dir: Path | str, settings: BacktestSettings | None = None, progress: Any = None
) -> dict[str, Any]:
    """One record per policy over the window; see the module docstring for the rules."""
    s = settings or BacktestSettings()
    first, last = month_index(s.first), month_index(s.last)
    if last - first < REVIEW_MONTHS:
        raise OpvangError("Naspeling: kies een periode van minstens een half jaar.")
    if s.forecast not in FORECASTS:
        raise OpvangError(
            f"Naspeling: prognose '{s.forecast}' onbekend; kies uit "
            f"{', '.join(FORECASTS)}."
        )
    rstart, path = replay(data_dir, s.last, s.replay_runs)
    if first - rstart < 12:
        raise OpvangError(
            f"Naspeling kan op zijn vroegst beginnen in {month_label(rstart + 12)}."
        )
    observed = path[first - rstart : last - rstart + 1]
    norms = norms_at(date(first // 12, first % 12 + 1, 1))
    wijken = cands.load_wijken(data_dir)
    pool = cands.generic_candidates(wijken, norms, None, s.limit)
    share = float(norms["wijk_aandeel"])
    rooms = {c.wijk: math.floor(share * wijken[c.wijk].population) for c in pool}
    base = np.zeros((len(TYPES), len(observed) + s.horizon))
    base[0] = round(observed[0] / START_OCCUPANCY)
    states = [
        PolicyState("stochastisch"),
        PolicyState("stochastisch_risico", s.risk_weight),
        PolicyState("deterministisch"),
    ]
    taus = list(range(first, last + 1, REVIEW_MONTHS))
    used, forecast_seconds = _reviews(
        states, taus, data_dir, (rstart, path), base, first, pool,
        rooms, norms, s, progress,
    )  # fmt: skip
    exist = base[:, : len(observed)]
    records = [
        _evaluate_plan(st, pool, rooms, observed, exist, first, norms) for st in states
    ]
    records.append(_evaluate_reactive(observed, exist, first, norms))
    records.append(
        _evaluate_plan(states[0], pool, rooms, observed, exist, first, norms, "hybride")
    )
    return {
        "label": LABEL,
        "venster": [month_label(first), month_label(last)],
        "beslismomenten": [month_label(t) for t in taus],
        "prognose": s.forecast,
        "prognose_per_beslismoment": used,
        "rekentijd_prognose_s": round(forecast_seconds, 1),
        "instellingen": {
            "horizon_maanden": s.horizon, "paden": s.paths, "beslisblok_maanden": s.step,
            "kandidaten": len(pool), "startcapaciteit_regulier": int(base[0, 0]),
            "tijdslimiet_per_oplossing_s": s.time_limit,
        },
        "vraag_naspeling": [round(float(x)) for x in observed],
        "beleid": records,
        "bron": "Vraag: ketenmodel, naspeling historie (CBS asielverzoeken, UNHCR beslissingen). "
        "Kosten: COA, Jaarverslag 2023 (via NOS, juli 2024) en de normen van de planner.",
    }  # fmt: skip
