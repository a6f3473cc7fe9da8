# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The calibration uses only data up to its cut-off.

A copy of the open data in which every figure about a period after the cut-off is
changed (x 1.5) must give exactly the same starting values, replayed inputs and
calibrated parameters; the same change must show when the cut-off is later.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest

from migratieketen.chain.calibration import calibrate, starting_values
from migratieketen.chain.gemeenten import load_gemeente_inputs
from migratieketen.chain.history import (
    COA_TABLE,
    load_history,
    load_observations,
    persons_per_decision_guess,
)
from migratieketen.chain.scenario import month_index

CUTOFF = "2023-06"
# The files the history replay and the calibration read, with their period column.
DATED_FILES = {
    "cbs_asylum_first_requests_quarterly_2013_2024.csv": "period",
    "cbs_asylum_first_requests_monthly_2018_2020.csv": "month",
    "unhcr_nl_asylum_applications_yearly_2000_2024.csv": "year",
    "unhcr_nl_asylum_decisions_yearly_2000_2024.csv": "year",
    "unhcr_nl_refugee_population_stock_yearly_1951_2024.csv": "year",
    "coa_bezetting_jaarlijks_1995_2019.csv": "year",
}


def _last_month(period: str) -> int | None:
    """Month index of the last month a period label covers (None: not a period)."""
    text = period.strip()
    if len(text) == 4 and text.isdigit():
        return int(text) * 12 + 11
    if len(text) >= 7 and text[4] == "-" and text[5] == "Q":
        return int(text[:4]) * 12 + int(text[6]) * 3 - 1
    if len(text) >= 7 and text[4] == "-" and text[5:7].isdigit():
        return month_index(text[:7])
    return None


def _scaled(value: str) -> str:
    try:
        number = float(value)
    except ValueError:
        return value
    return str(round(number * 1.5)) if "." not in value else f"{number * 1.5:.6g}"


def _alter_after(source: Path, target: Path, column: str, cutoff: int) -> None:
    """Copy a CSV (leading # comments kept), every number in rows about a period
    after `cutoff` multiplied by 1.5."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    comments = [ln for ln in lines if ln.startswith("#")]
    reader = csv.DictReader([ln for ln in lines if not ln.startswith("#")])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(reader.fieldnames or []))
    writer.writeheader()
    for row in reader:
        last = _last_month(row[column])
        if last is not None and last > cutoff:
            row = {
                k: v if k in (column, "year", "quarter") else _scaled(v or "")
                for k, v in row.items()
            }
        writer.writerow(row)
    target.write_text("".join(comments) + out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def altered_shared(
    shared_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A shared folder whose data after the cut-off differ; the rest links to the
    real files."""
    shared = tmp_path_factory.mktemp("shared")
    data = shared / "data"
    data.mkdir()
    cutoff = month_index(CUTOFF)
    for path in shared_data_dir.iterdir():
        column = DATED_FILES.get(path.name)
        if column is None:
            (data / path.name).symlink_to(path)
        else:
            _alter_after(path, data / path.name, column, cutoff)
    table = shared / COA_TABLE
    table.parent.mkdir(parents=True)
    _alter_after(shared_data_dir.parent / COA_TABLE, table, "date", cutoff)
    # the reference table ends before the cut-off: add a later figure
    with table.open("a", encoding="utf-8") as fh:
        fh.write('2024-01-15,60000,20000,,"test: after the cut-off"\n')
    return shared


def test_the_altered_copy_differs_after_the_cutoff(
    shared_data_dir: Path, altered_shared: Path
) -> None:
    """Guard: without a cut-off the change is visible (the tests below can fail)."""
    real = load_history(shared_data_dir, "2024-12")
    altered = load_history(altered_shared / "data", "2024-12")
    assert not np.array_equal(real.first, altered.first)
    assert not np.array_equal(real.ind_decisions, altered.ind_decisions)
    assert persons_per_decision_guess(
        shared_data_dir, "2024-12"
    ) != persons_per_decision_guess(altered_shared / "data", "2024-12")
    later = [o.value for o in load_observations(altered_shared, "2024-12")]
    assert later != [
        o.value for o in load_observations(shared_data_dir.parent, "2024-12")
    ]


def test_starting_values_and_replayed_inputs_ignore_later_data(
    shared_data_dir: Path, altered_shared: Path
) -> None:
    assert starting_values(shared_data_dir, CUTOFF) == starting_values(
        altered_shared / "data", CUTOFF
    )
    real = load_history(shared_data_dir, CUTOFF, known_until=CUTOFF)
    altered = load_history(altered_shared / "data", CUTOFF, known_until=CUTOFF)
    for name in ("first", "nareizigers", "repeat", "ind_decisions", "closed_share"):
        np.testing.assert_array_equal(getattr(real, name), getattr(altered, name))
    # a yearly figure for 2023 (published for the whole year) is not used for 2023-01
    assert (
        real.ind_decisions[-1]
        == load_history(shared_data_dir, "2022-12").ind_decisions[-1]
    )


def test_calibration_ignores_data_after_its_cutoff(
    shared_data_dir: Path, altered_shared: Path
) -> None:
    gemeenten = load_gemeente_inputs(shared_data_dir)
    fits = [
        calibrate(
            shared / "data",
            load_observations(shared, CUTOFF),
            CUTOFF,
            max_evaluations=30,
            gemeenten=gemeenten,
        )
        for shared in (shared_data_dir.parent, altered_shared)
    ]
    assert fits[0].values == fits[1].values
    assert fits[0].score.total == fits[1].score.total
