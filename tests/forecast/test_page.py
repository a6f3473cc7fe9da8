# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`forecast_page_data`: the keys the web page builds on stay; new ones only add."""

from __future__ import annotations

from pathlib import Path

from migratieketen.forecast import forecast_page_data
from migratieketen.forecast.ensemble import CHOSEN

STABLE_KEYS = {
    "model",
    "model_description",
    "cutoff",
    "until",
    "seed",
    "n_paths",
    "levels",
    "quarterly",
    "monthly",
    "yearly",
    "history",
    "permit_model",
    "mpp_comparison",
    "data_vintage",
    "caveat",
    "backtest_summary",
}


def test_page_data_keys_and_ensemble(shared_data_dir: Path) -> None:
    data = forecast_page_data(
        shared_data_dir, "2025-Q2", cutoff="2024-Q4", n_paths=200, with_backtest=False
    )
    assert set(data) >= STABLE_KEYS
    assert data["model"] == "ensemble"
    assert CHOSEN.description in data["model_description"]
    assert data["ensemble"]["members"] == list(CHOSEN.members)
    assert len(data["ensemble"]["weights"]["naive"]) == 2  # one per quarter ahead
    assert data["backtest_summary"] is None
