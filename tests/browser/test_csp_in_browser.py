# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The strict Content-Security-Policy in a real browser: nothing on the pages is
blocked, and Swagger UI on /api/v1/docs works under it (issue 9 #12, issue 11)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_support import needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]

PAGES = [
    "/",
    "/gemeenten/GM0363",
    "/provincies/PV27",
    "/monitor",
    "/scenarios",
    "/woningmarkt?gemeente=GM0984&voorrang=30&tussenvoorziening=50",
    "/over",
    "/beheer/login/",
    "/api/v1/docs",
]


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL")
    yield context.new_page()
    context.close()


def test_nothing_is_blocked_by_the_policy(
    imported: None, live_server: Any, page: Any
) -> None:
    blocked: dict[str, list[str]] = {}
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    for url in PAGES:
        messages.clear()
        response = page.goto(f"{live_server.url}{url}", wait_until="networkidle")
        assert response is not None and response.ok, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        violations = [m for m in messages if "Content Security Policy" in m]
        if violations:
            blocked[url] = violations[:3]
    assert not blocked, blocked


def test_swagger_ui_shows_every_operation(
    imported: None, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/api/v1/docs", wait_until="networkidle")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() >= 20
    assert page.locator(".servers select").input_value() == f"{live_server.url}/api/v1"
