# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch camelCase representation of a housing location; no occupant identities."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from migratieketen_web.arbeidsmigranten.services import (
    LocationType,
    SignalKind,
    SnfRegime,
)


class LocatieSignaalSerializer(serializers.Serializer):
    soort = serializers.CharField(
        help_text="Soort signaal: " + ", ".join(k.value for k in SignalKind) + "."
    )
    omschrijving = serializers.CharField()
    regel = serializers.CharField(
        help_text="Artikel of norm, bv. art. 2.38 lid 1 Wet BRP."
    )
    regelUrl = serializers.CharField(allow_blank=True)
    toelichting = serializers.CharField(allow_blank=True)
    getallen = serializers.DictField(help_text="De getallen achter het signaal.")


class LocatieNormSerializer(serializers.Serializer):
    soort = serializers.CharField()
    omschrijving = serializers.CharField()
    personen = serializers.IntegerField()
    tenHoogste = serializers.IntegerField()
    teVeel = serializers.IntegerField()
    berekening = serializers.CharField()
    regel = serializers.CharField()


class LocatieSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    gemeentecode = serializers.CharField()
    wijkcode = serializers.CharField(allow_null=True)
    adres = serializers.CharField()
    bag = serializers.CharField(help_text="gecontroleerd of niet_gecontroleerd.")
    soort = serializers.CharField(
        help_text="Soort locatie: " + ", ".join(t.value for t in LocationType) + "."
    )
    bedden = serializers.IntegerField()
    gebruiksoppervlakte = serializers.DecimalField(max_digits=8, decimal_places=1)
    maximaalBedden = serializers.IntegerField(
        help_text="Wat alle normen samen toestaan."
    )
    bewonersAanwezig = serializers.IntegerField()
    signalen = LocatieSignaalSerializer(many=True)


class LocatieDetailSerializer(LocatieSerializer):
    slaapkamers = serializers.ListField(
        child=serializers.DecimalField(max_digits=6, decimal_places=1)
    )
    normen = LocatieNormSerializer(many=True)
    exploitant = serializers.CharField(allow_blank=True)
    werkgever = serializers.CharField(allow_blank=True)
    huurViaWerk = serializers.BooleanField()
    snfNummer = serializers.CharField(allow_blank=True)
    snfGeldigTot = serializers.DateField(allow_null=True)
    brpInschrijvingen = serializers.IntegerField(allow_null=True)
    bewonersBrp = serializers.IntegerField()
    bewonersRni = serializers.IntegerField()


class LocatieAanmakenSerializer(serializers.Serializer):
    gemeentecode = serializers.RegexField(
        r"^GM[0-9]{4}$",
        error_messages={"invalid": "Gebruik een CBS-code zoals GM1783."},
    )
    postcode = serializers.CharField(max_length=7)
    huisnummer = serializers.IntegerField(min_value=1)
    huisletter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    toevoeging = serializers.CharField(max_length=4, required=False, allow_blank=True)
    wijkcode = serializers.CharField(max_length=8, required=False, allow_blank=True)
    naam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    soort = serializers.ChoiceField(choices=[t.value for t in LocationType])
    bedden = serializers.IntegerField()
    gebruiksoppervlakte = serializers.DecimalField(max_digits=8, decimal_places=1)
    slaapkamers = serializers.ListField(
        child=serializers.DecimalField(max_digits=6, decimal_places=1), required=False
    )
    snfNorm = serializers.ChoiceField(
        choices=[r.value for r in SnfRegime], required=False
    )
    nieuweLocatie = serializers.BooleanField(required=False)
    exploitant = serializers.CharField(max_length=200, required=False, allow_blank=True)
    werkgever = serializers.CharField(max_length=200, required=False, allow_blank=True)
    huurViaWerk = serializers.BooleanField(required=False)
    snfNummer = serializers.CharField(max_length=40, required=False, allow_blank=True)
    snfGeldigTot = serializers.DateField(required=False, allow_null=True)
    brpInschrijvingen = serializers.IntegerField(required=False, allow_null=True)

    def to_input(self) -> dict[str, Any]:
        d = self.validated_data
        return {
            "gemeente": d["gemeentecode"],
            "postcode": d["postcode"],
            "huisnummer": d["huisnummer"],
            "huisletter": d.get("huisletter", ""),
            "toevoeging": d.get("toevoeging", ""),
            "wijk": d.get("wijkcode", "").upper(),
            "name": d.get("naam", ""),
            "type": d["soort"],
            "beds": d["bedden"],
            "floor_area": d["gebruiksoppervlakte"],
            "bedrooms": tuple(d.get("slaapkamers", ())),
            "snf_regime": d.get("snfNorm", "bewoning"),
            "new_location": d.get("nieuweLocatie", False),
            "operator": d.get("exploitant", ""),
            "employer": d.get("werkgever", ""),
            "employer_tied": d.get("huurViaWerk", False),
            "snf_number": d.get("snfNummer", ""),
            "snf_expiry": d.get("snfGeldigTot"),
            "brp_registrations": d.get("brpInschrijvingen"),
        }


FIELD_NAMES = {
    "gemeente": "gemeentecode",
    "postcode": "postcode",
    "huisnummer": "huisnummer",
    "wijk": "wijkcode",
    "type": "soort",
    "beds": "bedden",
    "floor_area": "gebruiksoppervlakte",
    "bedrooms": "slaapkamers",
    "snf_regime": "snfNorm",
    "brp_registrations": "brpInschrijvingen",
}
