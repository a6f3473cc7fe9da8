# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen plan koppeling`: JSON and CSV output, refusal of personal data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from migratieketen.plan.koppeling import DEFAULT_WAIT_WEEKS
from migratieketen_cli import plan_commands

HOUSEHOLDS = """huishouden_id,aankomst,personen,volwassenen,gemeente_verplicht,regio_verplicht,nationaliteitsgroep,geslacht_hoofd
HH-001,2025-01-06,1,1,,,syrie,man
HH-002,2025-01-07,4,2,,,eritrea,vrouw
HH-003,2025-01-08,3,1,GM0363,,afghanistan,vrouw
HH-004,2025-01-14,2,2,,PV27,irak,man
HH-005,2025-01-15,5,2,,,syrie,man
HH-006,2025-02-03,1,1,,,iran,man
HH-007,2025-02-04,2,1,GM0014,,overig,vrouw
"""
CAPACITY = "gemeentecode,capaciteit\nGM0363,4\nGM0599,6\nGM0344,3\nGM0014,1\nGM0361,2\n"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    plan_commands.register(a)
    return a


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    h, c = tmp_path / "H.csv", tmp_path / "C.csv"
    h.write_text(HOUSEHOLDS, encoding="utf-8")
    c.write_text(CAPACITY, encoding="utf-8")
    return h, c


def _run(app: typer.Typer, data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["plan", "koppeling", *args, "--data", str(data)])
    return result.exit_code, result.output


def test_registered_in_main_module_list() -> None:
    main = Path(plan_commands.__file__).with_name("main.py").read_text(encoding="utf-8")
    assert '"migratieketen_cli.plan_commands"' in main


def test_help_states_the_default_beslistermijn(app: typer.Typer) -> None:
    """The help text keeps the default as a literal (no core import at start-up)."""
    result = CliRunner().invoke(
        app, ["plan", "koppeling", "--help"], env={"COLUMNS": "200"}
    )
    assert f"standaard {DEFAULT_WAIT_WEEKS})" in " ".join(result.output.split())


def test_json_one_record_per_household_and_summary(
    app: typer.Typer, files: tuple[Path, Path], shared_data_dir: Path
) -> None:
    h, c = files
    code, out = _run(
        app,
        shared_data_dir,
        "--huishoudens",
        str(h),
        "--capaciteit",
        str(c),
        "--format",
        "json",
    )
    assert code == 0, out
    payload = json.loads(out[out.index("{") :])
    records, summary = payload["huishoudens"], payload["samenvatting"]
    assert [r["huishouden_id"] for r in records] == [f"HH-00{i}" for i in range(1, 8)]
    by_id = {r["huishouden_id"]: r for r in records}
    assert by_id["HH-003"]["gemeentecode"] == "GM0363"  # hard constraint kept
    assert by_id["HH-004"]["gemeentecode"] in ("GM0363", "GM0361")  # PV27
    assert by_id["HH-007"]["gemeentecode"] is None  # GM0014 has 1 place for 2 persons
    assert "GM0014" in by_id["HH-007"]["reden_niet_gekoppeld"]
    assert len(by_id["HH-001"]["uitleg"]["top3"]) == 3
    assert summary["modus"] == "dynamisch"
    assert 0 < summary["aandeel_hindsight_optimum"] <= 1 + 1e-9
    assert summary["hindsight_methode"] == "exact (bewezen optimum)"  # a small file
    assert summary["capaciteit"]["totaal"] == 16
    kinds = {g["kenmerk"] for g in summary["eerlijkheid"]["groepen"]}
    assert kinds == {"geslacht_hoofd", "huishoudtype", "nationaliteitsgroep"}
    assert "ILLUSTRATIEF" in summary["score"]["label"]
    wait = summary["wachten"]
    assert wait["beslistermijn_weken"] == DEFAULT_WAIT_WEEKS  # applied at this size
    waited = [r["weken_gewacht"] for r in records if r["gemeentecode"]]
    assert wait["huishoudens_gewacht"] == sum(w > 0 for w in waited)
    assert wait["langste_weken"] == max(waited)
    assert by_id["HH-007"]["weken_gewacht"] is None  # not linked


def test_csv_with_scores_file_and_hindsight(
    app: typer.Typer, files: tuple[Path, Path], shared_data_dir: Path, tmp_path: Path
) -> None:
    h, c = files
    s = tmp_path / "S.csv"
    lines = ["huishouden_id,gemeentecode,score"]
    for i in range(1, 8):
        for j, code in enumerate(("GM0363", "GM0599", "GM0344", "GM0014", "GM0361")):
            lines.append(f"HH-00{i},{code},{(i * 7 + j * 3) % 5 / 10}")
    s.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--capaciteit", str(c),
        "--scores", str(s), "--modus", "hindsight", "--format", "csv",
    )  # fmt: skip
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out[out.index("huishouden_id") :])))
    assert len(rows) == 7
    # The yardstick maximises the score only: a tied household is linked to its own
    # gemeente or left out with a reason, never sent elsewhere.
    assert rows[2]["gemeentecode"] == "GM0363" or rows[2]["reden_niet_gekoppeld"]


