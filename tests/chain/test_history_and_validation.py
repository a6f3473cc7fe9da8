# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""History replay on the shared open data, calibration metric and the validation report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from migratieketen.chain import builtin_scenario, run_ensemble
from migratieketen.chain.calibration import ard, read_validation_csv, score
from migratieketen.chain.gemeenten import load_gemeente_inputs
from migratieketen.chain.history import load_history, load_observations
from migratieketen.data import asylum
from migratieketen_cli.main import app


def test_ard_is_the_mean_relative_difference() -> None:
    assert ard([110, 90], [100, 100]) == pytest.approx(0.1)
    assert ard([100], [100]) == 0


def test_quarterly_to_monthly_keeps_quarter_totals(shared_data_dir: Path) -> None:
    hist = load_history(shared_data_dir, "2024-12")
    quarterly = asylum.load_first_requests_quarterly(shared_data_dir)
    monthly = asylum.load_first_requests_monthly(shared_data_dir)
    for period, value in zip(quarterly.periods, quarterly.values, strict=True):
        year, q = int(period[:4]), int(period[-1])
        t = (year - 2013) * 12 + (q - 1) * 3
        months = [f"{year}-{(q - 1) * 3 + k + 1:02d}" for k in range(3)]
        if all(m in monthly.periods for m in months):
            continue  # published months are used as published
        assert hist.first[t : t + 3].sum() == pytest.approx(value)


def test_observations_stop_at_the_calibration_cutoff(shared_data_dir: Path) -> None:
    obs = load_observations(shared_data_dir.parent, "2023-06")
    assert max(o.month for o in obs) <= "2023-06"
    assert {o.series for o in obs} == {"coa_total", "coa_statushouders"}
    assert any(o.month == "2015-12" and o.value == 47_636 for o in obs)


def test_gemeente_inputs_cover_all_342(shared_data_dir: Path) -> None:
    gem = load_gemeente_inputs(shared_data_dir)
    assert len(gem) == 342
    assert gem.share.sum() == pytest.approx(1.0)
    amsterdam = gem.codes.index("GM0363")
    assert gem.share[amsterdam] == pytest.approx(931_298 / 17_942_942, rel=1e-3)
    assert np.all(gem.corporation_dwellings > 0)


def test_history_replay_is_close_to_published_occupancy(shared_data_dir: Path) -> None:
    result = run_ensemble(
        builtin_scenario("historie", "2023-06"), shared_data_dir, runs=50
    )
    median = {n: result.series(n) for n in ("coa_total", "coa_statushouders")}
    fit = score(median, load_observations(shared_data_dir.parent, "2023-06"), "2013-01")
    assert fit.total < 0.2
    assert result.max_imbalance() < 1e-3


def test_validation_csv_errors_are_specific(tmp_path: Path) -> None:
    path = tmp_path / "later.csv"
    path.write_text("month,series,value\n2024-01,coa_totaal,60000\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rij 2"):
        read_validation_csv(path)


def test_cli_historie_json_and_csv(shared_data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"MIGRATIEKETEN_DATA_DIR": str(shared_data_dir)}
    out = runner.invoke(
        app,
        [
            "simuleer",
            "historie",
            "--tot",
            "2024-12",
            "--runs",
            "20",
            "--format",
            "json",
        ],
        env=env,
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["months"][-1] == "2024-12"
    assert set(data["series"]["coa_total"]) >= {"p5", "p50", "p95", "label_nl"}
    assert len(data["gemeenten"]) == 342
    target = tmp_path / "uit.csv"
    out = runner.invoke(
        app,
        [
            "simuleer",
            "piek2015",
            "--runs",
            "20",
            "--format",
            "csv",
            "--uitvoer",
            str(target),
        ],
        env=env,
    )
    assert out.exit_code == 0, out.output
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header == "month,series,p5,p25,p50,p75,p95,mean"


def test_cli_bad_scenario_exits_with_dutch_message(shared_data_dir: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        app,
        ["simuleer", "historie", "--tot", "2030-01"],
        env={"MIGRATIEKETEN_DATA_DIR": str(shared_data_dir)},
    )
    assert out.exit_code == 2
    assert "maar bekend tot" in out.output


@pytest.mark.slow
def test_validation_report_calibrates_and_scores(shared_data_dir: Path) -> None:
    from migratieketen.chain.calibration import CALIBRATED, validation_report
    from migratieketen.chain.history import Observation

    later = [Observation("2024-06", "coa_total", 60_000.0, "test")]
    report = validation_report(
        shared_data_dir,
        shared_data_dir.parent,
        runs=40,
        later=later,
        max_evaluations=300,
    )
    assert set(report["calibrated"]) == set(CALIBRATED)  # type: ignore[arg-type]
    assert 0 < report["ard_in_sample"] < 0.15  # type: ignore[operator]
    assert report["ard_out_of_sample"] is not None
    months = [p["month"] for p in report["replay_after_cutoff"]]  # type: ignore[attr-defined]
    assert months == ["2023-12", "2024-06", "2024-12"]


def test_validation_csv_reads_the_old_series_name(tmp_path: Path) -> None:
    path = tmp_path / "later.csv"
    path.write_text(
        "month,series,value\n2024-06,coa_permit_holders,20000\n"
        "2024-06,coa_statushouders,21000\n",
        encoding="utf-8",
    )
    assert [o.series for o in read_validation_csv(path)] == ["coa_statushouders"] * 2


def test_validation_report_calls_the_later_part_a_replay_not_a_forecast() -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "validate_chain.py"
    spec = importlib.util.spec_from_file_location("validate_chain", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    band = {
        f"{s}_{t}": 1.0
        for s in ("coa_total", "coa_statushouders")
        for t in ("p_low", "p50", "p_high")
    }
    per = {"coa_total": 0.1, "coa_statushouders": 0.1}
    text = module.format_report(
        {
            "calibrated": {},
            "rows": [],
            "ard_in_sample": 0.1,
            "ard_in_sample_per_series": per,
            "ard_out_of_sample": 0.2,
            "ard_out_of_sample_per_series": per,
            "runs": 10,
            "percentile_band": [5, 95],
            "replay_after_cutoff": [{"month": "2024-06", **band}],
            "max_imbalance_persons": 0.0,
        }
    )
    assert "Naspeling met waargenomen instroom" in text
    assert "voorspelling" not in text.lower().replace("geen voorspelling", "")
