# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The job runner in one process: queue, worker, recovery, periodic tasks, /taken.

The database backend and the real worker (batch mode) run here as in production;
what a killed worker leaves behind is made the way the worker makes it (a claimed
task, a registered worker whose process is gone). The same with real processes and
a real SIGKILL is in test_worker_processes.py.
"""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

import pytest
from django_tasks import TaskContext, TaskResultStatus, task
from django_tasks_db.models import DBTaskResult
from tests.jobs.jobs_support import run_queued

from migratieketen_web.jobs import liveness, periodic
from migratieketen_web.jobs import services as jobs
from migratieketen_web.jobs.models import FailureKind, Job, JobStatus, WorkerProcess
from migratieketen_web.jobs.recovery import WorkerLost, recover_interrupted
from migratieketen_web.jobs.tasks import prune_finished
from migratieketen_web.scenarios import tasks as scenario_tasks
from migratieketen_web.scenarios.models import ScenarioRun

pytestmark = pytest.mark.django_db


def _start(client: Client, preset: str = "piek2015") -> ScenarioRun:
    response = client.post("/scenarios", {"preset": preset})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ScenarioRun.objects.select_related("job").get(
        uuid=response["Location"].rsplit("/", 1)[1]
    )


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def _claimed_by(run: ScenarioRun, worker_id: str, pid: int, host: str = "") -> None:
    """The state a worker leaves when it dies mid-run: its registration, the task
    claimed by it (RUNNING), the job running on it."""
    WorkerProcess.objects.create(
        worker_id=worker_id,
        host=host or liveness.host_key(),
        pid=pid,
        pid_started=liveness.process_start(pid),
        heartbeat_at=timezone.now(),
    )
    DBTaskResult.objects.get(id=run.job.task_id).claim(worker_id)
    Job.objects.filter(pk=run.job.pk).update(
        status=JobStatus.RUNNING, worker_id=worker_id, progress=40
    )


@pytest.mark.usefixtures("database_tasks")
def test_a_run_is_queued_with_its_job_and_done_by_the_worker(client: Client) -> None:
    run = _start(client)
    assert (run.status, run.progress) == (JobStatus.QUEUED, 0)
    task_result = DBTaskResult.objects.get(id=run.job.task_id)
    assert task_result.status == TaskResultStatus.READY
    assert task_result.task_path == scenario_tasks.run_scenario.module_path
    page = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert "In de wachtrij: 0 %" in page and 'http-equiv="refresh"' in page

    worker_id = run_queued()
    run.refresh_from_db()
    run.job.refresh_from_db()
    assert (run.status, run.progress) == (JobStatus.DONE, 100)
    assert run.result["runs"] == 20 and run.runtime_seconds
    assert run.job.worker_id == worker_id and run.job.attempts == 1
    assert run.job.result_url() == f"/scenarios/{run.uuid}"
    task_result.refresh_from_db()
    assert task_result.status == TaskResultStatus.SUCCESSFUL
    assert WorkerProcess.objects.get(worker_id=worker_id).stopped_at is not None


@pytest.mark.usefixtures("database_tasks")
def test_the_job_of_a_dead_worker_is_failed_with_a_dutch_reason(client: Client) -> None:
    run = _start(client)
    _claimed_by(run, "dood", _dead_pid())
    recovered = recover_interrupted()
    assert [j.pk for j in recovered] == [run.job.pk]
    run.job.refresh_from_db()
    assert (run.job.status, run.job.failure) == (
        JobStatus.FAILED,
        FailureKind.INTERRUPTED,
    )
    assert "onderbroken: de rekenwerker stopte" in run.job.error
    task_result = DBTaskResult.objects.get(id=run.job.task_id)
    assert task_result.status == TaskResultStatus.FAILED
    assert task_result.exception_class_path.endswith(WorkerLost.__qualname__)
    assert WorkerProcess.objects.get(worker_id="dood").stopped_at is not None
    html = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert "De berekening is mislukt" in html and "onderbroken" in html


@pytest.mark.usefixtures("database_tasks")
@pytest.mark.parametrize(
    ("case", "recovered"),
    [("this process", False), ("reused pid", True), ("elsewhere, beating", False)],
)
def test_a_live_worker_keeps_its_job(
    client: Client, case: str, recovered: bool
) -> None:
    run = _start(client)
    host = "andere-machine/1" if case.startswith("elsewhere") else ""
    _claimed_by(run, "w", os.getpid(), host)
    if case == "reused pid":  # same pid, other process start: not that worker
        WorkerProcess.objects.filter(worker_id="w").update(pid_started=1)
    assert bool(recover_interrupted()) is recovered
    # A worker elsewhere is dead once its heartbeat is older than the limit.
    if case.startswith("elsewhere"):
        stale = timezone.now() - timedelta(seconds=liveness.stale_seconds() + 1)
        WorkerProcess.objects.filter(worker_id="w").update(heartbeat_at=stale)
        assert recover_interrupted()


@pytest.mark.usefixtures("database_tasks")
def test_a_start_at_the_cap_frees_the_slot_of_a_dead_workers_run(
    client: Client,
) -> None:
    first = _start(client)
    _start(client)
    _claimed_by(first, "dood", _dead_pid())
    third = _start(client)  # 2 active, one of them lost: recovered, then admitted
    first.job.refresh_from_db()
    assert first.job.status == JobStatus.FAILED
    assert third.status == JobStatus.QUEUED
    assert jobs.active_count("scenario") == 2


def _explode(job: Job, progress: jobs.Progress) -> None:
    progress(50)
    raise RuntimeError("kapot")


def _abandoned(job: Job, progress: jobs.Progress) -> None:
    jobs.fail(job, "door een ander gestopt", FailureKind.CANCELLED)
    progress(60)


@task(takes_context=True)
def exploding(context: TaskContext, job_id: str) -> dict[str, str]:
    return jobs.run(context, job_id, _explode)


@task(takes_context=True)
def abandoned(context: TaskContext, job_id: str) -> dict[str, str]:
    return jobs.run(context, job_id, _abandoned)


def test_an_unexpected_error_fails_the_job_and_frees_its_slot() -> None:
    with jobs.admission("proef", max_active=1):
        job = jobs.enqueue(jobs.create("proef", "Proef"), exploding)
    assert (job.status, job.failure) == (JobStatus.FAILED, FailureKind.INTERNAL)
    assert job.error == "Interne fout in de berekening; zie het serverlog."
    assert jobs.active_count("proef") == 0
    with jobs.admission("proef", max_active=1):  # the slot is free again
        jobs.create("proef", "Nog een")


def test_a_job_taken_away_stops_at_its_next_progress_report() -> None:
    job = jobs.enqueue(jobs.create("proef", "Proef"), abandoned)
    assert (job.status, job.error) == (JobStatus.FAILED, "door een ander gestopt")
    assert job.progress == 1  # the report after the take-over changed nothing


def test_the_cap_refuses_in_dutch_and_stores_nothing() -> None:
    jobs.create("proef", "bezig")
    with (
        pytest.raises(jobs.TooManyActiveJobs, match="Er lopen al 1 berekeningen"),
        jobs.admission("proef", max_active=1),
    ):
        jobs.create("proef", "te veel")
    assert Job.objects.filter(kind="proef").count() == 1


@pytest.mark.usefixtures("database_tasks")
def test_periodic_tasks_are_queued_once_and_clean_up_old_anonymous_runs(
    client: Client, settings: Any
) -> None:
    settings.SCENARIOS_MAX_ACTIVE = 4
    old = timezone.now() - timedelta(days=settings.SCENARIOS_RETENTION_DAYS + 1)
    anonymous, published, owned, recent = (_start(client) for _ in range(4))
    run_queued()  # the four runs; the periodic tasks now too (first start)
    ScenarioRun.objects.filter(pk=published.pk).update(published_at=timezone.now())
    user = User.objects.create(username="eigenaar")
    ScenarioRun.objects.filter(pk=owned.pk).update(owner=user)
    ScenarioRun.objects.exclude(pk=recent.pk).update(created_at=old)

    DBTaskResult.objects.filter(task_path__in=list(periodic.PERIODIC)).delete()
    assert sorted(periodic.schedule_due()) == sorted(periodic.PERIODIC)
    assert periodic.schedule_due() == []  # already queued
    run_queued()
    left = set(ScenarioRun.objects.values_list("pk", flat=True))
    assert left == {published.pk, owned.pk, recent.pk}
    assert not Job.objects.filter(pk=anonymous.job.pk).exists()
    # The next run of each is queued for later, not now.
    periodic.schedule_due()
    later = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert later.count() == len(periodic.PERIODIC)
    assert all(r.run_after > timezone.now() + timedelta(hours=5) for r in later)


@pytest.mark.usefixtures("database_tasks")
def test_prune_removes_old_task_records_and_jobs_without_a_result(
    client: Client,
) -> None:
    run = _start(client)
    run_queued()
    orphan = Job.objects.create(kind="proef", title="oud", status=JobStatus.FAILED)
    long_ago = timezone.now() - timedelta(days=400)
    Job.objects.update(created_at=long_ago)
    DBTaskResult.objects.update(finished_at=long_ago)
    outcome = prune_finished.call()
    assert outcome["taken"] == 1 and outcome["taakresultaten"] >= 1
    assert not Job.objects.filter(pk=orphan.pk).exists()
    assert ScenarioRun.objects.filter(pk=run.pk).exists()  # its job has a result


@pytest.mark.usefixtures("database_tasks")
def test_taken_lists_the_visitors_own_jobs_with_state_and_link(client: Client) -> None:
    run = _start(client, "dal2020")
    page = client.get("/taken").content.decode()
    assert "Scenariorun: Dal zoals 2020" in page and "in de wachtrij" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Er draait nu geen rekenwerker" in page
    assert f'href="/scenarios/{run.uuid}"' in page
    assert "<script" not in page.split("<footer", 1)[0]
    assert "Dal zoals 2020" not in Client().get("/taken").content.decode()

    run_queued()
    page = client.get("/taken").content.decode()
    assert "Bekijk de uitkomst" in page and "http-equiv" not in page

    staff = User.objects.create_user("staf", password="x" * 12, is_staff=True)
    other = Client()
    other.force_login(staff)
    page = other.get("/taken").content.decode()
    assert "U hebt in deze sessie nog geen taken gestart." in page
    assert "Alle recente taken" in page and "Dal zoals 2020" in page


def test_start_rate_counts_form_and_api_together(client: Client, settings: Any) -> None:
    settings.SCENARIOS_START_RATE = "2/hour"
    settings.SCENARIOS_MAX_ACTIVE = 10
    _start(client)
    body = {"scenario": {"name": "api", "runs": 20, "months": 12}}
    api = client.post("/api/v1/scenarioruns", body, content_type="application/json")
    assert api.status_code == 202
    api = client.post("/api/v1/scenarioruns", body, content_type="application/json")
    assert api.status_code == 429 and int(api["Retry-After"]) > 0
    assert api["Content-Type"] == "application/problem+json"
    form = client.post("/scenarios", {"preset": "piek2015"})
    assert form.status_code == 429 and int(form["Retry-After"]) > 0
    assert "maximum aantal berekeningen per uur" in form.content.decode()
    assert ScenarioRun.objects.count() == 2


def test_with_a_dask_address_the_task_runs_its_chunks_on_that_cluster(
    client: Client, settings: Any
) -> None:
    """Heavy ensembles keep using Dask from inside the task (issue 8)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as cluster:
        settings.SCENARIOS_DASK_ADDRESS = cluster.scheduler_address
        run = _start(client)
    run.refresh_from_db()
    assert run.status == JobStatus.DONE
    assert run.result["backend"] == "dask"


def test_taken_speaks_english_when_asked(client: Client) -> None:
    page = client.get("/taken", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "My jobs" in page or "Mijn taken" in page  # first visit: Dutch first
    client.post("/i18n/setlang/", {"language": "en", "next": "/taken"})
    page = client.get("/taken").content.decode()
    assert '<h1 class="utrecht-heading-1">My jobs</h1>' in page
