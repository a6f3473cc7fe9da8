# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The answer of /woningmarkt/{gemeentecode} (documented for the OpenAPI file)."""

from __future__ import annotations

from rest_framework import serializers


class HefbomenSerializer(serializers.Serializer):
    voorrang = serializers.FloatField(help_text="Aandeel verhuringen met voorrang.")
    urgentie = serializers.BooleanField(help_text="Statushouders urgentiecategorie.")
    tussenvoorziening = serializers.IntegerField(help_text="Plaatsen.")
    personenPerWoning = serializers.FloatField(
        allow_null=True, help_text="Woningdelen; null = de modelwaarde."
    )
    nieuwbouw = serializers.IntegerField(help_text="Extra woningen per jaar.")


class WoningmarktSerializer(serializers.Serializer):
    """Wachttijden per groep, opvang, taakstelling en het Pareto-front van een gemeente."""

    gemeentecode = serializers.CharField(help_text="CBS-code, bv. GM0363.")
    gemeentenaam = serializers.CharField(help_text="Naam van de gemeente.")
    hefbomen = HefbomenSerializer(help_text="De gevraagde instelling.")
    huidigBeleid = serializers.CharField(
        help_text="Het huidige beleid dat het front markeert (AANNAME)."
    )
    # The API field "label" shadows Field.label (a str); the name is part of the API.
    label = serializers.CharField(help_text="SCHATTING; wat de cijfers zijn.")  # type: ignore[assignment]
    runs = serializers.IntegerField(help_text="Monte Carlo-runs.")
    jaren = serializers.IntegerField(help_text="Looptijd in jaren.")
    stappenPerJaar = serializers.IntegerField(help_text="Tijdstappen per jaar.")
    wachttijden = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Per groep (statushouders_coa, statushouders_woning, urgent, "
        "regulier): mediaan en p90 in maanden met 90 %-band.",
    )
    coa = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Bezette opvangplaatsen, maanden in COA, achterstand, kosten.",
    )
    taakstelling = serializers.ListField(
        child=serializers.JSONField(), help_text="Per halfjaar: opgave en realisatie."
    )
    verdringing = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Extra wachtmaanden van anderen per statushouder met voorrang.",
    )
    front = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Pareto-front: 21 x 5 instellingen plus huidig en gekozen beleid.",
    )
    bronnen = serializers.ListField(
        child=serializers.CharField(), help_text="Bronnen van de cijfers."
    )
    aannames = serializers.ListField(
        child=serializers.CharField(), help_text="AANNAMES van het model."
    )


class WoningmarktGemeenteSerializer(serializers.Serializer):
    gemeentecode = serializers.CharField(help_text="CBS-code, bv. GM0363.")
    gemeentenaam = serializers.CharField(help_text="Naam van de gemeente.")
    url = serializers.URLField(help_text="Adres van de woningmarkt van de gemeente.")


class WoningmarktIndexSerializer(serializers.Serializer):
    """De gemeenten waarvoor het model rekent, met hun adres."""

    toelichting = serializers.CharField(help_text="Wat de bron doet en hoe te vragen.")
    gemeenten = WoningmarktGemeenteSerializer(many=True, help_text="Per gemeente.")
