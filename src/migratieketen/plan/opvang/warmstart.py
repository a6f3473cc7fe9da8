# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A plan with coarser decision blocks as the starting solution of a finer MIP.

A plan with quarterly blocks opens, closes and resizes only at a quarter's first month,
which a monthly model allows as well (same candidates, lead times, earliest and latest
openings, maximum durations, proportionality and type maxima): the plan is feasible in
the monthly model, at the same cost except the Spreidingswet shortfall, which the
monthly model prices month by month instead of against the quarter's mean target (so
never less). A small MIP with coarse blocks, solved first, thus hands the monthly MIP
a good incumbent from its first node (ADR 0014; `benchmarks/bench_plan_opvang.py
--startblok`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from migratieketen.plan.opvang.formulation import PartialStart, Solved, layout
from migratieketen.plan.opvang.model import Instance
from migratieketen.plan.opvang.norms import TYPES


def open_months(plan: Solved, months: int) -> NDArray[np.bool_]:
    """(n, T): whether each candidate is open in each month of `plan`."""
    t = np.arange(months)[None, :]
    opened, closed = plan.opened[:, None], plan.closed[:, None]
    return (opened >= 0) & (t >= opened) & ((closed < 0) | (t < closed))


def plan_start(inst: Instance, plan: Solved) -> PartialStart:
    """The first-stage columns (o, z, k, K) of `inst` that reproduce `plan`.

    `plan` is for the same candidates and horizon and may change only where one of
    `inst`'s decision blocks begins (its blocks are unions of `inst`'s, e.g. quarterly
    for a monthly `inst`); ValueError otherwise.
    """
    lay = layout(inst)
    n, t = plan.places.shape
    if n != lay.n or t != inst.months:
        raise ValueError("warme start uit een plan met andere kandidaten of horizon")
    is_open = open_months(plan, t)
    first = np.arange(lay.e) * inst.step  # first month of each block
    epoch_of = np.arange(t) // inst.step
    places = np.where(is_open, plan.places, 0.0)
    same = (is_open == is_open[:, first][:, epoch_of]).all() and (
        places == places[:, first][:, epoch_of]
    ).all()
    if not same:
        raise ValueError("het plan verandert binnen een beslisblok van dit model")
    o = is_open[:, first].astype(np.float64)
    k = places[:, first]
    z = np.zeros((lay.n, lay.e))
    started = np.flatnonzero(plan.opened >= 0)
    z[started, plan.opened[started] // inst.step] = 1.0
    kinds = np.asarray([TYPES.index(c.kind) for c in inst.candidates], dtype=np.int64)
    k_type = np.zeros((lay.y, lay.e))
    np.add.at(k_type, kinds, k)
    values = np.concatenate([o.ravel(), z.ravel(), k.ravel(), k_type.ravel()])
    return np.arange(lay.v, dtype=np.int32), values
