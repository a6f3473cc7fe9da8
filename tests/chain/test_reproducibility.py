# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The same seed gives the same ensemble locally and on Dask, whatever the workers."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.chain.engine import COL
from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.gemeenten import synthetic_gemeenten
from migratieketen.chain.scenario import ChainScenario, Inflow, Levers

GEMEENTEN = synthetic_gemeenten(20, seed=1)


def _scenario(seed: int = 7) -> ChainScenario:
    return ChainScenario(
        name="klein",
        start="2026-01",
        months=18,
        inflow=Inflow(
            kind="peak", per_month=2500, peak_per_month=6000, peak_month="2026-06"
        ),
        levers=Levers(urgency_scheme=True, tussenvoorziening_places=2000),
        runs=24,
        seed=seed,
    )


def _run(**kw: object) -> np.ndarray:
    result = run_ensemble(
        _scenario(), gemeenten=GEMEENTEN, chunk_size=5, keep_runs=True, **kw
    )
    assert result.per_run is not None
    return np.concatenate([result.per_run.ravel(), result.gemeente.ravel()])


def test_same_seed_same_result_locally() -> None:
    np.testing.assert_array_equal(_run(), _run())


def test_other_seed_other_result() -> None:
    a = run_ensemble(_scenario(1), gemeenten=GEMEENTEN).national
    b = run_ensemble(_scenario(2), gemeenten=GEMEENTEN).national
    assert not np.array_equal(a, b)


@pytest.mark.slow
def test_dask_one_and_two_workers_match_local() -> None:
    local = _run()
    one = _run(backend="dask", n_workers=1, processes=False)
    two = _run(backend="dask", n_workers=2, processes=True)
    np.testing.assert_array_equal(local, one)
    np.testing.assert_array_equal(local, two)


def test_progress_reports_every_chunk() -> None:
    seen: list[tuple[int, int]] = []
    run_ensemble(
        _scenario(),
        gemeenten=GEMEENTEN,
        chunk_size=5,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_two_threads_give_the_same_result() -> None:
    np.testing.assert_array_equal(_run(), _run(threads=2))


def test_per_run_rows_follow_the_run_index_on_threads_and_dask() -> None:
    """Each chunk knows the index of its first run, so run r gets row r mod n however
    the chunks are run."""
    rows = [[1000.0 * (k + 1)] * 18 for k in range(4)]
    scenario = _scenario()
    scenario.inflow = Inflow(kind="per_run", per_run=rows)

    def first(**kw: object) -> np.ndarray:
        result = run_ensemble(
            scenario, gemeenten=GEMEENTEN, chunk_size=5, keep_runs=True, **kw
        )
        assert result.per_run is not None
        return np.asarray(result.per_run[:, COL["inflow_first"], 0])

    expected = np.array([rows[r % 4][0] for r in range(24)])
    np.testing.assert_allclose(first(), expected)
    np.testing.assert_allclose(first(threads=2), expected)
    np.testing.assert_allclose(
        first(backend="dask", n_workers=1, processes=False), expected
    )
