# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Which CBS KWB field feeds which column of the data folder.

CBS numbers its KWB keys per edition (`AantalInwoners_5`, `Woningvoorraad_35`,
`GemiddeldeWOZWaardeVanWoningen_36` in one year, `_39` in the next), and renames a few
between editions. So fields are matched on the key without its `_N` suffix (the stem),
with alternatives per column. Whether a figure is a count or a percentage is read from
the table's own DataProperties (`Unit`), and counts are turned into the published
integer percentage where the column is a percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

INHABITANTS = "AantalInwoners"
HOUSEHOLDS = "HuishoudensTotaal"
DWELLINGS = ("Woningvoorraad", "WoningvoorraadTotaal")


@dataclass(frozen=True, slots=True)
class Field:
    stems: tuple[str, ...]
    # For percentage columns: the stems of the denominator if CBS publishes a count.
    pct_of: tuple[str, ...] = ()


def _f(*stems: str, pct_of: tuple[str, ...] = ()) -> Field:
    return Field(stems, pct_of)


_INH = (INHABITANTS,)
_HH = (HOUSEHOLDS,)

FIELDS: dict[str, Field] = {
    "inwoners": _f(INHABITANTS),
    "mannen": _f("Mannen"),
    "vrouwen": _f("Vrouwen"),
    "pct_0_15": _f("k_0Tot15Jaar", pct_of=_INH),
    "pct_15_25": _f("k_15Tot25Jaar", pct_of=_INH),
    "pct_25_45": _f("k_25Tot45Jaar", pct_of=_INH),
    "pct_45_65": _f("k_45Tot65Jaar", pct_of=_INH),
    "pct_65plus": _f("k_65JaarOfOuder", pct_of=_INH),
    "huishoudens": _f(HOUSEHOLDS),
    "gem_huishoudensgrootte": _f("GemiddeldeHuishoudensgrootte"),
    "pct_eenpersoonshuishoudens": _f("Eenpersoonshuishoudens", pct_of=_HH),
    "pct_huishoudens_zonder_kinderen": _f("HuishoudensZonderKinderen", pct_of=_HH),
    "pct_huishoudens_met_kinderen": _f("HuishoudensMetKinderen", pct_of=_HH),
    "pct_herkomst_nederland": _f("Nederland", pct_of=_INH),
    "pct_herkomst_europa_excl_nl": _f(
        "EuropaExclusiefNederland", "EuropaExclNederland", pct_of=_INH
    ),
    "pct_herkomst_buiten_europa": _f("BuitenEuropa", pct_of=_INH),
    "bevolkingsdichtheid_per_km2": _f("Bevolkingsdichtheid"),
    "oppervlakte_land_ha": _f("OppervlakteLand"),
    "oppervlakte_water_ha": _f("OppervlakteWater"),
    "stedelijkheid_1_5": _f("MateVanStedelijkheid"),
    "omgevingsadressendichtheid": _f("Omgevingsadressendichtheid"),
    "personenautos": _f("PersonenautoSTotaal", "PersonenautosTotaal"),
    "woningvoorraad": _f(*DWELLINGS),
    "gem_woz_waarde_x1000_eur": _f(
        "GemiddeldeWOZWaardeVanWoningen", "GemiddeldeWoningwaarde"
    ),
    "pct_koopwoningen": _f("Koopwoningen", pct_of=DWELLINGS),
    "pct_huurwoningen": _f("HuurwoningenTotaal", pct_of=DWELLINGS),
    "pct_huurwoningen_corporatie": _f("InBezitWoningcorporatie", pct_of=DWELLINGS),
    "pct_eengezinswoningen": _f("PercentageEengezinswoning"),
    "pct_meergezinswoningen": _f("PercentageMeergezinswoning"),
    "pct_bouwjaar_vanaf_2000": _f("BouwjaarVanaf2000", pct_of=DWELLINGS),
    "pct_leegstaande_woningen": _f("PercentageOnbewoond"),
    "pct_netto_arbeidsparticipatie": _f("Nettoarbeidsparticipatie"),
    "pct_werknemers": _f("PercentageWerknemers"),
    "pct_zelfstandigen": _f("PercentageZelfstandigen"),
    "bedrijfsvestigingen": _f("BedrijfsvestigingenTotaal"),
    "gem_inkomen_per_inwoner_x1000_eur": _f(
        "GemiddeldInkomenPerInwoner", "GemiddeldeInkomenPerInwoner"
    ),
    "gem_inkomen_per_ontvanger_x1000_eur": _f(
        "GemiddeldInkomenPerInkomensontvanger",
        "GemiddeldeInkomenPerInkomensontvanger",
    ),
    "gem_gestandaardiseerd_hh_inkomen_x1000_eur": _f(
        "GemGestandaardiseerdInkomenVanHuish", "GemGestandaardiseerdInkomen"
    ),
    "pct_huishoudens_laagste_40pct_inkomen": _f("k_40HuishoudensMetLaagsteInkomen"),
    "pct_huishoudens_hoogste_20pct_inkomen": _f("k_20HuishoudensMetHoogsteInkomen"),
    "pct_huishoudens_rond_sociaal_minimum": _f("HuishOnderOfRondSociaalMinimum"),
    "mediaan_vermogen_x1000_eur": _f("MediaanVermogenVanParticuliereHuish"),
    "personen_opleidingsniveau_laag": _f("OpleidingsniveauLaag"),
    "personen_opleidingsniveau_middelbaar": _f("OpleidingsniveauMiddelbaar"),
    "personen_opleidingsniveau_hoog": _f("OpleidingsniveauHoog"),
    "wmo_clienten_per_1000": _f("WmoClientenRelatief"),
    "pct_jongeren_met_jeugdzorg": _f("PercentageJongerenMetJeugdzorg"),
    "afstand_huisarts_km": _f("AfstandTotHuisartsenpraktijk"),
    "afstand_grote_supermarkt_km": _f("AfstandTotGroteSupermarkt"),
    "afstand_basisonderwijs_km": _f("AfstandTotSchool"),
}

