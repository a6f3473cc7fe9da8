# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Start, run and follow jobs: what every domain app uses to do long work.

A domain starts work in three steps, inside `admission()` so that its own rows, the
job and the queued task are written together or not at all:

    with jobs.admission("scenario", max_active=2, throttle=..., request=request):
        job = jobs.create("scenario", title, owner=request.user)
        run = ScenarioRun.objects.create(job=job, ...)
        jobs.enqueue(job, tasks.run_scenario)

and its task function hands its work to `run()`, which keeps the job's state,
progress and Dutch error up to date. See docs/architecture.md ("Jobs").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import TaskContext
from django_tasks.base import Task
from django_tasks_db.utils import exclusive_transaction

from migratieketen import logs
from migratieketen_web.jobs import liveness
from migratieketen_web.jobs.models import (
    ACTIVE_STATUSES,
    FailureKind,
    Job,
    JobLock,
    JobStatus,
)
from migratieketen_web.jobs.throttles import StartThrottle

logger = logs.get_logger(__name__)


class JobError(Exception):
    """A handled failure of a job: its Dutch message is shown to the user."""

    def __init__(self, message: str, kind: str = FailureKind.INVALID) -> None:
        super().__init__(message)
        self.kind = kind


class JobAbandoned(Exception):
    """The job is no longer active (recovered as interrupted, or cancelled): stop."""


class TooManyActiveJobs(Exception):
    """The cap on active jobs of this kind is reached; Dutch message."""


class TooManyStarts(Exception):
    """This client started too many jobs recently; Dutch message, seconds to wait."""

    def __init__(self, message: str, wait: float | None) -> None:
        super().__init__(message)
        self.wait = int(wait or 60)


def internal_error_message() -> str:
    return _("Interne fout in de berekening; zie het serverlog.")


@contextmanager
def serialised(lock: str) -> Iterator[None]:
    """One transaction at a time per `lock`, across processes, on both databases.

    PostgreSQL: the lock row is held with SELECT ... FOR UPDATE until commit.
    SQLite ignores FOR UPDATE, so the transaction starts EXCLUSIVE (one writer).
    """
    JobLock.objects.get_or_create(name=lock)
    with exclusive_transaction():
        JobLock.objects.select_for_update().get(name=lock)
        yield


def active_count(kind: str) -> int:
    return Job.objects.filter(kind=kind, status__in=ACTIVE_STATUSES).count()


@contextmanager
def admission(
    kind: str,
    *,
    max_active: int | None = None,
    throttle: StartThrottle | None = None,
    request: Any = None,
) -> Iterator[None]:
    """Serialise starts of `kind`; refuse when its cap or the client's rate is reached.

    Everything written inside the block (the job, the domain's rows, the queued task,
    the throttle's count in the database cache) commits together, so a start that is
    refused later in the block counts nowhere and holds no slot.
    """
    with serialised(kind):
        if max_active is not None and active_count(kind) >= max_active:
            from migratieketen_web.jobs.recovery import recover_interrupted

            recover_interrupted()  # a killed worker's job frees its slot here too
            if active_count(kind) >= max_active:
                raise TooManyActiveJobs(
                    _(
                        "Er lopen al %(n)s berekeningen; probeer het over een minuut "
                        "opnieuw."
                    )
                    % {"n": max_active}
                )
        if throttle is not None and not throttle.allow_request(request):
            raise TooManyStarts(
                _(
                    "U hebt het maximum aantal berekeningen per uur bereikt; probeer "
                    "het later opnieuw."
                ),
                throttle.wait(),
            )
        yield


def create(
    kind: str,
    title: str,
    *,
    key: str = "",
    owner: Any = None,
) -> Job:
    """A queued job; call `enqueue` in the same transaction to start it."""
    user = owner if getattr(owner, "is_authenticated", False) else None
    return Job.objects.create(kind=kind, title=title[:200], key=key[:200], owner=user)


def set_result(job: Job, result: models.Model) -> None:
    """Point the job at the object that shows its result (its page via URL)."""
    job.result_type = ContentType.objects.get_for_model(result)
    job.result_id = str(result.pk)
    Job.objects.filter(pk=job.pk).update(
        result_type=job.result_type, result_id=job.result_id
    )


