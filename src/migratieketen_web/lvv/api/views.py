# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/lvv-trajecten: the LVV register for case systems (token or session).

The conventions of /api/v1/inburgeraars: problem+json, validated filters, strict
pagination, UUIDs in paths, Dutch camelCase; every call through the isolation rule
(another gemeente's case is a 404) and into the audit log.
"""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.api import filters
from migratieketen_web.api.registers import (
    RegisterViewSet,
    no_query_parameters,
    register_schema,
    saved_or_problem,
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


@register_schema(
    uuid_description="UUID van het LVV-traject.",
    filter_class=TrajectFilter,
    serializers_=(
        TrajectSerializer,
        TrajectDetailSerializer,
        TrajectAanmakenSerializer,
    ),
    list_text=(
        "LVV-trajecten",
        "De trajecten in de Landelijke Vreemdelingenvoorziening van de "
        "gemeenten waarvoor uw rol en token (scope registers.lezen) toegang geven, met "
        "uitkomst, uitkomstklasse (zoals in de evaluatie van het WODC) en duur. Elke "
        "aanvraag wordt vastgelegd in het auditlogboek.",
    ),
    retrieve_text=(
        "Eén LVV-traject",
        "Met de contacten met IND, DT&V en anderen. Een traject van een "
        "andere gemeente geeft 404.",
        "Het traject.",
    ),
    create_text=(
        "LVV-traject registreren",
        "Scope registers.bijwerken voor de gemeente. Uitkomst en uitstroom "
        "horen samen; de uitstroom ligt tussen intake en vandaag (anders 400).",
    ),
)
class TrajectViewSet(RegisterViewSet):
    serializer_class = TrajectSerializer
    ordering = ("gemeente__code", "-intake", "pk")

    def visible(self, actor: Actor) -> Any:
        return services.visible(actor)

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
        no_query_parameters(request)
        actor = request_actor(request)
        case = services.get_case(actor, kwargs["uuid"])
        return Response(TrajectDetailSerializer(_record(actor, case, True)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = TrajectAanmakenSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = services.CaseInput(**incoming.to_input())
        actor = request_actor(request)
        case = saved_or_problem(
            lambda: services.save_case(actor, data, request.user), FIELD_NAMES
        )
        return Response(
            TrajectDetailSerializer(_record(actor, case, True)).data,
            status=status.HTTP_201_CREATED,
        )
