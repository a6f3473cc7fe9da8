# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen plan opvang` and `plan opvang-backtest` on tiny instances."""

from __future__ import annotations

import csv
import io
import json
import traceback
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from migratieketen.plan.opvang.candidates import COLUMNS, GENERIC_LABEL
from migratieketen_cli import plan_commands

TINY = ["--provincie", "PV21", "--paden", "3", "--maanden", "6", "--max-kandidaten", "8",
        "--tijdslimiet", "10", "--seed", "5"]  # fmt: skip


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    plan_commands.register(a)
    return a


def _run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["plan", *args])
    err = r.stderr
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        err += "".join(traceback.format_exception(r.exception))  # shown on failure
    return r.exit_code, r.stdout, err


def test_json_has_locations_and_summary(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out, err = _run(app, "opvang", *TINY, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    s = data["samenvatting"]
    assert s["gebied"] == "PV21" and len(s["maanden"]) == 6
    assert {"verwachte_kosten", "crisisplaatsmaanden_verwacht", "crisisplaatsmaanden_p95",
            "normen"} <= set(s)  # fmt: skip
    assert {n["naam"] for n in s["normen"]} >= {"wijk_aandeel", "max_plaatsen"}
    assert set(s["beleid"]) == {
        "stochastisch",
        "deterministisch",
        "reactief",
        "hybride",
        "niets_doen",
    }
    for rec in data["locaties"]:
        assert rec["wijkcode"].startswith("WK") and rec["gemeentecode"].startswith("GM")
        assert len(rec["plaatsen_per_maand"]) == 6 and rec["label"] == GENERIC_LABEL


def test_same_seed_same_json(app: typer.Typer, shared_data_dir: Path) -> None:
    a = json.loads(_run(app, "opvang", *TINY, "--format", "json")[1])
    b = json.loads(_run(app, "opvang", *TINY, "--format", "json")[1])
    assert a["locaties"] == b["locaties"]


def test_csv_has_one_column_per_month(app: typer.Typer, shared_data_dir: Path) -> None:
    code, out, err = _run(app, "opvang", *TINY, "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["naam", "label", "wijkcode"] and len(rows[0]) == 10 + 6


def test_xlsx_needs_an_output_file_and_writes_the_csv_table(
    app: typer.Typer, tmp_path: Path, shared_data_dir: Path
) -> None:
    from openpyxl import load_workbook

    code, _, err = _run(app, "opvang", *TINY, "--format", "xlsx")
    assert code == 1 and "--uitvoer" in err
    target = tmp_path / "plan.xlsx"
    code, _, err = _run(
        app, "opvang", *TINY, "--format", "xlsx", "--uitvoer", str(target)
    )
    assert code == 0, err
    header = next(load_workbook(target)["Plan"].iter_rows(values_only=True))
    assert header[:3] == ("naam", "label", "wijkcode") and len(header) == 10 + 6


def test_bad_candidate_file_is_refused(
    app: typer.Typer, tmp_path: Path, shared_data_dir: Path
) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        ",".join(COLUMNS) + "\nA,WK999999,regulier,10,5,3,1,1,1,,12,1\n",
        encoding="utf-8",
    )
    code, out, err = _run(app, "opvang", *TINY, "--kandidaten", str(path))
    assert code == 1 and out == ""
    err = " ".join(err.split())  # rich wraps long lines
    assert "Rij 2, kolom wijkcode" in err and "Rij 2, kolom max_plaatsen" in err


def test_unknown_province_is_refused(app: typer.Typer, shared_data_dir: Path) -> None:
    code, _, err = _run(app, "opvang", "--provincie", "PV99", "--paden", "2")
    assert code == 1 and "PV99" in err


def test_backtest_json_one_record_per_policy(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out, err = _run(app, "opvang-backtest", "--van", "2015", "--tot", "2015", "--paden", "3",
                          "--max-kandidaten", "16", "--tijdslimiet", "5", "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    names = [r["beleid"] for r in data["beleid"]]
    assert names == [
        "stochastisch",
        "stochastisch_risico",
        "deterministisch",
        "reactief",
        "hybride",
    ]
    assert data["beslismomenten"] == ["2015-01", "2015-07"]
    assert data["prognose"] == "motor"
    assert data["prognose_per_beslismoment"] == {"2015-01": "motor", "2015-07": "motor"}
    for r in data["beleid"]:
        assert r["totale_kosten"] > 0 and r["crisisplaatsmaanden"] >= 0
        assert r["churn"] == r["openingen"] + r["sluitingen"]
    assert data["beleid"][0]["proportionaliteit_overschrijdingen"] == 0
    by = {r["beleid"]: r for r in data["beleid"]}
    # The hybrid keeps the stochastic plan and only adds noodopvang: never more crisis.
    assert (
        by["hybride"]["crisisplaatsmaanden"]
        <= by["stochastisch"]["crisisplaatsmaanden"]
    )
    assert by["hybride"]["openingen"] >= by["stochastisch"]["openingen"]


def test_batches_report_the_decomposition(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    args = [*TINY[:2], "--paden", "6", *TINY[4:]]
    code, out, err = _run(app, "opvang", *args, "--batches", "3", "--format", "json")
    assert code == 0, err
    d = json.loads(out)["samenvatting"]["decompositie"]
    assert d["batches"] == 3 and 0 <= d["gekozen_batch"] < 3
    assert d["bovengrens_geevalueerd"] == min(d["geevalueerd_per_batch"])
    code, out, _ = _run(app, "opvang", *args, "--batches", "3")
    assert code == 0 and "Decompositie in 3 batches" in out


def test_more_batches_than_paths_is_refused(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, _, err = _run(app, "opvang", *TINY, "--batches", "4")
    assert code != 0 and "--batches" in err


def test_backtest_before_the_engine_has_data_falls_back_and_says_so(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out, err = _run(app, "opvang-backtest", "--van", "2014", "--tot", "2014", "--paden", "3",
                          "--max-kandidaten", "16", "--tijdslimiet", "5")  # fmt: skip
    assert code == 0, err
    text = " ".join(out.split())
    assert "random walk bij 2014-01, 2014-07: te weinig data" in text


def test_backtest_random_walk_option(app: typer.Typer, shared_data_dir: Path) -> None:
    code, out, err = _run(app, "opvang-backtest", "--van", "2015", "--tot", "2015", "--paden", "3",
                          "--max-kandidaten", "16", "--tijdslimiet", "5", "--prognose",
                          "randomwalk", "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert set(data["prognose_per_beslismoment"].values()) == {"randomwalk"}
