# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The backtest's forecast at a review sees no data about later periods."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from migratieketen.chain.scenario import month_index
from migratieketen.data import asylum
from migratieketen.plan.opvang.backtest_forecast import engine_paths, review_forecast
from migratieketen.plan.opvang.norms import OpvangError

TAU = month_index("2016-01")  # forecast on data up to 2015-Q4
LATER = month_index("2017-01")


def _rewrite(
    path: Path, change: Callable[[dict[str, str]], dict[str, str] | None]
) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = [change(dict(r)) for r in reader]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r is not None)


def _times(row: dict[str, str], factor: int, skip: tuple[str, ...]) -> dict[str, str]:
    """Every integer field times `factor` (decimal fields, rates and keys unchanged,
    so each row stays internally consistent)."""
    out = dict(row)
    for key, value in row.items():
        if key not in skip and value and value.isdigit():
            out[key] = str(int(value) * factor)
    return out


def _future_changed(src: Path, dst: Path, remove: bool) -> None:
    """A copy of the data folder with every figure about 2016 and later tripled
    (or with `remove` the quarters and years after 2015 left out)."""
    shutil.copytree(src, dst)

    def quarterly(row: dict[str, str]) -> dict[str, str] | None:
        if row["period"] <= "2015-Q4":
            return row
        if remove:
            return None
        out = _times(row, 3, ("year", "quarter"))
        for key in ("first_asylum_requests_x1000", "first_x1000_as_published_2024_07"):
            if row.get(key):
                out[key] = f"{float(row[key]) * 3:.2f}"
        return out

    def yearly(row: dict[str, str]) -> dict[str, str] | None:
        if int(row["year"]) <= 2015:
            return row
        return None if remove else _times(row, 2, ("year",))

    _rewrite(dst / asylum.QUARTERLY_FILE, quarterly)
    _rewrite(dst / asylum.UNHCR_APPLICATIONS_FILE, yearly)
    _rewrite(dst / asylum.UNHCR_DECISIONS_FILE, yearly)
    if not remove:  # the monthly series (2018-2020) lies wholly after the review
        _rewrite(dst / asylum.MONTHLY_FILE, lambda r: _times(r, 3, ()))


@pytest.mark.parametrize("remove", [False, True])
def test_review_paths_ignore_data_after_the_review(
    shared_data_dir: Path, tmp_path: Path, remove: bool
) -> None:
    changed = tmp_path / "data"
    _future_changed(shared_data_dir, changed, remove)
    real = engine_paths(shared_data_dir, TAU, 24, 4, 0)
    other = engine_paths(changed, TAU, 24, 4, 0)
    assert real is not None and other is not None
    assert real.shape == (4, 24)
    np.testing.assert_array_equal(real, other)
    if not remove:  # the change is there: a later review does see it
        later_real = engine_paths(shared_data_dir, LATER, 24, 4, 0)
        later_other = engine_paths(changed, LATER, 24, 4, 0)
        assert later_real is not None and later_other is not None
        assert not np.array_equal(later_real, later_other)


def test_too_early_review_falls_back_to_the_random_walk(shared_data_dir: Path) -> None:
    known = np.linspace(20_000, 25_000, 24)
    fc = review_forecast(
        "motor", shared_data_dir, month_index("2014-07"), known, 12, 3, 0
    )
    assert fc.used == "randomwalk" and fc.paths.shape == (3, 12)
    with pytest.raises(OpvangError, match="prognose 'orakel' onbekend"):
        review_forecast("orakel", shared_data_dir, TAU, known, 12, 3, 0)


def test_a_commitment_never_breaks_the_wijk_norm_across_reviews() -> None:
    """A neighbour that closes in six months lets the MIP size a new location small
    first and large later; the commitment (one size) must fit beside the neighbour."""
    from migratieketen.plan.opvang.backtest import (
        BacktestSettings,
        Commitment,
        PolicyState,
        _schedule,
        review,
    )
    from migratieketen.plan.opvang.norms import TYPES

    from .opvang_support import NORMS, START, candidate

    tau = START
    neighbour = candidate(0, "WK0001", "regulier", 200, 200, 0, max_months=16)
    new = candidate(1, "WK0001", "flexibel", 10, 300, 3)
    pool, rooms = [neighbour, new], {"WK0001": 300}
    state = PolicyState("stochastisch")
    state.committed[0] = Commitment(tau - 10, 200)  # open since tau - 10, ends tau + 6
    paths = np.full((2, 12), 600.0)
    base = np.zeros((len(TYPES), 12))
    review(state, tau, paths, base, pool, rooms, NORMS, BacktestSettings(step=1))
    assert 1 in state.committed, "the plan opens the new location"
    *_, wijk = _schedule(state, pool, tau - 10, 36)  # from the neighbour's opening
    assert wijk["WK0001"].max() <= rooms["WK0001"]
    assert state.committed[1].places == 100 and state.clipped == 1
