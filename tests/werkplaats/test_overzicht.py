# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The integral view on the real open data, with register facts entered per test."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

from django.test import Client

import pytest
from pypdf import PdfReader

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models

pytestmark = pytest.mark.django_db
VENRAY = "GM0984"
PAGE = f"/gemeenten/{VENRAY}/overzicht?halfjaar=2025-1"


def _register_backlog(linked: int, housed: int) -> None:
    gemeente = Gemeente.objects.get(code=VENRAY)
    models.CoaLinkage.objects.create(
        gemeente=gemeente, half_year="2025-1", linked=linked, source_text="test"
    )
    models.Realisation.objects.create(
        gemeente=gemeente,
        housed_on=date(2025, 3, 1),
        persons=housed,
        key=f"test:{VENRAY}:{housed}",
        source=models.RealisationSource.WEB,
    )


def test_page_joins_the_domains_and_marks_the_missing_ones(client: Client) -> None:
    html = client.get(PAGE).content.decode()
    for title in (
        "Opvang (Spreidingswet)",
        "Huisvesting statushouders",
        "Woningmarkt: voorrang en wachttijden",
        "Vooruitblik (ketenmodel)",
        "Arbeidsmigranten",
        "LVV (landelijke vreemdelingenvoorziening)",
        "Vergelijkbare gemeenten",
    ):
        assert title in html
    missing = re.search(r'id="domein-arbeidsmigranten".*?</section>', html, re.S)
    assert missing and "mk-not-yet" in missing.group(0)  # empty register
    assert "SCHATTING" in html
    assert "Geen signalen" in html  # nothing in the register: no signal fires
    assert '<option value="2025-1" selected>' in html


def test_backlog_signal_fires_on_the_page_and_in_the_report(client: Client) -> None:
    _register_backlog(linked=30, housed=10)
    html = client.get(PAGE).content.decode()
    assert 'id="signaal-achterstand_wacht_in_azc"' in html
    assert "20 van hen wonen nog in een azc" in html
    pdf = client.get(f"/gemeenten/{VENRAY}/rapport.pdf?halfjaar=2025-1").content
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    assert "Achterstand terwijl gekoppelde statushouders in het azc wachten" in flat
    assert "Migratieketen ziet 1 signalen" in flat


def test_backlog_signal_stays_silent_when_everyone_linked_is_housed(
    client: Client,
) -> None:
    _register_backlog(linked=10, housed=10)
    html = client.get(PAGE).content.decode()
    assert "signaal-achterstand_wacht_in_azc" not in html


def test_comparable_gemeenten_side_by_side(client: Client) -> None:
    html = client.get(PAGE).content.decode()
    table = re.search(r"Venray naast vergelijkbare gemeenten.*?</table>", html, re.S)
    assert table is not None
    assert table.group(0).count('scope="row"') == 6  # Venray and five others


def test_unknown_gemeente_is_404(client: Client) -> None:
    assert client.get("/gemeenten/GM9999/overzicht").status_code == 404
    assert client.get("/gemeenten/GM9999/rapport.pdf").status_code == 404


def test_without_half_year_the_latest_is_shown(client: Client) -> None:
    response = client.get(f"/gemeenten/{VENRAY}/overzicht")
    assert response.status_code == 200
    assert "Integraal overzicht Venray" in response.content.decode()


def _labour_beds_and_plan(beds_wijk: str, plan_wijk: str) -> None:
    """40 labour-migrant beds in one wijk; a finished, published reception plan in
    another (public pages show only published plans, issue 9)."""
    from decimal import Decimal

    from django.utils import timezone

    from migratieketen_web.arbeidsmigranten.models import Location
    from migratieketen_web.gemeenten.models import Wijk
    from migratieketen_web.jobs.models import Job, JobStatus
    from migratieketen_web.opvang.models import OpvangPlan

    venray = Gemeente.objects.get(code=VENRAY)
    Location(
        gemeente=venray, wijk=Wijk.objects.get(code=beds_wijk), postcode="5801AA",
        huisnummer=1, type="logiesgebouw", beds=40, floor_area=Decimal("600"),
    ).save()  # fmt: skip
    job = Job.objects.create(kind="opvang", title="plan", status=JobStatus.DONE)
    location = {
        "naam": "Kazernelaan", "label": "", "wijkcode": plan_wijk, "wijknaam": "",
        "gemeentecode": VENRAY, "gemeentenaam": "Venray", "provinciecode": "PV31",
        "type": "azc", "type_label": "azc", "opening": "2026-01", "sluiting": None,
        "plaatsen_per_maand": [0, 150, 150], "uitleg": "",
    }  # fmt: skip
    OpvangPlan.objects.create(
        job=job, name="Limburg 2026", options={}, province="PV31",
        result={"locaties": [location]}, published_at=timezone.now(),
    )  # fmt: skip


def _two_wijken() -> tuple[str, str]:
    from migratieketen_web.gemeenten.models import Wijk

    codes = list(
        Wijk.objects.filter(gemeente__code=VENRAY)
        .order_by("code")
        .values_list("code", flat=True)[:2]
    )
    return codes[0], codes[1]


def test_labour_signal_fires_when_beds_and_planned_reception_share_a_wijk(
    client: Client,
) -> None:
    first, _second = _two_wijken()
    _labour_beds_and_plan(first, first)
    html = client.get(PAGE).content.decode()
    assert 'id="signaal-arbeidsmigranten_en_opvang_zelfde_wijk"' in html
    assert "Geplande opvangplaatsen per wijk" in html
    assert "Bedden voor arbeidsmigranten per wijk" in html


def test_an_unpublished_plan_stays_off_the_public_overview(client: Client) -> None:
    from migratieketen_web.opvang.models import OpvangPlan

    first, _second = _two_wijken()
    _labour_beds_and_plan(first, first)
    OpvangPlan.objects.update(published_at=None)
    html = client.get(PAGE).content.decode()
    assert "signaal-arbeidsmigranten_en_opvang_zelfde_wijk" not in html
    assert "Geplande opvangplaatsen per wijk" not in html


def test_labour_signal_silent_when_they_are_in_different_wijken(client: Client) -> None:
    first, second = _two_wijken()
    _labour_beds_and_plan(first, second)
    html = client.get(PAGE).content.decode()
    assert "signaal-arbeidsmigranten_en_opvang_zelfde_wijk" not in html
    assert "Geplande opvangplaatsen per wijk" in html
