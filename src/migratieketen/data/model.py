# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The normalised open-data model: what every loader produces and every layer reads.

CBS codes (GM0363, PV27, WK036300) are the keys everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from migratieketen.data.provenance import Provenance

if TYPE_CHECKING:
    from migratieketen.data.origin import OriginTable
    from migratieketen.data.ses_woa import SesWoaScores

GeoJSONGeometry = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Indicator:
    """A KWB indicator definition: what it measures, in what unit, from which source."""

    key: str  # e.g. "pct_huurwoningen_corporatie"
    label_nl: str
    label_en: str
    unit: str  # "%", "personen", "woningen", "x 1000 euro", "klasse 1-5"
    provenance: Provenance
    higher_is: str = "neutral"  # "more", "less" or "neutral": for colour scales only


@dataclass(frozen=True, slots=True)
class Province:
    code: str  # "PV27"
    name: str  # "Noord-Holland"


@dataclass(frozen=True, slots=True)
class Gemeente:
    code: str  # "GM0363"
    name: str  # "Amsterdam"
    province_code: str  # "PV27"
    # Population on 1 January of each year, in the *current* (2024) municipal division.
    population: dict[int, int]
    # Indicator key -> value (None where CBS suppressed or did not publish it).
    indicators: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Wijk:
    code: str  # "WK036300"
    name: str
    gemeente_code: str
    population: int | None  # None where CBS suppressed the figure (< ~10 inhabitants)
    # Extra KWB figures of the wijk (age shares, households, density); None = suppressed.
    indicators: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DataSet:
    """All open data for one municipal division, validated and with provenance."""

    division_year: int  # the municipal division the codes belong to (2024)
    provinces: tuple[Province, ...]
    gemeenten: tuple[Gemeente, ...]
    wijken: tuple[Wijk, ...]
    indicators: tuple[Indicator, ...]
    # Population provenance per reference year (1 January of that year).
    population_provenance: dict[int, Provenance]
    gemeente_geometry: dict[str, GeoJSONGeometry]  # gemeentecode -> GeoJSON geometry
    province_geometry: dict[str, GeoJSONGeometry]  # provinciecode -> land-only geometry
    geometry_provenance: Provenance
    wijk_provenance: Provenance
    # Legal province boundaries incl. water (Kadaster), next to the land-only ones.
    province_legal_geometry: dict[str, GeoJSONGeometry] = field(default_factory=dict)
    province_legal_provenance: Provenance | None = None
    # Optional tables, present when their file is in the folder: SES-WOA per gemeente by
    # source ("cbs", "postcode"; see data/ses_woa.py) and the KWB 2024 origin counts.
    ses_woa: dict[str, SesWoaScores] = field(default_factory=dict)
    origin: OriginTable | None = None

    def gemeente(self, code: str) -> Gemeente:
        for g in self.gemeenten:
            if g.code == code:
                return g
        raise KeyError(code)

    def national_population(self, year: int) -> int:
        return sum(g.population[year] for g in self.gemeenten if year in g.population)
