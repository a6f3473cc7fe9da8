# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Published MPP (Meerjaren Productie Prognose) bands for the yearly asylum inflow.

The MPP is the Dutch government's own inflow forecast, published only as a min-max
band of the *total* inflow (first + repeat requests + nareizigers + hervestigers).
Every band cites its public source (publisher, title, date, web address); users see
that citation, never a project file. The Rijksoverheid news item of 26 September
2025 gives both the latest and the previous band for 2025 and 2026; the January 2016
band is known only from the press (the Kamerbrief quoted there is not online).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Citation:
    """A public source: who published what, when, and where to read it."""

    publisher: str
    title: str
    date: str  # as published, Dutch ("26 september 2025")
    url: str

    def text(self) -> str:
        return f"{self.publisher}, ‘{self.title}’, {self.date}, {self.url}"


RIJKSOVERHEID_MPP_2025 = Citation(
    "Ministerie van Asiel en Migratie (Rijksoverheid)",
    "Nieuwe prognose: lagere asielinstroom verwacht in 2025 en 2026",
    "26 september 2025",
    "https://www.rijksoverheid.nl/actueel/nieuws/2025/09/26/"
    "nieuwe-prognose-lagere-asielinstroom-verwacht-in-2025-en-2026",
)
TELEGRAAF_MPP_2016 = Citation(
    "De Telegraaf (over een Kamerbrief van staatssecretaris Dijkhoff)",
    "Meer asielzoekers verwacht door beleid",
    "januari 2016",
    "https://www.telegraaf.nl/nieuws/449942/meer-asielzoekers-verwacht-door-beleid",
)


@dataclass(frozen=True, slots=True)
class MppBand:
    year: int
    low: float
    high: float
    published: str  # when / which edition
    citation: Citation

    @property
    def source(self) -> str:
        return self.citation.text()

    def covers(self, value: float) -> bool:
        return self.low <= value <= self.high

    def to_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "low": self.low,
            "high": self.high,
            "published": self.published,
            "source": self.source,
            "url": self.citation.url,
        }


MPP_BANDS: tuple[MppBand, ...] = (
    MppBand(2016, 45_000, 114_000, "januari 2016", TELEGRAAF_MPP_2016),
    MppBand(2025, 52_000, 74_800, "vorige editie", RIJKSOVERHEID_MPP_2025),
    MppBand(2026, 45_200, 78_900, "vorige editie", RIJKSOVERHEID_MPP_2025),
    MppBand(2025, 40_000, 55_300, "laatste editie", RIJKSOVERHEID_MPP_2025),
    MppBand(2026, 39_000, 67_100, "laatste editie", RIJKSOVERHEID_MPP_2025),
)


def bands_for(year: int) -> tuple[MppBand, ...]:
    return tuple(b for b in MPP_BANDS if b.year == year)


def citation_for(year: int, published: str) -> Citation | None:
    """The current public citation of a band (stored forecasts keep older texts)."""
    for band in MPP_BANDS:
        if band.year == year and band.published == published:
            return band.citation
    return None
