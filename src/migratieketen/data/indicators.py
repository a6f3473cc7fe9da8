# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The KWB indicator catalogue: labels, units, source edition and aggregation rule.

Each key is also the CSV column it is read from. When several KWB editions carry the
same figure, the newest edition is used (listed once, with that edition's provenance).
The aggregation rule says how the figure is carried over a municipal reorganisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from migratieketen.data.model import Indicator
from migratieketen.data.reorganisations import Aggregation
from migratieketen.data.sources import kwb_provenance

POP = "inwoners"  # weight: population of the same edition


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    key: str
    label_nl: str
    label_en: str
    unit: str
    year: int  # KWB edition (and CSV file) the value is read from
    aggregation: Aggregation
    higher_is: str = "neutral"

    def indicator(self) -> Indicator:
        return Indicator(
            key=self.key,
            label_nl=self.label_nl,
            label_en=self.label_en,
            unit=self.unit,
            provenance=kwb_provenance(self.year),
            higher_is=self.higher_is,
        )


def _sum() -> Aggregation:
    return Aggregation("sum")


def _mean(weight: str = POP) -> Aggregation:
    return Aggregation("mean", weight)


_PCT = "%"
_KM = "km"

INDICATOR_SPECS: tuple[IndicatorSpec, ...] = (
    # --- population (KWB 2024, 2024 division) ---
    IndicatorSpec("mannen", "Mannen", "Men", "personen", 2024, _sum()),
    IndicatorSpec("vrouwen", "Vrouwen", "Women", "personen", 2024, _sum()),
    IndicatorSpec("pct_0_15", "0 tot 15 jaar", "Aged 0-15", _PCT, 2024, _mean()),
    IndicatorSpec("pct_15_25", "15 tot 25 jaar", "Aged 15-25", _PCT, 2024, _mean()),
    IndicatorSpec("pct_25_45", "25 tot 45 jaar", "Aged 25-45", _PCT, 2024, _mean()),
    IndicatorSpec("pct_45_65", "45 tot 65 jaar", "Aged 45-65", _PCT, 2024, _mean()),
    IndicatorSpec(
        "pct_65plus", "65 jaar of ouder", "Aged 65 and over", _PCT, 2024, _mean()
    ),
    IndicatorSpec(
        "huishoudens",
        "Particuliere huishoudens",
        "Households",
        "huishoudens",
        2024,
        _sum(),
    ),
    IndicatorSpec(
        "gem_huishoudensgrootte",
        "Gemiddelde huishoudensgrootte",
        "Average household size",
        "personen per huishouden",
        2024,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "pct_eenpersoonshuishoudens",
        "Eenpersoonshuishoudens",
        "Single-person households",
        _PCT,
        2024,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "pct_huishoudens_zonder_kinderen",
        "Huishoudens zonder kinderen",
        "Households without children",
        _PCT,
        2024,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "pct_huishoudens_met_kinderen",
        "Huishoudens met kinderen",
        "Households with children",
        _PCT,
        2024,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "pct_herkomst_nederland",
        "Herkomstland Nederland",
        "Country of origin: the Netherlands",
        _PCT,
        2024,
        _mean(),
    ),
    IndicatorSpec(
        "pct_herkomst_europa_excl_nl",
        "Herkomstland Europa (excl. Nederland)",
        "Country of origin: Europe (excl. NL)",
        _PCT,
        2024,
        _mean(),
    ),
    IndicatorSpec(
        "pct_herkomst_buiten_europa",
        "Herkomstland buiten Europa",
        "Country of origin: outside Europe",
        _PCT,
        2024,
        _mean(),
    ),
    IndicatorSpec(
        "bevolkingsdichtheid_per_km2",
        "Bevolkingsdichtheid",
        "Population density",
        "inwoners per km²",
        2024,
        _mean("oppervlakte_land_ha"),
    ),
    IndicatorSpec(
        "oppervlakte_land_ha", "Oppervlakte land", "Land area", "ha", 2024, _sum()
    ),
    IndicatorSpec(
        "oppervlakte_water_ha", "Oppervlakte water", "Water area", "ha", 2024, _sum()
    ),
    IndicatorSpec(
        "stedelijkheid_1_5",
        "Stedelijkheid (1 = zeer sterk, 5 = niet stedelijk)",
        "Urbanity (1 = very strongly urban, 5 = not urban)",
        "klasse 1-5",
        2024,
        Aggregation("dominant", POP),
        higher_is="less",
    ),
    IndicatorSpec(
        "omgevingsadressendichtheid",
        "Omgevingsadressendichtheid",
        "Surrounding address density",
        "adressen per km²",
        2024,
        _mean("oppervlakte_land_ha"),
    ),
    IndicatorSpec(
        "personenautos", "Personenauto's", "Passenger cars", "auto's", 2024, _sum()
    ),
    # --- housing and services (KWB 2023; KWB 2024 as mirrored had no housing stock) ---
    IndicatorSpec(
        "woningvoorraad", "Woningvoorraad", "Housing stock", "woningen", 2023, _sum()
    ),
    IndicatorSpec(
        "gem_woz_waarde_x1000_eur",
        "Gemiddelde WOZ-waarde",
        "Average WOZ value",
        "x 1000 euro",
        2023,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_koopwoningen",
        "Koopwoningen",
        "Owner-occupied dwellings",
        _PCT,
        2023,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_huurwoningen",
        "Huurwoningen",
        "Rented dwellings",
        _PCT,
        2023,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_eengezinswoningen",
        "Eengezinswoningen",
        "Single-family dwellings",
        _PCT,
        2023,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "bedrijfsvestigingen",
        "Bedrijfsvestigingen",
        "Business establishments",
        "vestigingen",
        2023,
        _sum(),
    ),
    IndicatorSpec(
        "afstand_huisarts_km",
        "Afstand tot huisartsenpraktijk",
        "Distance to GP practice",
        _KM,
        2023,
        _mean(),
        higher_is="less",
    ),
    IndicatorSpec(
        "afstand_grote_supermarkt_km",
        "Afstand tot grote supermarkt",
        "Distance to large supermarket",
        _KM,
        2023,
        _mean(),
        higher_is="less",
    ),
    # --- KWB 2022 (2022 division, carried over to 2024 by to_current_division) ---
    IndicatorSpec(
        "pct_huurwoningen_corporatie",
        "Huurwoningen in bezit van woningcorporaties",
        "Social rent (housing corporations)",
        _PCT,
        2022,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_meergezinswoningen",
        "Meergezinswoningen",
        "Multi-family dwellings",
        _PCT,
        2022,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_bouwjaar_vanaf_2000",
        "Woningen met bouwjaar vanaf 2000",
        "Dwellings built since 2000",
        _PCT,
        2022,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_leegstaande_woningen",
        "Leegstaande woningen",
        "Vacant dwellings",
        _PCT,
        2022,
        _mean("woningvoorraad"),
    ),
    IndicatorSpec(
        "pct_netto_arbeidsparticipatie",
        "Netto arbeidsparticipatie",
        "Net labour participation",
        _PCT,
        2022,
        _mean(),
        higher_is="more",
    ),
    IndicatorSpec(
        "pct_werknemers",
        "Werknemers (van werkzame beroepsbevolking)",
        "Employees (of employed labour force)",
        _PCT,
        2022,
        _mean(),
    ),
    IndicatorSpec(
        "pct_zelfstandigen",
        "Zelfstandigen (van werkzame beroepsbevolking)",
        "Self-employed (of employed labour force)",
        _PCT,
        2022,
        _mean(),
    ),
    IndicatorSpec(
        "gem_inkomen_per_inwoner_x1000_eur",
        "Gemiddeld inkomen per inwoner",
        "Average income per inhabitant",
        "x 1000 euro",
        2022,
        _mean(),
        higher_is="more",
    ),
    IndicatorSpec(
        "gem_inkomen_per_ontvanger_x1000_eur",
        "Gemiddeld inkomen per inkomensontvanger",
        "Average income per income recipient",
        "x 1000 euro",
        2022,
        _mean(),
        higher_is="more",
    ),
    IndicatorSpec(
        "gem_gestandaardiseerd_hh_inkomen_x1000_eur",
        "Gemiddeld gestandaardiseerd inkomen van huishoudens",
        "Average standardised household income",
        "x 1000 euro",
        2022,
        _mean("huishoudens"),
        higher_is="more",
    ),
    IndicatorSpec(
        "pct_huishoudens_laagste_40pct_inkomen",
        "Huishoudens met laagste 40% inkomen",
        "Households in the lowest 40% of income",
        _PCT,
        2022,
        _mean("huishoudens"),
        higher_is="less",
    ),
    IndicatorSpec(
        "pct_huishoudens_hoogste_20pct_inkomen",
        "Huishoudens met hoogste 20% inkomen",
        "Households in the highest 20% of income",
        _PCT,
        2022,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "pct_huishoudens_rond_sociaal_minimum",
        "Huishoudens onder of rond sociaal minimum",
        "Households at or below the social minimum",
        _PCT,
        2022,
        _mean("huishoudens"),
        higher_is="less",
    ),
    IndicatorSpec(
        "mediaan_vermogen_x1000_eur",
        "Mediaan vermogen van particuliere huishoudens",
        "Median wealth of private households",
        "x 1000 euro",
        2022,
        _mean("huishoudens"),
    ),
    IndicatorSpec(
        "personen_opleidingsniveau_laag",
        "Opleidingsniveau laag (15-75 jaar)",
        "Low education level (aged 15-75)",
        "personen",
        2022,
        _sum(),
    ),
    IndicatorSpec(
        "personen_opleidingsniveau_middelbaar",
        "Opleidingsniveau middelbaar (15-75 jaar)",
        "Intermediate education level (aged 15-75)",
        "personen",
        2022,
        _sum(),
    ),
    IndicatorSpec(
        "personen_opleidingsniveau_hoog",
        "Opleidingsniveau hoog (15-75 jaar)",
        "High education level (aged 15-75)",
        "personen",
        2022,
        _sum(),
    ),
    IndicatorSpec(
        "wmo_clienten_per_1000",
        "Wmo-cliënten per 1000 inwoners",
        "Social support (Wmo) clients per 1000 inhabitants",
        "per 1000 inwoners",
        2022,
        _mean(),
    ),
    IndicatorSpec(
        "pct_jongeren_met_jeugdzorg",
        "Jongeren met jeugdzorg in natura",
        "Young people receiving youth care",
        _PCT,
        2022,
        _mean(),
    ),
    IndicatorSpec(
        "afstand_treinstation_km",
        "Afstand tot treinstation",
        "Distance to railway station",
        _KM,
        2022,
        _mean(),
        higher_is="less",
    ),
    IndicatorSpec(
        "afstand_basisonderwijs_km",
        "Afstand tot basisschool",
        "Distance to primary school",
        _KM,
        2022,
        _mean(),
        higher_is="less",
    ),
    IndicatorSpec(
        "afstand_ziekenhuis_km",
        "Afstand tot ziekenhuis",
        "Distance to hospital",
        _KM,
        2022,
        _mean(),
        higher_is="less",
    ),
)

# Wijk figures carried on Wijk.indicators (KWB 2024 wijken).
WIJK_INDICATOR_KEYS: tuple[str, ...] = (
    "mannen",
    "vrouwen",
    "pct_0_15",
    "pct_15_25",
    "pct_25_45",
    "pct_45_65",
    "pct_65plus",
    "huishoudens",
    "gem_huishoudensgrootte",
    "bevolkingsdichtheid_per_km2",
)


def specs_for_year(year: int) -> tuple[IndicatorSpec, ...]:
    return tuple(s for s in INDICATOR_SPECS if s.year == year)


def indicators() -> tuple[Indicator, ...]:
    """All indicator definitions, each with its provenance."""
    return tuple(s.indicator() for s in INDICATOR_SPECS)
