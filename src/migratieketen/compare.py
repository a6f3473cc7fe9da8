# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Comparable gemeenten: nearest neighbours on standardised indicators.

Why: a policy advisor wants to compare her gemeente with gemeenten that face a
similar task, not with the neighbours on the map. The distance is documented so
it can be explained on the page:

* features: log10(population), CBS urbanity class (1-5), social-rent share
  (% rented from corporations), log10(population density), net labour
  participation and % born outside Europe (whichever of these the data set has);
* each feature is standardised to a z-score over all gemeenten (mean 0, sd 1), so
  no unit dominates; a missing value counts as the mean (z = 0);
* distance = Euclidean distance between the z-score vectors, divided by
  sqrt(number of features) so it reads as "typical difference in sd".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# (feature key, transform). "population" is the latest population figure.
COMPARISON_FEATURES: tuple[tuple[str, str], ...] = (
    ("population", "log10"),
    ("stedelijkheid_1_5", "identity"),
    ("pct_huurwoningen_corporatie", "identity"),
    ("bevolkingsdichtheid_per_km2", "log10"),
    ("pct_netto_arbeidsparticipatie", "identity"),
    ("pct_herkomst_buiten_europa", "identity"),
)

_TRANSFORMS: dict[str, Callable[[float], float]] = {
    "identity": lambda v: v,
    "log10": lambda v: math.log10(max(v, 1.0)),
}


@dataclass(frozen=True, slots=True)
class Neighbour:
    code: str
    distance: float


def standardise(
    features: Mapping[str, Mapping[str, float | None]],
    keys: Sequence[tuple[str, str]] = COMPARISON_FEATURES,
) -> tuple[dict[str, list[float]], list[str]]:
    """Z-scores per gemeente for the keys that at least two gemeenten have.

    Returns (code -> z-score vector, the feature keys used).
    """
    used: list[str] = []
    columns: list[list[float]] = []
    codes = sorted(features)
    for key, transform in keys:
        fn = _TRANSFORMS[transform]
        column: list[float | None] = []
        for code in codes:
            raw = features[code].get(key)
            column.append(None if raw is None else fn(float(raw)))
        known = [v for v in column if v is not None]
        if len(known) < 2:
            continue
        mean = sum(known) / len(known)
        sd = math.sqrt(sum((v - mean) ** 2 for v in known) / (len(known) - 1))
        if sd == 0:
            continue
        used.append(key)
        columns.append([0.0 if v is None else (v - mean) / sd for v in column])
    vectors = {code: [col[i] for col in columns] for i, code in enumerate(codes)}
    return vectors, used


def nearest(
    vectors: Mapping[str, Sequence[float]], code: str, count: int = 5
) -> list[Neighbour]:
    """The `count` gemeenten closest to `code` (never `code` itself), closest first."""
    if code not in vectors:
        raise KeyError(code)
    origin = vectors[code]
    scale = math.sqrt(len(origin)) or 1.0
    result = [
        Neighbour(
            other,
            math.sqrt(sum((a - b) ** 2 for a, b in zip(origin, vec, strict=True)))
            / scale,
        )
        for other, vec in vectors.items()
        if other != code
    ]
    result.sort(key=lambda n: (n.distance, n.code))
    return result[:count]
