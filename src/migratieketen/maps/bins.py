# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Quantile classes for choropleth maps.

Why quantiles: KWB indicators are skewed (a few large cities), so equal-width
classes would paint almost every gemeente the same colour. Quantile classes put
about the same number of gemeenten in each class; ties can merge classes, so the
result may have fewer classes than asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClassBin:
    """One legend class: values from `lower` up to `upper` (the last one inclusive)."""

    index: int
    lower: float
    upper: float
    count: int


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated quantile (as numpy's default), without numpy."""
    position = (len(sorted_values) - 1) * q
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    fraction = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * fraction


def quantile_bins(values: Iterable[float | None], classes: int = 5) -> list[ClassBin]:
    """Split the known values into at most `classes` quantile classes."""
    if classes < 1:
        raise ValueError("classes must be >= 1")
    known = sorted(v for v in values if v is not None)
    if not known:
        return []
    edges: list[float] = []
    for k in range(classes + 1):
        edge = _quantile(known, k / classes)
        if not edges or edge > edges[-1]:
            edges.append(edge)
    if len(edges) == 1:
        edges.append(edges[0])
    counts = [0] * (len(edges) - 1)
    for value in known:
        counts[_locate(value, edges)] += 1
    return [
        ClassBin(index=i, lower=edges[i], upper=edges[i + 1], count=counts[i])
        for i in range(len(edges) - 1)
    ]


def _locate(value: float, edges: Sequence[float]) -> int:
    last = len(edges) - 2
    for i in range(last):
        if value < edges[i + 1]:
            return i
    return last


def bin_index(value: float | None, bins: Sequence[ClassBin]) -> int | None:
    """The class of `value`, or None when the value is missing (no data)."""
    if value is None or not bins:
        return None
    edges = [b.lower for b in bins] + [bins[-1].upper]
    return _locate(value, edges)
