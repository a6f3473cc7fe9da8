# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/scenarioruns: start a ketenmodel run and follow its progress and result.

Follows the API app's conventions (problem+json with invalidParams, validated query
parameters, strict pagination, API-Version). Starting a run is open to everyone for
now: scenarios hold no personal data. The load is bounded instead: at most
SCENARIOS_MAX_RUNS runs and SCENARIOS_MAX_MONTHS months per scenario, at most
MIGRATIEKETEN_SCENARIOS_MAX_ACTIVE runs queued or running at once, and
MIGRATIEKETEN_SCENARIOS_START_RATE starts per client address shared with the web form
(both 429, checked atomically by `services.start_run`). The list shows published runs
only; any run is readable through its own address.
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
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.api import filters
from migratieketen_web.api.pagination import StrictLimitOffsetPagination
from migratieketen_web.api.permissions import OPEN, ScopesRequired
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    ScopedAutoSchema,
    problem_responses,
)
from migratieketen_web.scenarios import services
from migratieketen_web.scenarios.api.serializers import (
    ScenarioRunDetailSerializer,
    ScenarioRunSerializer,
    ScenarioRunStartSerializer,
    run_record,
)
from migratieketen_web.scenarios.models import ScenarioRun


class Busy(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Er lopen al te veel berekeningen; probeer het later opnieuw."
    default_code = "throttled"


_TOO_MANY = {
    (429, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        FoutSerializer, description="Te veel lopende berekeningen of aanvragen."
    )
}


@extend_schema_view(
    list=extend_schema(
        summary="Scenarioruns",
        description="Gepubliceerde berekeningen van het ketenmodel, nieuwste eerst "
        "(zonder uitkomst; die staat bij de run zelf). Een niet-gepubliceerde run "
        "staat hier niet, maar is wel te lezen via zijn eigen adres.",
        parameters=[filters.PaginationParameters, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(ScenarioRunSerializer, description="Een pagina runs."),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén scenariorun",
        description="Status en voortgang; als de status 'klaar' is ook de uitkomst: "
        "percentielen per maand van elke reeks, de samenvatting (crisisbehoefte en "
        "kosten) en per gemeente de verdeling.",
        parameters=[
            OpenApiParameter(
                name="uuid",
                type={"type": "string", "format": "uuid"},
                location=OpenApiParameter.PATH,
                description="Kenmerk van de run.",
            ),
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(ScenarioRunDetailSerializer, description="De run."),
            **problem_responses(400, 404),
        },
    ),
    create=extend_schema(
        summary="Scenariorun starten",
        description="Start een berekening van het ketenmodel met een scenario. "
        "Antwoordt direct met 202 en het adres (Location) van de run; volg daar "
        "status en voortgang. Open voor iedereen (geen persoonsgegevens), maar "
        "begrensd: aantal runs en maanden per scenario, aantal tegelijk lopende "
        "berekeningen en aantal starts per uur.",
        request=ScenarioRunStartSerializer,
        parameters=[API_VERSION_HEADER],
        responses={
            202: OpenApiResponse(
                ScenarioRunDetailSerializer, description="Gestart (of al klaar)."
            ),
            **problem_responses(400),
            **_TOO_MANY,
        },
    ),
)
class ScenarioRunViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    authentication_classes: list[type] = []  # open, no cookies (hence no CSRF)
    permission_classes = [ScopesRequired]
    required_scopes = {"list": OPEN, "retrieve": OPEN, "create": OPEN}
    schema = ScopedAutoSchema()
    pagination_class = StrictLimitOffsetPagination
    serializer_class = ScenarioRunSerializer
    lookup_field = "uuid"
    lookup_value_regex = filters.UUID_PATH

    def get_queryset(self) -> QuerySet[ScenarioRun]:
        return ScenarioRun.objects.select_related("data_vintage", "job")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(serializers.Serializer, request.query_params)
        published = self.get_queryset().filter(published_at__isnull=False)
        page = self.paginate_queryset(list(published.defer("result", "definition")))
        data = [run_record(r, request, detail=False) for r in page or []]
        return self.get_paginated_response(ScenarioRunSerializer(data, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        run = self.get_object()
        return Response(
            ScenarioRunDetailSerializer(run_record(run, request, detail=True)).data
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError(
                {"nonFieldErrors": ["Verwacht een JSON-object met 'scenario'."]}
            )
        unknown = sorted(set(request.data) - {"scenario", "naam"})
        if unknown:
            raise exceptions.ValidationError(
                {
                    key: [
                        serializers.ErrorDetail(
                            "Onbekend veld; toegestaan: naam, scenario.", code="unknown"
                        )
                    ]
                    for key in unknown
                }
            )
        body = ScenarioRunStartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            scenario = services.validated_scenario(body.validated_data["scenario"])
            run = services.start_run(
                scenario,
                "api",
                body.validated_data.get("naam", ""),
                request=request,
                remember=False,
            )
        except services.ChainConfigError as exc:
            raise exceptions.ValidationError({"scenario": [str(exc)]}) from exc
        except services.TooManyActiveRuns as exc:
            raise Busy(str(exc)) from exc
        except services.TooManyStarts as exc:
            raise exceptions.Throttled(wait=exc.wait, detail=str(exc)) from exc
        record = run_record(run, request, detail=True)
        return Response(
            ScenarioRunDetailSerializer(record).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": record["url"]},
        )
