# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Jobs and workers in /beheer: read-only (the runner writes them)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from migratieketen_web.jobs.models import Job, WorkerProcess


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "status", "progress", "owner", "created_at")
    list_filter = ("kind", "status", "failure")
    search_fields = ("title", "uuid", "task_id")


@admin.register(WorkerProcess)
class WorkerProcessAdmin(ReadOnlyAdmin):
    list_display = (
        "worker_id",
        "host",
        "pid",
        "started_at",
        "heartbeat_at",
        "stopped_at",
    )
