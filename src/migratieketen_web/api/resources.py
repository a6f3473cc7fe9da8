# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The API's entry point: /api/v1 lists every collection (the landing page).

One Dutch description per collection, used by the index and as the tag
description in the OpenAPI document; tests/api/test_api_index.py fails when a
registered collection has none, so a new resource is never listed bare.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

API_ROOT = "/api/v1"

RESOURCE_DESCRIPTIONS: dict[str, str] = {
    "gemeenten": "Gemeenten met inwoners, indicatoren en bronnen.",
    "provincies": "Provincies met hun gemeenten en inwoners.",
    "wijken": "Wijken met inwoners.",
    "indicatoren": "Indicatoren van CBS met eenheid, bron en waarde per gemeente.",
    "realisaties": "Het realisatieregister: gehuisveste statushouders per gemeente.",
    "taakstellingen": "Taakstellingen per halfjaar (Huisvestingswet 2014) en de "
    "monitor per gemeente.",
    "spreiding": "Verdeling van opvangplaatsen volgens de Spreidingswet.",
    "prognoses": "Prognoses van de asielinstroom.",
    "instroomscenarios": "Instroomscenario's bij de prognoses.",
    "scenarioruns": "Berekeningen van het ketenmodel met een scenario.",
    "inburgeraars": "Het inburgeringsregister: inburgeringsplichtigen per gemeente.",
    "opvangplannen": "Plannen van de opvangplanner: welke opvanglocaties wanneer "
    "openen, tegen de instroomscenario's van het ketenmodel (achtergrondtaak).",
    "koppelingen": "Advies over de koppeling van statushouderhuishoudens aan "
    "gemeenten binnen de taakstelling (gepseudonimiseerd; een mens beslist).",
    "woningmarkt": "Wachtrijmodel van de sociale huur per gemeente: voorrang voor "
    "statushouders tegen de wachttijd van anderen (SCHATTING).",
    "huisvestingslocaties": "Het huisvestingsregister arbeidsmigranten: locaties met "
    "normen en signalen per gemeente.",
    "lvv-trajecten": "Het LVV-register: trajecten in de Landelijke "
    "Vreemdelingenvoorziening per gemeente, met uitkomst en duur.",
    "openapi": "Het OpenAPI-document van deze API.",
    "index": "Het startpunt van de API: alle bronnen.",
}


class BronVerwijzingSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="Naam van de collectie, bv. gemeenten.")
    omschrijving = serializers.CharField(help_text="Wat de collectie bevat.")
    url = serializers.URLField(help_text="Adres van de collectie.")


class ApiIndexSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="Naam van de API.")
    versie = serializers.CharField(help_text="Volledige versie (semver).")
    bronnen = BronVerwijzingSerializer(many=True, help_text="De collecties.")
    openapi = serializers.URLField(help_text="Adres van het OpenAPI-document.")
    documentatie = serializers.URLField(
        help_text="Adres van de leesbare documentatie (Swagger UI)."
    )


def registered_collections() -> list[str]:
    """The router's collection prefixes, in registration order."""
    from migratieketen_web.api.urls import router

    return [prefix for prefix, _viewset, _basename in router.registry]


class ApiIndexView(APIView):
    """GET /api/v1: name, version and the address of every collection."""

    authentication_classes: list[type] = []
    permission_classes: list[type] = []

    @extend_schema(
        operation_id="index_retrieve",
        summary="Startpunt",
        description="Naam en versie van de API en het adres van elke collectie, "
        "van het OpenAPI-document en van de documentatie.",
        tags=["index"],
        responses={200: OpenApiResponse(ApiIndexSerializer, description="De index.")},
    )
    def get(self, request: Request) -> Response:
        if request.query_params:
            raise ValidationError(
                {
                    key: [
                        serializers.ErrorDetail(
                            "Onbekende parameter; het startpunt heeft geen parameters.",
                            code="unknown",
                        )
                    ]
                    for key in request.query_params
                }
            )
        root = request.build_absolute_uri(API_ROOT)
        body = {
            "naam": settings.SPECTACULAR_SETTINGS["TITLE"],
            "versie": settings.API_VERSION,
            "bronnen": [
                {
                    "naam": prefix,
                    "omschrijving": RESOURCE_DESCRIPTIONS.get(prefix, prefix),
                    "url": f"{root}/{prefix}",
                }
                for prefix in registered_collections()
            ],
            "openapi": f"{root}/openapi.json",
            "documentatie": f"{root}/docs",
        }
        return Response(ApiIndexSerializer(body).data)


class ApiIndexSlashView(ApiIndexView):
    """The same index on /api/v1/: the server URL plus the root path '/'.

    The NL API Design Rules exempt the landing page '/' from the no-trailing-slash
    rule; clients that join the server URL and '/' land here. Documented once, as '/'.
    """

    schema = None
