# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/opvangplannen: start an opvang plan (202 + Location) and read it.

Follows the API app's conventions (problem+json with invalidParams, validated query
parameters, API-Version). Open like /scenarioruns (no personal data), bounded by the
active-job cap and the start rate shared with the web form (429). A plan is readable
through its own address (an unguessable UUID); there is no list.
"""

from __future__ import annotations

from typing import Any

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
from migratieketen_web.api.permissions import OPEN, ScopesRequired
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    ScopedAutoSchema,
    problem_responses,
)
from migratieketen_web.opvang import services
from migratieketen_web.opvang.api.serializers import (
    OpvangPlanSerializer,
    OpvangPlanStartSerializer,
    plan_record,
)
from migratieketen_web.opvang.models import OpvangPlan


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
    retrieve=extend_schema(
        summary="Eén opvangplan",
        description="Status en voortgang; als de status 'klaar' is ook het plan: per "
        "geopende locatie wijkcode, gemeentecode, type en plaatsen per maand, en de "
        "samenvatting (verwachte kosten, crisisplaatsmaanden verwacht en p95, "
        "vergelijking met de reactieve status quo en het deterministische plan, normen).",
        parameters=[
            OpenApiParameter(name="uuid", type={"type": "string", "format": "uuid"},
                             location=OpenApiParameter.PATH, description="Kenmerk van het plan."),
            API_VERSION_HEADER,
        ],
        responses={200: OpenApiResponse(OpvangPlanSerializer, description="Het plan."),
                   **problem_responses(400, 404)},
    ),
    create=extend_schema(
        summary="Opvangplan starten",
        description="Start de opvangplanner (achtergrondtaak). Antwoordt direct met 202 "
        "en het adres (Location) van het plan; volg daar status en voortgang. Een "
        "ongeldig kandidatenbestand geeft 400 met rij en kolom; er wordt dan niets "
        "opgeslagen.",
        request=OpvangPlanStartSerializer,
        parameters=[API_VERSION_HEADER],
        responses={202: OpenApiResponse(OpvangPlanSerializer, description="Gestart."),
                   **problem_responses(400), **_TOO_MANY},
    ),
)  # fmt: skip
class OpvangPlanViewSet(
    mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    authentication_classes: list[type] = []  # open, no cookies (hence no CSRF)
    permission_classes = [ScopesRequired]
    required_scopes = {"retrieve": OPEN, "create": OPEN}
    schema = ScopedAutoSchema()
    serializer_class = OpvangPlanSerializer
    lookup_field = "uuid"
    lookup_value_regex = filters.UUID_PATH
    queryset = OpvangPlan.objects.select_related("job")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        return Response(
            OpvangPlanSerializer(plan_record(self.get_object(), request)).data
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError(
                {"nonFieldErrors": ["Verwacht een JSON-object."]}
            )
        unknown = sorted(set(request.data) - set(OpvangPlanStartSerializer().fields))
        if unknown:
            raise exceptions.ValidationError({k: ["Onbekend veld."] for k in unknown})
        body = OpvangPlanStartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            plan = services.start_plan(body.options(), body.validated_data["kandidatenCsv"],
                                       request=request, remember=False)  # fmt: skip
        except services.OpvangError as exc:
            raise exceptions.ValidationError({"kandidatenCsv": [str(exc)]}) from exc
        except services.TooManyActive as exc:
            raise Busy(str(exc)) from exc
        except services.TooManyStarts as exc:
            raise exceptions.Throttled(wait=exc.wait, detail=str(exc)) from exc
        record = plan_record(plan, request)
        return Response(OpvangPlanSerializer(record).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": record["url"]})  # fmt: skip
