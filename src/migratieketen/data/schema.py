# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The layout of the open-data folder: files, columns and their types.

Loader, validator and sync share this, so a synced folder has exactly the columns the
loader checks (the layout described in docs/open-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ColumnType(Enum):
    CODE = "code"  # a CBS code, checked against the file's code pattern
    TEXT = "text"
    INT = "int"  # whole number (counts)
    FLOAT = "float"  # decimal number ("." as decimal sign)
    PCT = "pct"  # decimal number between 0 and 100
    YESNO = "yesno"  # "ja" / "nee"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    nonempty: bool = False  # an empty cell is an error (otherwise: missing value)


@dataclass(frozen=True, slots=True)
class CsvSpec:
    """One CSV file of the data folder."""

    filename: str
    key: str  # the unique code column
    key_pattern: str  # regular expression the key must match
    columns: tuple[Column, ...]

    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True, slots=True)
class GeoJsonSpec:
    """One GeoJSON file: its code property must match the CSV of the same level."""

    filename: str
    code_property: str
    code_pattern: str
    name_property: str


GM = r"^GM\d{4}$"
PV = r"^PV\d{2}$"
WK = r"^WK\d{4}[0-9A-Z]{2}$"  # Amsterdam uses letters (WK0363AA)

_I = ColumnType.INT
_F = ColumnType.FLOAT
_P = ColumnType.PCT

_AGE = tuple(
    Column(n, _P) for n in ("pct_0_15", "pct_15_25", "pct_25_45", "pct_45_65")
) + (Column("pct_65plus", _P),)


def _cols(*spec: tuple[str, ColumnType]) -> tuple[Column, ...]:
    return tuple(Column(n, t) for n, t in spec)


GEMEENTEN_2024 = CsvSpec(
    filename="gemeenten_2024.csv",
    key="gemeentecode",
    key_pattern=GM,
    columns=(
        Column("gemeentecode", ColumnType.CODE, nonempty=True),
        Column("gemeentenaam", ColumnType.TEXT, nonempty=True),
        Column("provinciecode", ColumnType.TEXT, nonempty=True),
        Column("provincienaam", ColumnType.TEXT, nonempty=True),
        Column("inwoners_2024", _I, nonempty=True),
        Column("inwoners_2023", _I, nonempty=True),
        *_cols(("mannen", _I), ("vrouwen", _I)),
        *_AGE,
        *_cols(
            ("huishoudens", _I),
            ("gem_huishoudensgrootte", _F),
            ("pct_eenpersoonshuishoudens", _P),
            ("pct_huishoudens_zonder_kinderen", _P),
            ("pct_huishoudens_met_kinderen", _P),
            ("pct_herkomst_nederland", _P),
            ("pct_herkomst_europa_excl_nl", _P),
            ("pct_herkomst_buiten_europa", _P),
            ("bevolkingsdichtheid_per_km2", _F),
            ("oppervlakte_land_ha", _F),
            ("oppervlakte_water_ha", _F),
            ("stedelijkheid_1_5", _I),
            ("omgevingsadressendichtheid", _F),
            ("personenautos", _I),
        ),
    ),
)

GEMEENTEN_2023 = CsvSpec(
    filename="gemeenten_2023.csv",
    key="gemeentecode",
    key_pattern=GM,
    columns=(
        Column("gemeentecode", ColumnType.CODE, nonempty=True),
        Column("gemeentenaam", ColumnType.TEXT, nonempty=True),
        Column("provinciecode", ColumnType.TEXT, nonempty=True),
        Column("provincienaam", ColumnType.TEXT, nonempty=True),
        Column("inwoners_2023", _I, nonempty=True),
        *_cols(("mannen", _I), ("vrouwen", _I)),
        *_AGE,
        *_cols(
            ("huishoudens", _I),
            ("gem_huishoudensgrootte", _F),
            ("bevolkingsdichtheid_per_km2", _F),
            ("woningvoorraad", _I),
            ("gem_woz_waarde_x1000_eur", _F),
            ("pct_koopwoningen", _P),
            ("pct_huurwoningen", _P),
            ("pct_eengezinswoningen", _P),
            ("bedrijfsvestigingen", _I),
            ("personenautos", _I),
            ("afstand_huisarts_km", _F),
            ("afstand_grote_supermarkt_km", _F),
        ),
    ),
)

