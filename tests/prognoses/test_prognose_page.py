# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/prognose and /prognose/scenarios on the stored forecast of the real open data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from migratieketen_web.prognoses.models import Forecast, InflowScenario

pytestmark = pytest.mark.django_db

FORECAST_QUARTERS = [f"{y}-Q{q}" for y in (2025, 2026) for q in range(1, 5)]


def _page(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def test_page_has_fan_chart_table_caveat_and_sources(
    client: Any, stored_forecast: Any
) -> None:
    html = _page(client, "/prognose")
    # Fan chart: inline SVG with title, both bands, median, history, band labels.
    svg = html[html.index('<svg class="mk-fan__svg"') : html.index("</svg>")]
    assert '<title id="fan-titel">Totale instroom per kwartaal' in svg
    for part in (
        "mk-fan__band90",
        "mk-fan__band50",
        "mk-fan__median",
        "mk-fan__history",
    ):
        assert part in svg
    assert ">90 %-interval</text>" in svg and ">50 %-interval</text>" in svg
    assert "laatste cijfer 2024-Q2" in svg  # total: nareizigers end in 2024-Q2
    # Coordinates are never localised (a Dutch "72,5" would break the drawing).
    assert not re.search(r'(?:x|y|x1|x2|y1|y2|cx|cy)="-?\d+,\d', svg)
    # Table alternative: every forecast quarter with all seven quantiles.
    table = html[
        html.index('id="kwantielen"') : html.index(
            "</table>", html.index('id="kwantielen"')
        )
    ]
    for quarter in FORECAST_QUARTERS:
        row = table[table.index(f">{quarter}</th>") :].split("</tr>")[0]
        assert len(re.findall(r"utrecht-table__cell--numeric", row)) == 7
    assert "schatting (nog niet gepubliceerd)" in table  # 2024-Q3/Q4 nowcast
    assert "Wat deze prognose niet kan weten" in html
    assert "IND" in html and "relocatie" in html and "herzieningen" in html
    assert "Bron: CBS, IND" in html and "Bron: UNHCR" in html
    assert "Ensemble: gelijk gewogen gemiddelde (log-schaal) van random walk" in html
    assert "MPP" in html and "laatste editie" in html


def test_backtest_table_has_every_model_and_baseline(
    client: Any, stored_forecast: Any
) -> None:
    html = _page(client, "/prognose?reeks=eerste_asielverzoeken")
    section = html[html.index('id="backtest"') : html.index('id="mpp"')]
    for label in (
        "Random walk (naïef",
        "Seizoensnaïef",
        "drift",
        "ETS",
        "ARIMA",
        "Theta",
        "Ensemble",
    ):
        assert label in section
    assert "dekking 90 %" in section and "skill" in section
    assert "gekozen op deze backtest" in section


def test_page_says_the_ensemble_was_chosen_on_this_backtest(
    client: Any, stored_forecast: Any
) -> None:
    from migratieketen.forecast.ensemble import CHOSEN, VARIANTS

    html = _page(client, "/prognose?reeks=totale_instroom")
    section = html[html.index('id="backtest"') : html.index('id="mpp"')]
    assert "op deze zelfde backtest gekozen" in section
    assert "niet zuiver buiten de steekproef" in section
    assert f"uit {len(VARIANTS)} varianten" in section
    runner_up = [v.description for v in VARIANTS if v != CHOSEN]
    assert "Tweede keus was: " in section
    assert any(description in section for description in runner_up)
    # the nareizigers come from the permit model, which was not chosen among variants
    nar = _page(client, "/prognose?reeks=nareizigers")
    assert "Tweede keus" not in nar


def test_series_choice_by_get_parameter(client: Any, stored_forecast: Any) -> None:
    first = _page(client, "/prognose?reeks=eerste_asielverzoeken")
    assert "Eerste asielverzoeken per kwartaal" in first
    assert "laatste cijfer 2024-Q4" in first
    assert "schatting (nog niet gepubliceerd)" not in first
    nar = _page(client, "/prognose?reeks=nareizigers")
    assert "Vergunningmodel" in nar and "schatting (nog niet gepubliceerd)" in nar
    bad = client.get("/prognose?reeks=alles")
    assert bad.status_code == 400
    assert "Onbekende reeks" in bad.content.decode()
    assert "Deze reeks bestaat niet" in bad.content.decode()


def test_saved_forecast_is_reused_not_recomputed(
    client: Any, api_client: Any, stored_forecast: Any, compute_spy: Any
) -> None:
    assert stored_forecast.compute_calls == 1  # the session's first view computed
    for _ in range(2):
        _page(client, "/prognose")
    _page(client, "/prognose/scenarios")
    assert api_client.get("/api/v1/prognoses/actueel").status_code == 200
    assert compute_spy.calls == 0
    assert Forecast.objects.count() == 1
    assert str(Forecast.objects.get().uuid) == stored_forecast.uuid


def test_data_vintage_is_stored(stored_forecast: Any, shared_data_dir: Path) -> None:
    import hashlib

    from migratieketen.forecast.inputs import INPUT_FILES

    forecast = Forecast.objects.get(uuid=stored_forecast.uuid)
    files = forecast.data_vintage["files"]
    assert sorted(files) == sorted(INPUT_FILES)
    for name, sha in files.items():
        assert sha == hashlib.sha256((shared_data_dir / name).read_bytes()).hexdigest()
    assert forecast.data_vintage["cutoff"] == "2024-Q4" == forecast.cutoff
    assert forecast.data_vintage["series_end"]["nareizigers_kwartaal"] == "2024-Q2"
    assert any("UNHCR" in s for s in forecast.data_vintage["sources"])
    assert forecast.until == "2026-Q4" and forecast.horizon == 8
    assert forecast.parameters["n_paths"] == 300 == forecast.n_paths
    assert forecast.quantile_levels == [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
    assert len(forecast.vintage_key) == 64


def test_scenarios_page_and_csv(client: Any, stored_forecast: Any) -> None:
    html = _page(client, "/prognose/scenarios")
    names = list(
        InflowScenario.objects.filter(forecast__uuid=stored_forecast.uuid).values_list(
            "name", flat=True
        )
    )
    assert {
        "prognose-2024-Q4",
        "herhaling-2015",
        "piek-verdubbeling",
        "regimewissel",
    } <= set(names)
    for name in names:
        assert f'id="scenario-{name}"' in html
    assert html.count('class="mk-spark"') == len(names)
    for points in re.findall(r'points="([^"]*)"', html):
        assert re.fullmatch(r"(-?\d+\.\d,-?\d+\.\d ?)+", points), points[:40]
    assert "Seed 7" in html  # the regime switch, reproducible by its seed
    response = client.get("/prognose/scenarios/regimewissel.csv")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == "scenario,pad,periode,reeks,waarde"
    assert len(lines) == 1 + 200 * 8 * 3  # 200 paths, 8 quarters, 3 series
    assert client.get("/prognose/scenarios/bestaat-niet.csv").status_code == 404


def test_no_data_folder_is_a_clear_503(
    client: Any, settings: Any, tmp_path: Path, compute_spy: Any
) -> None:
    settings.MIGRATIEKETEN_DATA_DIR = str(tmp_path / "leeg")
    response = client.get("/prognose")
    assert response.status_code == 503
    assert "bestaat niet" in response.content.decode()
    assert compute_spy.calls == 0  # nothing is computed for a folder without data


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_intro_gives_the_last_figure_of_each_series(
    client: Any, stored_forecast: Any
) -> None:
    html = _page(client, "/prognose")
    intro = html[html.index("<h1") : html.index('class="mk-series"')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", intro))
    assert "eerste asielverzoeken per kwartaal tot en met 2024-Q4" in text
    assert "nareizigers per kwartaal tot en met 2024-Q2" in text
    assert "Nareizigers na 2024-Q2" in text
    # No single 'data up to' date that contradicts the chart's last measured quarter.
    assert "op cijfers tot en met" not in text


def test_caveat_and_model_are_said_once(client: Any, stored_forecast: Any) -> None:
    for url in ("/prognose", "/prognose?reeks=eerste_asielverzoeken"):
        html = _page(client, url)
        caveat = _section(html, "niet-weten").lower()
        for phrase in ("oorlogen", "beleidswijzigingen", "buurlanden", "migratiepact"):
            assert caveat.count(phrase) == 1, phrase
        model = _section(html, "model").lower()
        assert model.count("gelijk gewogen gemiddelde") == 1
        assert model.count("onzekerheidsvloer") == 1
    model = _section(_page(client, "/prognose?reeks=nareizigers"), "model")
    assert "Vergunningmodel" in model and "vertraging van" in model
