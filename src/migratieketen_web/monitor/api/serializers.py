# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API shapes of the monitor: realisaties, taakstellingen, spreiding (Dutch camelCase).

The computed resources are plain dicts built from core results; these serializers
document them in the OpenAPI document and name every attribute. `berekening` is the
core Explanation in Dutch names, so API clients get the article, inputs and
arithmetic exactly as the web page shows them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rest_framework import serializers

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models
from migratieketen_web.monitor.services import (
    HOUSEHOLDS_ABOVE_PERSONS_TEXT,
    HOUSEHOLDS_MIN_TEXT,
    KIND_CHOICE_TEXT,
    KINDS,
    MAX_PERSONS_PER_ROW,
    MAX_REFERENCE_LENGTH,
    PERSONS_MAX_TEXT,
    PERSONS_MIN_TEXT,
    REFERENCE_CONTROL_TEXT,
    REFERENCE_TOO_LONG_TEXT,
    Explanation,
    realisation_issues,
)

# Schema field -> API attribute.
API_NAMES = {
    "gemeente": "gemeente",
    "housed_on": "datumHuisvesting",
    "persons": "aantalPersonen",
    "households": "aantalHuishoudens",
    "kind": "soort",
    "reference": "kenmerk",
}


def berekening(expl: Explanation) -> dict[str, Any]:
    """The core Explanation with Dutch attribute names."""
    raw = expl.to_dict()
    return {
        "onderwerp": raw["subject"],
        "waarde": raw["value"],
        "grondslag": [
            {
                "wet": r["law"],
                "bwbId": r["bwb_id"],
                "artikel": r["article"],
                "lid": r["lid"],
                "label": r["label"],
                "url": r["url"],
                "juriconnect": r["juriconnect"],
                "toelichting": r["note"],
            }
            for r in raw["references"]
        ],
        "invoer": raw["inputs"],
        "rekensom": raw["arithmetic"],
        "opmerkingen": raw["notes"],
    }


class GrondslagSerializer(serializers.Serializer):
    wet = serializers.CharField(help_text="Naam van de wet of publicatie.")
    bwbId = serializers.CharField(help_text="BWB-id; leeg als niet vastgesteld.")
    artikel = serializers.CharField(help_text="Artikel.")
    lid = serializers.CharField(help_text="Lid; leeg als het hele artikel.")
    # The API field "label" shadows Field.label (a str); the name is part of the API.
    label = serializers.CharField(help_text="Leesbare verwijzing, bv. art. 29 lid 1.")  # type: ignore[assignment]
    url = serializers.CharField(help_text="Adres van de wettekst.")
    juriconnect = serializers.CharField(help_text="Juriconnect-verwijzing.")
    toelichting = serializers.CharField(help_text="Toelichting; leeg als er geen is.")


class BerekeningSerializer(serializers.Serializer):
    """Hoe het getal berekend is: grondslag, invoer en rekensom."""

    onderwerp = serializers.CharField(help_text="Welk getal, bv. taakstelling GM0363.")
    waarde = serializers.JSONField(help_text="De uitkomst (getal of tekst).")
    grondslag = GrondslagSerializer(many=True, help_text="Artikelen.")
    invoer = serializers.DictField(
        child=serializers.JSONField(), help_text="Invoer per naam."
    )
    rekensom = serializers.CharField(help_text="De rekensom als tekst.")
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Voorbehouden bij de uitkomst."
    )


# --- realisaties --------------------------------------------------------------------


