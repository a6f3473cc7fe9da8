# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /api/v1/lvv-trajecten (400 on a bad or unknown key)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.api import filters
from migratieketen_web.lvv.services import OutcomeClass, Track


class TrajectFilter(serializers.Serializer):
    gemeente = filters.code_field(filters.GEMEENTE_CODE, "GM0344", "trajecten")
    traject = serializers.ChoiceField(
        choices=[t.value for t in Track],
        required=False,
        help_text="Alleen dit traject.",
        error_messages={"invalid_choice": "Onbekend traject."},
    )
    uitkomstklasse = serializers.ChoiceField(
        choices=[c.value for c in OutcomeClass],
        required=False,
        help_text="Alleen uitgestroomden met deze klasse: bestendig, semi_bestendig of geen.",
        error_messages={"invalid_choice": "Kies bestendig, semi_bestendig of geen."},
    )
