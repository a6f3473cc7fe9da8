# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Baseline for bench_chain.py: the same chain model as a straightforward
discrete-event simulation in SimPy, one process per person.

Same inputs and rules as `migratieketen.chain.engine` (IND queue with a monthly decision
capacity, closed/permit/rejected outcomes, rejected leave reception after an
exponential stay, permit holders linked to a gemeente by taakstelling share and housed
from that gemeente's monthly supply, nareizigers after a gamma delay, inburgering
routes with gamma durations), but persons are individuals and every transition is an
event. Used only to measure the speed of the vectorised engine against it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import simpy

from migratieketen.chain.flow_parameters import flow_parameters
from migratieketen.chain.inputs import ChainInputs
from migratieketen.chain.params import draw_parameters


@dataclass
class Counters:
    queue: int = 0
    rejected: int = 0
    waiting: int = 0
    housed: int = 0
    out: int = 0
    inburgering: int = 0


def simulate_person_by_person(inputs: ChainInputs, seed: int) -> np.ndarray:
    """One run; returns persons in COA at the end of each month."""
    rng = np.random.default_rng(seed)
    v = inputs.values
    p = {k: float(a[0]) for k, a in draw_parameters(v, rng, 1).items()}
    env = simpy.Environment()
    c = Counters()
    queue: deque[simpy.Event] = deque()
    g = inputs.gemeenten
    cum_share = np.cumsum(g.share)
    waiting: list[deque[simpy.Event]] = [deque() for _ in range(len(g))]
    lettings = p["social_rent_turnover_per_year"] / 12 * g.corporation_dwellings
    occupancy = np.zeros(inputs.months)
    level = p["inflow_level_multiplier"] if inputs.inflow_noise else 1.0
    sigma = v["inflow_monthly_sigma"] if inputs.inflow_noise else 0.0
    routes = np.array(
        [
            v["duration_b1_months"],
            v["duration_onderwijs_months"],
            v["duration_z_months"],
        ]
    )
    route_p = np.array([v["route_share_b1"], v["route_share_onderwijs"], 0.0])
    route_p[2] = max(0.0, 1 - route_p.sum())
    route_p /= route_p.sum()
    ind_factor = p["ind_decisions_per_month"] / v["ind_decisions_per_month"]

    def gemeente() -> int:
        return min(int(np.searchsorted(cum_share, rng.random())), len(g) - 1)

    def housed_life() -> simpy.events.ProcessGenerator:
        c.housed += 1
        if rng.random() < v["inburgering_obliged_share"]:
            route = rng.choice(3, p=route_p)
            c.inburgering += 1
            yield env.timeout(rng.gamma(1 / 0.35**2, routes[route] * 0.35**2))
            c.inburgering -= 1

    def wait_for_home(gem: int) -> simpy.events.ProcessGenerator:
        c.waiting += 1
        home = env.event()
        waiting[gem].append(home)
        yield home
        c.waiting -= 1
        env.process(housed_life())

    def nareiziger(gem: int) -> simpy.events.ProcessGenerator:
        yield env.timeout(rng.gamma(4.0, v["nareizigers_delay_months"] / 4.0))
        if rng.random() < p["nareizigers_share_to_coa"]:
            yield env.process(wait_for_home(gem))
        else:
            env.process(housed_life())

    def asylum_seeker(repeat: bool) -> simpy.events.ProcessGenerator:
        c.queue += 1
        decided = env.event()
        queue.append(decided)
        outcome = yield decided
        c.queue -= 1
        if outcome == "closed":
            c.out += 1
        elif outcome == "rejected":
            c.rejected += 1
            yield env.timeout(rng.exponential(p["rejected_months_in_coa"]))
            c.rejected -= 1
            c.out += 1
        else:
            gem = gemeente()
            for _ in range(rng.poisson(p["nareizigers_ratio"])):
                env.process(nareiziger(gem))
            yield env.process(wait_for_home(gem))

    def arrivals() -> simpy.events.ProcessGenerator:
        for t in range(inputs.months):
            noise = level * np.exp(rng.normal(-0.5 * sigma**2, sigma)) if sigma else 1.0
            for _ in range(rng.poisson(inputs.first[t] * noise)):
                env.process(asylum_seeker(False))
            for _ in range(rng.poisson(inputs.repeat[t] * noise)):
                env.process(asylum_seeker(True))
            yield env.timeout(1)

    def ind() -> simpy.events.ProcessGenerator:
        yield env.timeout(0.5)
        for t in range(inputs.months):
            capacity = int(inputs.ind_decisions[t] * ind_factor)
            rec = min(
                max(
                    inputs.recognition_first[t]
                    + p["recognition_rate_first"]
                    - v["recognition_rate_first"],
                    0,
                ),
                1,
            )
            for _ in range(min(capacity, len(queue))):
                u = rng.random()
                if u < inputs.closed_share[t]:
                    outcome = "closed"
                elif rng.random() < rec:
                    outcome = "permit"
                else:
                    outcome = "rejected"
                queue.popleft().succeed(outcome)
            yield env.timeout(1)

    def housing() -> simpy.events.ProcessGenerator:
        yield env.timeout(0.75)
        for t in range(inputs.months):
            share = p["statushouder_share_of_lettings"] * inputs.housing_factor[t]
            share += inputs.urgency[t] * v["urgency_extra_share"]
            for gem, lst in enumerate(waiting):
                if not lst:
                    continue
                supply = lettings[gem] * share * p["persons_per_dwelling"]
                slots = int(supply) + (rng.random() < supply - int(supply))
                ready = rng.binomial(len(lst), p["housing_rate"])
                for _ in range(min(ready, slots)):
                    lst.popleft().succeed()
            yield env.timeout(1)

    def monitor() -> simpy.events.ProcessGenerator:
        yield env.timeout(0.99)
        for t in range(inputs.months):
            occupancy[t] = c.queue + c.rejected + c.waiting
            yield env.timeout(1)

    # opening stocks at the central values, as the engine's deterministic run
    opening = flow_parameters(inputs, rng, 1, deterministic=True).opening
    for _ in range(int(opening.asylum_seekers[0])):
        env.process(asylum_seeker(False))
    for _ in range(int(opening.statushouders[0])):
        env.process(wait_for_home(gemeente()))
    for proc in (arrivals(), ind(), housing(), monitor()):
        env.process(proc)
    env.run(until=inputs.months)
    return occupancy
