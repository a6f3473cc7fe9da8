# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The publishers' tables behind the open-data folder, and the national totals.

One place names every source, so provenance, validation and sync agree on table ids,
reference dates and licences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from migratieketen.data.provenance import Provenance

CBS_LICENCE = "CC BY 4.0"
STATLINE_URL = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table_id}/table"
PDOK_WIJKENBUURTEN_URL = "https://service.pdok.nl/cbs/wijkenbuurten/{year}/wfs/v1_0"
PDOK_BESTUURLIJKE_GEBIEDEN_URL = (
    "https://service.pdok.nl/kadaster/bestuurlijkegebieden/wfs/v1_0"
)

# CBS StatLine table ids of "Kerncijfers wijken en buurten" (KWB) per edition.
# 2024 and 2025 are confirmed by the CBS table notes quoted in ../shared/data/SOURCES.md.
# 2022 and 2023 were "from memory" there; several independent public CBS clients list
# the same ids (2024 85984NED, 2023 85618NED, 2022 85318NED). A sync against a wrong id
# would still fail validation (national totals), not pass silently.
KWB_TABLE_IDS: dict[int, str] = {
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}

INDICATOR_YEAR_NOTE = (
    "Bevolkingsaantallen gelden op 1 januari van het KWB-jaar; andere kerncijfers "
    "(inkomen, WOZ, arbeidsparticipatie) hebben een eigen, meestal 1-3 jaar ouder "
    "peiljaar (zie de CBS-toelichting bij de tabel)."
)


def kwb_provenance(year: int) -> Provenance:
    """Provenance of a figure from KWB edition `year` (population on 1 January)."""
    table_id = KWB_TABLE_IDS[year]
    return Provenance(
        publisher="CBS",
        title=f"Kerncijfers wijken en buurten {year}",
        table_id=table_id,
        reference_date=date(year, 1, 1),
        licence=CBS_LICENCE,
        url=STATLINE_URL.format(table_id=table_id),
        note=INDICATOR_YEAR_NOTE,
    )


def geometry_provenance(year: int) -> Provenance:
    """Gemeente/wijk polygons: CBS/Kadaster wijk- en buurtkaart via PDOK."""
    return Provenance(
        publisher="CBS en Kadaster",
        title=f"Wijk- en buurtkaart {year} (via PDOK)",
        table_id="",
        reference_date=date(year, 1, 1),
        licence=CBS_LICENCE,
        url=PDOK_WIJKENBUURTEN_URL.format(year=year),
        note="Vereenvoudigde geometrie (WGS84); provincies op land afgeleid uit de "
        "gemeentegrenzen.",
    )


def province_legal_provenance(year: int) -> Provenance:
    """Legal province boundaries (with water) from Kadaster BRK Bestuurlijke Gebieden."""
    return Provenance(
        publisher="Kadaster",
        title="BRK Bestuurlijke Gebieden, laag Provinciegebied",
        table_id="",
        reference_date=date(year, 1, 1),
        licence="Kadaster open data (PDOK)",
        url=PDOK_BESTUURLIJKE_GEBIEDEN_URL,
    )


@dataclass(frozen=True, slots=True)
class NationalTotal:
    """The CBS national population on 1 January, against which Σ gemeenten is checked."""

    year: int
    population: int
    source: str
    tolerance: int = 0  # allowed absolute difference (rounding in the source)


NATIONAL_TOTALS: dict[int, NationalTotal] = {
    2022: NationalTotal(
        2022,
        17_590_672,
        "CBS, bevolking op 1 januari 2022 (Kerncijfers wijken en buurten 2022, "
        "Nederland)",
    ),
    2023: NationalTotal(
        2023,
        17_811_291,
        "CBS, bevolking op 1 januari 2023 (Kerncijfers wijken en buurten 2023, "
        "Nederland)",
    ),
    2024: NationalTotal(
        2024,
        17_942_942,
        "CBS, bevolking op 1 januari 2024 (Kerncijfers wijken en buurten 2024, "
        "Nederland)",
    ),
}

# CBS rounds wijk figures for disclosure control: per gemeente the wijk sum differs from
# the gemeente figure by at most ±61 in KWB 2024 (SOURCES.md). Allow some headroom.
WIJK_ROUNDING_TOLERANCE_PER_GEMEENTE = 100
