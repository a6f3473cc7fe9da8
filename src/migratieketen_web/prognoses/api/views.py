# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/prognoses and /api/v1/instroomscenarios: saved forecasts, read-only.

Open data: the forecasts are computed from open data only, so reading needs no
login (scope OPEN). `actueel` answers the forecast for the current data files,
computing and storing it once if it is not there yet (as the page does).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.api import filters
from migratieketen_web.api.permissions import OPEN
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    problem_responses,
)
from migratieketen_web.api.viewsets import OpenDataViewSet
from migratieketen_web.prognoses import services
from migratieketen_web.prognoses.api import filters as prognose_filters
from migratieketen_web.prognoses.api.serializers import (
    InstroomscenarioDetailSerializer,
    InstroomscenarioSerializer,
    PrognoseDetailSerializer,
    PrognoseSerializer,
)
from migratieketen_web.prognoses.models import Forecast, InflowScenario


class ForecastUnavailableError(exceptions.APIException):
    status_code = 503
    default_detail = "De prognose is niet beschikbaar."
    default_code = "unavailable"


class ForecastPendingError(ForecastUnavailableError):
    """503 with Retry-After: the forecast for the current data is being computed."""

    default_code = "pending"
    wait = services.RETRY_AFTER_SECONDS  # the problem handler sets Retry-After


def _uuid_param(description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name="uuid",
        type={"type": "string", "format": "uuid", "pattern": f"^{filters.UUID_PATH}$"},
        location=OpenApiParameter.PATH,
        description=description,
    )


@extend_schema_view(
    list=extend_schema(
        summary="Prognoses",
        description="Alle opgeslagen prognoses van de asielinstroom, nieuwste eerst, "
        "elk met het model en de data (controlesommen en peilperioden) waarop zij "
        "berekend is.",
        parameters=[filters.PaginationParameters, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                PrognoseSerializer, description="Een pagina prognoses."
            ),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén prognose",
        description="Een opgeslagen prognose met kwantielen per kwartaal en per "
        "jaar voor eerste asielverzoeken, nareizigers en totale instroom, het model, "
        "de datavintage, de kanttekening en de vergelijking met de MPP.",
        parameters=[_uuid_param("Uuid van de prognose."), API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(PrognoseDetailSerializer, description="De prognose."),
            **problem_responses(400, 404),
        },
    ),
    actueel=extend_schema(
        summary="De actuele prognose",
        description="De prognose voor de huidige data. Bestaat die nog niet, dan "
        "wordt zij eenmaal op de achtergrond berekend en opgeslagen; tot die tijd "
        "is het antwoord 503 met Retry-After. Daarna komt zij uit de database.",
        parameters=[prognose_filters.ActueelFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                PrognoseDetailSerializer, description="De actuele prognose."
            ),
            **problem_responses(400),
            (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
                FoutSerializer,
                description="De prognose wordt berekend (met Retry-After) of "
                "er is geen bruikbare data.",
            ),
        },
    ),
)
class PrognoseViewSet(OpenDataViewSet):
    """Saved asylum-inflow forecasts."""

    serializer_class = PrognoseSerializer
    detail_serializer_class = PrognoseDetailSerializer
    required_scopes = {**OpenDataViewSet.required_scopes, "actueel": OPEN}
    lookup_field = "uuid"
    lookup_url_kwarg = "uuid"
    lookup_value_regex = filters.UUID_PATH

    def get_queryset(self) -> QuerySet[Forecast]:
        queryset = Forecast.objects.order_by("-created_at", "-id")
        if self.action == "list":
            queryset = queryset.defer("result")  # the figures: large, unused here
        return queryset

    @action(detail=False, methods=["get"], url_path="actueel", url_name="actueel")
    def actueel(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(
            prognose_filters.ActueelFilter, request.query_params, allowed_extra=()
        )
        try:
            forecast = services.current_forecast()
        except services.ForecastPending as exc:
            raise ForecastPendingError(str(exc)) from exc
        except services.ForecastUnavailable as exc:
            raise ForecastUnavailableError(str(exc)) from exc
        context = {**self.get_serializer_context(), "series": values.get("reeks")}
        return Response(PrognoseDetailSerializer(forecast, context=context).data)


@extend_schema_view(
    list=extend_schema(
        summary="Instroomscenario's",
        description="Opgeslagen instroomscenario's (prognosepaden, herhaling van "
        "2015 en 2022, piek, dal, regimewissel) zonder hun paden.",
        parameters=[prognose_filters.ScenarioFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                InstroomscenarioSerializer, description="Een pagina scenario's."
            ),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén instroomscenario",
        description="Een scenario met alle paden (pad × kwartaal) per reeks.",
        parameters=[_uuid_param("Uuid van het scenario."), API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                InstroomscenarioDetailSerializer, description="Het scenario."
            ),
            **problem_responses(400, 404),
        },
    ),
)
class InstroomscenarioViewSet(OpenDataViewSet):
    """Stored inflow scenarios."""

    serializer_class = InstroomscenarioSerializer
    detail_serializer_class = InstroomscenarioDetailSerializer
    filter_class = prognose_filters.ScenarioFilter
    lookup_field = "uuid"
    lookup_url_kwarg = "uuid"
    lookup_value_regex = filters.UUID_PATH

    def get_queryset(self) -> QuerySet[InflowScenario]:
        queryset = InflowScenario.objects.select_related("forecast").order_by(
            "-forecast__created_at", "-forecast__id", "position"
        )
        if self.action == "list":
            queryset = queryset.defer("paths", "forecast__result")
        return queryset

    def apply_filters(
        self, queryset: QuerySet[Any], values: dict[str, Any]
    ) -> QuerySet[Any]:
        if "prognose" in values:
            queryset = queryset.filter(forecast__uuid=values["prognose"])
        return queryset
