# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /prognoses and /instroomscenarios (validated, documented)."""

from __future__ import annotations

from rest_framework import serializers

from migratieketen_web.prognoses import presentation


class ActueelFilter(serializers.Serializer):
    """Parameters of /prognoses/actueel."""

    reeks = serializers.ChoiceField(
        choices=list(presentation.SERIES),
        required=False,
        help_text="Alleen deze reeks; zonder parameter alle drie.",
        error_messages={
            "invalid_choice": "Kies uit " + ", ".join(presentation.SERIES) + "."
        },
    )


class ScenarioFilter(serializers.Serializer):
    """Parameters of /instroomscenarios."""

    prognose = serializers.UUIDField(
        required=False,
        help_text="Alleen scenario's van deze prognose (uuid).",
        error_messages={"invalid": "Geef de uuid van een prognose."},
    )
