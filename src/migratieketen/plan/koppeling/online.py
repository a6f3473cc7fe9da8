# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What every policy shares: weekly decision batches, the capacity ledger, and the
reason a household could not be linked.

A policy may leave a household unlinked only when no allowed gemeente has room for all
its persons: households are indivisible and capacity is counted in persons.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migratieketen.plan.koppeling.model import (
    UNASSIGNED,
    BoolArray,
    FloatArray,
    IntArray,
    Problem,
)


def weekly_batches(problem: Problem) -> list[IntArray]:
    """Household indices per ISO week of arrival, in arrival order."""
    keys = [h.arrival.isocalendar()[:2] for h in problem.households]
    batches: list[list[int]] = []
    last = None
    for i, key in enumerate(keys):
        if key != last:
            batches.append([])
            last = key
        batches[-1].append(i)
    return [np.array(b, dtype=np.int64) for b in batches]


def weeks_waited(problem: Problem, batch_of: IntArray | None) -> IntArray:
    """Decision weeks between a household's arrival week and the week it was linked
    (0 for a policy that decides every household in its arrival week)."""
    arrived = np.zeros(problem.n, dtype=np.int64)
    for week, members in enumerate(weekly_batches(problem)):
        arrived[members] = week
    if batch_of is None:
        return np.zeros(problem.n, dtype=np.int64)
    return np.asarray(batch_of - arrived, dtype=np.int64)


def unassigned_reason(
    problem: Problem, i: int, allowed: BoolArray, remaining: FloatArray
) -> str:
    """Dutch reason why household i could not be linked given the capacity left."""
    h = problem.households[i]
    codes = problem.gemeenten.codes
    if h.gemeente_verplicht and h.gemeente_verplicht not in codes:
        return f"verplichte gemeente {h.gemeente_verplicht} komt niet voor in de capaciteit"
    if h.regio_verplicht and h.regio_verplicht not in problem.gemeenten.provinces:
        return f"verplichte provincie {h.regio_verplicht} heeft geen gemeenten in de capaciteit"
    if not allowed[i].any():
        return "geen score voor een toegestane gemeente"
    room = allowed[i] & (remaining >= h.persons)
    if room.any():  # pragma: no cover - a policy bug, reported rather than hidden
        return "niet gekoppeld terwijl er ruimte was (fout in het beleid)"
    if h.gemeente_verplicht:
        g = codes.index(h.gemeente_verplicht)
        return (
            f"verplichte gemeente {h.gemeente_verplicht} heeft nog {remaining[g]:.0f} "
            f"plaatsen, het huishouden telt {h.persons} personen"
        )
    if h.regio_verplicht:
        return (
            f"geen gemeente in verplichte provincie {h.regio_verplicht} heeft nog "
            f"{h.persons} plaatsen"
        )
    return f"geen toegestane gemeente heeft nog {h.persons} plaatsen"


@dataclass(slots=True)
class Ledger:
    """Capacity left and the gemeente chosen per household, filled in arrival order."""

    remaining: FloatArray
    gemeente: IntArray

    @classmethod
    def open(cls, problem: Problem) -> Ledger:
        return cls(
            remaining=problem.gemeenten.capacity.astype(np.float64).copy(),
            gemeente=np.full(problem.n, UNASSIGNED, dtype=np.int64),
        )

    def place(self, i: int, g: int, persons: float) -> None:
        self.gemeente[i] = g
        self.remaining[g] -= persons

    def reasons(self, problem: Problem, allowed: BoolArray) -> dict[int, str]:
        return {
            int(i): unassigned_reason(problem, int(i), allowed, self.remaining)
            for i in np.nonzero(self.gemeente == UNASSIGNED)[0]
        }


def place_best_first(
    ledger: Ledger,
    order: IntArray,
    values: FloatArray,
    allowed: BoolArray,
    persons: FloatArray,
) -> None:
    """Place each household in `order` at its best-valued allowed gemeente with room.

    `values` has one row per entry of `order`.
    """
    for k, i in enumerate(order):
        fits = allowed[i] & (ledger.remaining >= persons[i] - 1e-9)
        if not fits.any():
            continue
        row = np.where(fits, values[k], -np.inf)
        ledger.place(int(i), int(np.argmax(row)), persons[i])
