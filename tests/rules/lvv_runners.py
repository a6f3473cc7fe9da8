# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Runners of the LVV YAML cases (tests/rules/cases/lvv.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from rules_support import data_dir

from migratieketen.data.lvv_pilot import load_pilot
from migratieketen.rules import lvv


def run_outcome_class(case: dict[str, Any]) -> None:
    for outcome, cls in case["output"].items():
        assert lvv.outcome_class(lvv.Outcome(outcome)).value == cls


def run_shares(case: dict[str, Any]) -> None:
    """Cases with the given outcome counts give the published shares."""
    today = date(2022, 7, 1)
    cases = []
    for outcome, n in case["input"]["exits"].items():
        cases += [
            lvv.CaseFacts(
                today - timedelta(days=200),
                lvv.Track.RETURN,
                lvv.Outcome(outcome),
                today - timedelta(days=10),
            )
        ] * n
    got = lvv.outcome_shares(cases, today)
    assert got.exited == case["output"]["exited"]
    assert got.shares == case["output"]["shares"]
    published = case.get("published")
    if published:
        pilot = load_pilot(data_dir())
        assert pilot is not None
        assert (pilot.exited, pilot.lasting_pct, pilot.semi_lasting_pct) == (
            published["exited"],
            published["bestendig"],
            published["semi_bestendig"],
        )
        assert pilot.derived_counts() == case["input"]["exits_by_class"]


def run_pilot_gemeenten(case: dict[str, Any]) -> None:
    got = lvv.pilot_gemeenten(date.fromisoformat(str(case["period"])))
    assert sorted(got) == case["output"]["gemeenten"]


LVV_RUNNERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "lvv_outcome_class": run_outcome_class,
    "lvv_shares": run_shares,
    "lvv_pilot_gemeenten": run_pilot_gemeenten,
}
