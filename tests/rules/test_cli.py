# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The `taakstelling` and `spreiding` commands: table, csv and json output, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from migratieketen_cli import rules_commands


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    rules_commands.register(a)
    return a


def _run(app: typer.Typer, *args: str, data: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--data", str(data)])
    return result.exit_code, result.output


def test_registered_in_main_module_list() -> None:
    main = (
        Path(rules_commands.__file__).with_name("main.py").read_text(encoding="utf-8")
    )
    assert '"migratieketen_cli.rules_commands"' in main


def test_taakstelling_csv_one_record_per_gemeente(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app, "taakstelling", "2025-1", "--vg", "17700", "--format", "csv",
        data=shared_data_dir,
    )  # fmt: skip
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 342
    assert len({r["gemeentecode"] for r in rows}) == 342
    vs = next(r for r in rows if r["gemeentecode"] == "GM0626")
    assert vs["taakstelling"] == "26"
    assert vs["berekening"] == "17700 x 25625 / 17942942 = 25.2780 -> ceil = 26"
    assert vs["wettekst_url"].endswith("BWBR0035303&artikel=29&lid=1")


def test_taakstelling_json_uses_published_revised_vg(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app, "taakstelling", "2025-1", "-g", "Voorschoten", "--format", "json",
        data=shared_data_dir,
    )  # fmt: skip
    assert code == 0, out
    doc = json.loads(out)
    assert doc["vg"] == 15000 and doc["aantal_gemeenten"] == 342
    g = doc["gemeenten"][0]
    assert g["taakstelling"] == 22
    assert g["uitleg"]["references"][0]["article"] == "29"


def test_taakstelling_table_and_historic_year(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app, "taakstelling", "2017-1", "-g", "Tholen", data=shared_data_dir
    )
    assert code == 0, out
    assert "Tholen" in out and "20" in out
    assert "geen CBS-gemeentecodes" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("taakstelling", "2024-2"), "--vg"),
        (("taakstelling", "2025-3"), "Ongeldig halfjaar"),
        (("taakstelling", "2021-1", "--vg", "5000"), "1-1-2020"),
        (("taakstelling", "2025-1", "-g", "Atlantis"), "niet gevonden"),
        (("spreiding", "--peildatum", "2023-01-01"), "geldt niet"),
    ],
)
def test_user_errors(
    app: typer.Typer, shared_data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    code, out = _run(app, *args, data=shared_data_dir)
    assert code == 1
    assert message in out.replace("\n", " ")


def test_spreiding_csv_and_provinces(app: typer.Typer, shared_data_dir: Path) -> None:
    code, out = _run(
        app, "spreiding", "--raming", "96000", "--format", "csv", data=shared_data_dir
    )
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 342
    assert sum(int(r["plaatsen"]) for r in rows) == 96000
    # the shared folder has the CBS postcode file: SES-WOA is used by default
    assert all(r["opmerkingen"].startswith("Aanname: de vorm") for r in rows)
    assert all(r["ses_woa"] for r in rows)
    code, out = _run(
        app, "spreiding", "--provincies", "--format", "json", data=shared_data_dir
    )
    doc = json.loads(out)
    assert len(doc["gemeenten"]) == 12
    assert sum(p["plaatsen"] for p in doc["gemeenten"]) == 96000
    assert doc["ses_woa"] == "CBS per postcode, gemiddeld per gemeente"
    code, out = _run(
        app, "spreiding", "--ses-bron", "geen", "--format", "csv", data=shared_data_dir
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert all("SES-WOA-scores niet geladen" in r["opmerkingen"] for r in rows)
    assert not any(r["ses_woa"] for r in rows)


def test_spreiding_with_ses_file_missing_gemeenten_is_an_error(
    app: typer.Typer, shared_data_dir: Path, tmp_path: Path
) -> None:
    ses = tmp_path / "ses.csv"
    ses.write_text(
        "ID,WijkenEnBuurten,Perioden,GemiddeldeScore_29\n1,GM0377,2021JJ00,0.4\n",
        encoding="utf-8",
    )
    code, out = _run(app, "spreiding", "--ses", str(ses), data=shared_data_dir)
    assert code == 1
    assert "SES-WOA-score ontbreekt voor 341" in out.replace("\n", " ")


def test_spreiding_proxy_is_labelled_estimate(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    code, out = _run(
        app,
        "spreiding",
        "--ses-bron",
        "schatting",
        "--format",
        "csv",
        data=shared_data_dir,
    )
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(int(r["plaatsen"]) for r in rows) == 96000
    assert all(r["opmerkingen"].startswith("SCHATTING") for r in rows)
    assert all(r["ses_woa"] for r in rows)


def test_service_gemeente_taakstellingen_feed_the_monitor(
    shared_data_dir: Path,
) -> None:
    from datetime import date

    from migratieketen.rules import huisvestingswet as hw
    from migratieketen.rules.monitor import (
        Realisation,
        monitor,
        realised_per_half_year,
    )
    from migratieketen.rules.service import gemeente_taakstellingen

    periods = hw.half_years(hw.HalfYear(2024, 1), 3)
    taak = gemeente_taakstellingen(
        "GM0626", periods, shared_data_dir, vg_overrides={hw.HalfYear(2024, 2): 20000}
    )
    assert taak[hw.HalfYear(2025, 1)] == 22  # revised vg 15,000
    assert taak[hw.HalfYear(2024, 1)] == 28  # 18,750 x 25,665 / 17,811,291 = 27.02
    rep = monitor(
        "GM0626",
        "PV28",
        periods,
        taak,
        realised_per_half_year(
            [Realisation("GM0626", date(2024, 11, 1), 16)], "GM0626", date(2025, 2, 1)
        ),
        date(2025, 2, 1),
    )
    assert rep.half_years[1].opgave == 28 + taak[hw.HalfYear(2024, 2)]
    assert rep.current.status == "lopend"
