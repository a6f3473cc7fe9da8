# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 items 7 and 11: bad input is refused at the edge, the same way everywhere.

Each reproduction from the issue is a test: the half-year 0000-1 in the API, a CSV row
with '²', a kenmerk over 100 characters, a date in 1900, and ten concurrent POSTs with
one kenmerk (SQLite and PostgreSQL).
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

import pytest
from monitor_support import csv_bytes

from migratieketen.rules import realisation_schema as schema
from migratieketen_web.monitor import models
from migratieketen_web.monitor.forms import SCHEMA_MESSAGES
from migratieketen_web.monitor.register import ImportRejected, import_realisations

PROBLEM = "application/problem+json"
LONG = "K" * 101


def _basic() -> dict[str, str]:
    token = base64.b64encode(b"gemeente-api:geheim-wachtwoord-1").decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.mark.django_db
@pytest.mark.parametrize("resource", ["taakstellingen", "realisaties"])
def test_a_half_year_without_calendar_dates_is_a_400_problem(
    client: Client, resource: str
) -> None:
    response = client.get(f"/api/v1/{resource}?halfjaar=0000-1")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    params = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert "1900 tot en met 2999" in params["halfjaar"]


# (CSV cell values, the column, the schema field, what the API sends)
BAD_VALUES = [
    ("aantal_personen", "²", "aantalPersonen", "²"),
    ("kenmerk", LONG, "kenmerk", LONG),
    ("kenmerk", "A\x00B", "kenmerk", "A\x00B"),
    ("datum_huisvesting", "1900-01-01", "datumHuisvesting", "1900-01-01"),
]


def _row(column: str, value: str) -> str:
    cells = {
        "gemeentecode": "GM0599",
        "datum_huisvesting": "2025-02-03",
        "aantal_personen": "4",
        "soort": "regulier",
        "kenmerk": "R-1",
    }
    cells[column] = value
    return ";".join(cells.values())


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "value", "api_name", "api_value"), BAD_VALUES)
def test_csv_form_and_api_refuse_the_same_value(
    client: Client,
    staff_client: Client,
    register_user: User,
    column: str,
    value: str,
    api_name: str,
    api_value: str,
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_realisations(csv_bytes(_row(column, value)), "a.csv", register_user)
    assert rejected.value.issues[0].startswith(f"rij 2, kolom '{column}': ")
    body = {
        "gemeente": "GM0599",
        "datumHuisvesting": "2025-02-03",
        "aantalPersonen": 4,
        api_name: api_value,
    }
    api = client.post(
        "/api/v1/realisaties", body, content_type="application/json", **_basic()
    )
    assert api.status_code == 400 and api["Content-Type"] == PROBLEM
    assert [p["name"] for p in api.json()["invalidParams"]] == [api_name]
    form_names = {
        "aantal_personen": "persons",
        "kenmerk": "reference",
        "datum_huisvesting": "housed_on",
    }
    fields = {
        "gemeente": "GM0599",
        "housed_on": "2025-02-03",
        "persons": "4",
        "kind": "regulier",
    }
    form = staff_client.post(
        "/monitor/realisaties/nieuw", fields | {form_names[column]: value}
    )
    assert form.status_code == 200  # shown again with the error
    assert f"id_{form_names[column]}-fout" in form.content.decode()
    assert models.Realisation.objects.count() == 0


@pytest.mark.django_db
def test_the_three_edges_give_the_schema_reason(
    client: Client, staff_client: Client, register_user: User
) -> None:
    reason = schema.REFERENCE_TOO_LONG_TEXT
    with pytest.raises(ImportRejected) as rejected:
        import_realisations(csv_bytes(_row("kenmerk", LONG)), "a.csv", register_user)
    assert rejected.value.issues == [f"rij 2, kolom 'kenmerk': {reason}"]
    body = {
        "gemeente": "GM0599",
        "datumHuisvesting": "1900-01-01",
        "aantalPersonen": 4,
    }
    api = client.post(
        "/api/v1/realisaties", body, content_type="application/json", **_basic()
    )
    assert api.json()["invalidParams"][0]["reason"] == schema.BEFORE_FIRST_DATE_TEXT
    form = staff_client.post(
        "/monitor/realisaties/nieuw",
        {"gemeente": "GM0599", "housed_on": "2025-02-03", "persons": "4"}
        | {"kind": "regulier", "reference": LONG},
    )
    assert reason in form.content.decode()


def test_the_form_shows_every_schema_reason_in_dutch() -> None:
    from django.utils import translation

    with translation.override("nl"):
        for dutch, shown in SCHEMA_MESSAGES.items():
            assert str(shown) == dutch


def _assert_one_created(codes: list[int], rows: int) -> None:
    assert sorted(codes) == [200] * (len(codes) - 1) + [201], codes
    assert rows == 1


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_posts_with_one_kenmerk(tmp_path: Path) -> None:
    """One 201 and nine idempotent 200s: no 'database is locked', no IntegrityError."""
    if connection.vendor == "sqlite":
        # The test database is in memory; run on a real SQLite file as the app does.
        script = Path(__file__).with_name("concurrent_posts.py")
        url = f"sqlite:///{tmp_path / 'gelijktijdig.sqlite3'}"
        out = subprocess.run(
            [sys.executable, str(script), url, str(tmp_path)],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        _assert_one_created(result["codes"], result["rows"])
        return
    from concurrent_posts import ensure_writer, post_concurrently

    codes = post_concurrently(*ensure_writer())
    _assert_one_created(codes, models.Realisation.objects.count())
