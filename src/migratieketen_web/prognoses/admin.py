# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read-only beheer of stored forecasts: they are only made by the service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from migratieketen_web.prognoses.models import Forecast, InflowScenario


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Any | None = None
    ) -> bool:
        return False


@admin.register(Forecast)
class ForecastAdmin(ReadOnlyAdmin):
    list_display = ("uuid", "created_at", "model", "cutoff", "until", "n_paths")
    exclude = ("result",)


@admin.register(InflowScenario)
class InflowScenarioAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "seed", "n_paths", "forecast")
    list_filter = ("kind",)
    exclude = ("paths",)
