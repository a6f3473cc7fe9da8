# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Same seed, same numbers: per run, per setting, and however gemeenten are chunked
(up to the last bits of floating-point sums, whose order depends on the array shape)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from migratieketen.woningmarkt import Policy, simulate
from migratieketen.woningmarkt.national import national_frontier, tune_malloc

from .support import market, run


def test_same_seed_same_result_and_another_seed_differs() -> None:
    m = market()
    a = simulate(m, Policy(0.2), runs=30, seed=7, years=2).to_dict()
    b = simulate(m, Policy(0.2), runs=30, seed=7, years=2).to_dict()
    c = simulate(m, Policy(0.2), runs=30, seed=8, years=2).to_dict()
    for d in (a, b, c):
        d.pop("rekentijd_seconden")
    assert a == b
    assert a != c


def test_random_numbers_are_common_to_all_settings() -> None:
    alone = run(market(), [Policy(0.3)], runs=5, seed=4)
    together = run(market(), [Policy(0.0), Policy(0.3)], runs=5, seed=4)
    np.testing.assert_array_equal(alone.areas["coa"][0], together.areas["coa"][1])


def test_national_frontier_does_not_depend_on_chunking() -> None:
    markets = [
        replace(market(3000 + 500 * i, 20 + i, 1 + i % 5), code=f"GM{9000 + i}")
        for i in range(5)
    ]
    one = national_frontier(markets, Policy(0.06), runs=3, years=2, chunk=1, seed=2)
    all_ = national_frontier(markets, Policy(0.06), runs=3, years=2, chunk=5, seed=2)
    for key in one.means:
        np.testing.assert_allclose(one.means[key], all_.means[key], rtol=1e-12)


def test_dask_gives_the_local_figures() -> None:
    markets = [
        replace(market(2000 + 700 * i, 15 + i, 1 + i % 5), code=f"GM{9100 + i}")
        for i in range(3)
    ]
    local = national_frontier(markets, Policy(0.06), runs=2, years=1, chunk=1)
    dask = national_frontier(
        markets, Policy(0.06), runs=2, years=1, chunk=1, backend="dask", n_workers=2
    )
    for key in local.means:
        np.testing.assert_allclose(dask.means[key], local.means[key], rtol=1e-12)


def test_tune_malloc_reports_whether_it_could() -> None:
    assert isinstance(tune_malloc(), bool)
