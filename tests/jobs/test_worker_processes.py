# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The job runner end to end, with real processes on a real database.

`migratieketen serve` and `migratieketen worker` run as separate processes on a
fresh database of the session's kind (SQLite file, or PostgreSQL when the suite runs
on PostgreSQL), driven over HTTP as a user or API client would. These are the tests
of issue 8 ("killing the worker in the middle of a scenario run leaves a job that is
marked failed on restart") and issue 9 items 1, 3, 4 and 8 (the cap under 10
concurrent starts, the shared and persisted start rate, the freed slot).
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.jobs.processes import (
    Deployment,
    Http,
    concurrently,
    e2e_database,
    free_port,
    poll,
)

from migratieketen.chain import builtin_scenario

pytestmark = pytest.mark.slow
API = "/api/v1/scenarioruns"


@pytest.fixture
def deployment(shared_data_dir: Path, tmp_path: Path) -> Iterator[Deployment]:
    configured = os.environ.get("MIGRATIEKETEN_DATABASE_URL", "sqlite:///")
    with e2e_database(tmp_path, configured) as database:
        deployed = Deployment(tmp_path, database, shared_data_dir)
        # The minute-long forecast is not what these tests are about.
        deployed.extra_env["MIGRATIEKETEN_PROGNOSE_AT_START"] = "false"
        try:
            yield deployed
        finally:
            deployed.stop_all()


def _scenario(runs: int, months: int) -> dict[str, Any]:
    return {
        "scenario": {
            **builtin_scenario("piek2015").to_dict(),
            "runs": runs,
            "months": months,
        }
    }


def _state(http: Http, location: str) -> dict[str, Any]:
    return http.get(location).json()  # type: ignore[no-any-return]


def test_cap_holds_and_a_killed_worker_frees_its_slot_at_the_next_start(
    deployment: Deployment,
) -> None:
    port = free_port()
    deployment.serve(port, workers=0)
    http = Http(port)

    # 10 concurrent starts against a cap of 2 (issue 9 item 3): exactly 2 accepted.
    replies = concurrently(10, lambda i: http.post_json(API, _scenario(2000, 120)))
    statuses = sorted(r.status for r in replies)
    assert statuses == [202] * 2 + [429] * 8, statuses
    refused = next(r for r in replies if r.status == 429).json()
    assert "Er lopen al 2 berekeningen" in refused["detail"]
    first, second = (r.headers["Location"] for r in replies if r.status == 202)
    assert {_state(http, u)["status"] for u in (first, second)} == {"wachtrij"}

    # A worker takes the first run; it is killed (SIGKILL) in the middle of it.
    worker = deployment.worker()
    running = poll(
        lambda: next(
            (
                u
                for u in (first, second)
                if _state(http, u)["status"] == "bezig"
                and 10 <= _state(http, u)["voortgang"] <= 80
            ),
            None,
        ),
        timeout=120,
    )
    other = second if running == first else first
    worker.popen.send_signal(signal.SIGKILL)
    worker.popen.wait(30)
    assert _state(http, running)["status"] == "bezig"  # nobody has looked yet

    # A new worker marks it failed at start-up, with the Dutch reason. The heartbeat
    # path would take MIGRATIEKETEN_JOBS_WORKER_STALE_SECONDS (600 s), so a failure
    # within the poll's limit can only come from the start-up check; no clock assertion
    # (these machines are noisy).
    deployment.worker()
    failed = poll(
        lambda: (s := _state(http, running))["status"] == "mislukt" and s, timeout=120
    )
    assert "onderbroken" in failed["foutmelding"]
    assert "rekenwerker stopte" in failed["foutmelding"]
    # The task framework's own record says so too; the dead worker is marked stopped.
    failed_tasks = deployment.database.rows(
        "SELECT exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE status = 'FAILED'"
    )
    assert failed_tasks == [("migratieketen_web.jobs.recovery.WorkerLost",)]
    stopped = deployment.database.rows(
        "SELECT COUNT(*) FROM jobs_workerprocess WHERE stopped_at IS NOT NULL"
    )
    assert stopped == [(1,)]

    # Its slot is free: a new run is accepted while the queued one is picked up.
    third = http.post_json(API, _scenario(20, 12))
    assert third.status == 202, third.body
    for location in (other, third.headers["Location"]):
        done = poll(lambda u=location: _state(http, u)["status"] == "klaar", 180, 0.5)
        assert done
    assert _state(http, third.headers["Location"])["resultaat"]["runs"] == 20


def test_start_rate_is_shared_by_form_and_api_atomic_and_kept_over_a_restart(
    deployment: Deployment,
) -> None:
    deployment.extra_env.update(
        {
            "MIGRATIEKETEN_SCENARIOS_START_RATE": "3/hour",
            "MIGRATIEKETEN_SCENARIOS_MAX_ACTIVE": "20",
        }
    )
    port = free_port()
    server = deployment.serve(port, workers=0)
    http = Http(port)
    replies = concurrently(10, lambda i: http.post_json(API, _scenario(20, 12)))
    assert sorted(r.status for r in replies) == [202] * 3 + [429] * 7
    limited = next(r for r in replies if r.status == 429)
    assert int(limited.headers["Retry-After"]) > 0
    # The web form of the same client counts against the same budget.
    form = http.post_form("/scenarios", {"preset": "piek2015"})
    assert form.status == 429
    assert "maximum aantal berekeningen per uur" in form.body.decode()

    # After a restart of the server the count is still there (database cache).
    assert server.stop() == 0
    deployment.serve(port, workers=0)
    assert http.post_json(API, _scenario(20, 12)).status == 429
    count = deployment.database.rows("SELECT COUNT(*) FROM scenarios_scenariorun")
    assert count == [(3,)]


def test_serve_runs_jobs_in_its_own_workers_restarts_a_killed_one_and_stops_them(
    deployment: Deployment,
) -> None:
    port = free_port()
    server = deployment.serve(port, workers=1)
    pid = int(server.wait_for(r"Rekenwerker gestart \(pid (\d+)\)")[1])
    http = Http(port)

    # A visitor starts a run with the form; it finishes in serve's worker and is
    # listed, with a link, on the visitor's /taken page.
    page = http.post_form("/scenarios", {"preset": "dal2020"})
    assert page.status == 200 and re.search(r"/scenarios/[0-9a-f-]{36}$", page.url)
    poll(lambda: "Kaart van de gemeenten" in http.get(page.url).body.decode(), 180, 0.5)
    jobs = http.get("/taken").body.decode()
    assert "Scenariorun: Dal zoals 2020" in jobs and "klaar" in jobs
    assert page.url.removeprefix(http.base) in jobs
    assert "Dal zoals 2020" not in Http(port).get("/taken").body.decode()

    # serve starts a new worker when one is killed.
    os.kill(pid, signal.SIGKILL)
    server.wait_for(rf"Rekenwerker \(pid {pid}\) gestopt \(code -9\)")
    new_pid = poll(
        lambda: next(
            (
                int(p)
                for p in re.findall(
                    r"Rekenwerker gestart \(pid (\d+)\)", server.output()
                )
                if int(p) != pid
            ),
            None,
        ),
        timeout=30,
    )
    again = http.post_json(API, _scenario(20, 12))
    assert again.status == 202
    poll(lambda: _state(http, again.headers["Location"])["status"] == "klaar", 120, 0.5)

    # Stopping serve stops its workers.
    assert server.stop() == 0
    with pytest.raises(ProcessLookupError):
        os.kill(new_pid, 0)
