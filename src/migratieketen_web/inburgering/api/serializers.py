# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch camelCase representation of an inburgeraar; the BSN is write-only."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from migratieketen_web.inburgering.services import Ground, Route, SignalKind


class StapSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    omschrijving = serializers.CharField()
    uiterlijk = serializers.DateField(allow_null=True)
    gedaanOp = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    grondslag = serializers.CharField(
        help_text="Artikel, bv. art. 15 Wet inburgering 2021."
    )
    grondslagUrl = serializers.URLField()
    toelichting = serializers.CharField(allow_blank=True)


class SignaalSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=[k.value for k in SignalKind])
    omschrijving = serializers.CharField()
    grondslag = serializers.CharField()


class InburgeraarSerializer(serializers.Serializer):
    """Read: no BSN, ever."""

    uuid = serializers.UUIDField()
    gemeentecode = serializers.CharField()
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    nationaliteit = serializers.CharField()
    grond = serializers.CharField()
    startInburgeringsplicht = serializers.DateField()
    leerroute = serializers.CharField(allow_null=True)
    termijnEinde = serializers.DateField(
        allow_null=True,
        help_text="Einde inburgeringstermijn (art. 11-12); null zonder PIP.",
    )
    signalen = SignaalSerializer(many=True)


class InburgeraarDetailSerializer(InburgeraarSerializer):
    stappen = StapSerializer(many=True)
    kostenVoorzieningen = serializers.DecimalField(max_digits=12, decimal_places=2)
    budget = serializers.DecimalField(max_digits=12, decimal_places=2)
    budgetBron = serializers.CharField()


class InburgeraarAanmakenSerializer(serializers.Serializer):
    """Create: the BSN goes in, and is never returned."""

    gemeentecode = serializers.RegexField(
        r"^GM[0-9]{4}$",
        error_messages={"invalid": "Gebruik een CBS-code zoals GM0363."},
    )
    bsn = serializers.CharField(write_only=True, max_length=20)
    naam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    nationaliteit = serializers.CharField(max_length=2)
    grond = serializers.ChoiceField(choices=[g.value for g in Ground])
    startInburgeringsplicht = serializers.DateField()
    leerroute = serializers.ChoiceField(
        choices=[r.value for r in Route], required=False, allow_blank=True
    )

    def to_input(self) -> dict[str, Any]:
        d = self.validated_data
        return {
            "gemeente": d["gemeentecode"],
            "bsn": d["bsn"],
            "name": d["naam"],
            "birth_date": d["geboortedatum"],
            "nationality": d["nationaliteit"],
            "ground": d["grond"],
            "duty_start": d["startInburgeringsplicht"],
            "route": d.get("leerroute", ""),
        }


FIELD_NAMES = {
    "gemeente": "gemeentecode",
    "bsn": "bsn",
    "name": "naam",
    "birth_date": "geboortedatum",
    "nationality": "nationaliteit",
    "ground": "grond",
    "duty_start": "startInburgeringsplicht",
    "route": "leerroute",
}
