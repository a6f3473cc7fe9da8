# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: `migratieketen simuleer` speaks to its user: valid names on a wrong
scenario, no internal words on a wrong --runs, and a table that fits 80 columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migratieketen.chain import BUILTIN_SCENARIOS
from migratieketen_cli.main import app

runner = CliRunner()


def test_unknown_scenario_lists_the_valid_names(shared_data_dir: Path) -> None:
    result = runner.invoke(
        app, ["simuleer", "piek2016", "--data-dir", str(shared_data_dir)]
    )
    assert result.exit_code == 2
    output = " ".join(result.output.split())  # the console wraps long lines
    assert "Onbekend scenario 'piek2016'" in output
    for name in (*BUILTIN_SCENARIOS, "valideer", "parameters"):
        assert name in output


@pytest.mark.parametrize("runs", ["-5", "0"])
def test_negative_runs_say_what_to_type_without_internals(
    shared_data_dir: Path, runs: str
) -> None:
    result = runner.invoke(
        app, ["simuleer", "basis", "--runs", runs, "--data-dir", str(shared_data_dir)]
    )
    assert result.exit_code == 2
    assert f"--runs moet een geheel getal van minstens 1 zijn, niet {runs}." in (
        " ".join(result.output.split())
    )
    assert "chunk" not in result.output


@pytest.mark.slow
def test_table_fits_80_columns_without_cutting(shared_data_dir: Path) -> None:
    result = runner.invoke(
        app,
        ["simuleer", "basis", "--runs", "20", "--data-dir", str(shared_data_dir)],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in result.stdout  # rich's mark for a cut cell or header
    header = " ".join(lines[:8])
    for word in ("Maand", "mediaan", "p5–p95", "houders", "noodopvang", "(mln €)"):
        assert word in header
    ranges = re.findall(r"│ *(\d[\d.]*)–(\d[\d.]*) *│", result.stdout)
    assert len(ranges) >= 10
    for low, high in ranges:
        assert int(low.replace(".", "")) <= int(high.replace(".", ""))
