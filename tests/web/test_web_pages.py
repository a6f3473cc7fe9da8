# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The public pages on the real open data: map, tables, sources, search, 404."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import Client

import pytest

from migratieketen_web.gemeenten import queries
from migratieketen_web.gemeenten.models import Gemeente

pytestmark = pytest.mark.django_db

NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}


@pytest.fixture
def client() -> Client:
    return Client(**NL)


def test_national_page_has_342_gemeente_links_legend_and_table(client: Client) -> None:
    # The default view is a migration figure (tests/web/test_migration_map.py).
    response = client.get("/?indicator=pct_huurwoningen_corporatie")
    assert response.status_code == 200
    html = response.content.decode()
    map_links = set(re.findall(r'<a href="/gemeenten/(GM\d{4})" class="mk-area', html))
    assert len(map_links) == 342
    assert 'aria-label="Amsterdam: 39,8 %"' in html  # KWB 2022 social-rent share
    assert "Legenda" in html
    assert html.count('class="mk-legend__item"') >= 5
    # The table alternative lists every gemeente once, with its value as text.
    table = html.split('id="tabel-titel"', 1)[1]
    assert (
        len(re.findall(r'<a class="utrecht-link" href="/gemeenten/GM\d{4}">', table))
        == 342
    )
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022 (tabel 85318NED)" in html


