# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Builds the matrix of the MIP stated in `model.py` and reads the solution back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from migratieketen.plan.highs import INF, MipSolution, solve_mip
from migratieketen.plan.opvang.model import F, Instance, Layout, _Rows
from migratieketen.plan.opvang.norms import TYPES

I64 = NDArray[np.int64]
PartialStart = tuple[NDArray[np.int32], F]  # column indices and their start values


def layout(inst: Instance) -> Layout:
    s, t = inst.demand.shape
    return Layout(
        len(inst.candidates), inst.epochs, s, t, len(TYPES), len(_areas(inst))
    )


def _areas(inst: Instance) -> list[str]:
    return sorted(inst.targets)


def _idx(base: int, n: int, e: int) -> I64:
    """(n, e) column indices of a candidate x epoch block."""
    return base + np.arange(n * e, dtype=np.int64).reshape(n, e)


def _location_rows(inst: Instance, lay: Layout, rows: _Rows) -> None:
    n, e = lay.n, lay.e
    o, z, k = _idx(lay.o, n, e), _idx(lay.z, n, e), _idx(lay.k, n, e)
    cap = inst.capacity().astype(float)
    low = np.asarray([c.min_places for c in inst.candidates], dtype=float)
    ne = n * e
    local = np.arange(ne)
    # k - cap o <= 0 ; k - min o >= 0
    rows.add(np.r_[local, local], np.r_[k.ravel(), o.ravel()],
             np.r_[np.ones(ne), -np.repeat(cap, e)], np.full(ne, -INF), np.zeros(ne))  # fmt: skip
    rows.add(np.r_[local, local], np.r_[k.ravel(), o.ravel()],
             np.r_[np.ones(ne), -np.repeat(low, e)], np.zeros(ne), np.full(ne, INF))  # fmt: skip
    # o[e] - o[e-1] - z[e] <= 0
    prev = np.c_[np.full((n, 1), -1), o[:, :-1]]
    has_prev = prev.ravel() >= 0
    r = np.r_[local, local, local[has_prev]]
    cols = np.r_[o.ravel(), z.ravel(), prev.ravel()[has_prev]]
    vals = np.r_[np.ones(ne), -np.ones(ne), -np.ones(int(has_prev.sum()))]
    rows.add(r, cols, vals, np.full(ne, -INF), np.zeros(ne))
    # sum_e z <= 1 ; sum_e L_e o <= maxdur
    per = np.repeat(np.arange(n), e)
    rows.add(per, z.ravel(), np.ones(ne), np.full(n, -INF), np.ones(n))
    lengths = np.tile(inst.epoch_lengths().astype(float), n)
    maxdur = np.asarray([c.max_months for c in inst.candidates], dtype=float)
    rows.add(per, o.ravel(), lengths, np.full(n, -INF), maxdur)


def _wijk_rows(inst: Instance, lay: Layout, rows: _Rows) -> None:
    """Proportionality, only for wijken whose candidates together could exceed it."""
    cap = inst.capacity()
    groups: dict[str, list[int]] = {}
    for i, c in enumerate(inst.candidates):
        groups.setdefault(c.wijk, []).append(i)
    k = _idx(lay.k, lay.n, lay.e)
    r, cols, lo, hi = [], [], [], []
    row = 0
    for wijk, members in sorted(groups.items()):
        room = inst.wijk_room.get(wijk, 0)
        if len(members) < 2 or cap[members].sum() <= room:
            continue
        for ep in range(lay.e):
            r += [row] * len(members)
            cols += [int(k[i, ep]) for i in members]
            lo.append(-INF)
            hi.append(room)
            row += 1
    if row:
        rows.add(
            np.asarray(r),
            np.asarray(cols),
            np.ones(len(r)),
            np.asarray(lo),
            np.asarray(hi),
        )


def _aggregate_rows(inst: Instance, lay: Layout, rows: _Rows) -> None:
    """K[y,e] - sum_{i of type y} k[i,e] = 0."""
    k = _idx(lay.k, lay.n, lay.e)
    kinds = np.asarray([TYPES.index(c.kind) for c in inst.candidates], dtype=np.int64)
    r_k = (kinds[:, None] * lay.e + np.arange(lay.e)[None, :]).ravel()
    m = lay.y * lay.e
    rows.add(
        np.r_[np.arange(m), r_k],
        np.r_[lay.kagg + np.arange(m), k.ravel()],
        np.r_[np.ones(m), -np.ones(len(r_k))],
        np.zeros(m),
        np.zeros(m),
    )