def test_bsn_column_refused_and_nothing_written(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    h = tmp_path / "H.csv"
    h.write_text(
        "huishouden_id,bsn,aankomst,personen,volwassenen\nA,123,2025-01-06,1,1\n"
    )
    out_file = tmp_path / "uit.json"
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--format", "json",
        "--uitvoer", str(out_file),
    )  # fmt: skip
    assert code == 1
    assert "BSN" in out and "niets verwerkt" in out
    assert not out_file.exists()


def test_beslistermijn_outside_its_range_is_refused(
    app: typer.Typer, files: tuple[Path, Path], shared_data_dir: Path, tmp_path: Path
) -> None:
    h, c = files
    out_file = tmp_path / "uit.json"
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--capaciteit", str(c),
        "--beslistermijn", "9", "--format", "json", "--uitvoer", str(out_file),
    )  # fmt: skip
    assert code == 1
    assert "beslistermijn moet een geheel aantal weken van 0 tot en met 8" in out
    assert not out_file.exists()
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--capaciteit", str(c),
        "--beslistermijn", "0", "--format", "json",
    )  # fmt: skip
    assert code == 0, out
    summary = json.loads(out[out.index("{") :])["samenvatting"]
    assert summary["wachten"]["beslistermijn_weken"] == 0


def test_bad_row_reports_row_and_column(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    h = tmp_path / "H.csv"
    h.write_text("huishouden_id,aankomst,personen,volwassenen\nA,06/01/2025,1,1\n")
    code, out = _run(app, shared_data_dir, "--huishoudens", str(h))
    assert code == 1 and "rij 2, kolom aankomst" in out


def test_synthetic_files_round_trip(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app,
        ["plan", "synthetisch", "--naar", str(tmp_path), "--huishoudens", "40",
         "--ruis", "0.2", "--data", str(shared_data_dir)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"H.csv", "C.csv", "S.csv"}
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(tmp_path / "H.csv"),
        "--scores", str(tmp_path / "S.csv"), "--capaciteit", str(tmp_path / "C.csv"),
        "--modus", "greedy", "--format", "json",
    )  # fmt: skip
    assert code == 0, out
    payload = json.loads(out[out.index("{") :])
    assert len(payload["huishoudens"]) == 40
    assert payload["samenvatting"]["score"]["bron"] == "bestand"


def test_unknown_columns_are_ignored_and_named(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    """A researcher's files carry columns of their own: the CLI reads what it needs
    and says what it left out (the web, which keeps uploads, still refuses them)."""
    h, s, c = tmp_path / "H.csv", tmp_path / "S.csv", tmp_path / "C.csv"
    h.write_text(
        "huishouden_id,aankomst,personen,volwassenen,opleiding\n"
        "A,2025-01-06,1,1,hbo\nB,2025-01-07,2,1,mbo\n",
        encoding="utf-8",
    )
    s.write_text(
        "huishouden_id,gemeentecode,score,model\n"
        "A,GM0363,0.5,v2\nA,GM0599,0.2,v2\nB,GM0599,0.4,v2\n",
        encoding="utf-8",
    )
    c.write_text("gemeentecode,capaciteit\nGM0363,4\nGM0599,6\n", encoding="utf-8")
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--scores", str(s),
        "--capaciteit", str(c), "--format", "json",
    )  # fmt: skip
    assert code == 0, out
    summary = json.loads(out)["samenvatting"]
    notes = summary["meldingen"]
    assert len(notes) == 2
    assert notes[0].startswith("H.csv: kolom(men) opleiding genegeerd")
    assert notes[1].startswith("S.csv: kolom(men) model genegeerd")
    assert summary["gekoppeld"] == 2
    code, out = _run(
        app, shared_data_dir, "--huishoudens", str(h), "--scores", str(s),
        "--capaciteit", str(c),
    )  # fmt: skip
    assert code == 0 and "Let op: H.csv: kolom(men) opleiding genegeerd" in out


def test_an_ignored_column_is_still_checked_for_personal_data(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    h = tmp_path / "H.csv"
    h.write_text(
        "huishouden_id,aankomst,personen,volwassenen,opmerking\n"
        "A,2025-01-06,1,1,Jan Jansen\n",
        encoding="utf-8",
    )
    code, out = _run(app, shared_data_dir, "--huishoudens", str(h))
    assert code == 1 and "persoonsnaam" in out
