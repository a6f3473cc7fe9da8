# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The Spreidingswet distribution against the published figures (../shared/reference).

Done-criteria of the SES-WOA key: the default CLI run (SES-WOA from the data folder)
is within 2 % mean absolute error of the published gemeente figures, sums to 96,000,
provinces are the sums of their gemeenten, and the output names its SES-WOA source
and vintage. The chosen form inhabitants x (1 + SES) is also the best of the
parameter-free candidates on every set of figures; nothing is fitted to them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from rules_support import REFERENCE_DIR
from typer.testing import CliRunner

from migratieketen.data import load_dataset
from migratieketen.rules import spreiding_validation as sv
from migratieketen_cli import rules_commands


@pytest.fixture(scope="module")
def published() -> sv.Published:
    return sv.read_published(REFERENCE_DIR / "tables")


@pytest.fixture(scope="module")
def province_names(shared_data_dir: Path) -> dict[str, str]:
    return {p.code: p.name for p in load_dataset(shared_data_dir).provinces}


def test_reference_tables_are_read(published: sv.Published) -> None:
    assert published.gemeenten == {
        "Amsterdam": 4479,
        "Zaanstad": 818,
        "Bloemendaal": 172,
        "Heerlen": 326,
        "Wijdemeren": 163,
        "Wormerland": 98,
        "Oostzaan": 62,
    }
    assert len(published.provinces) == 12
    assert published.derived_provinces == {"Utrecht"}


def test_cli_json_meets_the_done_criteria(
    shared_data_dir: Path, published: sv.Published
) -> None:
    app = typer.Typer()
    rules_commands.register(app)
    out = CliRunner().invoke(
        app,
        [
            "spreiding",
            "--raming",
            "96000",
            "--format",
            "json",
            "--data",
            str(shared_data_dir),
        ],
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    places = {g["gemeentenaam"]: g["plaatsen"] for g in doc["gemeenten"]}
    assert sum(places.values()) == 96000 == doc["som_gemeenten"]
    errors = [sv.FigureError(n, p, places[n]) for n, p in published.gemeenten.items()]
    assert sv.mape(errors) <= 2.0
    by_province: dict[str, int] = {}
    for g in doc["gemeenten"]:
        pv = g["provinciecode"]
        by_province[pv] = by_province.get(pv, 0) + g["plaatsen"]
    assert {p["provinciecode"]: p["plaatsen"] for p in doc["provincies"]} == by_province
    assert doc["ses_woa_periode"] == "2022"
    assert "SES-WOA per postcode (peildatum 01-01-2022)" in doc["ses_woa_bron"]
    assert doc["ses_woa_herkomst"].startswith("Bron: CBS")
    assert doc["peildatum_bevolking"] == "2023-01-01"
    hoe = doc["gemeenten"][0]["uitleg"]
    assert any(n.startswith("Aanname: de vorm van de weging") for n in hoe["notes"])


def test_variants_against_the_published_figures(
    shared_data_dir: Path, published: sv.Published, province_names: dict[str, str]
) -> None:
    reports = {
        r.variant: r for r in sv.validate(shared_data_dir, published, province_names)
    }
    postcode = reports["postcode"]
    assert postcode.available and len(postcode.gemeenten) == 7
    assert postcode.mape_gemeenten <= 2.0
    assert postcode.mape_provinces <= 1.0
    assert max(abs(e.pct) for e in postcode.scored_provinces) <= 1.0
    population_only = reports["geen"]
    assert population_only.mape_gemeenten > 10 * postcode.mape_gemeenten
    assert reports["schatting"].mape_gemeenten > postcode.mape_gemeenten
    # the CBS gemeente table is not in the shared folder: reported, not faked
    assert not reports["cbs"].available


def test_chosen_form_is_the_best_candidate(
    shared_data_dir: Path, published: sv.Published, province_names: dict[str, str]
) -> None:
    forms = sv.candidate_forms(shared_data_dir, published, province_names)
    chosen = next(f for f in forms if f.form == "inwoners 1-1-2023 x (1 + SES)")
    assert all(chosen.mape_gemeenten <= f.mape_gemeenten for f in forms)
    assert all(chosen.mape_provinces <= f.mape_provinces for f in forms)
