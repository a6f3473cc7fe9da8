# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Admin for local choices and praktijkvoorbeelden (no personal data in either)."""

from __future__ import annotations

from django.contrib import admin

from migratieketen_web.werkplaats.models import LocalChoice, Praktijkvoorbeeld


@admin.register(LocalChoice)
class LocalChoiceAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "key", "option", "source_date", "entered_at")
    list_filter = ("key",)
    search_fields = ("gemeente__name", "gemeente__code")
    raw_id_fields = ("gemeente",)
    readonly_fields = ("entered_by", "entered_at")


@admin.register(Praktijkvoorbeeld)
class PraktijkvoorbeeldAdmin(admin.ModelAdmin):
    list_display = ("title", "theme", "status", "period", "published_at")
    list_filter = ("status", "theme")
    search_fields = ("title", "what", "result")
    filter_horizontal = ("gemeenten",)
    # Publishing goes through the review workflow (praktijk.publish), not the admin.
    readonly_fields = ("status", "author", "reviewer", "created_at", "published_at")
