# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/woningmarkt and the woningmarkt section of the gemeente page."""

from __future__ import annotations

import re

from django.test import Client

import pytest

from migratieketen_web.woningmarkt import services
from migratieketen_web.woningmarkt.charts import front_2d

pytestmark = pytest.mark.django_db


def test_the_page_shows_frontier_waits_tables_sources_and_assumptions(
    client: Client,
) -> None:
    response = client.get(
        "/woningmarkt?gemeente=GM0984&voorrang=30&tussenvoorziening=50"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Venray: voorrang 30 %, 50 plaatsen tussenvoorziening" in html
    # the frontier: 105 grid settings + the current policy + the chosen one
    svg = html.split('id="wm-front-titel"')[1].split("</svg>")[0]
    assert svg.count("<circle") == 107
    assert svg.count('class="mk-wm-dot--current"') == 1
    assert svg.count('class="mk-wm-dot--chosen"') == 1
    assert "Pareto-front" in html and "huidig beleid (AANNAME)" in html
    # waiting times per group, chart and table
    for label in ("Statushouders: tijd in COA-opvang na koppeling", "mediaan (p50)"):
        assert label in html
    assert "uw instelling" in html and "huidig beleid" in html
    # sources and assumptions, in Dutch
    assert "Bron: CBS" in html
    assert "AANNAME" in html and "SCHATTING" in html
    assert "Taakstelling per halfjaar" in html


def test_without_levers_the_current_policy_of_amsterdam_is_shown(
    client: Client,
) -> None:
    response = client.get("/woningmarkt")
    assert response.status_code == 200
    assert "Amsterdam: voorrang 6 %" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("voorrang=130", "voorrang", "Voorrang kan niet boven 100 % liggen."),
        ("voorrang=-1", "voorrang", "Voorrang kan niet onder 0 % liggen."),
        ("voorrang=veel", "voorrang", "Geef een heel percentage van 0 tot 100."),
        ("tussenvoorziening=-5", "tussenvoorziening", "niet negatief"),
        ("personen_per_woning=12", "personen_per_woning", "Hooguit 8 personen"),
        ("nieuwbouw=1,5", "nieuwbouw", "Geef een geheel getal."),
        ("gemeente=GM9999", "gemeente", "Onbekende gemeente"),
    ],
)
def test_bad_levers_give_a_dutch_error_at_the_field_and_no_result(
    client: Client, query: str, field: str, message: str
) -> None:
    base = "gemeente=GM0363&voorrang=10"
    response = client.get(f"/woningmarkt?{base}&{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(rf'id="id_{field}-fout">[^<]*{re.escape(message)}', html), html
    assert "Controleer de invoer" in html
    assert "mk-wm-dot--" not in html.split("</form>")[1].split("Alle parameters")[0]


def test_a_lower_case_code_is_accepted(client: Client) -> None:
    assert client.get("/woningmarkt?gemeente=gm0984&voorrang=6").status_code == 200


def test_the_gemeente_page_has_a_woningmarkt_section(client: Client) -> None:
    html = client.get("/gemeenten/GM0984").content.decode()
    section = html.split('id="keten-woningmarkt"')[1].split("</section>")[0]
    assert "Woningmarkt: voorrang en wachttijden" in section
    assert "Statushouders: tijd tot een reguliere woning" in section
    assert "/woningmarkt?gemeente=GM0984" in section


def test_results_are_cached_per_setting() -> None:
    levers = services.Levers(gemeente="GM1507", voorrang=0.2)
    assert services.analyse(levers) is services.analyse(levers)
    other = services.analyse(services.Levers(gemeente="GM1507", voorrang=0.4))
    assert other is not services.analyse(levers)
    # more priority: shorter statushouder waits in COA (the model's monotonicity)
    coa = "maanden_in_coa_per_statushouder"
    assert (
        other.result.coa[coa].median <= services.analyse(levers).result.coa[coa].median
    )


def test_the_frontier_line_joins_the_points_best_on_both_axes() -> None:
    cloud = [(3.0, 1.0), (1.0, 5.0), (2.0, 2.0), (2.5, 4.0), (4.0, 1.0)]
    assert front_2d(cloud) == [(1.0, 5.0), (2.0, 2.0), (3.0, 1.0)]