class RealisatieSerializer(serializers.ModelSerializer):
    """Gehuisveste vergunninghouders: aantallen, geen persoonsgegevens."""

    uuid = serializers.UUIDField(read_only=True, help_text="Vaste sleutel.")
    gemeente = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Gemeente.objects.all(),
        help_text="CBS-gemeentecode, bv. GM0363.",
        error_messages={
            "does_not_exist": "Gemeente {value} bestaat niet.",
            "invalid": "Gebruik een CBS-code zoals GM0363.",
            "required": "Geef de gemeentecode.",
        },
    )
    datumHuisvesting = serializers.DateField(
        source="housed_on",
        help_text="Datum van huisvesting (JJJJ-MM-DD); telt in dat halfjaar.",
        error_messages={
            "invalid": "Geef een datum als JJJJ-MM-DD.",
            "required": "Geef de datum van huisvesting.",
        },
    )
    # min/max/maxLength below document the schema in OpenAPI; the values and the
    # Dutch reasons come from the core's realisation schema, which `validate` applies.
    aantalPersonen = serializers.IntegerField(
        source="persons",
        min_value=1,
        max_value=MAX_PERSONS_PER_ROW,
        help_text=f"Aantal personen (1 tot en met {MAX_PERSONS_PER_ROW}).",
        error_messages={
            "invalid": "Geef een geheel getal.",
            "min_value": PERSONS_MIN_TEXT,
            "max_value": PERSONS_MAX_TEXT,
            "required": "Geef het aantal personen.",
            "max_string_length": "Geef een geheel getal.",
        },
    )
    aantalHuishoudens = serializers.IntegerField(
        source="households",
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_PERSONS_PER_ROW,
        help_text="Aantal huishoudens (optioneel, niet meer dan personen).",
        error_messages={
            "invalid": "Geef een geheel getal.",
            "min_value": HOUSEHOLDS_MIN_TEXT,
            "max_value": HOUSEHOLDS_ABOVE_PERSONS_TEXT,
            "max_string_length": "Geef een geheel getal.",
        },
    )
    soort = serializers.ChoiceField(
        source="kind",
        choices=KINDS,
        default="regulier",
        help_text="regulier, nareiziger of zelf_gevonden.",
        error_messages={"invalid_choice": KIND_CHOICE_TEXT},
    )
    kenmerk = serializers.CharField(
        source="reference",
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_REFERENCE_LENGTH,
        help_text="Eigen kenmerk van de gemeente. Zelfde kenmerk en gegevens nog "
        "eens sturen verandert niets (200); ander gegevens: 409.",
        error_messages={
            "max_length": REFERENCE_TOO_LONG_TEXT,
            "null_characters_not_allowed": REFERENCE_CONTROL_TEXT,
        },
    )
    halfjaar = serializers.SerializerMethodField(
        help_text="Halfjaar waarin de realisatie telt, bv. 2025-1."
    )
    ingevoerdVia = serializers.CharField(
        source="source", read_only=True, help_text="web, api of csv."
    )
    ingevoerdOp = serializers.DateTimeField(
        source="created_at", read_only=True, help_text="Moment van invoer."
    )

    class Meta:
        model = models.Realisation
        fields = [
            "uuid",
            "gemeente",
            "datumHuisvesting",
            "aantalPersonen",
            "aantalHuishoudens",
            "soort",
            "kenmerk",
            "halfjaar",
            "ingevoerdVia",
            "ingevoerdOp",
        ]

    def get_halfjaar(self, obj: models.Realisation) -> str:
        return obj.half_year

    # Field by field first, so one answer lists every refused field (DRF runs
    # `validate` only when all fields passed).
    def validate_datumHuisvesting(self, value: date) -> date:  # noqa: N802
        return self._field(value, realisation_issues(housed_on=value))

    def validate_kenmerk(self, value: str) -> str:
        value = value.strip()
        return self._field(value, realisation_issues(reference=value))

    @staticmethod
    def _field(value: Any, issues: list[Any]) -> Any:
        if issues:
            raise serializers.ValidationError(issues[0].message)
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["reference"] = (attrs.get("reference") or "").strip()
        issues = realisation_issues(
            housed_on=attrs.get("housed_on"),
            persons=attrs.get("persons"),
            households=attrs.get("households"),
            kind=attrs.get("kind", "regulier"),
            reference=attrs["reference"],
        )
        if issues:
            raise serializers.ValidationError(
                {API_NAMES[i.field]: i.message for i in issues}
            )
        return attrs


# --- taakstellingen -----------------------------------------------------------------


