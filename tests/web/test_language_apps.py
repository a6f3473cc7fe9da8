# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The monitor, spreiding, prognose and scenario pages follow the language switch.

Dutch is the source language: without the switch the headings are Dutch (also for an
English browser); after POST /i18n/setlang/ they come from the English catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.conf import settings
from django.test import Client
from django.utils import translation

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_background_forecast(monkeypatch: pytest.MonkeyPatch) -> None:
    """/prognose without a stored forecast shows its 'being computed' page; these tests
    check its language, so they do not start the real minute-long computation (which
    would outlive the test and hold a database connection)."""
    from migratieketen_web.prognoses import services

    monkeypatch.setattr(services, "start_background", lambda folder, settings: None)


@pytest.fixture(autouse=True)
def _dutch_afterwards() -> Iterator[None]:
    """A request activates its language for the thread; leave Dutch for later tests."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _h1(client: Client, path: str) -> str:
    response = client.get(path, follow=True)
    html = response.content.decode()
    match = re.search(r'<h1 class="utrecht-heading-1">(.*?)</h1>', html, re.S)
    assert match, f"no h1 on {path} (status {response.status_code})"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


DUTCH = {
    "/monitor": {"Monitor huisvesting statushouders: Nederland"},
    "/spreiding": {"Spreidingswet: opvangplaatsen per provincie en gemeente"},
    # A forecast stored by earlier tests shows the page itself, else the pending page.
    "/prognose": {"Prognose asielinstroom", "De prognose wordt berekend"},
    "/scenarios": {"Scenario’s: wat als de instroom verandert?"},
}
ENGLISH = {
    "/monitor": {"Housing monitor for statushouders (permit holders): Netherlands"},
    "/spreiding": {
        "Spreidingswet (Dispersal Act): reception places per province and municipality"
    },
    "/prognose": {"Asylum inflow forecast", "The forecast is being computed"},
    "/scenarios": {"Scenarios: what if the inflow changes?"},
}


@pytest.mark.parametrize("path", sorted(DUTCH))
def test_without_switch_headings_are_dutch(client: Client, path: str) -> None:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    assert _h1(client, path) in DUTCH[path]


@pytest.mark.parametrize("path", sorted(ENGLISH))
def test_switch_gives_english_headings(client: Client, path: str) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": path})
    assert _h1(client, path) in ENGLISH[path]


def test_english_menu_and_monitor_table(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/monitor"})
    html = client.get("/monitor").content.decode()
    assert ">Taakstelling (housing quota)</a>" in html
    assert ">Dispersal (Spreiding)</a>" in html
    assert ">Still to house</th>" in html
    assert ">Nog te huisvesten</th>" not in html
