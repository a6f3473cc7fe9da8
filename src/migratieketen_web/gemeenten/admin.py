# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read-only admin for the imported open data.

Why read-only: these rows are a copy of the validated data folder; a change made
by hand would be lost at the next import and would break the checksum's promise.
Change the data folder and import again instead.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from migratieketen_web.gemeenten import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(models.DataVintage)
class DataVintageAdmin(ReadOnlyAdmin):
    list_display = ("imported_at", "division_year", "checksum", "data_dir")


@admin.register(models.Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ("publisher", "title", "table_id", "reference_date", "licence")
    search_fields = ("publisher", "title", "table_id")


@admin.register(models.Province)
class ProvinceAdmin(ReadOnlyAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")
    exclude = ("svg_path",)


@admin.register(models.Gemeente)
class GemeenteAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "province")
    list_filter = ("province",)
    search_fields = ("code", "name")
    exclude = ("svg_path",)


@admin.register(models.Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("key", "label_nl", "unit", "aggregation", "weight", "source")
    search_fields = ("key", "label_nl", "label_en")


@admin.register(models.Wijk)
class WijkAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "gemeente", "inhabitants")
    search_fields = ("code", "name", "gemeente__name")
    list_select_related = ("gemeente",)
