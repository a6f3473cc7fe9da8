# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The finished look: favicon, wordmark, form controls in the site's own style."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

import pytest

from migratieketen_web.scenarios.forms import ScenarioForm

pytestmark = pytest.mark.django_db
NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}


def test_favicon_is_linked_and_served() -> None:
    client = Client(**NL)
    html = client.get("/over").content.decode()
    icon = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)"', html)
    assert icon and icon.group(1).endswith(".svg")
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == icon.group(1)
    path = finders.find("img/favicon.svg")
    assert path and "<svg" in Path(path).read_text(encoding="utf-8")


def test_header_has_the_neutral_wordmark() -> None:
    html = Client(**NL).get("/over").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert re.search(
        r'<img class="mk-header__logo" src="[^"]+wordmark[^"]*\.svg"', header
    )
    mark = Path(finders.find("img/wordmark.svg")).read_text(encoding="utf-8")
    # Neutral (ADR 0006): no Rijkshuisstijl lintblauw, no crown or font files.
    assert "#154273" not in mark.lower() and "font" not in mark


def test_select_has_an_arrow_and_a_checked_radio_a_dot() -> None:
    css = (Path(settings.STATICFILES_DIRS[0]) / "css" / "migratieketen.css").read_text()
    arrow = css.split(".utrecht-select--html-select:not([multiple]) {", 1)[1]
    assert 'background-image: url("../img/select-arrow.svg")' in arrow.split("}")[0]
    assert finders.find("img/select-arrow.svg")
    assert "--utrecht-radio-button-checked-color: var(--mk-accent)" in css
    assert ":focus:not(:focus-visible)" in css


def test_scenario_form_uses_the_site_form_components() -> None:
    html = str(ScenarioForm())
    assert 'class="utrecht-radio-button utrecht-radio-button--html-input"' in html
    assert (
        'class="utrecht-checkbox utrecht-checkbox--custom utrecht-checkbox--html-input"'
        in html
    )
    assert re.search(
        r'<input type="number" name="runs"[^>]*class="utrecht-textbox', html
    )
    assert re.search(r'<input type="file"[^>]*class="utrecht-textbox', html)
    assert not re.search(r"<input(?![^>]*class=)[^>]*type=\"(number|text)\"", html)


def test_national_table_is_folded_until_sorted() -> None:
    client = Client(**NL)
    html = client.get("/").content.decode()
    folded = re.search(r'<details class="mk-details mk-table-details"( open)?>', html)
    assert folded and folded.group(1) is None
    assert "Toon de tabel met alle 342 gemeenten" in html
    sorted_html = client.get("/?sorteer=-waarde").content.decode()
    assert '<details class="mk-details mk-table-details" open>' in sorted_html
    provinces = client.get("/?niveau=provincie").content.decode()
    assert "mk-table-details" not in provinces  # 12 rows: shown at once
