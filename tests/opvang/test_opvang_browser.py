# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A new user in a real browser: /planning/opvang, one province with generated
candidates under a 2015-style peak; the progress page refreshes itself (no JavaScript),
the real worker solves the plan, and the result shows the map of new places per wijk and
what the plan saves against crisis shelter.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connections

import pytest
from tests.jobs.jobs_support import run_queued

from browser_support import launched_chromium, needs_chromium
from migratieketen_web.gemeenten.importer import import_data_dir
from migratieketen_web.opvang.models import OpvangPlan, PlanStatus

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run npm ci"),
]


@pytest.fixture
def imported(transactional_db: None, shared_data_dir: Path) -> None:
    import_data_dir(shared_data_dir)


@pytest.fixture
def chromium() -> Iterator[Any]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture
def page(chromium: Any) -> Any:
    context = chromium.new_context(
        locale="nl-NL",
        java_script_enabled=False,
        viewport={"width": 1280, "height": 1000},
    )
    return context.new_page()


@pytest.mark.usefixtures("database_tasks")
def test_province_plan_under_a_2015_peak(
    imported: None, live_server: Any, page: Any, chromium: Any
) -> None:
    page.goto(f"{live_server.url}/planning/opvang")
    page.get_by_label("Piek zoals in 2015 (ketenmodel)").check()
    page.get_by_label("Gebied").select_option("PV21")
    page.get_by_label("Horizon (maanden)").fill("12")
    page.get_by_label("Aantal vraagpaden").fill("10")
    page.get_by_role("button", name="Plan berekenen").click()
    page.get_by_text("Bezig met rekenen").wait_for(timeout=30_000)
    run_queued()
    page.get_by_role("heading", name="Kaart: nieuwe plaatsen per wijk").wait_for(
        timeout=60_000
    )
    plan = OpvangPlan.objects.get()
    assert plan.status == PlanStatus.DONE
    saving = page.locator("#besparing").inner_text()
    assert "Besparing tegen alles boven de bestaande opvang in crisisopvang" in saving
    assert plan.result["samenvatting"]["besparing_tov_crisisopvang"] > 0
    assert page.locator("svg.mk-opvang-map circle").count() >= 1
    first = page.locator("svg.mk-opvang-map a").first
    target = first.get_attribute("href")
    assert page.locator(f"#kaart-tabel tr{target}").count() == 1
    assert "generiek — geen echte locatie" in page.locator("#inhoud").inner_text()
    url = page.url
    page.goto("about:blank")
    for path in (url, f"{live_server.url}/planning/opvang"):
        assert not _axe_violations(chromium, path), path
    connections.close_all()


def _axe_violations(browser: Any, url: str) -> list[str]:
    """WCAG 2.1 A/AA problems axe-core finds (it runs as an inline script: CSP bypassed
    here; the policy itself is tested in tests/browser/test_csp_in_browser.py)."""
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    context.close()
    return [
        f"{v['id']}: {v['help']} -> {v['nodes'][0]['target']}"
        for v in result["violations"]
    ]


def test_uploaded_scenario_file_errors_in_dutch_then_plans(
    imported: None, live_server: Any, page: Any
) -> None:
    """The scenario file field in a real browser: bad YAML is refused in Dutch at the
    field and nothing is saved; the same form with a saved scenario file starts a plan."""
    from migratieketen.chain import builtin_scenario

    page.goto(f"{live_server.url}/planning/opvang")
    page.get_by_label("Eigen scenario: een bewaard scenariobestand (YAML)").check()
    page.get_by_label("Gebied").select_option("PV21")
    page.get_by_label("Horizon (maanden)").fill("6")
    page.get_by_label("Aantal vraagpaden").fill("5")
    bad = {"name": "kapot.yaml", "mimeType": "application/x-yaml", "buffer": b"a: [1"}
    page.get_by_label("Scenariobestand (YAML)", exact=True).set_input_files(bad)
    page.get_by_role("button", name="Plan berekenen").click()
    assert "Scenario: geen geldige YAML" in page.locator("#inhoud").inner_text()
    assert OpvangPlan.objects.count() == 0
    scenario = builtin_scenario("piek2015")
    scenario.name = "browser-piek"
    good = {"name": "piek.yaml", "mimeType": "application/x-yaml",
            "buffer": scenario.to_yaml().encode()}  # fmt: skip
    page.get_by_label("Eigen scenario: een bewaard scenariobestand (YAML)").check()
    page.get_by_label("Scenariobestand (YAML)", exact=True).set_input_files(good)
    page.get_by_role("button", name="Plan berekenen").click()
    page.wait_for_url(re.compile(r"/planning/opvang/[0-9a-f-]{36}$"), timeout=120_000)
    plan = OpvangPlan.objects.get()
    assert plan.options["scenario_naam"] == "browser-piek"
    connections.close_all()
