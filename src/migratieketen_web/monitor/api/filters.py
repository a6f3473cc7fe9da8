# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /realisaties, /taakstellingen and /spreiding (validated, documented)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.api.filters import (
    GEMEENTE_CODE,
    PROVINCE_CODE,
    code_field,
    half_year_field,
)
from migratieketen_web.monitor.services import SES_CHOICES, parse_half_year


class HalfYearParameter(serializers.Serializer):
    """`halfjaar` checked by the core: a half-year with calendar dates (not 0000-1)."""

    def validate_halfjaar(self, value: str) -> str:
        try:
            return str(parse_half_year(value))
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc


class RealisatieFilter(HalfYearParameter):
    """Filters of /realisaties."""

    gemeente = code_field(GEMEENTE_CODE, "GM0363", "de gemeente")
    provincie = code_field(PROVINCE_CODE, "PV27", "gemeenten in de provincie")
    halfjaar = half_year_field("Alleen dit halfjaar, bv. 2025-1.")


class TaakstellingFilter(HalfYearParameter):
    """Parameters of /taakstellingen."""

    halfjaar = half_year_field(
        "Halfjaar, bv. 2025-1; standaard het laatste berekende halfjaar."
    )
    provincie = code_field(PROVINCE_CODE, "PV27", "gemeenten in de provincie")


class SpreidingFilter(serializers.Serializer):
    """Parameters of /spreiding."""

    raming = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        help_text="Capaciteitsraming (plaatsen); standaard de gepubliceerde.",
        error_messages={
            "invalid": "Geef een geheel getal.",
            "min_value": "Minimaal 1 plaats.",
            "max_value": "Maximaal 1.000.000 plaatsen.",
        },
    )
    ses = serializers.ChoiceField(
        choices=list(SES_CHOICES),
        required=False,
        help_text="auto (standaard): de meest recente SES-WOA van CBS in de open data "
        "(gemeentecijfers, anders het gemiddelde van de postcodecijfers); cbs; "
        "postcode; schatting: SES-WOA benaderd met KWB-indicatoren (niet officieel); "
        "geen: alleen inwonertal.",
        error_messages={"invalid_choice": f"Kies {', '.join(SES_CHOICES)}."},
    )
