# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The same model, person by person: the straightforward baseline.

Every statushouder, urgent and regular home seeker is an individual with an arrival time;
each week the lettings are allocated in the same order as in `engine.allocate` (priority,
urgent quota, regular channel, left-overs), but to whole persons, with the fractional
capacity carried to the next week as a credit. Tussenvoorziening places are taken by the
oldest eligible statushouders. It reads the same per-run parameters and weekly counts
(`Lanes`); of each week's linked persons the same share as in the engine is housed without
a letting (whole persons, the remainder carried).

It exists to check the vectorised engine (tests compare the two distributions) and to give
the benchmark its baseline; it is far too slow for 1,000 runs x 342 gemeenten.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np

from migratieketen.woningmarkt.lanes import Lanes
from migratieketen.woningmarkt.policy import Policy


def _spread(count: int, start: float, length: float) -> list[float]:
    """`count` arrival times evenly inside [start, start + length)."""
    return [start + (i + 0.5) * length / count for i in range(count)]


@dataclass
class Queue:
    """A FIFO of persons: arrival times, and departure times of the first ones served."""

    arrivals: list[float] = field(default_factory=list)
    departures: list[float] = field(default_factory=list)
    pending: int = 0  # served this week, stamped at the end of the week

    @property
    def served(self) -> int:
        return len(self.departures) + self.pending

    def waiting(self) -> int:
        return len(self.arrivals) - self.served

    def stamp(self, t: int) -> None:
        self.departures.extend(_spread(self.pending, float(t), 1.0))
        self.pending = 0


@dataclass
class Credits:
    """Fractional capacity carried over per channel (persons or dwellings)."""

    priority: float = 0.0  # persons
    urgent_status: float = 0.0  # persons
    urgent_other: float = 0.0  # dwellings
    regular: float = 0.0  # dwellings
    regular_arrivals: float = 0.0  # regular seekers still to arrive
    direct: float = 0.0  # linked persons still to be housed without a letting


