# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 15's 'done when', end to end: CLI users and tokens, the API, isolation, audit.

Two users of two gemeenten are made with `migratieketen gebruiker aanmaken … --token`;
the first registers a person through /api/v1/inburgeraars; the second cannot see that
person in the list, the detail, a search, the export or the API (404); the audit log
shows the first user's reads; `migratieketen audit verifieer` finds a tampered row.
"""

from __future__ import annotations

import json
import re

from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

import pytest
from typer.testing import CliRunner

from migratieketen_cli.main import app
from migratieketen_web.audit.models import AuditEntry
from register_support import make_gemeenten, valid_bsn

runner = CliRunner()


def _create(name: str, gemeente: str) -> str:
    result = runner.invoke(
        app,
        [
            "gebruiker",
            "aanmaken",
            name,
            "--gemeente",
            gemeente,
            "--rol",
            "klantmanager",
            "--token",
        ],
    )
    assert result.exit_code == 0, result.output
    tokens = re.findall(r"^mk_[0-9a-f]{12}_\S+$", result.output, re.MULTILINE)
    assert len(tokens) == 1
    return tokens[0]


def _api(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _tamper(pk: int) -> None:
    """Change a line behind the application's back (the triggers dropped first)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_no_update"
            )
        else:
            cursor.execute("DROP TRIGGER audit_no_update")
        cursor.execute(
            "UPDATE audit_auditentry SET record_ids = ',999,' WHERE id = %s", [pk]
        )


@pytest.mark.django_db
def test_two_gemeenten_isolation_audit_and_tamper_detection() -> None:
    gemeenten = make_gemeenten()
    token_a = _create("km-amsterdam", "GM0363")
    token_b = _create("km-utrecht", "GM0344")
    bsn = valid_bsn(23456789)
    created = _api(token_a).post(
        "/api/v1/inburgeraars",
        {
            "gemeentecode": "GM0363",
            "bsn": bsn,
            "naam": "Yonas Testpersoon",
            "geboortedatum": "1994-02-03",
            "nationaliteit": "ER",
            "grond": "asiel",
            "startInburgeringsplicht": "2024-01-15",
            "leerroute": "b1",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert "bsn" not in body and bsn not in created.content.decode()
    uuid = body["uuid"]
    assert body["stappen"][1]["grondslag"].startswith("art. 15")

    # The first user reads it: list and detail.
    assert _api(token_a).get("/api/v1/inburgeraars").json()["count"] == 1
    assert _api(token_a).get(f"/api/v1/inburgeraars/{uuid}").status_code == 200

    # The second user sees nothing: API list and detail, web list, search, export.
    b = _api(token_b)
    assert b.get("/api/v1/inburgeraars").json()["count"] == 0
    missing = b.get(f"/api/v1/inburgeraars/{uuid}")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    web = Client()
    from django.contrib.auth.models import User

    web.force_login(User.objects.get(username="km-utrecht"))
    assert web.get(f"/inburgering/{uuid}").status_code == 404
    assert "Yonas" not in web.get("/inburgering").content.decode()
    assert "Yonas" not in web.post("/inburgering", {"zoek": bsn}).content.decode()
    html = web.post("/inburgering", {"zoek": "Yonas"}).content.decode()
    assert "Yonas" not in html, [
        html[max(0, i - 200) : i + 50] for i in [html.find("Yonas")]
    ]
    export = web.get("/inburgering/export.csv").content.decode("utf-8-sig")
    assert uuid not in export and "Yonas" not in export

    # The audit log shows the first user's reads of the person.
    result = runner.invoke(app, ["audit", "--gemeente", "GM0363", "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = json.loads(result.output)
    person_pk = lines[0]["records"][0]
    reads = [
        line
        for line in lines
        if line["gebruiker"] == "km-amsterdam" and person_pk in line["records"]
    ]
    assert {r["handeling"] for r in reads} >= {"aanmaken", "lijst", "lezen"}
    assert all(r["grondslag"] and r["doel"] for r in reads)
    assert not any(line["gebruiker"] == "km-utrecht" for line in lines)
    assert all(bsn not in json.dumps(line) for line in lines)
    assert gemeenten["GM0363"].pk  # the gemeente the lines belong to exists

    # The chain is intact, then a tampered row is found.
    assert runner.invoke(app, ["audit", "verifieer"]).exit_code == 0
    _tamper(AuditEntry.objects.order_by("pk").values_list("pk", flat=True)[1])
    broken = runner.invoke(app, ["audit", "verifieer"])
    assert broken.exit_code == 1
    assert "gewijzigd" in broken.output
