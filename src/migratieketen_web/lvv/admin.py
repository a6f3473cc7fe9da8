# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Admin: LVV cases only through the isolation rule, without names (reads not audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.accounts.roles import Right
from migratieketen_web.lvv.models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("uuid", "gemeente", "track", "outcome", "intake")
    fields = ("uuid", "gemeente", "track", "outcome", "intake", "exit")
    readonly_fields = fields

    def get_queryset(self, request: Any) -> Any:
        return Case.objects.for_actor(actor_for_user(request.user), Right.PERSONAL_READ)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
