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
# PDOK moved the Kadaster BRK Bestuurlijke Gebieden WFS to this path (same layers,
# e.g. `bestuurlijkegebieden:Provinciegebied`); the old path is the fallback.
PDOK_BESTUURLIJKE_GEBIEDEN_URL = (
    "https://service.pdok.nl/kadaster/brk-bestuurlijke-gebieden/wfs/v1_0"
)
PDOK_BESTUURLIJKE_GEBIEDEN_LEGACY_URL = (
    "https://service.pdok.nl/kadaster/bestuurlijkegebieden/wfs/v1_0"
)

# CBS StatLine table ids of "Kerncijfers wijken en buurten" (KWB) per edition.
# 2024 and 2025 are confirmed by the CBS table notes on StatLine (https://opendata.cbs.nl).
# 2022 and 2023 are not confirmed by such a note; several independent public CBS clients list
# the same ids (2024 85984NED, 2023 85618NED, 2022 85318NED). A sync against a wrong id
# would still fail validation (national totals), not pass silently.
KWB_TABLE_IDS: dict[int, str] = {
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}

# CBS "Sociaal-economische status; scores per wijk en buurt, regio-indeling 2024": the
# table whose gemeente rows `data sync` fetches (dimension WijkenEnBuurten, Perioden
# "2022JJ00"; the total score is the first "GemiddeldeScore_N" topic, in the group
# "Totaalscore"). The id is the one public CBS clients use for the 2024 division; a sync
# against a wrong id fails on the gemeente codes, not silently.
SES_WOA_TABLE_ID = "86092NED"
SES_WOA_TITLE = "Sociaal-economische status; scores per wijk en buurt"
# CBS "Regionale kerncijfers Nederland": population on 1 January per gemeente.
REGIONAL_TABLE_ID = "70072NED"

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


def ses_woa_provenance(
    table_id: str, reference_date: date | None, filename: str = ""
) -> Provenance:
    """The CBS SES-WOA gemeente figures (period = 1 January of the score year)."""
    return Provenance(
        publisher="CBS",
        title=SES_WOA_TITLE,
        table_id=table_id,
        reference_date=reference_date or date(1900, 1, 1),
        licence=CBS_LICENCE,
        url=STATLINE_URL.format(table_id=table_id),
        note=f"Ingelezen uit {filename}." if filename else "",
    )


def population_2025_provenance() -> Provenance:
    """Population on 1 January 2025 per gemeente (Regionale kerncijfers Nederland)."""
    return Provenance(
        publisher="CBS",
        title="Regionale kerncijfers Nederland, bevolking op 1 januari",
        table_id=REGIONAL_TABLE_ID,
        reference_date=date(2025, 1, 1),
        licence=CBS_LICENCE,
        url=STATLINE_URL.format(table_id=REGIONAL_TABLE_ID),
        note="Gemeentelijke indeling van 1 januari 2025 (dezelfde 342 gemeenten als "
        "2024).",
    )


def origin_provenance() -> Provenance:
    """Inhabitants by origin (herkomstland), KWB 2024: not a count of labour migrants."""
    base = kwb_provenance(2024)
    return Provenance(
        publisher=base.publisher,
        title=f"{base.title}, inwoners naar herkomstland",
        table_id=base.table_id,
        reference_date=base.reference_date,
        licence=base.licence,
        url=base.url,
        note="Herkomst volgens de CBS-indeling herkomstland. 'Europa (exclusief "
        "Nederland)' omvat ook de tweede generatie, niet-EU-Europa en ontheemden uit "
        "Oekraïne: geen telling van arbeidsmigranten.",
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
    2025: NationalTotal(
        2025,
        18_044_027,
        "CBS, bevolking op 1 januari 2025 (Regionale kerncijfers Nederland, 70072NED, "
        "Nederland)",
    ),
}

# CBS rounds wijk figures for disclosure control: per gemeente the wijk sum differs from
# the gemeente figure by at most ±61 in KWB 2024 (measured on the CBS files). Allow some headroom.
WIJK_ROUNDING_TOLERANCE_PER_GEMEENTE = 100
