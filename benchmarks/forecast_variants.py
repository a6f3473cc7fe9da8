# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every ensemble variant that was tried, scored in the same rolling-origin backtest.

Why: the choice of `ensemble.CHOSEN` was made on the 2016-2024 backtest, so the
reader should see all variants that were compared (the losing ones too) and judge
the selection. All variants share one batch of member fits; only the combination
and the simulated nareizigers/total differ. Prints MASE skill vs the random walk per
horizon, pooled CRPS skill and interval coverage, for first requests and total
inflow (window 2016-Q1 … 2024-Q4).

Usage: uv run python benchmarks/forecast_variants.py [DATA_DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HORIZONS = (1, 2, 3, 4, 8)
SERIES = ("eerste_asielverzoeken", "totale_instroom")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "data_dir",
        nargs="?",
        default=os.environ.get(
            "MIGRATIEKETEN_DATA_DIR", str(REPO.parent / "shared" / "data")
        ),
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    from migratieketen.data.asylum import period_index, period_label
    from migratieketen.forecast import load_inputs, run_backtest
    from migratieketen.forecast.backtest import MAX_H
    from migratieketen.forecast.ensemble import CHOSEN, VARIANTS
    from migratieketen.forecast.models import ALL_MODELS, fit_log_models

    inputs = load_inputs(args.data_dir)
    first = inputs.first
    origins = [
        period_label(q, "Q")
        for q in range(
            period_index("2014-Q4", "Q"), period_index(first.last_period, "Q")
        )
    ]
    started = time.perf_counter()
    fits = fit_log_models(
        {o: first.until(o).values for o in origins}, MAX_H, ALL_MODELS
    )
    fit_s = time.perf_counter() - started
    print(
        f"member fits, {len(origins)} origins, {len(ALL_MODELS)} models: {fit_s:.1f} s"
    )
    out: dict[str, object] = {}
    header = (
        f"{'variant':<26}{'reeks':<8}"
        + "".join(f"{'MASE h' + str(h):>10}" for h in HORIZONS)
        + f"{'mean h2-4':>11}{'CRPS 1-8':>10}{'CRPS h2-4':>11}{'dek50':>7}{'dek90':>7}"
    )
    print("skill = 1 - score / score(random walk); > 0 beats the random walk")
    print(header)
    for spec in VARIANTS:
        t0 = time.perf_counter()
        result = run_backtest(inputs, spec=spec, fits=fits)
        seconds = time.perf_counter() - t0
        out[spec.name] = {"seconds": seconds, "scores": {}}
        for series in SERIES:
            rows = {r.horizon: r for r in result.rows(series) if r.model == "ensemble"}
            skills = [rows[h].skill_mase for h in HORIZONS]
            mid = sum(rows[h].skill_mase for h in (2, 3, 4)) / 3
            crps_mid = sum(rows[h].skill_crps for h in (2, 3, 4)) / 3
            pooled = rows[0]
            print(
                f"{spec.name + (' *' if spec == CHOSEN else ''):<26}"
                f"{series[:6]:<8}"
                + "".join(f"{s:>+10.1%}" for s in skills)
                + f"{mid:>+11.1%}{pooled.skill_crps:>+10.1%}{crps_mid:>+11.1%}"
                f"{pooled.coverage50:>7.0%}{pooled.coverage90:>7.0%}"
            )
            out[spec.name]["scores"][series] = [  # type: ignore[index]
                r.to_dict() for r in result.rows(series) if r.model == "ensemble"
            ]
    print("* = ensemble.CHOSEN (what `migratieketen prognose` uses)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
