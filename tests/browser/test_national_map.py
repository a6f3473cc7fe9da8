# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The national map in a real browser: 342 shapes, hover, click and keyboard.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright; Playwright never
downloads a browser of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from browser_support import needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 1000}
    )
    page = context.new_page()
    yield page
    context.close()


def test_map_shows_342_shapes_and_click_opens_gemeente(
    imported: None, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/")
    areas = page.locator("svg.mk-map__svg a.mk-area")
    assert areas.count() == 342
    # Every shape has a real painted size (the projection put it on the map).
    box = page.locator('a.mk-area[href="/gemeenten/GM0363"] path').bounding_box()
    assert box is not None and box["width"] > 5 and box["height"] > 5
    # Hover shows the name and value as text, not only as a colour.
    page.locator('a.mk-area[href="/gemeenten/GM0363"]').hover()
    tooltip = page.locator(".mk-tooltip")
    assert tooltip.is_visible()
    assert re.match(r"Amsterdam: \d", tooltip.inner_text())
    page.locator('a.mk-area[href="/gemeenten/GM0363"]').click()
    page.wait_for_url(re.compile(r"/gemeenten/GM0363$"))
    assert "Gemeente Amsterdam" in page.locator("h1").inner_text()


def test_keyboard_focus_and_enter_open_a_gemeente(
    imported: None, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/")
    # The skip link comes first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhoud"
    # Tab through the page until the focus reaches a map area.
    label = None
    for _ in range(40):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "document.activeElement.closest && document.activeElement.closest('.mk-area')"
            " ? document.activeElement.getAttribute('aria-label') : null"
        )
        if label:
            break
    assert label, "no map area reached with the Tab key"
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert page.locator(".mk-tooltip").inner_text() == label
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert page.locator("h1").inner_text().startswith("Gemeente ")


def test_indicator_chooser_works_and_province_view(
    imported: None, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/?niveau=provincie")
    assert page.locator("svg.mk-map__svg a.mk-area").count() == 12
    page.select_option("#indicator", "inwoners")
    # Choosing alone does not reload the page (WCAG 3.2.2); the button does.
    assert "indicator=inwoners" not in page.url
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"indicator=inwoners"))
    label = page.locator('a.mk-area[href="/provincies/PV28"]').get_attribute(
        "aria-label"
    )
    # the latest population: 1-1-2025 (70072NED; 3,840,460 on 1-1-2024)
    assert label == "Zuid-Holland: 3.863.397 personen"
