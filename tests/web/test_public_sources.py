# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""No page shows an internal file, section reference, English note or code id.

Every public page is rendered on the real open data (one gemeente, one province,
the forecast, a finished scenario run, the monitor pages, /over) and its visible
text is searched for what a user cannot follow: project files (*.md, *.yaml,
*.csv), '§' references to the project's rule notes, the English 'ASSUMPTION' or
'CALIBRATED' markers of the core's parameter files, and snake_case identifiers.
Code blocks (<pre>, the scenario file itself) are exempt from the id rule only.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from django.test import Client

import pytest
from tests.prognoses.conftest import TEST_SETTINGS, stored_forecast  # noqa: F401

from migratieketen_web.gemeenten import publishers
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun

pytestmark = pytest.mark.django_db

NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}
PAGES = (
    "/",
    "/?niveau=provincie",
    "/gemeenten/GM0361",
    "/gemeenten/GM1598",
    "/provincies/PV27",
    "/zoeken?q=alk",
    "/prognose",
    "/prognose?reeks=nareizigers",
    "/prognose/scenarios",
    "/scenarios",
    "/scenarios/vergelijk",
    "/monitor",
    "/monitor/provincies/PV27",
    "/monitor/gemeenten/GM0361",
    "/spreiding",
    "/over",
    "/toegankelijkheid",
)
INTERNAL = (
    re.compile(r"[\w./-]+\.(md|ya?ml|csv|py)\b", re.IGNORECASE),
    re.compile(r"§\s*\d"),
    re.compile(r"\b(rules|planning-anchors|SOURCES)\b"),
    re.compile(r"\b(ASSUMPTION|CALIBRATED|UNVERIFIED)\b"),
    re.compile(r"\[(low|high|medium|S|V|U)\]"),
    re.compile(r"\bmigratieketen\.[a-z]"),
)
SNAKE_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ENGLISH_NOTES = re.compile(r"\b(same letter|letter|annual report|via NOS)\b")


def visible_text(page: str, *, keep_code: bool = True) -> str:
    """What a reader sees: no tags, scripts, styles or attribute values."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    if not keep_code:
        page = re.sub(r"<pre\b.*?</pre>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html_lib.unescape(page))


def internal_names(page: str) -> list[str]:
    text = visible_text(page)
    found = [m.group(0) for pattern in INTERNAL for m in pattern.finditer(text)]
    found += SNAKE_ID.findall(visible_text(page, keep_code=False))
    found += ENGLISH_NOTES.findall(text)
    return found


@pytest.fixture(autouse=True)
def prognose_settings(settings: Any, shared_data_dir: Any) -> None:
    settings.PROGNOSE_SETTINGS = TEST_SETTINGS
    settings.MIGRATIEKETEN_DATA_DIR = str(shared_data_dir)
    settings.SCENARIOS_PRESET_RUNS = 20


@pytest.fixture
def client() -> Client:
    return Client(**NL)


def test_the_checker_finds_what_it_must() -> None:
    """The patterns catch each kind of leak seen before this test existed."""
    leaks = [
        "openrijk.nl, via planning-anchors.md §2.1",
        "ASSUMPTION: regular cost + 10 %; no figure found.",
        "secondary source, rules.md §4.2 [low]",
        "Kosten cost_regular_per_year",
        "brief (same letter)",
        "Code van de prognosekern (migratieketen.forecast)",
    ]
    for leak in leaks:
        assert internal_names(f"<p>{leak}</p>"), leak
    assert not internal_names('<p><a href="/?indicator=pct_x">Huur</a> 39,8 %</p>')
    assert not internal_names("<pre>initial_asylum_seekers: 1</pre>")


def test_every_public_page_cites_public_sources_only(
    client: Client,
    stored_forecast: Any,  # noqa: F811
) -> None:
    response = client.post("/scenarios", {"preset": "piek2015"})
    assert response.status_code == 302
    run = ScenarioRun.objects.get(uuid=response["Location"].rsplit("/", 1)[1])
    assert run.status == RunStatus.DONE, run.error
    pages = (
        *PAGES,
        f"/scenarios/{run.uuid}",
        f"/scenarios/{run.uuid}?indicator=waiting_end",
    )
    leaks = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        found = internal_names(response.content.decode())
        if found:
            leaks[url] = sorted(set(found))[:10]
    assert leaks == {}


def test_forecast_cites_the_published_mpp_not_a_newspaper(
    client: Client,
    stored_forecast: Any,  # noqa: F811
) -> None:
    text = visible_text(client.get("/prognose").content.decode())
    assert "Nieuwe prognose: lagere asielinstroom verwacht in 2025 en 2026" in text
    assert "https://www.rijksoverheid.nl/actueel/nieuws/2025/09/26/" in text
    assert "openrijk" not in text


def test_scenario_cost_table_has_dutch_labels_assumptions_and_links(
    client: Client,
) -> None:
    response = client.post("/scenarios", {"preset": "piek2015"}, follow=True)
    page = response.content.decode()
    table = page.split('id="aannames"', 1)[1].split("</table>", 1)[0]
    assert "Aanname: de kosten van reguliere opvang plus 10 %" in table
    assert 'href="https://nos.nl/artikel/2530030' in table
    assert "cost_" not in visible_text(table)


def test_about_lists_every_publisher_version_and_contact(
    client: Client, settings: Any
) -> None:
    settings.MIGRATIEKETEN_CONTACT = "migratie@gemeente.example"
    text = visible_text(client.get("/over").content.decode())
    for name in ("CBS", "PDOK", "IND", "UNHCR", "COA", "Ministerie van Asiel en"):
        assert name in text, name
    assert len(publishers.PUBLISHERS) >= 8
    assert re.search(r"Migratieketen versie \d+\.\d+", text)
    assert "migratie@gemeente.example" in text
