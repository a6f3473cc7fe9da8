# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The two-stage stochastic MIP of the reception network (ADR 0010: highspy directly).

Indices: candidate i, decision epoch e (blocks of `step` months; month t lies in epoch
e(t) = t // step, L_e months long), type y, demand path s (equal weight 1/S), area a
(province in a national plan, gemeente in a provincial one), wijk w.

First stage (the same in every path, taken before the inflow is known):
    o[i,e] in {0,1} open, z[i,e] in {0,1} opened in e, k[i,e] >= 0 places.
    k <= cap_i o,  k >= min_i o                         (size; cap_i within the type norm)
    o[i,e] - o[i,e-1] <= z[i,e],  sum_e z[i,e] <= 1       (one opening, no reopening)
    o[i,e] = 0 while e * step < first_i                  (lead time, earliest opening)
    sum_e L_e o[i,e] <= maxdur_i                          (maximum duration)
    sum_{i in w} k[i,e] <= room_w = floor(share x inhabitants_w)   (proportionality)
    K[y,e] = sum_{i of type y} k[i,e]
    sum_{i in a} k[i,e] + sh[a,e] >= N[a,e]              (Spreidingswet target, priced)
Second stage (per path s and month t, the recourse):
    v[s,t,y] <= existing[y,t] + K[y,e(t)]                (occupied places of type y)
    sum_y v[s,t,y] + u[s,t] = D[s,t]                     (u = crisis shelter)
    xi_s >= sum_t u[s,t] - eta,  xi >= 0                 (CVaR of crisis place-months)
Objective (minimise, euro):
    sum_i open_i sum_e z + close_i (sum_e z - o[i,E-1]) + sum_{i,e} L_e empty_i k[i,e]
    + 1/S sum_{s,t} (sum_y extra_y v[s,t,y] + crisis u[s,t]) + price sum_{a,e} L_e sh[a,e]
    + lambda crisis (eta + sum_s xi_s / ((1 - alpha) S))
where extra_y = occupied minus empty cost of type y (mean over its candidates): an
occupied place costs empty_i + extra_y. Empty places of existing capacity are a
constant added to the reported cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from migratieketen.plan.opvang.candidates import Candidate
from migratieketen.plan.opvang.norms import TYPES, Norms

F = NDArray[np.float64]


@dataclass(frozen=True, slots=True, eq=False)
class Instance:
    """Everything the MIP needs; months count from the plan's first month (t = 0)."""

    candidates: tuple[Candidate, ...]
    demand: F  # (S, T) persons needing reception
    existing: F  # (Y, T) places per type already there
    start: int  # month index of t = 0
    norms: Norms
    wijk_room: dict[str, int]  # wijk -> floor(share x inhabitants)
    area_of: tuple[str, ...]  # per candidate: province or gemeente code
    targets: dict[str, F] = field(default_factory=dict)  # area -> (T,) new places
    step: int = 1
    risk_weight: float = 0.0

    @property
    def months(self) -> int:
        return int(self.demand.shape[1])

    @property
    def epochs(self) -> int:
        return -(-self.months // self.step)

    def epoch_lengths(self) -> NDArray[np.int64]:
        e = np.arange(self.epochs)
        return np.minimum((e + 1) * self.step, self.months) - e * self.step

    def capacity(self) -> NDArray[np.int64]:
        """cap_i: the file's maximum within the type norm and the wijk's room."""
        out = []
        for c in self.candidates:
            norm = int(self.norms.per_type("max_plaatsen", c.kind))
            out.append(min(c.max_places, norm, self.wijk_room.get(c.wijk, 0)))
        return np.asarray(out, dtype=np.int64)

    def first_month(self) -> NDArray[np.int64]:
        """First month a candidate may be open: after its lead time and earliest date."""
        return np.asarray(
            [
                max(c.lead_months, 0 if c.earliest is None else c.earliest - self.start)
                for c in self.candidates
            ],
            dtype=np.int64,
        )

    def extra_cost(self) -> F:
        """Per type: occupied minus empty cost per place-month (mean over candidates)."""
        out = []
        for y in TYPES:
            own = [
                c.occupied_cost - c.empty_cost for c in self.candidates if c.kind == y
            ]
            out.append(
                float(np.mean(own))
                if own
                else self.norms.month_cost(y) - self.norms.empty_cost(y)
            )
        return np.asarray(out)

    def existing_empty_cost(self) -> F:
        """(T,) euro per month for the existing places if they stand empty."""
        rates = np.asarray([self.norms.empty_cost(y) for y in TYPES])
        return np.asarray(rates @ self.existing, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Layout:
    """Column offsets of the variable blocks."""

    n: int
    e: int
    s: int
    t: int
    y: int
    a: int

    @property
    def o(self) -> int:
        return 0

    @property
    def z(self) -> int:
        return self.n * self.e

    @property
    def k(self) -> int:
        return 2 * self.n * self.e

    @property
    def kagg(self) -> int:
        return 3 * self.n * self.e

    @property
    def v(self) -> int:
        return self.kagg + self.y * self.e

    @property
    def u(self) -> int:
        return self.v + self.s * self.t * self.y

    @property
    def sh(self) -> int:
        return self.u + self.s * self.t

    @property
    def eta(self) -> int:
        return self.sh + self.a * self.e

    @property
    def xi(self) -> int:
        return self.eta + 1

    @property
    def size(self) -> int:
        return self.xi + self.s


class _Rows:
    """Accumulates sparse rows as COO triplets with their bounds."""

    def __init__(self) -> None:
        self.r: list[NDArray[np.int64]] = []
        self.c: list[NDArray[np.int64]] = []
        self.v: list[F] = []
        self.lo: list[F] = []
        self.hi: list[F] = []
        self.count = 0

    def add(
        self, rows: NDArray, cols: NDArray, vals: NDArray, lo: NDArray, hi: NDArray
    ) -> None:
        """`rows` are local (0..len(lo)-1); they are shifted to follow earlier rows."""
        self.r.append(np.asarray(rows, dtype=np.int64) + self.count)
        self.c.append(np.asarray(cols, dtype=np.int64))
        self.v.append(np.asarray(vals, dtype=np.float64))
        self.lo.append(np.asarray(lo, dtype=np.float64))
        self.hi.append(np.asarray(hi, dtype=np.float64))
        self.count += len(lo)

    def matrix(self, n_cols: int) -> sparse.csr_matrix:
        return sparse.csr_matrix(
            (np.concatenate(self.v), (np.concatenate(self.r), np.concatenate(self.c))),
            shape=(self.count, n_cols),
        )