class PersonMarket:
    """One run of one market under one policy, person by person."""

    def __init__(self, lanes: Lanes, r: int, policy: Policy) -> None:
        self.lanes, self.r, self.policy = lanes, r, policy
        T, spy = lanes.steps, lanes.steps_per_year
        self.k = policy.persons_per_dwelling or float(lanes.persons_per_dwelling[r])
        self.tv = policy.capacity(T, spy) * lanes.scale[r]
        self.completions = policy.completions(T, spy) * lanes.scale[r]
        self.extra_stock = 0.0
        self.credits = Credits()
        self.direct = np.zeros(T)
        backlog = round(float(lanes.backlog[r]))
        spread = float(lanes.backlog_spread[r])
        self.status = Queue(_spread(backlog, -spread, spread))
        self.coa = Queue(self.status.arrivals)  # same persons; leaves COA in link order
        u0 = round(float(lanes.urgent_rate[r] * lanes.urgent_wait0[r]))
        self.urgent = Queue(
            _spread(u0, -float(lanes.urgent_wait0[r]), float(lanes.urgent_wait0[r]))
        )
        w0 = float(lanes.regular_wait0[r])
        self.regular = Queue(_spread(round(float(lanes.regular_rate[r]) * w0), -w0, w0))
        self.housed_with_priority = 0

    def arrive(self, t: int) -> None:
        lanes, r = self.lanes, self.r
        linked = int(round(float(lanes.links[t, r])))
        self.credits.direct += float(lanes.direct_share[r]) * linked
        queue_times = []
        for time in _spread(linked, float(t), 1.0):
            if (
                self.credits.direct >= 1.0
            ):  # this one moves in with family or finds a home
                self.credits.direct -= 1.0
                self.direct[t] += 1
            else:
                queue_times.append(time)
        self.status.arrivals.extend(queue_times)
        urgent = int(
            round(
                float(
                    lanes.urgent_cum[lanes.offset + t + 1, r]
                    - lanes.urgent_cum[lanes.offset + t, r]
                )
            )
        )
        self.urgent.arrivals.extend(_spread(urgent, float(t), 1.0))
        self.credits.regular_arrivals += float(lanes.regular_rate[r])
        n = int(self.credits.regular_arrivals)
        self.credits.regular_arrivals -= n
        self.regular.arrivals.extend(_spread(n, float(t), 1.0))

    def lettings(self, t: int) -> float:
        lanes, r = self.lanes, self.r
        value = (
            float(lanes.lettings[t, r]) + float(lanes.turnover[r]) * self.extra_stock
        )
        value += self.completions[t]
        self.extra_stock += self.completions[t]
        return value

    def serve_statushouders(self, n: int) -> None:
        self.status.pending += n

    def priority(self, lettings: float, waiting: int) -> tuple[int, float]:
        """Priority share: persons served and the dwellings left for the other channels."""
        c = self.credits
        c.priority += self.policy.priority_share * lettings * self.k
        n = min(waiting, int(c.priority))
        c.priority -= n
        spill = 0.0
        if n == waiting:  # nobody left: the rest returns to the pool
            spill, c.priority = c.priority / self.k, 0.0
        return n, (1 - self.policy.priority_share) * lettings + spill

    def urgent_quota(self, capacity: float, waiting: int) -> tuple[int, int, float]:
        """Urgent quota: (statushouders, other urgent seekers, dwellings unused)."""
        c, q_other = self.credits, self.urgent.waiting()
        if self.policy.urgency_category:
            q_status = waiting / self.k
            demand = q_status + q_other
            served = min(capacity, demand)
            share = q_status / demand if demand > 0 else 0.0
            c.urgent_status += served * share * self.k
            c.urgent_other += served * (1 - share)
            n = min(waiting, int(c.urgent_status))
            c.urgent_status = 0.0 if n == waiting else c.urgent_status - n
            m = min(q_other, int(c.urgent_other))
            c.urgent_other = 0.0 if m == q_other else c.urgent_other - m
            return n, m, capacity - served
        c.urgent_other += capacity
        m = min(q_other, int(c.urgent_other))
        c.urgent_other -= m
        unused = 0.0
        if m == q_other:
            unused, c.urgent_other = c.urgent_other, 0.0
        return 0, m, unused

    def regular_channel(
        self, capacity: float, eligible: int, taken: int
    ) -> tuple[int, int, float]:
        """Statushouders registered before the regular head, then regular seekers."""
        c, reg = self.credits, self.regular
        head = reg.arrivals[reg.served] if reg.waiting() > 0 else math.inf
        before = max(0, min(bisect_left(self.status.arrivals, head), eligible) - taken)
        c.regular += capacity
        n = min(before, int(c.regular * self.k))
        c.regular -= n / self.k
        waiting = reg.waiting()
        m = min(waiting, int(c.regular))
        c.regular -= m
        spare = 0.0
        if m == waiting:
            spare, c.regular = c.regular, 0.0
        return n, m, spare

    def step(self, t: int) -> None:
        self.arrive(t)
        lettings = self.lettings(t)
        eligible = bisect_left(self.status.arrivals, t + 1 - self.lanes.offer_delay)
        waiting = eligible - self.status.served
        n1, pool = self.priority(lettings, waiting)
        n2, m2, unused = self.urgent_quota(
            self.lanes.urgent_quota[self.r] * pool, waiting - n1
        )
        cap_r = (1 - self.lanes.urgent_quota[self.r]) * pool + unused
        n3, m3, spare = self.regular_channel(
            cap_r, eligible, self.status.served + n1 + n2
        )
        left = waiting - n1 - n2 - n3
        n4 = min(left, int(spare * self.k))
        spare -= n4 / self.k
        m4 = min(self.urgent.waiting() - m2, int(spare))
        self.status.pending += n1 + n2 + n3 + n4
        self.housed_with_priority += n1 + n2
        self.urgent.pending += m2 + m4
        self.regular.pending += m3
        out = max(
            self.coa.served,
            min(eligible, self.status.served + math.floor(self.tv[t] + 1e-9)),
        )
        self.coa.pending += out - self.coa.served
        for q in (self.status, self.coa, self.urgent, self.regular):
            q.stamp(t)

    def run(self) -> PersonMarket:
        for t in range(self.lanes.steps):
            self.step(t)
        return self


def waits(queue: Queue, T: float, window: tuple[float, float]) -> np.ndarray:
    """Waits of the persons arriving in `window`; those still waiting count to T."""
    arr = np.asarray(queue.arrivals)
    dep = np.full(arr.size, np.inf)
    dep[: len(queue.departures)] = queue.departures
    sel = (arr >= window[0]) & (arr < window[1])
    return np.asarray(np.minimum(dep[sel], T) - arr[sel])


def housed_waits(queue: Queue, window: tuple[float, float]) -> np.ndarray:
    """Waits of the persons served in `window`."""
    dep = np.asarray(queue.departures)
    arr = np.asarray(queue.arrivals[: dep.size])
    sel = (dep >= window[0]) & (dep < window[1])
    return np.asarray(dep[sel] - arr[sel])


def area(queue: Queue, T: float) -> float:
    """Person-steps spent in the queue within 0..T (Little's area, summed over persons)."""
    arr = np.clip(np.asarray(queue.arrivals), 0.0, T)
    dep = np.full(arr.size, T)
    dep[: len(queue.departures)] = np.clip(queue.departures, 0.0, T)
    return float((dep - arr).sum())


def simulate_person_run(lanes: Lanes, r: int, policy: Policy) -> PersonMarket:
    """Run lane `r` of `lanes` under `policy`, person by person."""
    return PersonMarket(lanes, r, policy.validate()).run()