# Columns of the data-folder layout that KWB does not publish (any more): CBS dropped
# the distances to a railway station and a hospital from KWB from 2022 on (85318NED has
# ScholenBinnen3Km_110 and OppervlakteTotaal_111 where older editions had them). They
# are in CBS's separate "Nabijheid voorzieningen" tables, which the sync does not fetch:
# a synced folder leaves them empty and says so.
NOT_IN_KWB: dict[str, str] = {
    "afstand_treinstation_km": "afstand tot treinstation",
    "afstand_ziekenhuis_km": "afstand tot ziekenhuis",
}
NOT_IN_KWB_WARNING = (
    "{label}: {columns} staan niet in de CBS-kerncijfers (KWB) en blijven leeg; CBS "
    "publiceert ze in de tabellen 'Nabijheid voorzieningen'."
)

# KWB 2024 counts of inhabitants by origin (herkomstland), for the origin file.
ORIGIN_STEMS: dict[str, tuple[str, ...]] = {
    "herkomst_nederland": ("Nederland",),
    "herkomst_europa_excl_nl": ("EuropaExclusiefNederland", "EuropaExclNederland"),
    "herkomst_buiten_europa": ("BuitenEuropa",),
}

_SUFFIX = re.compile(r"_\d+$")


def stem(key: str) -> str:
    return _SUFFIX.sub("", key)


def is_percentage_unit(unit: str) -> bool:
    return unit.strip().lower() in ("%", "procent", "percentage")


class FieldResolver:
    """Reads our columns from TypedDataSet rows, using the table's DataProperties."""

    def __init__(self, properties: list[dict[str, Any]]) -> None:
        self.key_by_stem: dict[str, str] = {}
        self.unit_by_key: dict[str, str] = {}
        for prop in properties:
            key = prop.get("Key")
            if not isinstance(key, str) or prop.get("Type") not in (None, "Topic"):
                continue
            self.key_by_stem.setdefault(stem(key), key)
            self.unit_by_key[key] = str(prop.get("Unit") or "")

    def key_for(self, stems: tuple[str, ...]) -> str | None:
        for s in stems:
            if s in self.key_by_stem:
                return self.key_by_stem[s]
        return None

    def missing(self, columns: tuple[str, ...]) -> list[str]:
        """Columns this table has no field for (they stay empty)."""
        return [
            c for c in columns if c in FIELDS and self.key_for(FIELDS[c].stems) is None
        ]

    def raw(self, row: dict[str, Any], stems: tuple[str, ...]) -> float | int | None:
        """The number under the first key with one of `stems`, as published."""
        key = self.key_for(stems)
        return None if key is None else number(row.get(key))

    def value(self, row: dict[str, Any], column: str) -> float | int | None:
        spec = FIELDS[column]
        key = self.key_for(spec.stems)
        if key is None:
            return None
        raw = number(row.get(key))
        if raw is None or not column.startswith("pct_") or not spec.pct_of:
            return raw
        if is_percentage_unit(self.unit_by_key.get(key, "")):
            return raw
        denominator_key = self.key_for(spec.pct_of)
        denominator = number(row.get(denominator_key)) if denominator_key else None
        if not denominator:
            return None
        return int(round(100.0 * raw / denominator))


def number(value: Any) -> float | int | None:
    """CBS TypedDataSet numbers; null, '', '.' and the PDOK -99997 style markers -> None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if value <= -99990 else value
    text = str(value).strip()
    if text in ("", "."):
        return None
    try:
        parsed = float(text)
    except ValueError:
        return None
    return int(parsed) if parsed.is_integer() else parsed
