# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario runs in /beheer: read-only (they are results), publishable, deletable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from migratieketen_web.scenarios import services
from migratieketen_web.scenarios.models import ScenarioRun


@admin.register(ScenarioRun)
class ScenarioRunAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "job",
        "runs",
        "seed",
        "owner",
        "published_at",
        "created_at",
    )
    list_filter = ("job__status", "inflow_choice", "published_at")
    search_fields = ("name", "uuid")
    exclude = ("result",)  # large JSON; read it on the page or via the API
    readonly_fields = [
        f.name for f in ScenarioRun._meta.fields if f.name not in ("id", "result")
    ]
    actions = ["publish"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return services.may_publish(request.user)

    @admin.action(
        description=_("Publiceren op de gemeentepagina's"), permissions=["publish"]
    )
    def publish(self, request: HttpRequest, queryset: QuerySet[ScenarioRun]) -> None:
        done = 0
        for run in queryset.select_related("job"):
            try:
                services.publish(run, request.user)
                done += 1
            except services.NotPublishable as exc:
                self.message_user(request, f"{run.name}: {exc}", messages.WARNING)
        self.message_user(
            request,
            ngettext("%(n)d run gepubliceerd.", "%(n)d runs gepubliceerd.", done)
            % {"n": done},
        )
