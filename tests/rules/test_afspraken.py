# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Regional agreements (art. 29 lid 2) and mergers (art. 30) from a YAML file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules.afspraken import (
    AfsprakenError,
    load_afspraken,
    parse_afspraken,
)
from migratieketen.rules.service import run_taakstelling
from migratieketen_cli import rules_commands

AFSPRAKEN = """\
regionale_afspraken:
  - naam: Holland Rijnland
    wijzigingen: {GM0626: -3, GM0546: 3}
herindelingen:
  - code: GM9001
    naam: Proefgemeente
    delen: [GM0629, GM0638]
"""


def test_agreement_and_merger_applied(shared_data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "afspraken.yaml"
    path.write_text(AFSPRAKEN, encoding="utf-8")
    run = run_taakstelling("2025-1", shared_data_dir, afspraken=load_afspraken(path))
    base = run_taakstelling("2025-1", shared_data_dir)
    assert run.final("GM0626") == base.result.per_gemeente["GM0626"].taakstelling - 3
    assert run.final("GM0546") == base.result.per_gemeente["GM0546"].taakstelling + 3
    assert "GM0629" not in run.result.per_gemeente
    pops = base.population.populations
    assert run.population.populations["GM9001"] == pops["GM0629"] + pops["GM0638"]
    assert run.population.names["GM9001"] == "Proefgemeente"
    assert run.population.province_codes["GM9001"] == "PV28"
    assert any("art. 30" in n for n in run.population.notes)
    rec, expl = next(r for r in run.records() if r[0]["gemeentecode"] == "GM0626")
    assert rec["na_regionale_afspraak"] == run.final("GM0626")
    assert [r.article for r in expl.references] == ["29", "29"]
    assert "Holland Rijnland" in expl.arithmetic


def test_cli_afspraken(shared_data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "afspraken.yaml"
    path.write_text(AFSPRAKEN, encoding="utf-8")
    app = typer.Typer()
    rules_commands.register(app)
    args = ["taakstelling", "2025-1", "--afspraken", str(path), "--format", "csv"]
    result = CliRunner().invoke(app, [*args, "--data", str(shared_data_dir)])
    assert result.exit_code == 0, result.output
    rows = {r["gemeentecode"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert len(rows) == 341
    assert int(rows["GM0626"]["na_regionale_afspraak"]) == (
        int(rows["GM0626"]["taakstelling"]) - 3
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "regionale_afspraken:\n  - wijzigingen: {GM0626: -3}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app,
        [
            "taakstelling",
            "2025-1",
            "--afspraken",
            str(bad),
            "--data",
            str(shared_data_dir),
        ],
    )
    assert result.exit_code == 1
    assert "moet 0 zijn" in result.output.replace("\n", " ")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([1, 2], "mapping"),
        ({"andere": 1}, "Onbekende sleutel"),
        ({"regionale_afspraken": [{"naam": "x"}]}, "wijzigingen"),
        (
            {"regionale_afspraken": [{"wijzigingen": {"GM1": "drie"}}]},
            "geen geheel getal",
        ),
        ({"herindelingen": [{"code": "GM1", "delen": ["GM2"]}]}, "minstens twee"),
        ({"herindelingen": [{"delen": ["GM2", "GM3"]}]}, "verplicht"),
    ],
)
def test_invalid_afspraken(raw: object, message: str) -> None:
    with pytest.raises(AfsprakenError, match=message):
        parse_afspraken(raw)


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(AfsprakenError, match="ontbreekt"):
        load_afspraken(tmp_path / "x.yaml")
    broken = tmp_path / "b.yaml"
    broken.write_text("a: [1,\n", encoding="utf-8")
    with pytest.raises(AfsprakenError, match="geen geldige YAML"):
        load_afspraken(broken)


def test_gs_population_is_used(shared_data_dir: Path) -> None:
    afs = parse_afspraken(
        {
            "herindelingen": [
                {"code": "GM9001", "delen": ["GM0629", "GM0638"], "inwoners_gs": 5}
            ]
        }
    )
    run = run_taakstelling(hw.HalfYear(2025, 1), shared_data_dir, afspraken=afs)
    assert run.population.populations["GM9001"] == 5