KWB_2022 = CsvSpec(
    filename="gemeenten_kwb2022_indicatoren.csv",
    key="gemeentecode_2022",
    key_pattern=GM,
    columns=(
        Column("gemeentecode_2022", ColumnType.CODE, nonempty=True),
        Column("gemeentenaam_2022", ColumnType.TEXT, nonempty=True),
        Column("bestaat_in_2024", ColumnType.YESNO, nonempty=True),
        Column("inwoners_2022", _I, nonempty=True),
        *_cols(
            ("huishoudens", _I),
            ("bevolkingsdichtheid_per_km2", _F),
            ("stedelijkheid_1_5", _I),
            ("woningvoorraad", _I),
            ("gem_woz_waarde_x1000_eur", _F),
            ("pct_koopwoningen", _P),
            ("pct_huurwoningen", _P),
            ("pct_huurwoningen_corporatie", _P),
            ("pct_eengezinswoningen", _P),
            ("pct_meergezinswoningen", _P),
            ("pct_bouwjaar_vanaf_2000", _P),
            ("pct_leegstaande_woningen", _P),
            ("pct_netto_arbeidsparticipatie", _P),
            ("pct_werknemers", _P),
            ("pct_zelfstandigen", _P),
            ("bedrijfsvestigingen", _I),
            ("gem_inkomen_per_inwoner_x1000_eur", _F),
            ("gem_inkomen_per_ontvanger_x1000_eur", _F),
            ("gem_gestandaardiseerd_hh_inkomen_x1000_eur", _F),
            ("pct_huishoudens_laagste_40pct_inkomen", _P),
            ("pct_huishoudens_hoogste_20pct_inkomen", _P),
            ("pct_huishoudens_rond_sociaal_minimum", _P),
            ("mediaan_vermogen_x1000_eur", _F),
            ("personen_opleidingsniveau_laag", _I),
            ("personen_opleidingsniveau_middelbaar", _I),
            ("personen_opleidingsniveau_hoog", _I),
            ("wmo_clienten_per_1000", _F),
            ("pct_jongeren_met_jeugdzorg", _P),
            ("afstand_huisarts_km", _F),
            ("afstand_grote_supermarkt_km", _F),
            ("afstand_treinstation_km", _F),
            ("afstand_basisonderwijs_km", _F),
            ("afstand_ziekenhuis_km", _F),
            ("oppervlakte_land_ha", _F),
        ),
    ),
)

WIJKEN_2024 = CsvSpec(
    filename="wijken_2024.csv",
    key="wijkcode",
    key_pattern=WK,
    columns=(
        Column("wijkcode", ColumnType.CODE, nonempty=True),
        Column("wijknaam", ColumnType.TEXT, nonempty=True),
        Column("gemeentecode", ColumnType.TEXT, nonempty=True),
        Column("gemeentenaam", ColumnType.TEXT, nonempty=True),
        Column("provinciecode", ColumnType.TEXT, nonempty=True),
        Column("inwoners_2024", _I),  # empty = suppressed by CBS (< ~10 inhabitants)
        *_cols(("mannen", _I), ("vrouwen", _I)),
        *_AGE,
        *_cols(
            ("huishoudens", _I),
            ("gem_huishoudensgrootte", _F),
            ("bevolkingsdichtheid_per_km2", _F),
        ),
    ),
)

GEMEENTEN_GEOJSON = GeoJsonSpec(
    "gemeenten_2024.geojson", "gemeentecode", GM, "gemeentenaam"
)
PROVINCIES_LAND_GEOJSON = GeoJsonSpec(
    "provincies_land_2024.geojson", "provinciecode", PV, "provincienaam"
)
PROVINCIES_GEOJSON = GeoJsonSpec(
    "provincies.geojson", "provinciecode", PV, "provincienaam"
)
WIJKEN_GEOJSON = GeoJsonSpec("wijken_2024.geojson", "wijkcode", WK, "wijknaam")

