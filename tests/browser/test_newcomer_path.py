# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11, done-when: the newcomer's first hour in a real browser.

Home -> a migration figure on the map -> a province -> a gemeente -> sign in ->
enter a realisation -> the monitor agrees with itself (national, province and gemeente
figures, the map and the monitor tables), at 1366 px and at 390 px wide without
sideways scrolling on any page of the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from browser_support import needs_chromium
from migratieketen_web.accounts.services import create_user

pytestmark = [pytest.mark.browser, needs_chromium]

HALF_YEAR = "2025-2"
PERSONS = 7

# The text of the cell in `column` of the row whose header starts with `row`, in any
# table on the page (headers read from the table's own <thead>).
CELL_JS = """([row, column]) => {
  for (const table of document.querySelectorAll("table")) {
    const heads = [...table.querySelectorAll("thead th")].map(
      (th) => th.innerText.trim());
    const col = heads.indexOf(column);
    for (const tr of table.querySelectorAll("tbody tr")) {
      const cells = [...tr.children];
      if (cells[0] && cells[0].innerText.trim().startsWith(row)) {
        return col >= 0 ? cells[col].innerText.trim() : cells[1].innerText.trim();
      }
    }
  }
  return null;
}"""


@pytest.fixture(params=[1366, 390], ids=["1366px", "390px"])
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": request.param, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url}: {width} px wide in a {inner} px window"


def _label(page: Any, href: str) -> str:
    return page.locator(f'a.mk-area[href="{href}"]').get_attribute("aria-label")


def _cell(page: Any, row: str, column: str = "") -> str:
    value = page.evaluate(CELL_JS, [row, column])
    assert value is not None, (page.url, row, column)
    return value


def _sign_in(page: Any) -> None:
    """The app's own sign-in: password, then the code of the authenticator app."""
    created = create_user("beleid-venray", "GM0984", "beleid")
    device = TOTPDevice.objects.create(user=created.user, name="app", confirmed=True)
    assert re.search(r"/inloggen\b", page.url), page.url
    _no_sideways_scroll(page)
    page.get_by_label("Gebruikersnaam").fill("beleid-venray")
    page.get_by_label("Wachtwoord").fill(created.password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/inloggen/code"))
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()


def _walk_to_the_gemeente(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    _no_sideways_scroll(page)
    # The default view is a migration figure: the taakstelling of the latest half-year.
    assert (
        "Taakstelling statushouders, halfjaar"
        in page.locator("h2#kaart-titel").inner_text()
    )
    page.locator("#indicator").select_option("gehuisvest")
    page.locator("#halfjaar").select_option(HALF_YEAR)
    page.get_by_label("Provincies").check()
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"indicator=gehuisvest"))
    _no_sideways_scroll(page)
    assert _label(page, "/provincies/PV31") == "Limburg: geen gegevens"
    page.locator('a.mk-area[href="/provincies/PV31"]').click()
    page.wait_for_url(re.compile(r"/provincies/PV31"))
    _no_sideways_scroll(page)
    assert "Migratie in Limburg" in page.locator("#provincie-migratie").inner_text()
    page.locator('a.mk-area[href="/gemeenten/GM0984"]').click()
    page.wait_for_url(re.compile(r"/gemeenten/GM0984$"))
    _no_sideways_scroll(page)
    assert "Venray" in page.locator("h1").inner_text()


def _enter_realisation(page: Any) -> None:
    # From the gemeente's housing figures to the monitor, and there "Huisvesting
    # invoeren", which asks to sign in first.
    page.get_by_role("link", name="Verloop per halfjaar en peildata").click()
    page.wait_for_url(re.compile(r"/monitor/gemeenten/GM0984"))
    _no_sideways_scroll(page)
    page.get_by_role("link", name="Huisvesting invoeren").first.click()
    _sign_in(page)
    page.wait_for_url(re.compile(r"/monitor/realisaties/nieuw"))
    _no_sideways_scroll(page)
    assert "Ingelogd als beleid-venray" in page.locator("header").inner_text()
    page.locator('select[name="gemeente"]').select_option("GM0984")
    page.locator('input[name="housed_on"]').fill("2025-09-15")
    page.locator('input[name="persons"]').fill(str(PERSONS))
    page.locator('input[name="households"]').fill("3")
    page.locator('select[name="kind"]').select_option("regulier")
    page.locator('input[name="reference"]').fill("VEN-2025-1")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/monitor/gemeenten/GM0984"))


def _monitor_agrees(page: Any, base: str) -> None:
    persons = f"{PERSONS}"
    # The gemeente: the monitor page and the gemeente page's housing figures.
    housed = page.locator("dl.mk-figure-list dt", has_text="Gehuisvest")
    assert housed.locator("xpath=following-sibling::dd[1]").inner_text() == persons
    _no_sideways_scroll(page)
    page.goto(f"{base}/gemeenten/GM0984")
    assert _cell(page, "Gehuisvest") == persons
    # National and province rows of the monitor.
    page.goto(f"{base}/monitor")
    _no_sideways_scroll(page)
    assert _cell(page, HALF_YEAR, "Gehuisvest") == persons
    assert _cell(page, "Limburg", "Gehuisvest") == persons
    # The maps and the province page say the same.
    query = f"indicator=gehuisvest&halfjaar={HALF_YEAR}"
    page.goto(f"{base}/?{query}")
    assert _label(page, "/gemeenten/GM0984") == f"Venray: {persons} personen"
    page.goto(f"{base}/?{query}&niveau=provincie")
    assert _label(page, "/provincies/PV31") == f"Limburg: {persons} personen"
    page.goto(f"{base}/provincies/PV31?halfjaar={HALF_YEAR}")
    _no_sideways_scroll(page)
    assert _cell(page, f"Gehuisveste statushouders, halfjaar {HALF_YEAR}") == (
        f"{persons} personen"
    )


def test_newcomer_path_from_the_map_to_a_consistent_monitor(
    imported: None, live_server: Any, page: Any
) -> None:
    _walk_to_the_gemeente(page, live_server.url)
    _enter_realisation(page)
    _monitor_agrees(page, live_server.url)
