# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Benchmark: Spreidingswet over 342 gemeenten + taakstelling for 20 half-years with
carry-over, against a plain-Python baseline of the same arithmetic in the same run.
The SES-WOA lines use the real CBS postcode file: its household-weighted mean per
gemeente (engine: exact fractions from the validated table; baseline: floats over the
raw CSV rows) and the distribution with those exact scores.

The carry-over is `migratieketen.rules.monitor.carry_over`, the ledger the monitor pages
use (with status and the not-at-fault check per half-year).

Run: MIGRATIEKETEN_DATA_DIR=../shared/data uv run python benchmarks/bench_rules.py
Target: engine total well under one second.
"""

from __future__ import annotations

import csv
import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from migratieketen.data import schema
from migratieketen.data.csvtable import read_csv
from migratieketen.data.issues import IssueList
from migratieketen.data.population_history import population_on
from migratieketen.data.ses_woa_pc4 import aggregate
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import spreidingswet as sw
from migratieketen.rules.monitor import carry_over, day_after

REPEATS = 7
N_HALF_YEARS = 20


def _time(fn: Callable[[], object]) -> float:
    runs = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    pop23 = population_on(date(2023, 1, 1)).populations
    pop24 = population_on(date(2024, 1, 1)).populations
    # A deterministic SES-like score per gemeente, so the weighted path is exercised.
    ses = {c: ((int(c[2:]) * 37) % 61 - 30) / 100 for c in pop23}
    periods = hw.half_years(hw.HalfYear(2016, 2), N_HALF_YEARS)
    vgs = {p: 6000 + (i * 977) % 15000 for i, p in enumerate(periods)}
    n_nl = sum(pop24.values())
    as_of = day_after(periods[-1])  # every half-year has ended

    def engine_spreiding() -> object:
        res = sw.distribute(96000, pop23, ses, amv_total=8140)
        assert res.total == 96000
        return res

    def baseline_spreiding() -> object:
        w = {c: p * (1 + ses[c]) for c, p in pop23.items()}
        tot = sum(w.values())
        exact = {c: 96000 * v / tot for c, v in w.items()}
        floors = {c: int(x) for c, x in exact.items()}
        rest = 96000 - sum(floors.values())
        for c in sorted(exact, key=lambda c: floors[c] - exact[c])[:rest]:
            floors[c] += 1
        return {c: (v, int(v * 8140 / 96000 + 0.5)) for c, v in floors.items()}

    def engine_taakstelling() -> object:
        per_period = {
            p: hw.compute_taakstelling(
                vgs[p], pop24, n_nl, "ceil", half_year=p
            ).values()
            for p in periods
        }
        ledgers = {}
        for code in pop24:
            taak = {p: per_period[p][code] for p in periods}
            realised = {p: (t * 9) // 10 for p, t in taak.items()}
            ledgers[code] = carry_over(periods, taak, realised, as_of)
        return ledgers

    def baseline_taakstelling() -> object:
        per_period = {
            p: {c: -((-vgs[p] * g) // n_nl) for c, g in pop24.items()} for p in periods
        }
        ledgers = {}
        for code in pop24:
            bal = 0
            rows = []
            for p in periods:
                t = per_period[p][code]
                bal = bal + t - (t * 9) // 10
                rows.append(bal)
            ledgers[code] = rows
        return ledgers

    data_dir = Path(os.environ["MIGRATIEKETEN_DATA_DIR"])
    pc4_path = data_dir / schema.SES_WOA_PC4.filename
    pc4_table = read_csv(pc4_path, schema.SES_WOA_PC4, IssueList())
    assert pc4_table is not None
    names = {c: c for c in pop23}

    def engine_ses_mean() -> object:  # read + validate the CSV, then the mean
        table = read_csv(pc4_path, schema.SES_WOA_PC4, IssueList())
        assert table is not None
        return aggregate(table, names)

    def baseline_ses_mean() -> object:
        sums: dict[str, list[float]] = {}
        with pc4_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code, score, n = (
                    row["gemeente_code_2025_derived"],
                    row["ses_woa_total"],
                    row["n_households"],
                )
                if code and score and n:
                    acc = sums.setdefault(code, [0.0, 0.0])
                    acc[0] += float(score) * int(n)
                    acc[1] += int(n)
        return {c: a / b for c, (a, b) in sums.items()}

    real_ses = aggregate(pc4_table, names).scores
    float_ses = {c: float(v) for c, v in real_ses.items()}

    def engine_ses_spreiding() -> object:
        res = sw.distribute(96000, pop23, real_ses, amv_total=8140)
        assert res.total == 96000
        return res

    def baseline_ses_spreiding() -> object:
        w = {c: p * (1 + float_ses[c]) for c, p in pop23.items()}
        tot = sum(w.values())
        exact = {c: 96000 * v / tot for c, v in w.items()}
        floors = {c: int(x) for c, x in exact.items()}
        rest = 96000 - sum(floors.values())
        for c in sorted(exact, key=lambda c: floors[c] - exact[c])[:rest]:
            floors[c] += 1
        return floors

    assert engine_ses_spreiding().places() == baseline_ses_spreiding()  # type: ignore[attr-defined]
    means = baseline_ses_mean()
    assert all(abs(float(real_ses[c]) - means[c]) < 1e-12 for c in real_ses)  # type: ignore[index]

    # Same answers before timing: the baseline is the same arithmetic.
    e = engine_taakstelling()
    b = baseline_taakstelling()
    assert all(
        [r.carry_out for r in e[c]] == b[c]  # type: ignore[index]
        for c in pop24
    )

    es, bs = _time(engine_spreiding), _time(baseline_spreiding)
    et, bt = _time(engine_taakstelling), _time(baseline_taakstelling)
    em, bm = _time(engine_ses_mean), _time(baseline_ses_mean)
    ed, bd = _time(engine_ses_spreiding), _time(baseline_ses_spreiding)
    print(f"gemeenten: {len(pop23)}; half-years: {N_HALF_YEARS}; median of {REPEATS}")
    print(f"{'':34}{'engine':>10}{'baseline':>10}{'ratio':>8}")
    print(
        f"{'spreiding 96,000 (SES-weighted)':34}{es * 1e3:9.1f}ms{bs * 1e3:9.1f}ms"
        f"{es / bs:7.1f}x"
    )
    print(
        f"{'SES-WOA read + mean, 4,065 pc4':34}{em * 1e3:9.1f}ms{bm * 1e3:9.1f}ms"
        f"{em / bm:7.1f}x"
    )
    print(
        f"{'spreiding 96,000 (SES-WOA pc4)':34}{ed * 1e3:9.1f}ms{bd * 1e3:9.1f}ms"
        f"{ed / bd:7.1f}x"
    )
    print(
        f"{'taakstelling 20 hj + carry-over':34}{et * 1e3:9.1f}ms{bt * 1e3:9.1f}ms"
        f"{et / bt:7.1f}x"
    )
    print(
        f"{'total':34}{(es + et) * 1e3:9.1f}ms{(bs + bt) * 1e3:9.1f}ms"
        f"{(es + et) / (bs + bt):7.1f}x"
    )
    print("engine: exact integer/rational arithmetic, validation, explanation data;")
    print("baseline: plain loops (floats for the SES weights, no validation).")


if __name__ == "__main__":
    main()
