# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch camelCase representation of an LVV case."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from migratieketen_web.lvv.services import Outcome, Track


class ContactSerializer(serializers.Serializer):
    datum = serializers.DateField()
    met = serializers.CharField(help_text="ind, dtv, avim, ngo of overig.")
    notitie = serializers.CharField(allow_blank=True)


class TrajectSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    gemeentecode = serializers.CharField()
    naam = serializers.CharField()
    intake = serializers.DateField()
    locatie = serializers.CharField(allow_blank=True)
    traject = serializers.CharField(
        help_text="Traject: " + ", ".join(t.value for t in Track) + "."
    )
    uitkomst = serializers.CharField(allow_null=True)
    uitkomstklasse = serializers.CharField(
        allow_null=True, help_text="bestendig, semi_bestendig of geen (evaluatie WODC)."
    )
    uitstroom = serializers.DateField(allow_null=True)
    duurDagen = serializers.IntegerField()


class TrajectDetailSerializer(TrajectSerializer):
    geboortejaar = serializers.IntegerField(allow_null=True)
    nationaliteit = serializers.CharField(allow_blank=True)
    contacten = ContactSerializer(many=True)


class TrajectAanmakenSerializer(serializers.Serializer):
    gemeentecode = serializers.RegexField(
        r"^GM[0-9]{4}$",
        error_messages={"invalid": "Gebruik een CBS-code zoals GM0344."},
    )
    naam = serializers.CharField(max_length=200)
    intake = serializers.DateField()
    traject = serializers.ChoiceField(choices=[t.value for t in Track])
    locatie = serializers.CharField(max_length=200, required=False, allow_blank=True)
    nationaliteit = serializers.CharField(
        max_length=2, required=False, allow_blank=True
    )
    geboortejaar = serializers.IntegerField(required=False, allow_null=True)
    vreemdelingennummer = serializers.CharField(
        max_length=10, required=False, allow_blank=True, write_only=True
    )
    uitkomst = serializers.ChoiceField(
        choices=[o.value for o in Outcome], required=False, allow_blank=True
    )
    uitstroom = serializers.DateField(required=False, allow_null=True)

    def to_input(self) -> dict[str, Any]:
        d = self.validated_data
        return {
            "gemeente": d["gemeentecode"],
            "name": d["naam"],
            "intake": d["intake"],
            "track": d["traject"],
            "location": d.get("locatie", ""),
            "nationality": d.get("nationaliteit", ""),
            "birth_year": d.get("geboortejaar"),
            "v_number": d.get("vreemdelingennummer", ""),
            "outcome": d.get("uitkomst", ""),
            "exit": d.get("uitstroom"),
        }


FIELD_NAMES = {
    "gemeente": "gemeentecode",
    "name": "naam",
    "intake": "intake",
    "track": "traject",
    "nationality": "nationaliteit",
    "birth_year": "geboortejaar",
    "v_number": "vreemdelingennummer",
    "outcome": "uitkomst",
    "exit": "uitstroom",
}
