# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark: reading the koppeling files of a large SYNTHETIC half-year.

Writes H.csv, S.csv and C.csv for 10,000 households x 342 gemeenten (3.4 million score
rows, as `koppeling_outside.py` writes its instances) and reads them with `load_problem`
(every check: personal data, row and column of every problem) next to a baseline
measured in the same run: pandas' C parser reading the same S.csv with no checks at all.
Each read runs in its own process, so its peak memory is its own.

Run: MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_koppeling_files.py
     [--huishoudens 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from koppeling_outside import write_instance

from migratieketen.data import default_data_dir
from migratieketen.data.loader import load_dataset


def _child(kind: str, folder: Path) -> None:
    """One read, then its time and this process's peak memory as JSON."""
    t0 = time.perf_counter()
    if kind == "load_problem":
        from migratieketen.plan.koppeling.run import load_problem

        problem = load_problem(
            folder / "H.csv", folder / "S.csv", folder / "C.csv", default_data_dir()
        )
        rows = int((problem.scores.values == problem.scores.values).sum())
    else:
        import pandas as pd

        rows = len(pd.read_csv(folder / "S.csv", dtype={"huishouden_id": str}))
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "rows": rows}))


def _measure(kind: str, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--huishoudens", type=int, default=10_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    codes = [gm.code for gm in load_dataset(default_data_dir()).gemeenten]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_instance(folder, (args.huishoudens, len(codes), 99, 1.0, 0.5), codes)
        megabytes = (folder / "S.csv").stat().st_size / 1e6
        print(f"S.csv: {args.huishoudens} huishoudens x {len(codes)} gemeenten, "
              f"{megabytes:.0f} MB (SYNTHETISCH)")  # fmt: skip
        baseline = _measure("pandas", folder)
        ours = _measure("load_problem", folder)
    for name, m in (("pandas.read_csv (geen controles)", baseline),
                    ("load_problem (alle controles)", ours)):  # fmt: skip
        print(f"  {name:<34} {m['seconds']:6.1f} s  piek {m['peak_mb']:6.0f} MB  "
              f"{m['rows']:,} rijen")  # fmt: skip
    print(f"  verhouding tijd {ours['seconds'] / baseline['seconds']:.1f}x, "
          f"geheugen {ours['peak_mb'] / baseline['peak_mb']:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
