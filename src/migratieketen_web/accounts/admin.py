# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Organisations, memberships and tokens in the admin (tokens: read and revoke only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from migratieketen_web.accounts.models import ApiToken, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind")
    search_fields = ("code", "name")
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "user", "expires_at", "revoked_at")
    readonly_fields = (
        "uuid",
        "user",
        "name",
        "prefix",
        "created_at",
        "created_by",
        "expires_at",
        "last_used_at",
        "revoked_by",
    )
    exclude = ("digest",)

    def has_add_permission(self, request: Any) -> bool:
        return False  # tokens are made on /account/tokens, shown once
