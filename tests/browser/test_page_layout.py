# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Layout in a real browser: page height, no sideways scrolling, header, hover.

At 1366 px the search box shares the first header row with the wordmark; at 390 px
(a small phone) no main page is wider than the screen. The national page keeps its
342-row table folded until asked for, so it is no longer 18,000 px tall.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_support import needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]
PAGES = ("/", "/gemeenten/GM0361", "/provincies/PV27", "/scenarios", "/over")


def _page(browser: Any, width: int) -> Any:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": width, "height": 900}
    )
    return context, context.new_page()


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context, page = _page(browser, 1366)
    yield page
    context.close()


@pytest.fixture
def narrow(browser: Any) -> Iterator[Any]:
    context, page = _page(browser, 390)
    yield page
    context.close()


def _size(page: Any) -> tuple[int, int]:
    return tuple(
        page.evaluate(
            "() => [document.documentElement.scrollWidth,"
            " document.documentElement.scrollHeight]"
        )
    )


def test_home_is_short_and_its_table_opens_on_request(
    imported: None, live_server: Any, wide: Any
) -> None:
    wide.goto(f"{live_server.url}/")
    width, height = _size(wide)
    assert width <= 1366 and height < 3000, height
    wide.locator("summary", has_text="alle 342 gemeenten").click()
    assert (
        wide.locator("table a.utrecht-link[href^='/gemeenten/']").nth(341).is_visible()
    )
    # Search box on the first row, next to the wordmark.
    home = wide.locator(".mk-header__home").bounding_box()
    search = wide.locator("#zoek-q").bounding_box()
    assert (
        abs((home["y"] + home["height"] / 2) - (search["y"] + search["height"] / 2))
        < 20
    )


def test_hovered_map_area_is_highlighted(
    imported: None, live_server: Any, wide: Any
) -> None:
    wide.goto(f"{live_server.url}/")
    area = wide.locator('a.mk-area[href="/gemeenten/GM0363"] path')
    before = area.evaluate("p => getComputedStyle(p).fillOpacity")
    area.hover()
    after = area.evaluate("p => getComputedStyle(p).fillOpacity")
    assert float(after) < float(before)


def test_no_sideways_scrolling_at_390_px(
    imported: None, live_server: Any, narrow: Any
) -> None:
    for url in PAGES:
        narrow.goto(f"{live_server.url}{url}")
        width, _ = _size(narrow)
        assert width <= 390, url
    search = narrow.locator("#zoek-q").bounding_box()
    assert search["x"] >= 0 and search["x"] + search["width"] <= 390
