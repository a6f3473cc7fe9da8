# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /api/v1/inburgeraars, validated (400 on a bad or unknown key)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.api import filters
from migratieketen_web.inburgering.services import Ground, Route


class InburgeraarFilter(serializers.Serializer):
    gemeente = filters.code_field(filters.GEMEENTE_CODE, "GM0363", "inburgeraars")
    leerroute = serializers.ChoiceField(
        choices=[r.value for r in Route],
        required=False,
        help_text="Alleen deze leerroute: b1, onderwijs of z.",
        error_messages={"invalid_choice": "Kies b1, onderwijs of z."},
    )
    grond = serializers.ChoiceField(
        choices=[g.value for g in Ground],
        required=False,
        help_text="Alleen deze grond: asiel, gezin of overig.",
        error_messages={"invalid_choice": "Kies asiel, gezin of overig."},
    )
