# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: migration on the map, as the default view, agreeing with the monitor.

The map layers read the same `MonitorData` as the monitor pages: the taakstelling on
the map is the monitor's (after regional agreements), a province is the sum of its
gemeenten, a gemeente without anything in the register shows "geen gegevens" (not a
zero), and a realisation entered through the form shows up on the national map, the
province page and the monitor alike.
"""

from __future__ import annotations

import re

from django.test import Client

import pytest

from migratieketen.rules import huisvestingswet as hw
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import map_layers, overview
from migratieketen_web.monitor.services import MonitorData

pytestmark = pytest.mark.django_db

VENRAY, LIMBURG = "GM0984", "PV31"
H2 = hw.HalfYear(2025, 2)


def _label(html: str, name: str) -> str:
    match = re.search(rf'aria-label="{re.escape(name)}: ([^"]+)"', html)
    assert match, name
    return match.group(1)


def _limburg_codes() -> list[str]:
    return list(
        Gemeente.objects.filter(province__code=LIMBURG).values_list("code", flat=True)
    )


def test_home_shows_the_taakstelling_of_the_latest_half_year_with_its_source(
    client: Client,
) -> None:
    data = MonitorData()
    latest = data.run[-1]
    html = client.get("/").content.decode()
    assert f"Kaart van de gemeenten: Taakstelling statushouders, halfjaar {latest}" in (
        html
    )
    expected = data.adjusted(latest)[0][VENRAY]
    assert _label(html, "Venray") == f"{expected} personen"
    assert "Berekend volgens art. 29 Huisvestingswet 2014." in html
    assert "Bron: CBS" in html
    # Every migration figure is offered (no published chain run: no crisis layer),
    # before the CBS indicators, and the half-years of the ledger can be chosen.
    options = re.findall(r'<option value="([^"]+)"', html.split('id="indicator"')[1])
    assert options[:5] == [
        "taakstelling",
        "gehuisvest",
        "achterstand",
        "gehuisvest_per_1000",
        "spreiding_per_1000",
    ]
    assert "crisisbehoefte" not in options and "pct_huurwoningen_corporatie" in options
    assert f'<option value="{latest}" selected>' in html


def test_province_map_sums_its_gemeenten(client: Client) -> None:
    data = MonitorData()
    taak = data.adjusted(H2)[0]
    html = client.get(
        "/", {"niveau": "provincie", "halfjaar": str(H2), "indicator": "taakstelling"}
    ).content.decode()
    total = sum(taak[c] for c in _limburg_codes())
    assert _label(html, "Limburg") == f"{total:,} personen".replace(",", ".")
    assert "Provinciecijfer: de som van de gemeenten met gegevens." in html


def test_spreiding_per_1000_is_the_spreiding_opgave_over_the_inhabitants(
    client: Client,
) -> None:
    layer = map_layers.MigrationLayers().layer(map_layers.SPREIDING_PER_1000, None)
    assert layer is not None
    from migratieketen_web.monitor.spreiding import compute

    result = compute(MonitorData())
    places = result.result.per_gemeente[VENRAY].places
    people = result.population.populations[VENRAY]
    assert layer.gemeenten[VENRAY] == pytest.approx(1000 * places / people)
    codes = _limburg_codes()
    expected = (
        1000
        * sum(result.result.per_gemeente[c].places for c in codes)
        / sum(result.population.populations[c] for c in codes)
    )
    assert layer.provinces[LIMBURG] == pytest.approx(expected)
    html = client.get("/", {"indicator": "spreiding_per_1000"}).content.decode()
    assert "Stb. 2024, 13" in html and "Stcrt. 2024, 3320" in html


def test_an_entered_realisation_agrees_on_map_province_and_monitor(
    staff_client: Client,
) -> None:
    before = staff_client.get(
        "/", {"indicator": "gehuisvest", "halfjaar": str(H2)}
    ).content.decode()
    assert _label(before, "Venray") == "geen gegevens"  # not registered, not 0
    response = staff_client.post(
        "/monitor/realisaties/nieuw",
        {
            "gemeente": VENRAY,
            "housed_on": "2025-09-15",
            "persons": "7",
            "households": "3",
            "kind": "regulier",
            "reference": "VEN-1",
        },
    )
    assert response.status_code == 302
    after = staff_client.get(
        "/", {"indicator": "gehuisvest", "halfjaar": str(H2)}
    ).content.decode()
    assert _label(after, "Venray") == "7 personen"
    assert _label(after, "Horst aan de Maas") == "geen gegevens"
    provinces = staff_client.get(
        "/", {"indicator": "gehuisvest", "halfjaar": str(H2), "niveau": "provincie"}
    ).content.decode()
    assert _label(provinces, "Limburg") == "7 personen"
    assert _label(provinces, "Zeeland") == "geen gegevens"
    province = staff_client.get(
        f"/provincies/{LIMBURG}", {"halfjaar": str(H2)}
    ).content.decode()
    summary = province.split('id="provincie-migratie"', 1)[1].split("</table>", 1)[0]
    assert re.search(
        rf"Gehuisveste statushouders, halfjaar {H2}</th><td[^>]*>7 personen", summary
    )
    assert "30 van de 31 gemeenten in de provincie" in summary
    # The achterstand after the ended half-year: the monitor's remaining figure.
    status = MonitorData().gemeente(VENRAY).report
    ended = next(s for s in status.half_years if s.half_year == H2)
    assert ended.realised == 7 and ended.achterstand
    behind = staff_client.get(
        "/", {"indicator": "achterstand", "halfjaar": str(H2)}
    ).content.decode()
    assert _label(behind, "Venray") == f"{ended.remaining} personen"
    # The monitor's own national and province sums say the same.
    data = MonitorData()
    national = next(r for r in overview.totals(data) if r.half_year == H2)
    limburg = next(
        r for r in overview.totals(data, _limburg_codes()) if r.half_year == H2
    )
    assert national.housed == limburg.housed == 7


def test_unknown_or_unavailable_layer_falls_back_with_notice(client: Client) -> None:
    html = client.get("/", {"indicator": "crisisbehoefte"}).content.decode()
    assert "Dit kenmerk bestaat niet" in html
    assert "Taakstelling statushouders" in html
