# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query-parameter filters of the open-data collections (validated, documented)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.api.filters import GEMEENTE_CODE, PROVINCE_CODE, code_field


class GemeenteFilter(serializers.Serializer):
    """Filters of /gemeenten."""

    provincie = code_field(PROVINCE_CODE, "PV27", "gemeenten in de provincie")
    naam = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Alleen gemeenten waarvan de naam deze tekst bevat "
        "(hoofdletterongevoelig).",
    )
    code = code_field(GEMEENTE_CODE, "GM0363", "de gemeente")


class WijkFilter(serializers.Serializer):
    """Filters of /wijken."""

    gemeente = code_field(GEMEENTE_CODE, "GM0363", "wijken in de gemeente")


class IndicatorwaardenFilter(serializers.Serializer):
    """Filters of /indicatoren/{sleutel}/waarden."""

    provincie = code_field(PROVINCE_CODE, "PV27", "gemeenten in de provincie")