class TaakstellingSerializer(serializers.Serializer):
    """Taakstelling van één gemeente in één halfjaar (art. 29 Huisvestingswet 2014)."""

    gemeentecode = serializers.CharField(help_text="CBS-gemeentecode.")
    gemeentenaam = serializers.CharField(help_text="Naam van de gemeente.")
    provinciecode = serializers.CharField(help_text="CBS-provinciecode.")
    halfjaar = serializers.CharField(help_text="Halfjaar, bv. 2025-1.")
    vg = serializers.IntegerField(help_text="Landelijk aantal vergunninghouders.")
    inwoners = serializers.IntegerField(help_text="Inwoners op de peildatum.")
    inwonersNederland = serializers.IntegerField(help_text="Inwoners Nederland.")
    peildatumBevolking = serializers.DateField(
        help_text="1 januari van het jaar ervoor."
    )
    taakstelling = serializers.IntegerField(help_text="Taakstelling (art. 29 lid 1).")
    taakstellingNaAfspraken = serializers.IntegerField(
        help_text="Na regionale afspraken (art. 29 lid 2); gelijk als er geen zijn."
    )
    berekening = BerekeningSerializer(help_text="Hoe berekend.")
    bronnen = serializers.ListField(
        child=serializers.CharField(), help_text="Bronvermelding van vg en inwoners."
    )


class OpPeildatumSerializer(serializers.Serializer):
    peildatum = serializers.DateField(help_text="1 april of 1 oktober.")
    gehuisvest = serializers.IntegerField(help_text="Gehuisvest tot de peildatum.")
    nogTeHuisvesten = serializers.IntegerField(help_text="Nog te gaan op de peildatum.")
    berekening = BerekeningSerializer(help_text="Hoe berekend.")


class HalfjaarSerializer(serializers.Serializer):
    halfjaar = serializers.CharField(help_text="Halfjaar, bv. 2025-1.")
    meegenomen = serializers.IntegerField(
        help_text="Achterstand (+) of voorsprong (-) uit het vorige halfjaar."
    )
    taakstelling = serializers.IntegerField(help_text="Na regionale afspraken.")
    opgave = serializers.IntegerField(help_text="Meegenomen + taakstelling.")
    gehuisvest = serializers.IntegerField(help_text="Gehuisvest in het halfjaar.")
    nogTeHuisvesten = serializers.IntegerField(help_text="max(0, opgave - gehuisvest).")
    saldo = serializers.IntegerField(help_text="Opgave - gehuisvest, schuift door.")
    afgelopen = serializers.BooleanField(help_text="Is het halfjaar voorbij?")
    status = serializers.CharField(
        help_text="lopend, gehaald, voorsprong, achterstand, buiten schuld of niet "
        "geregistreerd (niets in het register: geen oordeel, niets schuift door)."
    )
    achterstand = serializers.BooleanField(
        help_text="Afgelopen halfjaar afgesloten met nog te huisvesten personen "
        "(achterstand of buiten schuld): de definitie die elk monitorcijfer telt."
    )
    opPeildatum = OpPeildatumSerializer(
        allow_null=True, help_text="Stand op de peildatum; null als nog niet bereikt."
    )
    taakstellingBerekening = BerekeningSerializer(help_text="Hoe de taakstelling.")
    berekening = BerekeningSerializer(help_text="Hoe opgave en rest berekend zijn.")


class ToezichtSerializer(serializers.Serializer):
    halfjaar = serializers.CharField(help_text="Laatste afgelopen halfjaar.")
    opeenvolgendNietGehaald = serializers.IntegerField(
        help_text="Halfjaren op rij met een achterstand."
    )
    stap = serializers.CharField(help_text="Toezichtstap van de provincie.")
    escalatie = serializers.BooleanField(help_text="Drempel voor ingrijpen bereikt?")
    berekening = BerekeningSerializer(help_text="Hoe bepaald.")


