# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/lvv-trajecten: the LVV register for case systems (token or session).

The conventions of /api/v1/inburgeraars: problem+json, validated filters, strict
pagination, UUIDs in paths, Dutch camelCase; every call through the isolation rule
(another gemeente's case is a 404) and into the audit log.
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
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.accounts.api import RightsRequired
from migratieketen_web.accounts.authentication import BearerTokenAuthentication
from migratieketen_web.accounts.isolation import IsolationDenied
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.api import filters
from migratieketen_web.api.pagination import StrictLimitOffsetPagination
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    problem_responses,
)
from migratieketen_web.lvv import services
from migratieketen_web.lvv.api.filters import TrajectFilter
from migratieketen_web.lvv.api.serializers import (
    FIELD_NAMES,
    TrajectAanmakenSerializer,
    TrajectDetailSerializer,
    TrajectSerializer,
)
from migratieketen_web.lvv.models import Case

_AUTH = {
    (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(FoutSerializer, description=text)
    for code, text in (
        (401, "Geen of een ongeldig token."),
        (403, "Uw rol of token geeft dit recht niet."),
    )
}
_UUID = OpenApiParameter(
    name="uuid",
    type={"type": "string", "format": "uuid"},
    location=OpenApiParameter.PATH,
    description="UUID van het LVV-traject.",
)


def _record(actor: Any, case: Case, detail: bool) -> dict[str, Any]:
    view = services.case_view(case)
    body: dict[str, Any] = {
        "uuid": case.uuid,
        "gemeentecode": case.gemeente.code,
        "naam": case.name,
        "intake": case.intake,
        "locatie": case.location,
        "traject": case.track,
        "uitkomst": case.outcome or None,
        "uitkomstklasse": view.outcome_class,
        "uitstroom": case.exit,
        "duurDagen": view.days,
    }
    if detail:
        body["geboortejaar"] = case.birth_year
        body["nationaliteit"] = case.nationality
        body["contacten"] = [
            {"datum": c.date, "met": c.party, "notitie": c.note}
            for c in services.contacts_of(actor, case)
        ]
    return body


@extend_schema_view(
    list=extend_schema(
        summary="LVV-trajecten",
        description="De trajecten in de Landelijke Vreemdelingenvoorziening van de "
        "gemeenten waarvoor uw rol en token (scope registers.lezen) toegang geven, met "
        "uitkomst, uitkomstklasse (zoals in de evaluatie van het WODC) en duur. Elke "
        "aanvraag wordt vastgelegd in het auditlogboek.",
        parameters=[TrajectFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(TrajectSerializer, description="Een pagina."),
            **problem_responses(400),
            **_AUTH,
        },
    ),
    retrieve=extend_schema(
        summary="Eén LVV-traject",
        description="Met de contacten met IND, DT&V en anderen. Een traject van een "
        "andere gemeente geeft 404.",
        parameters=[_UUID, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(TrajectDetailSerializer, description="Het traject."),
            **problem_responses(404),
            **_AUTH,
        },
    ),
    create=extend_schema(
        summary="LVV-traject registreren",
        description="Scope registers.bijwerken voor de gemeente. Uitkomst en uitstroom "
        "horen samen; de uitstroom ligt tussen intake en vandaag (anders 400).",
        request=TrajectAanmakenSerializer,
        parameters=[API_VERSION_HEADER],
        responses={
            201: OpenApiResponse(TrajectDetailSerializer, description="Geregistreerd."),
            **problem_responses(400),
            **_AUTH,
        },
    ),
)
class TrajectViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [RightsRequired]
    required_rights = {
        "list": Right.PERSONAL_READ,
        "retrieve": Right.PERSONAL_READ,
        "create": Right.PERSONAL_WRITE,
    }
    pagination_class = StrictLimitOffsetPagination
    serializer_class = TrajectSerializer
    lookup_field = "uuid"

    def get_queryset(self) -> Any:
        return services.visible(request_actor(self.request)).order_by(
            "gemeente__code", "-intake", "pk"
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(TrajectFilter, request.query_params)
        qs = self.get_queryset()
        if "gemeente" in values:
            qs = qs.filter(gemeente__code=values["gemeente"])
        if "traject" in values:
            qs = qs.filter(track=values["traject"])
        if "uitkomstklasse" in values:
            outcomes = services.outcomes_of_class(values["uitkomstklasse"])
            qs = qs.filter(outcome__in=outcomes)
        page = list(self.paginate_queryset(qs) or [])
        actor = request_actor(request)
        services.log_list(actor, page)
        data = TrajectSerializer([_record(actor, c, False) for c in page], many=True)
        return self.get_paginated_response(data.data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        actor = request_actor(request)
        case = services.get_case(actor, kwargs["uuid"])
        return Response(TrajectDetailSerializer(_record(actor, case, True)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = TrajectAanmakenSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = services.CaseInput(**incoming.to_input())
        actor = request_actor(request)
        try:
            case = services.save_case(actor, data, request.user)
        except IsolationDenied as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc
        except services.RegisterError as exc:
            raise serializers.ValidationError(
                {FIELD_NAMES.get(k, k): v for k, v in exc.errors.items()}
            ) from exc
        return Response(
            TrajectDetailSerializer(_record(actor, case, True)).data,
            status=status.HTTP_201_CREATED,
        )
