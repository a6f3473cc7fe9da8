# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Admin of the register: through the same isolation rule as every page.

A superuser without a klantmanager role sees no persons here: national rights cover
aggregates and realisations, not personal data (ADR 0012). Reads are not audited in
the admin, so it shows no names: only UUID, gemeente and dates.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.accounts.roles import Right
from migratieketen_web.inburgering.models import Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("uuid", "gemeente", "ground", "route", "duty_start")
    fields = ("uuid", "gemeente", "ground", "route", "duty_start")
    readonly_fields = fields

    def get_queryset(self, request: Any) -> Any:
        actor = actor_for_user(request.user)
        return Person.objects.for_actor(actor, Right.PERSONAL_READ)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
