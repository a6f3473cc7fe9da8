# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A small hand-made data set, created with the ORM, for the API tests.

Independent of the importer so the API can be tested on its own; the figures
are chosen so sums and filters have one right answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rest_framework.test import APIClient

import pytest
from api_support import INHABITANTS

from migratieketen_web.gemeenten.models import (
    Gemeente,
    Indicator,
    IndicatorValue,
    PopulationFigure,
    Province,
    Source,
    Wijk,
)


@dataclass
class ApiData:
    population_sources: dict[int, Source]
    kwb: Source
    wijk_source: Source
    provinces: dict[str, Province]
    gemeenten: dict[str, Gemeente]
    huur: Indicator
    dichtheid: Indicator


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def _clear_open_data() -> None:
    """Start from empty tables even if a session fixture imported the real data.

    Runs inside the test's transaction, so the real data is back after the test.
    """
    for model in (IndicatorValue, PopulationFigure, Wijk, Indicator, Gemeente):
        model.objects.all().delete()
    Province.objects.all().delete()
    Source.objects.all().delete()


@pytest.fixture
def api_data(db: None) -> ApiData:
    if Gemeente.objects.exists() or Source.objects.exists():
        _clear_open_data()
    population_sources = {
        year: Source.objects.create(
            publisher="CBS",
            title=f"Bevolking op 1 januari {year}",
            table_id="03759ned",
            reference_date=date(year, 1, 1),
            licence="CC BY 4.0",
            url="https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned",
        )
        for year in (2023, 2024)
    }
    kwb = Source.objects.create(
        publisher="CBS",
        title="Kerncijfers wijken en buurten 2022",
        table_id="85318NED",
        reference_date=date(2022, 1, 1),
        licence="CC BY 4.0",
        url="https://www.cbs.nl/nl-nl/maatwerk/2023/01/kerncijfers-wijken-en-buurten-2022",
    )
    wijk_source = Source.objects.create(
        publisher="CBS",
        title="Kerncijfers wijken en buurten 2024",
        table_id="85984NED",
        reference_date=date(2024, 1, 1),
        licence="CC BY 4.0",
    )
    provinces = {
        "PV27": Province.objects.create(code="PV27", name="Noord-Holland"),
        "PV26": Province.objects.create(code="PV26", name="Utrecht"),
    }
    gemeenten: dict[str, Gemeente] = {}
    for code, (name, province_code, figures) in INHABITANTS.items():
        gemeente = Gemeente.objects.create(
            code=code, name=name, province=provinces[province_code]
        )
        gemeenten[code] = gemeente
        for year, inhabitants in figures.items():
            PopulationFigure.objects.create(
                gemeente=gemeente,
                year=year,
                inhabitants=inhabitants,
                source=population_sources[year],
            )
    huur = Indicator.objects.create(
        key="pct_huurwoningen_corporatie",
        label_nl="Huurwoningen van corporaties",
        label_en="Social housing",
        unit="%",
        higher_is="neutral",
        source=kwb,
    )
    dichtheid = Indicator.objects.create(
        key="bevolkingsdichtheid",
        label_nl="Bevolkingsdichtheid",
        label_en="Population density",
        unit="inwoners per km2",
        higher_is="more",
        source=kwb,
    )
    for code, value in {"GM0363": 41.0, "GM0392": 33.5, "GM0344": None}.items():
        IndicatorValue.objects.create(
            gemeente=gemeenten[code], indicator=huur, value=value
        )
    for code, value in {
        "GM0363": 5_277.0,
        "GM0392": 5_612.0,
        "GM0344": 3_898.0,
    }.items():
        IndicatorValue.objects.create(
            gemeente=gemeenten[code], indicator=dichtheid, value=value
        )
    for code, name, gemeente_code, inhabitants in [
        ("WK036300", "Burgwallen-Oude Zijde", "GM0363", 4_195),
        ("WK0363AA", "Burgwallen-Nieuwe Zijde", "GM0363", 4_025),
        ("WK039200", "Centrum", "GM0392", 17_415),
        ("WK034400", "West", "GM0344", None),
    ]:
        Wijk.objects.create(
            code=code,
            name=name,
            gemeente=gemeenten[gemeente_code],
            inhabitants=inhabitants,
            source=wijk_source,
        )
    return ApiData(
        population_sources, kwb, wijk_source, provinces, gemeenten, huur, dichtheid
    )