def enqueue(job: Job, task: Task[..., Any], *args: Any) -> Job:
    """Queue `task(job_uuid, *args)`; with the immediate backend it runs right here."""
    result = task.enqueue(str(job.uuid), *args)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def remember(request: Any, job: Job, limit: int = 50) -> None:
    """Keep the job in the visitor's session: /taken lists it for anonymous users."""
    session = getattr(request, "session", None)
    if session is None:
        return
    known = [str(job.uuid)] + [u for u in session.get("jobs", []) if u != str(job.uuid)]
    session["jobs"] = known[:limit]


def for_request(request: Any, limit: int = 50) -> models.QuerySet[Job]:
    """The visitor's recent jobs: their own when signed in, else their session's."""
    mine = models.Q(uuid__in=request.session.get("jobs", []))
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        mine |= models.Q(owner=user)
    return Job.objects.filter(mine).select_related("result_type")[:limit]


class Progress:
    """Report progress (per cent); raises JobAbandoned once the job is no longer ours."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def __call__(self, percent: float) -> None:
        value = max(1, min(99, int(percent)))
        updated = Job.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING).update(
            progress=value, updated_at=timezone.now()
        )
        if not updated:
            raise JobAbandoned(str(self.job.uuid))
        self.job.progress = value
        liveness.heartbeat(self.job.worker_id)


def complete(job: Job, result: models.Model | None = None) -> None:
    """Mark the job done; call it inside the transaction that stores the result.

    Raises JobAbandoned (so that transaction rolls back) when the job was meanwhile
    marked interrupted or cancelled: its slot was already given to someone else.
    """
    fields: dict[str, Any] = {
        "status": JobStatus.DONE,
        "progress": 100,
        "finished_at": timezone.now(),
    }
    if result is not None:
        fields["result_type"] = ContentType.objects.get_for_model(result)
        fields["result_id"] = str(result.pk)
    if not Job.objects.filter(pk=job.pk, status__in=ACTIVE_STATUSES).update(**fields):
        raise JobAbandoned(str(job.uuid))
    job.status = JobStatus.DONE


def fail(job: Job, message: str, kind: str = FailureKind.INVALID) -> None:
    Job.objects.filter(pk=job.pk, status__in=ACTIVE_STATUSES).update(
        status=JobStatus.FAILED,
        error=message,
        failure=kind,
        finished_at=timezone.now(),
    )
    job.status = JobStatus.FAILED


def _claim(job_id: str, context: TaskContext) -> Job | None:
    """Mark the job running on this worker; None when it is no longer queued/running."""
    worker_ids = context.task_result.worker_ids
    worker_id = str(worker_ids[-1]) if worker_ids else ""
    updated = Job.objects.filter(uuid=job_id, status__in=ACTIVE_STATUSES).update(
        status=JobStatus.RUNNING,
        progress=1,
        worker_id=worker_id[:64],
        attempts=models.F("attempts") + 1,
        started_at=timezone.now(),
    )
    return Job.objects.get(uuid=job_id) if updated else None


def run(
    context: TaskContext, job_id: str, body: Callable[[Job, Progress], None]
) -> dict[str, str]:
    """Run `body(job, progress)` for the job, keeping its state; used by tasks.py.

    A JobError is stored with its Dutch message; any other exception is logged with
    its traceback and stored as an internal error. Both are raised again, so the
    task framework records the task as failed too.
    """
    job = _claim(job_id, context)
    if job is None:
        return {"job": job_id, "status": "overgeslagen"}
    try:
        body(job, Progress(job))
        if job.status != JobStatus.DONE:
            complete(job)
    except JobAbandoned:
        return {"job": job_id, "status": "verlaten"}
    except JobError as exc:
        fail(job, str(exc), exc.kind)
        raise
    except (SystemExit, KeyboardInterrupt):  # the worker is stopped by force
        from migratieketen_web.jobs.recovery import interrupted_message

        fail(job, interrupted_message(), FailureKind.INTERRUPTED)
        raise
    except BaseException:
        logger.exception("Taak %s (%s) mislukt", job.uuid, job.kind)
        fail(job, internal_error_message(), FailureKind.INTERNAL)
        raise
    return {"job": job_id, "status": str(JobStatus.DONE)}
