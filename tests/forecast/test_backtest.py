# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The backtest scores every model and baseline per horizon in one run."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from migratieketen.forecast import BacktestResult, load_inputs, run_backtest
from migratieketen.forecast.models import ALL_MODELS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backtest(shared_data_dir: Path) -> BacktestResult:
    # A shorter window keeps the test fast; the CLI runs the full 2014-Q4 start.
    return run_backtest(
        load_inputs(shared_data_dir), first_origin="2020-Q4", n_paths=200
    )


def test_every_model_and_horizon_scored(backtest: BacktestResult) -> None:
    rows = backtest.rows("eerste_asielverzoeken")
    for model in (*ALL_MODELS, "ensemble"):
        for h in (1, 2, 4, 8):
            matches = [r for r in rows if r.model == model and r.horizon == h]
            assert len(matches) == 1, (model, h)
            row = matches[0]
            assert row.n > 0
            assert (
                0.0 <= row.coverage50 <= row.coverage90 <= 1.0
                or row.coverage50 > row.coverage90
            )
            assert math.isfinite(row.mase) and row.mase >= 0
    naive = [r for r in rows if r.model == "naive"]
    assert all(r.skill_mase == 0.0 for r in naive)


def test_origins_never_see_their_targets(backtest: BacktestResult) -> None:
    from migratieketen.data.asylum import period_index

    for rec in backtest.records:
        assert (
            period_index(rec.target, "Q") - period_index(rec.origin, "Q")
            == rec.horizon
            >= 1
        )


def test_given_fits_must_cover_every_origin(shared_data_dir: Path) -> None:
    with pytest.raises(ValueError, match="every backtest origin"):
        run_backtest(load_inputs(shared_data_dir), first_origin="2020-Q4", fits={})


def test_ensemble_is_the_chosen_variant(backtest: BacktestResult) -> None:
    from migratieketen.forecast.ensemble import CHOSEN

    assert backtest.ensemble == CHOSEN.name
    assert backtest.summary()["ensemble"] == CHOSEN.name
    # The random walk is a member: at horizon 1 the ensemble never sits outside the
    # range of its members' medians (checked per origin).
    by_key: dict[tuple[str, str], dict[str, float]] = {}
    for rec in backtest.records:
        if rec.series == "eerste_asielverzoeken" and rec.horizon == 1:
            by_key.setdefault((rec.origin, rec.target), {})[rec.model] = rec.median
    for key, medians in by_key.items():
        members = [medians[m] for m in CHOSEN.members]
        assert min(members) - 1e-6 <= medians["ensemble"] <= max(members) + 1e-6, key


def test_surge_subset_reported(backtest: BacktestResult) -> None:
    surge = backtest.rows("eerste_asielverzoeken", "piek 2022-2023")
    assert {r.model for r in surge} >= {"naive", "ensemble"}
    assert {r.series for r in backtest.scores} == {
        "eerste_asielverzoeken",
        "nareizigers",
        "totale_instroom",
    }
    assert backtest.summary()["eerste_asielverzoeken"]


def test_every_variant_is_scored_on_the_same_backtest(
    backtest: BacktestResult, shared_data_dir: Path
) -> None:
    from migratieketen.forecast.ensemble import CHOSEN, VARIANTS

    selection = backtest.selection
    assert [v.name for v in selection] == [v.name for v in VARIANTS]
    assert [v.name for v in selection if v.chosen] == [CHOSEN.name]
    chosen = next(v for v in selection if v.chosen)
    assert chosen.score == backtest.selection_score()
    assert all(math.isfinite(v.score) for v in selection)
    # a variant's score is that of its own backtest on the same fits and seed
    runner = max((v for v in selection if not v.chosen), key=lambda v: v.score)
    spec = next(v for v in VARIANTS if v.name == runner.name)
    alone = run_backtest(
        load_inputs(shared_data_dir),
        first_origin="2020-Q4",
        n_paths=200,
        spec=spec,
        compare_variants=False,
    )
    assert alone.selection == ()
    assert alone.selection_score() == pytest.approx(runner.score)
    assert backtest.summary()["selection"][0]["name"] == VARIANTS[0].name


def test_cli_says_the_choice_was_made_on_this_backtest(
    backtest: BacktestResult,
) -> None:
    from migratieketen_cli.forecast_commands import selection_lines

    text = " ".join(selection_lines(backtest))
    assert "gekozen op deze zelfde backtest" in text
    assert "niet zuiver buiten de steekproef" in text
    runner = max((v for v in backtest.selection if not v.chosen), key=lambda v: v.score)
    assert f"tweede keus {runner.name}" in text
