# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Regression guard: the built-in scenarios give exactly the stored percentiles.

The stored summary (`regression_summary.json`) holds, for a fixed seed and a modest
ensemble, the p5/p50/p95 of every national series at yearly months, the headline
summary, and a SHA-256 digest of every percentile array. Numbers must agree to 1e-9
relative (1e-6 absolute) and the digests are taken over values rounded to
DIGEST_DECIMALS, so a refactoring that changes any result fails here. Not bit for bit:
another CPU sums in another order, and a queue that is empty came out as 2.6e-13 on one
machine and -4.3e-14 on another (3 December 2026), which is the same result. A change
that is meant to move the results rewrites the file on purpose:

    uv run python tests/chain/test_regression_summary.py --write
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

STORED = Path(__file__).with_name("regression_summary.json")
# The built-in scenarios, plus 'basis' with every lever pulled (the built-ins leave the
# tussenvoorziening and automatic noodopvang branches of the engine unused).
SCENARIOS = ("basis", "piek2015", "dal2020", "historie", "basis_hefbomen")
RUNS = 60
SEED = 20240101
PERCENTILES = (5, 50, 95)
DETAIL = ("GM0363", "GM0014")  # Amsterdam, Groningen: the per-gemeente monthly series
# Persons: far below any meaningful change, far above CPU noise (a value within that noise
# of a rounding boundary would still flip a digest; then the series check says whether
# anything really moved).
DIGEST_DECIMALS = 3
RELATIVE, ABSOLUTE = 1e-9, 1e-6


def _digest(*arrays: np.ndarray | None) -> str:
    h = hashlib.sha256()
    for a in arrays:
        if a is None:
            continue
        if np.issubdtype(a.dtype, np.floating):
            # + 0.0 turns -0.0 into 0.0: noise around an empty queue rounds to either.
            a = np.round(a.astype(np.float64), DIGEST_DECIMALS) + 0.0
        h.update(np.ascontiguousarray(a).tobytes())
    return h.hexdigest()


def _same(actual: Any, expected: Any, where: str = "") -> list[str]:
    """Where `actual` and `expected` differ beyond floating-point noise."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        if actual.keys() != expected.keys():
            return [f"{where}: keys {sorted(actual)} != {sorted(expected)}"]
        return [
            d for k in expected for d in _same(actual[k], expected[k], f"{where}.{k}")
        ]
    if isinstance(expected, list) and isinstance(actual, list):
        if len(actual) != len(expected):
            return [f"{where}: length {len(actual)} != {len(expected)}"]
        return [
            d
            for i, (a, e) in enumerate(zip(actual, expected, strict=True))
            for d in _same(a, e, f"{where}[{i}]")
        ]
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(actual, numbers):
        if isinstance(expected, bool) or isinstance(actual, bool):
            return [] if actual is expected else [f"{where}: {actual} != {expected}"]
        if math.isclose(actual, expected, rel_tol=RELATIVE, abs_tol=ABSOLUTE):
            return []
    elif actual == expected:
        return []
    return [f"{where}: {actual!r} != {expected!r}"]


def _scenario(name: str) -> Any:
    from migratieketen.chain import builtin_scenario
    from migratieketen.chain.scenario import Levers

    if name != "basis_hefbomen":
        return builtin_scenario(name)
    scenario = builtin_scenario("basis")
    scenario.levers = Levers(
        urgency_scheme=True,
        urgency_from="2026-07",
        urgency_until="2029-12",
        tussenvoorziening_places=4000,
        tussenvoorziening_from="2027-01",
        extra_ind_decisions_per_month=300,
        extra_ind_from="2026-06",
        extra_housing_pct=10,
        extra_housing_from="2028-01",
        noodopvang_auto_scale=True,
    )
    return scenario


def _deterministic_digest(data_dir: Path) -> str:
    """The calibration's path: one deterministic historie run."""
    from migratieketen.chain.builtin import historie
    from migratieketen.chain.engine import simulate_chunk
    from migratieketen.chain.inputs import build_inputs

    chunk = simulate_chunk(
        build_inputs(historie(runs=1), data_dir), 1, 0, 0, deterministic=True
    )
    return _digest(chunk.national, chunk.gemeente, chunk.balance)


def scenario_summary(name: str, data_dir: Path) -> dict[str, Any]:
    """What is stored per scenario: sampled percentiles, headline summary, digest."""
    from migratieketen.chain import run_ensemble

    result = run_ensemble(
        _scenario(name),
        data_dir,
        runs=RUNS,
        seed=SEED,
        percentiles=(5, 25, 50, 75, 95),
        detail_gemeenten=DETAIL,
    )
    months = list(range(0, len(result.months), 12)) + [len(result.months) - 1]
    series = {
        series: {
            f"p{q}": [float(result.series(series, q)[t]) for t in months]
            for q in PERCENTILES
        }
        for series in _series_names()
    }
    return {
        "months": [result.months[t] for t in months],
        "series": series,
        "summary": result.summary(),
        "digest": _digest(result.national, result.mean, result.gemeente, result.detail),
        "balance_digest": _digest(result.balance),
    }


def _series_names() -> tuple[str, ...]:
    from migratieketen.chain.engine import SERIES

    return SERIES


def compute(data_dir: Path) -> dict[str, Any]:
    return {
        "runs": RUNS,
        "seed": SEED,
        "scenarios": {name: scenario_summary(name, data_dir) for name in SCENARIOS},
        "deterministic_historie_digest": _deterministic_digest(data_dir),
    }


def dumps(data: dict[str, Any]) -> str:
    """Indented JSON with each list of numbers on one line (readable diffs)."""
    text = json.dumps(data, indent=1, sort_keys=True)
    return re.sub(
        r"\[\s+([^\[\]{}]*?)\s+\]",
        lambda m: "[" + " ".join(m.group(1).split()) + "]",
        text,
    )


@pytest.mark.parametrize("name", SCENARIOS)
def test_builtin_scenarios_give_the_stored_percentiles(
    name: str, shared_data_dir: Path
) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert (stored["runs"], stored["seed"]) == (RUNS, SEED)
    expected = stored["scenarios"][name]
    actual = json.loads(json.dumps(scenario_summary(name, shared_data_dir)))
    assert not _same(actual["series"], expected["series"], "series")
    assert not _same(actual["summary"], expected["summary"], "summary")
    assert actual["months"] == expected["months"]
    assert actual["digest"] == expected["digest"]
    assert actual["balance_digest"] == expected["balance_digest"]


def test_deterministic_history_run_is_unchanged(shared_data_dir: Path) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    expected = stored["deterministic_historie_digest"]
    assert _deterministic_digest(shared_data_dir) == expected


if __name__ == "__main__":
    import os

    repo = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(repo / "src"))
    if "--write" not in sys.argv:
        raise SystemExit("usage: test_regression_summary.py --write")
    data = Path(os.environ.get("MIGRATIEKETEN_DATA_DIR", repo.parent / "shared/data"))
    STORED.write_text(dumps(compute(data)) + "\n", encoding="utf-8")
    print(f"wrote {STORED}")
