# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Automated WCAG 2.1 A/AA checks (axe-core from npm) on the main public pages.

axe finds only part of the problems (keyboard and screen-reader checks stay manual),
but what it finds is certain: contrast, names of links and form fields, landmarks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import needs_chromium

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run npm ci"),
]

PAGES = [
    "/",
    "/?niveau=provincie",
    "/gemeenten/GM0363",
    "/provincies/PV27",
    "/zoeken?q=berg",
    "/woningmarkt?gemeente=GM0984&voorrang=30&tussenvoorziening=50",
    "/over",
    "/toegankelijkheid",
]


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    # axe is injected as an inline script, which the site's CSP (rightly) blocks;
    # the CSP itself is tested with the policy on in test_csp_in_browser.py.
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    yield context.new_page()
    context.close()


def test_main_pages_have_no_wcag_a_or_aa_violations(
    imported: None, live_server: Any, page: Any
) -> None:
    found: dict[str, list[str]] = {}
    for url in PAGES:
        page.goto(f"{live_server.url}{url}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })"""
        )
        problems = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]
        ]
        if problems:
            found[url] = problems
    assert not found, found


def test_axe_does_report_a_planted_violation(
    imported: None, live_server: Any, page: Any
) -> None:
    """Guard against a silent pass: axe must see an image without alt text."""
    page.goto(f"{live_server.url}/over")
    page.add_script_tag(path=str(AXE))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/css/migratieketen.css\">')"
    )
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['image-alt']})"
    )
    assert [v["id"] for v in result["violations"]] == ["image-alt"]
