# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A run seen from a province or gemeente, derived from the national run by share."""

from __future__ import annotations

import re

from django.test import Client

import pytest

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.scenarios import regions, services
from migratieketen_web.scenarios.models import ScenarioRun

pytestmark = pytest.mark.django_db


def _run(client: Client) -> ScenarioRun:
    client.post("/scenarios", {"preset": "piek2015"})
    return ScenarioRun.objects.get()


def _section(html: str) -> str:
    return html.split('id="regio"', 1)[1].split("</section>", 1)[0]


def test_province_focus_lists_its_gemeenten_with_whole_persons(client: Client) -> None:
    run = _run(client)
    html = _section(client.get(f"/scenarios/{run.uuid}?regio=PV27").content.decode())
    assert "Deze berekening voor Noord-Holland" in html
    assert "afgeleid met het taakstellingsaandeel" in html
    members = Gemeente.objects.filter(province__code="PV27").count()
    assert len(re.findall(r'href="\?regio=GM\d{4}#regio"', html)) == members
    body = html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    for row in body.split("</tr>")[:-1]:
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", row)
        assert len(cells) == 5
        assert all(re.fullmatch(r"[\d.]+", c) for c in cells[2:]), cells


def test_region_crisis_need_is_the_national_need_times_its_share(
    client: Client,
) -> None:
    run = _run(client)
    keys = services.housing_keys(run.data_dir)
    region = regions.find_region("PV27")
    assert region is not None
    focus = regions.focus(run.result, region, keys)
    assert focus is not None
    national = sum(g["crisis_places_peak"]["p50"] for g in run.result["gemeenten"])
    share = sum(keys[c][0] for c in region.members)
    assert abs(int(focus.crisis_p50.replace(".", "")) - national * share) < len(
        region.members
    )
    assert sum(r.crisis for r in focus.rows) == int(focus.crisis_p50.replace(".", ""))


def test_koggenland_explains_why_it_waits_longer_than_alkmaar(client: Client) -> None:
    run = _run(client)
    keys = services.housing_keys(run.data_dir)
    kogg = regions.focus(run.result, regions.find_region("GM1598"), keys)
    alkmaar = regions.focus(run.result, regions.find_region("GM0361"), keys)
    assert kogg is not None and alkmaar is not None
    assert kogg.low and not alkmaar.low
    assert kogg.ratio == "0,19" and alkmaar.ratio == "1,06"
    html = _section(client.get(f"/scenarios/{run.uuid}?regio=GM1598").content.decode())
    assert '<details class="mk-details" id="waarom-wachtenden" open>' in html
    assert "wachtenden stapelen hier op" in html
    assert "een bovengrens" in html


def test_unknown_region_is_said_and_the_page_still_works(client: Client) -> None:
    run = _run(client)
    response = client.get(f"/scenarios/{run.uuid}?regio=PV99")
    assert response.status_code == 200
    assert "Onbekende provincie of gemeente" in response.content.decode()
