# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Small hand-made koppeling problems for the tests (no open data needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from migratieketen.plan.koppeling.model import (
    Assignment,
    Gemeenten,
    Household,
    Problem,
    ScoreModel,
)
from migratieketen.plan.koppeling.resolving import ResolveSettings, resolving_dynamic

CODES = ("GM0001", "GM0002", "GM0003", "GM0004", "GM0005", "GM0006")
PROVINCES = ("PV20", "PV20", "PV27", "PV27", "PV30", "PV30")


def gemeenten(capacity: Sequence[int]) -> Gemeenten:
    g = len(capacity)
    return Gemeenten(
        codes=CODES[:g],
        names=tuple(f"Gemeente {i}" for i in range(g)),
        provinces=PROVINCES[:g],
        capacity=np.array(capacity, dtype=np.int64),
        capacity_source="test",
    )


def problem(
    households: Sequence[Household], capacity: Sequence[int], scores: np.ndarray
) -> Problem:
    start = date(2025, 1, 1)
    ordered = tuple(sorted(households, key=lambda h: (h.arrival, h.id)))
    assert ordered == tuple(households), "give households in arrival order"
    return Problem(
        households=ordered,
        gemeenten=gemeenten(capacity),
        scores=ScoreModel(scores, "bestand", "test", "test"),
        period_start=start,
        period_end=start + timedelta(days=180),
    )


def household(
    i: int, day: int, persons: int = 1, adults: int = 1, **kw: str
) -> Household:
    return Household(
        id=f"H{i:04d}",
        arrival=date(2025, 1, 1) + timedelta(days=day),
        persons=persons,
        adults=adults,
        **kw,
    )


def assert_repeatable_within_capacity(
    p: Problem, settings: ResolveSettings
) -> Assignment:
    """Run the re-solving policy twice: the same links, no gemeente over capacity, and
    only allowed gemeenten. Returns the first run."""
    first = resolving_dynamic(p, settings)
    again = resolving_dynamic(p, settings)
    np.testing.assert_array_equal(first.gemeente, again.gemeente)
    placed = first.gemeente >= 0
    used = first.received(p.persons, len(p.gemeenten.codes))
    assert np.all(used <= p.gemeenten.capacity + 1e-9)
    assert np.all(p.allowed()[np.nonzero(placed)[0], first.gemeente[placed]])
    return first
