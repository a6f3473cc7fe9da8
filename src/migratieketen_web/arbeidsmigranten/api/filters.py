# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /api/v1/huisvestingslocaties (400 on a bad or unknown key)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.api import filters
from migratieketen_web.arbeidsmigranten.services import LocationType, SignalKind


class LocatieFilter(serializers.Serializer):
    gemeente = filters.code_field(filters.GEMEENTE_CODE, "GM1783", "locaties")
    soort = serializers.ChoiceField(
        choices=[t.value for t in LocationType],
        required=False,
        help_text="Alleen deze soort locatie.",
        error_messages={
            "invalid_choice": "Kies woning, logiesgebouw, recreatiepark, "
            "hotel_pension of short_stay."
        },
    )
    signaal = serializers.ChoiceField(
        choices=[k.value for k in SignalKind],
        required=False,
        help_text="Alleen locaties met dit signaal.",
        error_messages={"invalid_choice": "Onbekend signaal."},
    )
