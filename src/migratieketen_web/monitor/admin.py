# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Beheer of the realisation register, imports and monitor inputs (Dutch labels)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet

from migratieketen_web.monitor import models
from migratieketen_web.monitor.register import check_may_write, may_write
from migratieketen_web.monitor.services import (
    TaakstellingError,
    check_regional_agreement,
)


@admin.register(models.Realisation)
class RealisationAdmin(admin.ModelAdmin):
    list_display = (
        "gemeente",
        "housed_on",
        "persons",
        "households",
        "kind",
        "reference",
        "source",
        "created_at",
    )
    list_filter = ("source", "kind", "gemeente__province")
    search_fields = ("gemeente__name", "gemeente__code", "reference")
    date_hierarchy = "housed_on"
    autocomplete_fields = ("gemeente",)
    readonly_fields = ("key", "source", "batch", "created_at", "created_by")

    # Beheer writes the register under the same rule as the form, the import and the
    # API (`register.check_may_write`); Django's model permissions come on top.
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return super().has_add_permission(request) and may_write(request.user)

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return super().has_change_permission(request, obj) and may_write(
            request.user, obj.gemeente.code if obj else None
        )

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return super().has_delete_permission(request, obj) and may_write(
            request.user, obj.gemeente.code if obj else None
        )

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        check_may_write(request.user, obj.gemeente.code)
        if not change:
            obj.source = models.RealisationSource.WEB
            obj.created_by = request.user
            obj.key = f"kenmerk:{obj.reference}" if obj.reference else f"web:{obj.uuid}"
        super().save_model(request, obj, form, change)


class RealisationInline(admin.TabularInline):
    model = models.Realisation
    fields = ("gemeente", "housed_on", "persons", "kind", "reference")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(models.RealisationImport)
class RealisationImportAdmin(admin.ModelAdmin):
    list_display = (
        "filename",
        "imported_at",
        "imported_by",
        "rows",
        "added",
        "already_present",
    )
    readonly_fields = (
        "filename",
        "imported_at",
        "imported_by",
        "checksum",
        "rows",
        "added",
        "already_present",
    )
    inlines = [RealisationInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # imports go through the upload page, all or nothing


@admin.register(models.OpeningBalance)
class OpeningBalanceAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "half_year", "balance", "source_text")
    search_fields = ("gemeente__name", "gemeente__code")
    autocomplete_fields = ("gemeente",)


@admin.register(models.CoaLinkage)
class CoaLinkageAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "half_year", "linked", "source_text")
    search_fields = ("gemeente__name", "gemeente__code")
    autocomplete_fields = ("gemeente",)


class SharesFormSet(BaseInlineFormSet):
    """Art. 29 lid 2: the changes of one agreement must add up to zero."""

    def clean(self) -> None:
        super().clean()
        deltas = {
            f.cleaned_data["gemeente"].code: f.cleaned_data["delta"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        }
        if not deltas:
            return
        try:
            check_regional_agreement(self.instance.name or "afspraak", deltas)
        except TaakstellingError as exc:
            raise ValidationError(str(exc)) from exc


class ShareInline(admin.TabularInline):
    model = models.RegionalAgreementShare
    formset = SharesFormSet
    autocomplete_fields = ("gemeente",)
    extra = 2


@admin.register(models.RegionalAgreement)
class RegionalAgreementAdmin(admin.ModelAdmin):
    list_display = ("name", "half_year", "decided_on")
    inlines = [ShareInline]
