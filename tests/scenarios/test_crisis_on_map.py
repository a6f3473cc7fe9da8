# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: the indicative crisis need of the latest published run on the map."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.test import Client

import pytest
from tests.scenarios.conftest import SMALL_RUNS

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.scenarios import services
from migratieketen_web.scenarios.models import ScenarioRun

pytestmark = pytest.mark.django_db


def _label(html: str, name: str) -> str:
    match = re.search(rf'aria-label="{re.escape(name)}: ([^"]+)"', html)
    assert match, name
    return match.group(1)


def test_crisis_layer_appears_with_a_published_run_only(client: Client) -> None:
    assert "crisisbehoefte" not in client.get("/").content.decode()
    response = client.post(
        "/scenarios", {"instroom": "piek2015", "runs": str(SMALL_RUNS), "seed": "7"}
    )
    assert response.status_code == 302
    run = ScenarioRun.objects.get()
    # An unpublished run is nobody's official figure: still not on the map.
    assert "crisisbehoefte" not in client.get("/").content.decode()
    services.publish(run, User.objects.create_user("redactie", is_staff=True))
    html = client.get("/", {"indicator": "crisisbehoefte"}).content.decode()
    assert "Indicatieve behoefte aan crisisnoodopvang" in html
    assert f"gepubliceerde run &#x27;{run.name}&#x27;" in html
    median = {
        g["code"]: g["crisis_places_peak"]["p50"] for g in run.result["gemeenten"]
    }
    assert _label(html, "Amsterdam") == f"{round(median['GM0363']):,} plaatsen".replace(
        ",", "."
    )
    # A province is the sum of its gemeenten' whole places.
    provinces = client.get(
        "/", {"indicator": "crisisbehoefte", "niveau": "provincie"}
    ).content.decode()
    utrecht = Gemeente.objects.filter(province__code="PV26").values_list(
        "code", flat=True
    )
    total = sum(round(median[c]) for c in utrecht)
    assert _label(provinces, "Utrecht") == f"{total:,} plaatsen".replace(",", ".")
