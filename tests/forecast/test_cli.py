# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen prognose` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migratieketen_cli.main import app

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_prognose_csv_and_saved_json(shared_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "prognose.json"
    result = runner.invoke(
        app,
        [
            "prognose",
            "--tot",
            "2025-Q4",
            "--data-tot",
            "2024-Q4",
            "--format",
            "csv",
            "--paden",
            "300",
            "--opslaan",
            str(out),
            "--data-dir",
            str(shared_data_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "reeks,periode,q05,q10,q25,q50,q75,q90,q95"
    for quarter in ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"):
        assert any(line.startswith(f"totale_instroom,{quarter},") for line in lines)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["data_vintage"]["cutoff"] == "2024-Q4"


def test_prognose_rejects_far_horizon(shared_data_dir: Path) -> None:
    result = runner.invoke(
        app, ["prognose", "--tot", "2030-Q1", "--data-dir", str(shared_data_dir)]
    )
    assert result.exit_code == 2
    assert "hooguit 8" in result.output


def test_backtest_table_names_the_ensemble(shared_data_dir: Path) -> None:
    from migratieketen.forecast.ensemble import CHOSEN

    result = runner.invoke(
        app, ["backtest", "--data-dir", str(shared_data_dir)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert f"({CHOSEN.name})" in result.stdout
    assert "eerste_asielverzoeken — hoofdvenster" in result.stdout


def test_prognose_table_titles_are_dutch_labels_with_their_own_data_end(
    shared_data_dir: Path,
) -> None:
    result = runner.invoke(
        app,
        [
            "prognose",
            "--tot",
            "2025-Q4",
            "--paden",
            "200",
            "--data-dir",
            str(shared_data_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())  # titles may wrap
    assert "eerste_asielverzoeken (Q)" not in text
    assert "nareizigers_nowcast" not in text and "(Q)" not in text
    assert "Eerste asielverzoeken, per kwartaal — data t/m 2024-Q4" in text
    # The nareizigers series ends earlier (CBS 83102NED): its title says so.
    assert "Nareizigers, per kwartaal — data t/m 2024-Q2" in text
    assert "Nareizigers, nowcast" in text


def test_a_horizon_before_the_data_names_het_laatste_datakwartaal() -> None:
    from migratieketen.forecast.engine import horizon_to

    with pytest.raises(ValueError, match="ligt niet na het laatste datakwartaal"):
        horizon_to("2024-Q4", "2020-Q1")
