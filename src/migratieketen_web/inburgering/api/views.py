# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/inburgeraars: the inburgering register for case systems (token or session).

Conventions of the API app: problem+json (400 with invalidParams, 401, 403, 404),
validated filters, strict pagination, UUIDs in paths, Dutch camelCase. Every call goes
through the isolation rule: another gemeente's person is a 404, and the list shows
only the gemeenten the token's scopes and the user's roles both allow. Every read and
write is logged in the audit log.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
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
from migratieketen_web.inburgering import services
from migratieketen_web.inburgering.api.filters import InburgeraarFilter
from migratieketen_web.inburgering.api.serializers import (
    FIELD_NAMES,
    InburgeraarAanmakenSerializer,
    InburgeraarDetailSerializer,
    InburgeraarSerializer,
)
from migratieketen_web.inburgering.models import Person


def _record(actor: Actor, person: Person, detail: bool) -> dict[str, Any]:
    view = services.case_view(actor, person, timezone.localdate())
    body: dict[str, Any] = {
        "uuid": person.uuid,
        "gemeentecode": person.gemeente.code,
        "naam": person.name,
        "geboortedatum": person.birth_date,
        "nationaliteit": person.nationality,
        "grond": person.ground,
        "startInburgeringsplicht": person.duty_start,
        "leerroute": person.route or None,
        "termijnEinde": view.term.end if view.term else None,
        "signalen": [
            {
                "soort": s.kind.value,
                "omschrijving": s.text,
                "grondslag": s.reference.label(),
            }
            for s in view.signals
        ],
    }
    if detail:
        body["stappen"] = [
            {
                "sleutel": s.key,
                "omschrijving": s.label,
                "uiterlijk": s.deadline,
                "gedaanOp": s.done_on,
                "status": s.status.value,
                "grondslag": s.reference.label(),
                "grondslagUrl": s.reference.url,
                "toelichting": s.note,
            }
            for s in view.steps
        ]
        body["kostenVoorzieningen"] = view.cost.voorzieningen
        body["budget"] = view.cost.budget.amount
        body["budgetBron"] = (
            f"{view.cost.budget.reference_title}: {view.cost.budget.source}"
        )
    return body


@register_schema(
    uuid_description="UUID van de inburgeraar.",
    filter_class=InburgeraarFilter,
    serializers_=(
        InburgeraarSerializer,
        InburgeraarDetailSerializer,
        InburgeraarAanmakenSerializer,
    ),
    list_text=(
        "Inburgeraars",
        "De inburgeringsplichtigen van de gemeenten waarvoor uw rol en "
        "token (scope registers.lezen) toegang geven. Zonder BSN. Elke aanvraag wordt "
        "vastgelegd in het auditlogboek.",
    ),
    retrieve_text=(
        "Eén inburgeraar",
        "Stappen met termijn en artikel, signalen, kosten tegenover budget. "
        "Een inburgeraar van een andere gemeente geeft 404.",
        "De inburgeraar.",
    ),
    create_text=(
        "Inburgeraar registreren",
        "Scope registers.bijwerken voor de gemeente. Het BSN moet aan de "
        "elfproef voldoen en wordt niet teruggegeven; burgers van de EU/EER/Zwitserland "
        "en een startdatum in de toekomst worden geweigerd (400).",
    ),
)
class InburgeraarViewSet(RegisterViewSet):
    serializer_class = InburgeraarSerializer
    ordering = ("gemeente__code", "name", "pk")

    def visible(self, actor: Actor) -> Any:
        return services.visible(actor)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(InburgeraarFilter, request.query_params)
        qs = self.get_queryset()
        if "gemeente" in values:
            qs = qs.filter(gemeente__code=values["gemeente"])
        if "leerroute" in values:
            qs = qs.filter(route=values["leerroute"])
        if "grond" in values:
            qs = qs.filter(ground=values["grond"])
        page = list(self.paginate_queryset(qs) or [])
        actor = request_actor(request)
        services.log_list(actor, page)
        data = InburgeraarSerializer(
            [_record(actor, p, False) for p in page], many=True
        ).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        no_query_parameters(request)
        actor = request_actor(request)
        person = services.get_person(actor, kwargs["uuid"])
        return Response(InburgeraarDetailSerializer(_record(actor, person, True)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = InburgeraarAanmakenSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = services.PersonInput(**incoming.to_input())
        actor = request_actor(request)
        person = saved_or_problem(
            lambda: services.create_person(actor, data, request.user), FIELD_NAMES
        )
        return Response(
            InburgeraarDetailSerializer(_record(actor, person, True)).data,
            status=status.HTTP_201_CREATED,
        )