def _recourse_rows(inst: Instance, lay: Layout, rows: _Rows) -> None:
    s, t, y = lay.s, lay.t, lay.y
    epoch_of = np.arange(t) // inst.step
    v = lay.v + np.arange(s * t * y).reshape(s, t, y)
    kagg = lay.kagg + (np.arange(y)[None, :] * lay.e + epoch_of[:, None])  # (t, y)
    m = s * t * y
    local = np.arange(m)
    rows.add(
        np.r_[local, local],
        np.r_[v.ravel(), np.broadcast_to(kagg, (s, t, y)).ravel()],
        np.r_[np.ones(m), -np.ones(m)],
        np.full(m, -INF),
        np.broadcast_to(inst.existing.T, (s, t, y)).ravel(),
    )
    u = lay.u + np.arange(s * t)
    st = np.arange(s * t)
    d = inst.demand.ravel()
    rows.add(np.r_[np.repeat(st, y), st], np.r_[v.ravel(), u], np.ones(m + s * t), d, d)
    # xi_s + eta - sum_t u[s,t] >= 0
    per = np.repeat(np.arange(s), t)
    rows.add(
        np.r_[np.arange(s), np.arange(s), per],
        np.r_[lay.xi + np.arange(s), np.full(s, lay.eta), u],
        np.r_[np.ones(2 * s), -np.ones(s * t)],
        np.zeros(s),
        np.full(s, INF),
    )


def _target_rows(inst: Instance, lay: Layout, rows: _Rows) -> None:
    """sum_{i in a} k[i,e] + sh[a,e] >= N[a,e] (the target's mean over the epoch)."""
    areas = _areas(inst)
    if not areas:
        return
    k = _idx(lay.k, lay.n, lay.e)
    where = {a: j for j, a in enumerate(areas)}
    r, cols = [], []
    for i, area in enumerate(inst.area_of):
        if area in where:
            r += [where[area] * lay.e + ep for ep in range(lay.e)]
            cols += [int(k[i, ep]) for ep in range(lay.e)]
    m = lay.a * lay.e
    need = np.asarray([epoch_mean(inst, inst.targets[a]) for a in areas]).ravel()
    rows.add(
        np.r_[np.asarray(r, dtype=np.int64), np.arange(m)],
        np.r_[np.asarray(cols, dtype=np.int64), lay.sh + np.arange(m)],
        np.ones(len(r) + m),
        need,
        np.full(m, INF),
    )


def epoch_mean(inst: Instance, monthly: F) -> F:
    e = np.arange(inst.months) // inst.step
    return np.bincount(e, weights=monthly, minlength=inst.epochs) / inst.epoch_lengths()


def _costs(inst: Instance, lay: Layout) -> F:
    c = np.zeros(lay.size)
    n, e = lay.n, lay.e
    cand = inst.candidates
    opening = np.asarray([x.open_cost + x.close_cost for x in cand])
    closing = np.asarray([x.close_cost for x in cand])
    empty = np.asarray([x.empty_cost for x in cand])
    lengths = inst.epoch_lengths().astype(float)
    c[lay.z : lay.z + n * e] = np.repeat(opening, e)  # close cost charged at opening...
    o = _idx(lay.o, n, e)
    c[o[:, -1]] -= closing  # ...and refunded when still open at the end
    c[lay.k : lay.k + n * e] = np.outer(empty, lengths).ravel()
    s = lay.s
    crisis = inst.norms.crisis_month_cost
    c[lay.v : lay.u] = np.tile(inst.extra_cost(), s * lay.t) / s
    c[lay.u : lay.sh] = crisis / s
    price = float(inst.norms["spreidingswet_prijs"])
    c[lay.sh : lay.eta] = np.tile(price * lengths, lay.a)
    alpha = float(inst.norms["cvar_niveau"])
    c[lay.eta] = inst.risk_weight * crisis
    c[lay.xi :] = inst.risk_weight * crisis / ((1 - alpha) * s)
    return c


def _bounds(inst: Instance, lay: Layout) -> tuple[F, F, NDArray[np.bool_]]:
    lower = np.zeros(lay.size)
    upper = np.full(lay.size, INF)
    n, e = lay.n, lay.e
    allowed = np.arange(e)[None, :] * inst.step >= inst.first_month()[:, None]
    usable = inst.capacity() >= np.asarray([c.min_places for c in inst.candidates])
    usable &= inst.capacity() > 0
    allowed &= usable[:, None]
    latest = np.asarray(
        [
            inst.months if c.latest_start is None else c.latest_start
            for c in inst.candidates
        ]
    )
    may_start = allowed & (np.arange(e)[None, :] * inst.step <= latest[:, None])
    upper[lay.o : lay.o + n * e] = allowed.ravel()
    upper[lay.z : lay.z + n * e] = may_start.ravel()
    upper[lay.k : lay.k + n * e] = (allowed * inst.capacity()[:, None]).ravel()
    lower[lay.eta] = -INF
    integer = np.zeros(lay.size, dtype=bool)
    integer[: 2 * n * e] = True
    return lower, upper, integer


