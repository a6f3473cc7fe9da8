# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The prognose on data up to 2024-Q4: complete, monotone, reproducible, with vintage."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from migratieketen.forecast import ForecastResult, load_inputs, make_forecast
from migratieketen.forecast.engine import horizon_to, month_shares
from migratieketen.forecast.inputs import ForecastInputs
from migratieketen.forecast.quantiles import LEVELS


@pytest.fixture(scope="module")
def inputs(shared_data_dir: Path) -> ForecastInputs:
    return load_inputs(shared_data_dir, "2024-Q4")


@pytest.fixture(scope="module")
def forecast(inputs: ForecastInputs) -> ForecastResult:
    return make_forecast(inputs, "2025-Q4", seed=11, n_paths=500)


def test_quantiles_for_every_quarter_of_2025(forecast: ForecastResult) -> None:
    quarters = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
    for name in ("eerste_asielverzoeken", "nareizigers", "totale_instroom"):
        table = forecast.quarterly[name]
        assert table.periods == quarters
        assert table.levels == LEVELS
        assert np.all(np.diff(table.values, axis=0) >= 0), name
        assert np.all(table.values > 0)
    monthly = forecast.monthly["totale_instroom"]
    assert monthly.periods[0] == "2025-01" and monthly.periods[-1] == "2025-12"
    assert forecast.yearly["totale_instroom"].periods == ("2025",)
    # Nareizigers after 2024-Q2 are unpublished: they are nowcast, not silently dropped.
    assert forecast.quarterly["nareizigers_nowcast"].periods == ("2024-Q3", "2024-Q4")


def test_total_is_first_plus_nareizigers_per_path(forecast: ForecastResult) -> None:
    np.testing.assert_allclose(
        forecast.paths["totale_instroom"],
        forecast.paths["eerste_asielverzoeken"] + forecast.paths["nareizigers"],
    )


def test_same_data_same_seed_same_numbers(
    inputs: ForecastInputs, forecast: ForecastResult
) -> None:
    again = make_forecast(inputs, "2025-Q4", seed=11, n_paths=500)
    assert json.dumps(again.to_dict(), sort_keys=True) == json.dumps(
        forecast.to_dict(), sort_keys=True
    )
    other = make_forecast(inputs, "2025-Q4", seed=12, n_paths=500)
    assert not np.array_equal(
        other.quarterly["nareizigers"].values, forecast.quarterly["nareizigers"].values
    )


def test_vintage_and_json(forecast: ForecastResult, shared_data_dir: Path) -> None:
    data = json.loads(json.dumps(forecast.to_dict()))
    vintage = data["data_vintage"]
    assert vintage["cutoff"] == "2024-Q4"
    assert vintage["series_end"]["nareizigers_kwartaal"] == "2024-Q2"
    assert (
        len(vintage["files"]["cbs_asylum_first_requests_quarterly_2013_2024.csv"]) == 64
    )
    assert data["caveat"] and data["model"] == "ensemble"
    assert {row["year"] for row in data["mpp_comparison"]} == {2025}
    total = data["history"]["totale_instroom"]
    assert total["periods"][-1] == "2024-Q2"
    assert total["values"][-1] == 7760 + 2780  # 2024-Q2 first requests + nareizigers


def test_cut_hides_later_data(shared_data_dir: Path) -> None:
    cut = load_inputs(shared_data_dir, "2019-Q2")
    assert cut.first.last_period == "2019-Q2"
    assert cut.nareizigers.last_period == "2019-Q2"
    assert cut.positive_decisions.last_period == "2018"  # 2019 not complete yet
    assert cut.first_monthly.last_period == "2019-06"


def test_horizon_limits() -> None:
    assert horizon_to("2024-Q4", "2026-Q4") == 8
    with pytest.raises(ValueError, match="hooguit 8"):
        horizon_to("2024-Q4", "2027-Q1")
    with pytest.raises(ValueError, match="niet na"):
        horizon_to("2024-Q4", "2024-Q3")
    with pytest.raises(ValueError, match="geen kwartaal"):
        horizon_to("2024-Q4", "2025-13")


def test_month_shares_sum_to_one_per_quarter(inputs: ForecastInputs) -> None:
    shares = month_shares(inputs.first_monthly)
    np.testing.assert_allclose(shares.reshape(4, 3).sum(axis=1), 1.0)
    assert not np.allclose(shares, 1 / 3)  # the 2018-2020 months are used


def test_median_is_the_chosen_combination_of_members(
    inputs: ForecastInputs, forecast: ForecastResult
) -> None:
    """The published median is exp(combined log point) of independently fitted members."""
    from migratieketen.forecast.ensemble import CHOSEN
    from migratieketen.forecast.models import fit_log_models

    fits = fit_log_models({"x": inputs.first.values}, 4, CHOSEN.members)["x"]
    mus = np.vstack([fits[m].mu for m in CHOSEN.members])
    point = np.median(mus, axis=0) if CHOSEN.aggregate == "median" else mus.mean(0)
    if CHOSEN.weighting == "equal":
        np.testing.assert_allclose(
            forecast.quarterly["eerste_asielverzoeken"].median, np.exp(point), rtol=1e-9
        )
    info = forecast.to_dict()["ensemble"]
    assert info["name"] == CHOSEN.name
    assert info["members"] == list(CHOSEN.members)
    weights = np.array([info["weights"][m] for m in CHOSEN.members])
    assert weights.shape == (len(CHOSEN.members), 4)
    np.testing.assert_allclose(weights.sum(axis=0), 1.0, atol=1e-3)
    # The last value (random walk member) is in the pool: the median sits between
    # the lowest and highest member, never outside.
    median = np.log(forecast.quarterly["eerste_asielverzoeken"].median)
    assert np.all(median >= mus.min(axis=0) - 1e-9)
    assert np.all(median <= mus.max(axis=0) + 1e-9)
