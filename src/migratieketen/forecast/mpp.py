# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Published MPP (Meerjaren Productie Prognose) bands for the yearly asylum inflow.

The MPP is the Dutch government's own inflow forecast, published only as a min-max
band of the *total* inflow (first + repeat requests + nareizigers). These bands are
reference figures quoted in ../shared/reference/planning-anchors.md (section 0, A5 and
section 2.1); they are the incumbent our forecast must be compared with.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MppBand:
    year: int
    low: float
    high: float
    published: str  # when / which edition
    source: str

    def covers(self, value: float) -> bool:
        return self.low <= value <= self.high

    def to_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "low": self.low,
            "high": self.high,
            "published": self.published,
            "source": self.source,
        }


MPP_BANDS: tuple[MppBand, ...] = (
    MppBand(
        2016,
        45_000,
        114_000,
        "januari 2016",
        "Telegraaf (jan 2016), via planning-anchors.md §2.1 [S]",
    ),
    MppBand(
        2025,
        52_000,
        74_800,
        "vorige editie",
        "openrijk.nl, via planning-anchors.md §2.1",
    ),
    MppBand(
        2026,
        45_200,
        78_900,
        "vorige editie",
        "openrijk.nl, via planning-anchors.md §2.1",
    ),
    MppBand(
        2025,
        40_000,
        55_300,
        "laatste editie",
        "openrijk.nl, via planning-anchors.md §0 A5",
    ),
    MppBand(
        2026,
        39_000,
        67_100,
        "laatste editie",
        "openrijk.nl, via planning-anchors.md §0 A5",
    ),
)


def bands_for(year: int) -> tuple[MppBand, ...]:
    return tuple(b for b in MPP_BANDS if b.year == year)
