# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Wall time of the full forecast backtest, next to a same-run baseline.

Why: issue 4 asks for the full rolling-origin backtest (40 origins, 7 models plus
the ensemble of six of them, 3 series) in under a minute on 2 cores. The baseline is
the naive models only, over the same origins, through the same statsforecast batch;
the ratio shows what the fitted models (ETS, damped ETS, ARIMA, Theta), the ensemble
and the simulated nareizigers add. The first, cold measurement includes
statsforecast's import and numba JIT loading.

Usage: uv run python benchmarks/bench_forecast.py [DATA_DIR] [--jobs N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "data_dir",
        nargs="?",
        default=os.environ.get(
            "MIGRATIEKETEN_DATA_DIR", str(REPO.parent / "shared" / "data")
        ),
    )
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    from migratieketen.data.asylum import period_index, period_label
    from migratieketen.forecast import load_inputs, run_backtest
    from migratieketen.forecast.models import BASELINES, fit_log_models

    import_s = time.perf_counter() - started
    inputs = load_inputs(args.data_dir)

    first = inputs.first
    start = period_index("2014-Q4", "Q")
    last = period_index(first.last_period, "Q")
    histories = {
        period_label(q, "Q"): first.until(period_label(q, "Q")).values
        for q in range(start, last)
    }

    def baseline() -> None:
        fit_log_models(histories, 8, BASELINES, args.jobs)

    def damped() -> None:
        # The member added to the ensemble pool (see docs/forecast-backtest.md).
        fit_log_models(histories, 8, ("ets_gedempt",), args.jobs)

    def full() -> None:
        run_backtest(inputs, n_jobs=args.jobs)

    t0 = time.perf_counter()
    full()
    cold = time.perf_counter() - t0
    fulls, bases, dampeds = [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        damped()
        dampeds.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        full()
        fulls.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        baseline()
        bases.append(time.perf_counter() - t0)
    f, b = statistics.median(fulls), statistics.median(bases)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"cores: {os.cpu_count()}, n_jobs: {args.jobs}, load average (1 min): {load:.1f}"
    )
    nopyc = os.environ.get("PYTHONDONTWRITEBYTECODE", "")
    print(
        f"PYTHONDONTWRITEBYTECODE={nopyc!r}: when set, every process recompiles "
        "scipy/statsforecast from source on first use (cold run)"
    )
    print(f"import migratieketen.forecast (+statsforecast): {import_s:6.2f} s")
    print(f"full backtest, first run (incl. JIT warm-up):    {cold:6.2f} s")
    print(f"full backtest, median of {args.repeat}:                 {f:6.2f} s")
    print(f"baseline (naive models only, same origins):      {b:6.2f} s")
    print(f"ratio full / baseline:                           {f / b:6.1f} x")
    d = statistics.median(dampeds)
    print(
        f"of the full run, damped-ETS member fit:          {d:6.2f} s "
        f"({d / f:.0%}; the only added fit of the six-member pool)"
    )
    print(
        f"cold total (import + first run):                 {import_s + cold:6.2f} s "
        f"({'under' if import_s + cold < 60 else 'OVER'} the 60 s budget)"
    )


if __name__ == "__main__":
    main()
