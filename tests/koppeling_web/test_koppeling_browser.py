# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A regional coordinator in a real browser: two-step login, upload a week's
households, read the recommendation with its top-3, accept it; the decision is stored.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright. The job runs with
the test settings' immediate task backend, inside the upload request.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from browser_support import launched_chromium, needs_chromium
from migratieketen_web.koppeling.models import KoppelingDecision
from register_support import make_gemeenten, make_user

from .web_support import CAPACITY, HOUSEHOLDS, SCORES

pytestmark = [pytest.mark.browser, needs_chromium]


def _empty_audit_log() -> None:
    """Drop the append-only triggers, empty the log, put the triggers back."""
    from importlib import import_module

    from django.db import connection

    migration = import_module(
        "migratieketen_web.audit.migrations.0002_append_only_triggers"
    )
    vendor = connection.vendor.upper().replace("POSTGRESQL", "POSTGRES")
    with connection.cursor() as cursor:
        for sql in getattr(migration, f"{vendor}_DOWN"):
            cursor.execute(sql)
        cursor.execute(f"DELETE FROM {migration.TABLE}")
        for sql in getattr(migration, f"{vendor}_UP"):
            cursor.execute(sql)


@pytest.fixture
def audit_flushable(transactional_db: None) -> Iterator[None]:
    """The append-only audit log refuses the flush that ends a live-server test."""
    yield
    _empty_audit_log()


@pytest.fixture
def page() -> Iterator[Any]:
    with launched_chromium() as browser:
        context = browser.new_context(
            locale="nl-NL", viewport={"width": 1280, "height": 1000}
        )
        yield context.new_page()


def test_upload_recommendation_accept(
    audit_flushable: None,
    live_server: Any,
    page: Any,
    tmp_path: Path,
) -> None:
    make_gemeenten()
    user = make_user("coord", ("GM0363", "beleid"), is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    for name, text in (("H.csv", HOUSEHOLDS), ("S.csv", SCORES), ("C.csv", CAPACITY)):
        (tmp_path / name).write_text(text, encoding="utf-8")

    page.goto(f"{live_server.url}/inloggen?next=/koppeling")
    page.get_by_label("Gebruikersnaam").fill("coord")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Koppeling: huishoudens aan gemeenten").wait_for()

    page.get_by_label("Huishoudens (CSV)").set_input_files(str(tmp_path / "H.csv"))
    page.get_by_label("Scores (CSV, optioneel)").set_input_files(
        str(tmp_path / "S.csv")
    )
    page.get_by_label("Capaciteit (CSV, optioneel)").set_input_files(
        str(tmp_path / "C.csv")
    )
    page.get_by_role("button", name="Advies berekenen").click()

    page.get_by_role("heading", name="Aanbevelingen").wait_for(timeout=60_000)
    row = page.locator("#hh-HH01")
    assert "Utrecht (GM0344)" in row.inner_text()
    assert row.locator("ol li").count() == 3
    row.get_by_role("button", name="Vastleggen").click()
    page.locator("#hh-HH01").get_by_text("Advies gevolgd").wait_for(timeout=30_000)
    decision = KoppelingDecision.objects.get(household_id="HH01")
    assert decision.accepted and decision.chosen == "GM0344"