class MonitorSerializer(serializers.Serializer):
    """Verloop van de taakstelling van één gemeente over de halfjaren."""

    gemeentecode = serializers.CharField(help_text="CBS-gemeentecode.")
    gemeentenaam = serializers.CharField(help_text="Naam van de gemeente.")
    provinciecode = serializers.CharField(help_text="CBS-provinciecode.")
    standOp = serializers.DateField(help_text="Datum van de stand.")
    beginsaldo = serializers.IntegerField(
        help_text="Meegenomen in het eerste halfjaar."
    )
    halfjaren = HalfjaarSerializer(many=True, help_text="Oplopend per halfjaar.")
    toezicht = ToezichtSerializer(
        allow_null=True, help_text="Toezichtstap; null als er geen is."
    )
    gehuisvestNaLaatsteHalfjaar = serializers.IntegerField(
        help_text="Gehuisvest na het laatste halfjaar met een taakstelling."
    )
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Waarom de reeks begint en eindigt."
    )
    bronnen = serializers.ListField(child=serializers.CharField(), help_text="Bronnen.")


# --- spreiding ----------------------------------------------------------------------


class SpreidingGemeenteSerializer(serializers.Serializer):
    gemeentecode = serializers.CharField(help_text="CBS-gemeentecode.")
    gemeentenaam = serializers.CharField(help_text="Naam.")
    provinciecode = serializers.CharField(help_text="CBS-provinciecode.")
    inwoners = serializers.IntegerField(help_text="Inwoners op de peildatum.")
    sesWoa = serializers.FloatField(
        allow_null=True, help_text="SES-WOA-score (4 decimalen); null als niet geladen."
    )
    plaatsen = serializers.IntegerField(help_text="Opvangplaatsen.")
    amv = serializers.IntegerField(help_text="Waarvan voor amv.")
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Voorbehouden, bv. geen SES-WOA."
    )
    berekening = BerekeningSerializer(help_text="Hoe berekend.")


class SpreidingProvincieSerializer(serializers.Serializer):
    provinciecode = serializers.CharField(help_text="CBS-provinciecode.")
    plaatsen = serializers.IntegerField(help_text="Som van de gemeenten.")
    amv = serializers.IntegerField(help_text="Waarvan voor amv.")
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Voorbehouden, bv. geen SES-WOA."
    )
    berekening = BerekeningSerializer(help_text="Hoe berekend.")


class SpreidingSerializer(serializers.Serializer):
    """Spreidingswet: de raming verdeeld over gemeenten en provincies."""

    capaciteitsraming = serializers.IntegerField(help_text="Te verdelen plaatsen.")
    amv = serializers.IntegerField(help_text="Deel voor amv.")
    peildatumBevolking = serializers.DateField(help_text="Peildatum inwoners.")
    sesWoa = serializers.CharField(
        help_text="Soort SES-WOA: 'CBS per gemeente', 'CBS per postcode, gemiddeld per "
        "gemeente', 'CBS-bestand', 'SCHATTING' of 'niet geladen'."
    )
    sesWoaBron = serializers.CharField(help_text="Welke SES-WOA-cijfers, voluit.")
    sesWoaPeriode = serializers.CharField(
        help_text="Peiljaar van de SES-WOA zoals CBS het noemt; leeg zonder SES-WOA."
    )
    officieel = serializers.BooleanField(
        help_text="Altijd false: de vorm van de weging is afgeleid en getoetst, niet "
        "gelezen in de wettekst (zie opmerkingen)."
    )
    opmerkingen = serializers.ListField(
        child=serializers.CharField(), help_text="Voorbehouden bij de hele verdeling."
    )
    waarschuwingen = serializers.ListField(
        child=serializers.CharField(),
        help_text="Gemeenten waar de SES-WOA minder zeker is (lage dekking).",
    )
    bronnen = serializers.ListField(child=serializers.CharField(), help_text="Bronnen.")
    provincies = SpreidingProvincieSerializer(many=True, help_text="Per provincie.")
    gemeenten = SpreidingGemeenteSerializer(many=True, help_text="Per gemeente.")
