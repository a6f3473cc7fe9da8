# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen woningmarkt`: table, json, csv, frontier and Dutch errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from migratieketen_cli import woningmarkt_commands


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    woningmarkt_commands.register(a)
    a.command(name="noop")(lambda: None)  # a group, so the command name is kept
    return a


def _run(app: typer.Typer, *args: str, data: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["woningmarkt", *args, "--data-dir", str(data)])
    return result.exit_code, result.output


def test_registered_in_main_module_list() -> None:
    main = Path(woningmarkt_commands.__file__).with_name("main.py").read_text("utf-8")
    assert '"migratieketen_cli.woningmarkt_commands"' in main


def test_json_has_waits_per_group_and_taakstelling(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app, "--gemeente", "GM0984", "--voorrang", "0,3", "--tussenvoorziening", "20",
        "--runs", "40", "--jaren", "2", "--format", "json", data=shared_data_dir,
    )  # fmt: skip
    assert code == 0, out
    data = json.loads(out)
    assert data["gemeente"] == {"code": "GM0984", "naam": "Venray"}
    assert set(data["wachttijden"]) == {
        "statushouders_coa", "statushouders_woning", "urgent", "regulier",
    }  # fmt: skip
    for group in data["wachttijden"].values():
        assert group["p50_maanden"]["mediaan"] <= group["p90_maanden"]["mediaan"]
    assert len(data["taakstelling"]) == 4
    assert data["beleid"]["tussenvoorziening_plaatsen"] == 20
    assert any(a.startswith("AANNAME") for a in data["aannames"])
    assert "SCHATTING" in data["label"]


def test_table_shows_sources_and_assumptions(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app, "--gemeente", "Venray", "--voorrang", "10%", "--runs", "20", "--jaren", "1",
        data=shared_data_dir,
    )  # fmt: skip
    assert code == 0, out
    assert "voorrang 10 %" in out
    assert "Bron: CBS, Kerncijfers wijken en buurten" in out
    assert "AANNAME" in out and "Huisvestingswet 2014" in out
    assert "rules.md" not in out and "planning-anchors" not in out


def test_frontier_csv(app: typer.Typer, shared_data_dir: Path) -> None:
    code, out = _run(
        app, "--gemeente", "GM0984", "--frontier", "--runs", "10", "--jaren", "2",
        "--format", "csv", data=shared_data_dir,
    )  # fmt: skip
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 106
    assert sum(r["huidig_beleid"] == "True" for r in rows) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--gemeente", "GM0984", "--voorrang", "30"), "aandeel tussen 0 en 1"),
        (("--gemeente", "GM0984", "--voorrang", "veel"), "geen getal"),
        (("--gemeente", "Nergenshuizen"), "Nergenshuizen"),
        (("--gemeente", "GM0984", "--parameter", "turnover_per_year=5"), "maximum"),
        (("--gemeente", "GM0984", "--parameter", "zonder-is"), "NAAM=WAARDE"),
        (("--gemeente", "GM0984", "--stap", "dag"), "week of --stap maand"),
        (("--alle-gemeenten",), "--frontier"),
        (("--gemeente", "GM0984", "--format", "xml"), "Onbekend formaat"),
    ],
)
def test_bad_input_gives_a_dutch_error(
    app: typer.Typer, shared_data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    code, out = _run(app, *args, data=shared_data_dir)
    assert code == 2
    assert message in out


def test_parameters_listing(app: typer.Typer, shared_data_dir: Path) -> None:
    code, out = _run(app, "--parameters", "--format", "json", data=shared_data_dir)
    assert code == 0
    names = {p["name"] for p in json.loads(out)}
    assert {"turnover_per_year", "coa_cost_per_place_year"} <= names


def test_a_local_urgent_inflow_replaces_the_calibration(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    args = ("--gemeente", "GM0984", "--voorrang", "0.1", "--runs", "20", "--jaren", "2")
    _, low = _run(app, *args, "--format", "json", data=shared_data_dir)
    _, high = _run(
        app, *args, "--urgent-instroom", "200", "--format", "json", data=shared_data_dir
    )

    def wait(out: str) -> float:
        return float(json.loads(out)["wachttijden"]["urgent"]["p90_maanden"]["mediaan"])

    assert wait(high) > wait(low)  # far more urgent seekers than the quota can serve
    code, out = _run(app, *args, "--urgent-instroom", "-1", data=shared_data_dir)
    assert code == 2 and "urgent-instroom" in out
