# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario runs in /beheer: read-only (they are results), deletable to tidy up."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from migratieketen_web.scenarios.models import ScenarioRun


@admin.register(ScenarioRun)
class ScenarioRunAdmin(admin.ModelAdmin):
    list_display = ("name", "status", "progress", "runs", "seed", "created_at")
    list_filter = ("status", "inflow_choice")
    search_fields = ("name", "uuid")
    exclude = ("result",)  # large JSON; read it on the page or via the API
    readonly_fields = [
        f.name for f in ScenarioRun._meta.fields if f.name not in ("id", "result")
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
