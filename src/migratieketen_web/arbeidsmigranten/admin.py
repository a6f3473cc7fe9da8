# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Admin: the local norms are configuration; locations only through the isolation rule.

Reads are not audited in the admin, so it shows no occupants and no addresses of
locations: only UUID, gemeente, type and beds.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.accounts.roles import Right
from migratieketen_web.arbeidsmigranten.models import LocalNorm, Location


@admin.register(LocalNorm)
class LocalNormAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "max_persons", "source")

    def get_queryset(self, request: Any) -> Any:
        actor = actor_for_user(request.user)
        return LocalNorm.objects.for_actor(actor, Right.REALISATIONS_WRITE)


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ("uuid", "gemeente", "type", "beds")
    fields = ("uuid", "gemeente", "type", "beds")
    readonly_fields = fields

    def get_queryset(self, request: Any) -> Any:
        actor = actor_for_user(request.user)
        return Location.objects.for_actor(actor, Right.PERSONAL_READ)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
