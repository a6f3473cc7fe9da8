# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Time to load and validate the full open-data folder, next to a same-run baseline.

Why: every CLI call and web worker start loads the folder (target < 10 s). The
baseline reads the same files with plain `csv.DictReader` + `json.load` and no
validation, so the ratio shows what typing, cross-file checks, geometry validation
(shapely, vectorised) and the KWB 2022 -> 2024 reorganisation add. The loader's cache
is cleared before every timed run, so these are cold parses.

Usage: uv run python benchmarks/bench_data_load.py [DATA_DIR] [--repeat N]
(DATA_DIR defaults to MIGRATIEKETEN_DATA_DIR or ../shared/data).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from migratieketen.data import check_data_dir, clear_cache, load_dataset, schema

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 10.0


def _baseline(folder: Path) -> int:
    """Plain parse of the same files the loader reads; returns a row count."""
    n = 0
    for spec in schema.CSV_FILES:
        with (folder / spec.filename).open(encoding="utf-8") as fh:
            n += sum(1 for _ in csv.DictReader(fh))
    for gspec in schema.GEOJSON_FILES:
        with (folder / gspec.filename).open(encoding="utf-8") as fh:
            n += len(json.load(fh)["features"])
    return n


def _load(folder: Path) -> int:
    clear_cache()
    ds = load_dataset(folder)
    return len(ds.gemeenten) + len(ds.wijken)


def _check(folder: Path) -> int:
    report = check_data_dir(folder)
    if not report.ok:
        raise SystemExit(f"data check failed: {report.issues[:3]}")
    return report.counts["gemeenten"]


def _median(fn: Callable[[Path], int], folder: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(folder)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("MIGRATIEKETEN_DATA_DIR") or str(
        REPO.parent / "shared" / "data"
    )
    parser.add_argument("data_dir", nargs="?", default=default)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(args.data_dir).resolve()

    _load(folder)  # warm imports and the OS file cache for all three measurements
    base = _median(_baseline, folder, args.repeat)
    load = _median(_load, folder, args.repeat)
    check = _median(_check, folder, args.repeat)
    start = time.perf_counter()
    load_dataset(folder)
    cached = time.perf_counter() - start

    print(f"data folder: {folder}  (median of {args.repeat} runs)")
    print(f"{'measurement':<52}{'seconds':>10}{'x baseline':>12}")
    rows = [
        ("baseline: csv.DictReader + json.load, no checks", base),
        ("load_dataset (typed, validated, reorganised)", load),
        ("check_data_dir (load + wijken_2024.geojson)", check),
        ("load_dataset again (cached, same mtimes)", cached),
    ]
    for label, seconds in rows:
        print(f"{label:<52}{seconds:>10.3f}{seconds / base:>12.2f}")
    verdict = "OK" if load < TARGET_SECONDS else "TOO SLOW"
    print(f"target: load_dataset < {TARGET_SECONDS:.0f} s -> {verdict}")


if __name__ == "__main__":
    main()
