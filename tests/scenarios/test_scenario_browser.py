# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A new user in a real browser: one click on "Piek zoals 2015", the progress page
refreshes itself (no JavaScript needed), and the result says where and when crisis
shelter is needed and what it costs. The run is queued in the database and done by
the real worker (run here, in the test's process, while the browser waits).

Drives Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connections

import pytest
from tests.jobs.jobs_support import run_queued

from browser_support import launched_chromium, needs_chromium
from migratieketen_web.gemeenten.importer import import_data_dir
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def imported(transactional_db: None, shared_data_dir: Path) -> None:
    """The live server reads the test database, so import the real data there."""
    import_data_dir(shared_data_dir)


@pytest.fixture
def page() -> Iterator[Any]:
    with launched_chromium() as browser:
        context = browser.new_context(
            locale="nl-NL",
            java_script_enabled=False,  # the progress page must work without it
            viewport={"width": 1280, "height": 1000},
        )
        yield context.new_page()


@pytest.mark.usefixtures("database_tasks")
def test_one_click_peak_in_a_browser_through_the_worker(
    imported: None, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Scenario’s").first.click()
    page.get_by_role("button", name="Reken door: Piek zoals 2015").click()
    # The progress page, until a worker has done the run; then <meta refresh>
    # brings the result.
    page.get_by_text("In de wachtrij: 0 %").wait_for(timeout=30_000)
    run_queued()
    heading = page.get_by_role(
        "heading", name="Waar en wanneer crisisopvang nodig is en wat het kost"
    )
    heading.wait_for(timeout=60_000)
    run = ScenarioRun.objects.get()
    assert run.status == RunStatus.DONE and run.progress == 100
    text = page.locator("#inhoud").inner_text()
    assert "crisisplaatsen op de piek (mediaan)" in text
    assert "extra kosten van crisisnoodopvang" in text
    assert page.locator("svg.mk-fan__svg").count() == 8
    assert page.locator(".mk-area").count() == 342
    page.goto("about:blank")  # no self-refreshing page left requesting at teardown
    # Playwright's sync API runs this test in its own greenlet, with its own context
    # and so its own database connection (Django keeps them per context): close it,
    # or PostgreSQL cannot drop the test database at the end of the session.
    connections.close_all()
