# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The comparison page without two finished runs says what to do, with no empty form."""

from __future__ import annotations

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


def test_no_runs_gives_an_empty_state_not_empty_selects(client: Client) -> None:
    html = client.get("/scenarios/vergelijk").content.decode()
    assert "<select" not in html and ">Vergelijk</button>" not in html
    assert "Er zijn nog geen afgeronde berekeningen om te vergelijken" in html
    assert 'href="/scenarios"' in html


def test_one_run_asks_for_a_second(client: Client) -> None:
    client.post("/scenarios", {"preset": "piek2015"})
    html = client.get("/scenarios/vergelijk").content.decode()
    assert "<select" not in html
    assert "Er is pas één afgeronde berekening (Piek zoals 2015)" in html
    client.post("/scenarios", {"preset": "dal2020"})
    html = client.get("/scenarios/vergelijk").content.decode()
    assert html.count("<select") == 2 and ">Vergelijk</button>" in html
