# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: `migratieketen simuleer parameters` shows Dutch labels and public sources.

The core's English developer notes cite internal reference files ("rules.md §4.2",
"planning-anchors.md", data file names); none of that may reach a user.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migratieketen.chain import default_parameters
from migratieketen.chain.public_notes import PUBLIC_NOTES
from migratieketen_cli.main import app

runner = CliRunner()
INTERNAL = re.compile(
    r"\.md\b|§|\b[\w-]+\.(csv|ya?ml|py)\b|ASSUMPTION|CALIBRATED|DERIVED|NOT FOUND"
    r"|UNVERIFIED|rules\.md|planning-anchors|scripts/",
)
PREFIXES = ("Aanname: ", "Afgeleid", "Gekalibreerd")


def _parameters(fmt: str, data: Path) -> str:
    result = runner.invoke(
        app,
        ["simuleer", "parameters", "--format", fmt, "--data-dir", str(data)],
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_every_parameter_has_a_public_note() -> None:
    assert set(PUBLIC_NOTES) == set(default_parameters())
    for name, note in PUBLIC_NOTES.items():
        assert not INTERNAL.search(note.label + note.source), name
        # A figure is either cited with a web address or says how we chose it.
        assert note.url.startswith("https://") or note.source.startswith(PREFIXES), name


@pytest.mark.parametrize("fmt", ["tabel", "csv", "json"])
def test_output_has_no_internal_file_or_english_note(
    shared_data_dir: Path, fmt: str
) -> None:
    output = _parameters(fmt, shared_data_dir)
    assert not INTERNAL.search(output), INTERNAL.search(output)
    assert "Aanname: " in output and "AANNAME" not in output


def test_table_shows_dutch_labels_not_ids(shared_data_dir: Path) -> None:
    output = " ".join(_parameters("tabel", shared_data_dir).split())
    assert "Kosten per bewonerjaar, regulier azc" in output
    assert "cost_regular_per_year" not in output
    assert "Opvang" in output and "reception" not in output
    assert "2.890" in output  # IND decisions per month, Dutch thousands separator


def test_csv_and_json_keep_the_id_for_scenario_files(shared_data_dir: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_parameters("csv", shared_data_dir))))
    by_id = {r["parameter"]: r for r in rows}
    assert len(rows) == len(default_parameters())
    cost = by_id["cost_regular_per_year"]
    assert cost["omschrijving"] == "Kosten per bewonerjaar, regulier azc"
    assert cost["bron"].startswith("COA, Jaarverslag 2023")
    assert cost["url"].startswith("https://nos.nl/")
    data = json.loads(_parameters("json", shared_data_dir))
    assert {d["parameter"] for d in data} == set(by_id)