@dataclass(frozen=True, slots=True, eq=False)
class Solved:
    """The first-stage decisions, monthly, and what HiGHS reported."""

    places: F  # (n, T) places per candidate per month
    opened: NDArray[np.int64]  # (n,) month of opening, -1 if never
    closed: NDArray[np.int64]  # (n,) month of closing within the horizon, -1 if not
    shortfall: dict[str, F]  # area -> (T,) place shortfall against the target
    solution: MipSolution
    objective: float  # incl. the constant empty cost of existing places


def warm_start(inst: Instance, other: Solved) -> tuple[NDArray[np.int32], F]:
    """The first-stage columns (o, z, k, K) of a plan for the same candidates and
    decision blocks (e.g. the median-path plan) as a partial start for `inst`."""
    lay = layout(inst)
    count = lay.v
    if len(other.solution.col_value) < count:
        raise ValueError("warm start from a plan with other candidates or blocks")
    return np.arange(count, dtype=np.int32), other.solution.col_value[:count]


def _nothing_open(lay: Layout) -> tuple[NDArray[np.int32], F]:
    """No new location: always feasible, so HiGHS has an incumbent from the start."""
    return np.arange(lay.v, dtype=np.int32), np.zeros(lay.v)


def _start(
    inst: Instance, lay: Layout, start: Solved | PartialStart | None
) -> PartialStart:
    if start is None:
        return _nothing_open(lay)
    if isinstance(start, Solved):
        return warm_start(inst, start)
    return start


def _rows(inst: Instance, lay: Layout) -> _Rows:
    rows = _Rows()
    for part in (
        _location_rows,
        _wijk_rows,
        _aggregate_rows,
        _recourse_rows,
        _target_rows,
    ):
        part(inst, lay, rows)
    return rows


def solve(inst: Instance, time_limit: float = 60.0, mip_gap: float = 1e-4,
          threads: int | None = None, start: Solved | PartialStart | None = None,
          ) -> Solved:  # fmt: skip
    """Solve the MIP; `start` seeds the incumbent: a plan of the same candidates and
    decision blocks, or first-stage columns (`warmstart.plan_start` for a coarser plan)."""
    lay = layout(inst)
    rows = _rows(inst, lay)
    lower, upper, integer = _bounds(inst, lay)
    sol = solve_mip(
        _costs(inst, lay), lower, upper, integer, rows.matrix(lay.size),
        np.concatenate(rows.lo), np.concatenate(rows.hi),
        time_limit=time_limit, mip_gap=mip_gap, threads=threads,
        start=_start(inst, lay, start),
    )  # fmt: skip
    return _read(inst, lay, sol)


def solve_fixed(
    inst: Instance, fixed: PartialStart, time_limit: float = 60.0
) -> Solved:
    """The model with the columns of `fixed` held at their values (e.g. a whole first
    stage): what that plan costs in `inst`. SolverError when it is infeasible there."""
    lay = layout(inst)
    rows = _rows(inst, lay)
    lower, upper, integer = _bounds(inst, lay)
    index, value = fixed
    lower[index] = value
    upper[index] = value
    sol = solve_mip(
        _costs(inst, lay), lower, upper, integer, rows.matrix(lay.size),
        np.concatenate(rows.lo), np.concatenate(rows.hi), time_limit=time_limit,
    )  # fmt: skip
    return _read(inst, lay, sol)


def _read(inst: Instance, lay: Layout, sol: MipSolution) -> Solved:
    x = sol.col_value
    n, e = lay.n, lay.e
    o = np.rint(x[lay.o : lay.o + n * e].reshape(n, e)).astype(np.int64)
    k = x[lay.k : lay.k + n * e].reshape(n, e) * o
    k = np.where(o > 0, np.rint(k), 0.0)  # whole places (bounds are whole numbers)
    epoch_of = np.arange(inst.months) // inst.step
    places = k[:, epoch_of]
    open_month = o[:, epoch_of] > 0
    opened = np.where(open_month.any(axis=1), open_month.argmax(axis=1), -1)
    last = inst.months - 1 - open_month[:, ::-1].argmax(axis=1)
    closed = np.where((opened >= 0) & (last < inst.months - 1), last + 1, -1)
    areas = _areas(inst)
    sh = x[lay.sh : lay.eta].reshape(max(lay.a, 0), e) if areas else np.zeros((0, e))
    shortfall = {a: np.maximum(sh[j, epoch_of], 0.0) for j, a in enumerate(areas)}
    constant = float(inst.existing_empty_cost().sum())
    return Solved(places, opened.astype(np.int64), closed.astype(np.int64), shortfall,
                  sol, sol.objective + constant)  # fmt: skip