CSV_FILES: tuple[CsvSpec, ...] = (GEMEENTEN_2024, GEMEENTEN_2023, KWB_2022, WIJKEN_2024)
GEOJSON_FILES: tuple[GeoJsonSpec, ...] = (
    GEMEENTEN_GEOJSON,
    PROVINCIES_LAND_GEOJSON,
    PROVINCIES_GEOJSON,
)
# Validated and synced, but not parsed by `load_dataset` (2.5 MB, only for wijk maps).
OPTIONAL_GEOJSON_FILES: tuple[GeoJsonSpec, ...] = (WIJKEN_GEOJSON,)

DIVISION_YEAR = 2024

# --- optional files: used when present, validated with the folder ---------------------
PC4 = r"^\d{4}$"

SES_WOA_PC4 = CsvSpec(
    filename="cbs_ses_woa_pc4_2022.csv",
    key="pc4",
    key_pattern=PC4,
    columns=(
        Column("pc4", ColumnType.CODE, nonempty=True),
        *_cols(
            ("ses_woa_total", _F),  # empty = suppressed by CBS (too few households)
            ("ses_woa_welvaart", _F),
            ("ses_woa_arbeidsverleden", _F),
            ("income_percentile_mean", _P),
            ("wealth_percentile_mean", _P),
            ("n_households", _I),
            ("population_2025_83502NED", _I),
        ),
        Column("gemeente_code_2025_derived", ColumnType.TEXT),
        Column("gemeente_naam_2025_derived", ColumnType.TEXT),
        Column("assign_method", ColumnType.TEXT),
        Column("rough_vertex_share_in_gemeente", _F),
    ),
)

# The gemeente rows of the CBS SES-WOA table, as `data sync` writes them (one period).
SES_WOA_GEMEENTEN = CsvSpec(
    filename="cbs_ses_woa_gemeenten.csv",
    key="gemeentecode",
    key_pattern=GM,
    columns=(
        Column("gemeentecode", ColumnType.CODE, nonempty=True),
        Column("periode", ColumnType.TEXT, nonempty=True),
        Column("cbs_tabel", ColumnType.TEXT, nonempty=True),
        *_cols(
            ("ses_woa_totaal", _F),  # empty = suppressed
            ("ses_woa_welvaart", _F),
            ("ses_woa_opleiding", _F),
            ("ses_woa_arbeidsverleden", _F),
        ),
    ),
)

POPULATION_2025 = CsvSpec(
    filename="cbs_bevolking_2025-01-01_gemeenten.csv",
    key="gemeente_code",
    key_pattern=GM,
    columns=(
        Column("gemeente_code", ColumnType.CODE, nonempty=True),
        Column("gemeente_naam", ColumnType.TEXT, nonempty=True),
        Column("totale_bevolking_1jan2025", _I, nonempty=True),
        Column("particuliere_huishoudens_2025", _I),
    ),
)

KWB2024_HERKOMST = CsvSpec(
    filename="cbs_kwb2024_herkomst_gemeenten.csv",
    key="gemeente_code",
    key_pattern=GM,
    columns=(
        Column("gemeente_code", ColumnType.CODE, nonempty=True),
        Column("gemeente_naam", ColumnType.TEXT, nonempty=True),
        Column("inwoners_2024", _I, nonempty=True),
        Column("herkomst_nederland", _I, nonempty=True),
        Column("herkomst_europa_excl_nl", _I, nonempty=True),
        Column("herkomst_buiten_europa", _I, nonempty=True),
        Column("aandeel_europa_excl_nl_pct", _P),
    ),
)

OPTIONAL_CSV_FILES: tuple[CsvSpec, ...] = (
    SES_WOA_PC4,
    SES_WOA_GEMEENTEN,
    POPULATION_2025,
    KWB2024_HERKOMST,
)