def test_national_page_basics_skip_link_lang_and_no_cdn(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<html lang="nl" class="utrecht-document' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    assert not re.search(r'(src|href)="https?://', html.split("<footer", 1)[0])


def test_indicator_choice_and_provinces_view(client: Client) -> None:
    html = client.get("/?indicator=inwoners").content.decode()
    # the latest population: 1-1-2025 (CBS 70072NED) since that file is in the folder
    assert "Inwoners (1 januari 2025)" in html
    assert 'aria-label="Amsterdam: 934.526 personen"' in html
    provinces = client.get("/?indicator=inwoners&niveau=provincie").content.decode()
    links = set(re.findall(r'<a href="/provincies/(PV\d\d)" class="mk-area', provinces))
    assert len(links) == 12
    # Sum over gemeenten on 1-1-2025 (3,840,460 on 1-1-2024, the SOURCES.md check)
    assert 'aria-label="Zuid-Holland: 3.863.397 personen"' in provinces


def test_province_view_weights_shares_by_the_indicator_weight(client: Client) -> None:
    # The share of corporation rent is a share of dwellings: weighted by housing stock.
    info = {i.key: i for i in queries.indicators()}["pct_huurwoningen_corporatie"]
    assert (info.aggregation, info.weight) == ("mean", "woningvoorraad")
    values = queries.indicator_values(info.key)
    stock = queries.indicator_values("woningvoorraad")
    by_province = queries.province_values(info, values)
    members = Gemeente.objects.filter(province__code="PV27").values_list(
        "code", flat=True
    )
    pairs = [(values[c], stock[c]) for c in members if values[c] is not None]
    expected = sum(v * w for v, w in pairs) / sum(w for _, w in pairs)
    assert by_province["PV27"] == pytest.approx(expected)
    unweighted = sum(v for v, _ in pairs) / len(pairs)
    assert by_province["PV27"] != pytest.approx(unweighted)


def test_unknown_indicator_falls_back_with_notice(client: Client) -> None:
    response = client.get("/?indicator=bestaat_niet")
    assert response.status_code == 200
    assert "Dit kenmerk bestaat niet" in response.content.decode()


def test_table_sorts_by_value_server_side(client: Client) -> None:
    html = client.get("/?indicator=inwoners&sorteer=-waarde").content.decode()
    table = html.split('id="tabel-titel"', 1)[1]
    first = re.search(r'href="/gemeenten/(GM\d{4})">([^<]+)</a>', table)
    assert first is not None and first.group(2) == "Amsterdam"


def test_gemeente_page_has_figures_with_sources_wijken_and_chain(
    client: Client,
) -> None:
    response = client.get("/gemeenten/GM0363")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemeente Amsterdam" in html
    assert "931.298 personen" in html
    assert html.count("Bron: CBS") >= 3
    assert "WK0363AB" in html and "Jordaan" in html and "19.685" in html
    assert re.search(r'id="wijk-WK\d{6}"', html)
    for section in (
        "Opvang",
        "Huisvesting statushouders",
        "Inburgering",
        "Arbeidsmigranten",
        "LVV",
    ):
        assert section in html
    # Each chain section is there; those no later part has filled say so plainly.
    for slug in ("opvang", "huisvesting", "inburgering", "arbeidsmigranten", "lvv"):
        assert f'id="keten-{slug}"' in html
    lvv = html.split('id="keten-lvv"', 1)[1].split("</section>", 1)[0]
    assert "Pilot-evaluatie" in lvv  # the register's shares next to the pilot's
    werk = html.split('id="keten-arbeidsmigranten"', 1)[1].split("</section>", 1)[0]
    assert "huisvestingsregister arbeidsmigranten" in werk  # the register's aggregates
    inburgering = html.split('id="keten-inburgering"', 1)[1].split("</section>", 1)[0]
    assert "inburgeringsregister" in inburgering  # the register's aggregates


def test_gemeente_page_lists_comparable_gemeenten(client: Client) -> None:
    html = client.get("/gemeenten/GM0363").content.decode()
    section = html.split('id="vergelijkbaar"', 1)[1]
    neighbours = re.findall(r'href="/gemeenten/(GM\d{4})"', section)
    assert len(neighbours) == 5
    assert "GM0363" not in neighbours
    # Large cities resemble each other more than rural gemeenten do.
    assert {"GM0599", "GM0518", "GM0344"} & set(neighbours)


def test_gemeente_code_is_case_insensitive_and_unknown_is_404(client: Client) -> None:
    assert client.get("/gemeenten/gm0363").status_code == 200
    response = client.get("/gemeenten/GM9999")
    assert response.status_code == 404


def test_province_page(client: Client) -> None:
    response = client.get("/provincies/PV27")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Provincie Noord-Holland" in html
    assert "44 gemeenten" in html
    assert "2.992.016" in html  # Noord-Holland 1-1-2025 (2,976,487 on 1-1-2024)
    assert "Bron: CBS" in html
    assert client.get("/provincies/PV99").status_code == 404


def test_province_page_maps_its_gemeenten_for_the_chosen_indicator(
    client: Client,
) -> None:
    html = client.get(
        "/provincies/PV27", {"indicator": "pct_huurwoningen_corporatie"}
    ).content.decode()
    links = set(re.findall(r'<a href="/gemeenten/(GM\d{4})" class="mk-area', html))
    assert len(links) == 44
    assert 'aria-label="Amsterdam: 39,8 %"' in html
    assert html.count('class="mk-legend__item"') >= 5
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022" in html


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("GM0363", "/gemeenten/GM0363"),
        ("gm0363", "/gemeenten/GM0363"),
        ("AMSTERDAM", "/gemeenten/GM0363"),
        ("Súdwest-Fryslân", "/gemeenten/GM1900"),
        ("sudwest-fryslan", "/gemeenten/GM1900"),
        ("PV27", "/provincies/PV27"),
    ],
)
def test_search_single_match_redirects(client: Client, query: str, target: str) -> None:
    response = client.get("/zoeken", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == target


def test_search_lists_several_matches_and_reports_none(client: Client) -> None:
    html = client.get("/zoeken", {"q": "berg"}).content.decode()
    assert "resultaten voor" in html
    assert "Bergen (L.)" in html or "Bergen (NH.)" in html
    assert "Niets gevonden" in client.get("/zoeken", {"q": "xyzzy"}).content.decode()


def test_about_and_accessibility_pages(client: Client) -> None:
    about = client.get("/over").content.decode()
    assert "Bron: CBS, Kerncijfers wijken en buurten 2024" in about
    assert "EUPL" in about
    assert client.get("/toegankelijkheid").status_code == 200


def test_english_labels_via_language_switch(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/?indicator=pct_huurwoningen_corporatie").content.decode()
    assert '<html lang="en"' in html
    assert "Municipalities in the Netherlands" in html
    assert "Skip to content" in html
    assert 'aria-label="Amsterdam: 39.8 %"' in html  # English number format
    assert "Social rent" in html or "social rent" in html.lower()


def test_assets_are_served_by_the_app_itself() -> None:
    """Own CSS/JS exist; neither they nor the built vendor CSS load anything remote."""
    from django.conf import settings

    static = Path(settings.STATICFILES_DIRS[0])
    own = [static / "css" / "migratieketen.css", static / "js" / "kaart.js"]
    vendor = sorted((static / "vendor").rglob("*.css"))
    for path in own + vendor:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?https?://", text), path


def test_admin_lists_imported_gemeenten_read_only(admin_client: Client) -> None:
    response = admin_client.get("/beheer/gemeenten/gemeente/?q=amsterdam")
    assert response.status_code == 200
    assert "GM0363" in response.content.decode()
    assert admin_client.get("/beheer/gemeenten/gemeente/add/").status_code == 403
