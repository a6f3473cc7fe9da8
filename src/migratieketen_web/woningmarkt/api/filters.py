# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /woningmarkt/{gemeentecode}: the levers (validated, documented)."""

from __future__ import annotations

from rest_framework import serializers

MAX_PLACES = 100_000


def _whole(help_text: str) -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_PLACES,
        help_text=help_text,
        error_messages={
            "invalid": "Geef een geheel getal.",
            "min_value": "Dit aantal kan niet negatief zijn.",
            "max_value": "Hooguit 100.000.",
        },
    )


class WoningmarktFilter(serializers.Serializer):
    """Levers of one gemeente; left out: the current policy (AANNAME)."""

    voorrang = serializers.FloatField(
        required=False,
        min_value=0,
        max_value=1,
        help_text="Aandeel verhuringen met voorrang voor statushouders, 0 tot 1 "
        "(0.3 = 30 %); standaard het landelijke aandeel (AANNAME 0.06).",
        error_messages={
            "invalid": "Geef een aandeel tussen 0 en 1, bv. 0.3.",
            "min_value": "Voorrang kan niet onder 0 liggen.",
            "max_value": "Voorrang is een aandeel tot en met 1 (1 = 100 %%).",
        },
    )
    urgentie = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Statushouders ook urgentiecategorie (true/false).",
        error_messages={"invalid": "Geef true of false."},
    )
    tussenvoorziening = _whole("Plaatsen in een tussenvoorziening, vanaf het begin.")
    personenPerWoning = serializers.FloatField(
        required=False,
        min_value=0.5,
        max_value=8,
        help_text="Personen per woning (woningdelen); standaard de modelwaarde.",
        error_messages={
            "invalid": "Geef een getal, bv. 2.5.",
            "min_value": "Minstens 0.5 persoon per woning.",
            "max_value": "Hooguit 8 personen per woning.",
        },
    )
    nieuwbouw = _whole("Extra nieuwbouw: corporatiewoningen per jaar.")
