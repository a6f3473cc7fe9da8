# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The audit log in the admin: read-only, nothing can be added, changed or deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from migratieketen_web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "channel", "organisation", "action", "status")
    list_filter = ("organisation", "action", "channel", "status")
    ordering = ("-pk",)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
