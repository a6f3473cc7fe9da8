# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the job runner costs on top of the work itself, next to a same-run baseline.

Why: every scenario run now goes through the database (a locked start transaction,
a queued task, a worker that claims it, progress writes, a heartbeat). This prints
(1) the same ensemble called directly (`run_ensemble`, the baseline) and through the
runner (`services.start_run` + the real worker in batch mode), with their ratio, and
(2) how long one locked start (cap, rate, run, job, queued task) takes.

Usage: uv run python benchmarks/bench_jobs.py [DATA_DIR] [--repeat N] [--runs R]
(a throw-away SQLite database; set MIGRATIEKETEN_DATABASE_URL=postgres://... to
measure PostgreSQL instead, on a database you may drop tables in).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _setup(data_dir: Path, var_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "migratieketen_web.conf.dev"
    os.environ.setdefault(
        "MIGRATIEKETEN_DATABASE_URL", f"sqlite:///{var_dir / 'bench.sqlite3'}"
    )
    os.environ["MIGRATIEKETEN_VAR_DIR"] = str(var_dir)
    os.environ["MIGRATIEKETEN_DATA_DIR"] = str(data_dir)
    os.environ["MIGRATIEKETEN_SCENARIOS_MAX_ACTIVE"] = "100000"
    os.environ["MIGRATIEKETEN_SCENARIOS_START_RATE"] = "100000/hour"
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared/data"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(args.data_dir).resolve(), Path(tmp))
        from django.test import RequestFactory

        from migratieketen.chain import builtin_scenario, run_ensemble
        from migratieketen_web.jobs.worker import JobWorker
        from migratieketen_web.scenarios import services

        scenario = builtin_scenario("piek2015")
        scenario.runs = args.runs
        request = RequestFactory().post("/scenarios")
        direct, through, starts = [], [], []
        for _ in range(args.repeat):
            began = time.perf_counter()
            run_ensemble(scenario, args.data_dir)
            direct.append(time.perf_counter() - began)

            began = time.perf_counter()
            run = services.start_run(scenario, "bench", request=request, remember=False)
            starts.append(time.perf_counter() - began)
            JobWorker(batch=True, handle_signals=False, interval=0).run()
            through.append(time.perf_counter() - began)
            run.refresh_from_db()
            assert run.status == "klaar", run.error
        base, jobs = _median_ms(direct), _median_ms(through)
        print(f"database: {os.environ['MIGRATIEKETEN_DATABASE_URL'].split(':')[0]}")
        print(
            f"ensemble piek2015, {args.runs} runs x 60 months, median of {args.repeat}:"
        )
        print(f"  direct run_ensemble (baseline)   {base:8.1f} ms")
        print(
            f"  through the job runner           {jobs:8.1f} ms  ratio {jobs / base:.2f}"
        )
        print(f"  of which the locked start        {_median_ms(starts):8.1f} ms")


if __name__ == "__main__":
    main()
