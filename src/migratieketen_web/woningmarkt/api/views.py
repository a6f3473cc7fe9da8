# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""GET /api/v1/woningmarkt/{gemeentecode}: one lever setting, computed on request.

Open data (no login): the answer is a model estimate from public figures. Keyed by the
CBS code (ADR 0005); the levers are query parameters, validated with Dutch errors.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.api import filters
from migratieketen_web.api.permissions import OPEN, ScopesRequired
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    problem_responses,
)
from migratieketen_web.woningmarkt import services
from migratieketen_web.woningmarkt.api.filters import WoningmarktFilter
from migratieketen_web.woningmarkt.api.serializers import (
    WoningmarktIndexSerializer,
    WoningmarktSerializer,
)

INDEX_NOTE = (
    "Vraag per gemeente /woningmarkt/{gemeentecode} met de hefbomen als parameters, "
    "bv. ?voorrang=0.3&tussenvoorziening=200; zonder hefbomen het huidige beleid "
    "(AANNAME). Elke uitkomst is een SCHATTING met een wachtrijmodel."
)


class _NoParameters(serializers.Serializer):
    """The index takes no parameters."""


class Unavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "De berekening is niet beschikbaar."
    default_code = "unavailable"


@extend_schema_view(
    list=extend_schema(
        operation_id="woningmarkt_list",
        summary="Woningmarkt: gemeenten",
        description="De gemeenten waarvoor het wachtrijmodel rekent, met het adres "
        "van elk.",
        parameters=[API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                WoningmarktIndexSerializer, description="De gemeenten."
            ),
            **problem_responses(400),
            (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
                FoutSerializer, description="Geen open data; niets te berekenen."
            ),
        },
    ),
    retrieve=extend_schema(
        summary="Woningmarkt van een gemeente",
        description="Wachtrijmodel van de sociale huur (SCHATTING): wachttijden per "
        "groep (mediaan en p90), maanden in de opvang, realisatie van de taakstelling, "
        "verdringing en het Pareto-front van voorrang x tussenvoorziening, voor de "
        "gevraagde hefbomen. Zonder hefbomen: het huidige beleid (AANNAME).",
        parameters=[WoningmarktFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(WoningmarktSerializer, description="De uitkomst."),
            **problem_responses(400, 404),
            (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
                FoutSerializer, description="Geen open data; niets te berekenen."
            ),
        },
    ),
)
class WoningmarktViewSet(viewsets.GenericViewSet):
    """Woningmarkt per gemeente (open, no login)."""

    authentication_classes: list[type] = []
    permission_classes = [ScopesRequired]
    required_scopes = {"list": OPEN, "retrieve": OPEN}
    pagination_class = None
    list_returns_object = True  # one index object, not an array (OpenAPI)
    serializer_class = WoningmarktSerializer
    lookup_url_kwarg = "gemeentecode"
    lookup_value_regex = filters.GEMEENTE_CODE_PATH

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(_NoParameters, request.query_params, ())
        try:
            choices = services.gemeente_choices()
        except services.WoningmarktUnavailable as exc:
            raise Unavailable(str(exc)) from exc
        base = request.build_absolute_uri("/api/v1/woningmarkt")
        body = {
            "toelichting": INDEX_NOTE,
            "gemeenten": [
                {"gemeentecode": c, "gemeentenaam": n, "url": f"{base}/{c}"}
                for c, n in choices
            ],
        }
        return Response(WoningmarktIndexSerializer(body).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(
            WoningmarktFilter, request.query_params, allowed_extra=()
        )
        code = str(kwargs["gemeentecode"])
        try:
            if not services.known_gemeente(code):
                raise exceptions.NotFound(f"Onbekende gemeente {code}.")
            levers = services.Levers(
                gemeente=code,
                voorrang=values.get(
                    "voorrang", services.current_policy().priority_share
                ),
                urgentie=bool(values.get("urgentie", False)),
                tussenvoorziening=values.get("tussenvoorziening", 0),
                personen_per_woning=values.get("personenPerWoning"),
                nieuwbouw=values.get("nieuwbouw", 0),
            )
            body = services.api_body(services.analyse(levers))
        except services.InvalidLevers as exc:
            raise exceptions.ValidationError({"hefbomen": [str(exc)]}) from exc
        except services.WoningmarktUnavailable as exc:
            raise Unavailable(str(exc)) from exc
        return Response(WoningmarktSerializer(body).data)
