# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/taken: the visitor's recent jobs with state and progress, linking to results.

Anonymous visitors see the jobs started in their session; signed-in users also their
own; staff also every recent job and whether a worker is running. The page refreshes
itself with <meta http-equiv="refresh"> while a job is active (no JavaScript).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from migratieketen_web.jobs import liveness, services
from migratieketen_web.jobs.models import ACTIVE_STATUSES, Job, JobStatus

REFRESH_SECONDS = 5
STAFF_LIST_LENGTH = 50


def _rows(jobs: list[Job]) -> list[dict[str, Any]]:
    return [{"job": job, "url": job.result_url()} for job in jobs]


def job_list(request: HttpRequest) -> HttpResponse:
    mine = list(services.for_request(request))
    context: dict[str, Any] = {"mine": _rows(mine), "staff": request.user.is_staff}
    shown = list(mine)
    if request.user.is_staff:
        recent = list(Job.objects.select_related("result_type")[:STAFF_LIST_LENGTH])
        context["all_jobs"] = _rows(recent)
        context["workers"] = liveness.live_workers()
        shown += recent
    active = [job for job in shown if job.status in ACTIVE_STATUSES]
    if active:
        context["refresh"] = REFRESH_SECONDS
    queued = any(job.status == JobStatus.QUEUED for job in active)
    context["no_worker"] = queued and not liveness.live_workers()
    return render(request, "jobs/list.html", context)
