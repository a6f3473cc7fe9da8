# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/huisvestingslocaties: the housing register for case systems (token or session).

The conventions of /api/v1/inburgeraars: problem+json, validated filters, strict
pagination, UUIDs in paths, Dutch camelCase; every call through the isolation rule
(another gemeente's location is a 404) and into the audit log. Occupants appear only
as counts; the signals carry the rule (article or norm) and the numbers behind them.
"""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.api import filters
from migratieketen_web.api.registers import (
    RegisterViewSet,
    no_query_parameters,
    register_schema,
    saved_or_problem,
)
from migratieketen_web.arbeidsmigranten import services
from migratieketen_web.arbeidsmigranten.api.filters import LocatieFilter
from migratieketen_web.arbeidsmigranten.api.serializers import (
    FIELD_NAMES,
    LocatieAanmakenSerializer,
    LocatieDetailSerializer,
    LocatieSerializer,
)


def _record(view: services.LocationView, detail: bool) -> dict[str, Any]:
    loc = view.location
    body: dict[str, Any] = {
        "uuid": loc.uuid,
        "gemeentecode": loc.gemeente.code,
        "wijkcode": loc.wijk.code if loc.wijk else None,
        "adres": loc.address,
        "bag": loc.bag_status,
        "soort": loc.type,
        "bedden": loc.beds,
        "gebruiksoppervlakte": loc.floor_area,
        "maximaalBedden": view.max_beds,
        "bewonersAanwezig": view.present,
        "signalen": [s.to_dict() for s in view.signals],
    }
    if detail:
        body |= {
            "slaapkamers": list(view.bedrooms),
            "normen": [
                {
                    "soort": c.kind.value,
                    "omschrijving": c.label,
                    "personen": c.persons,
                    "tenHoogste": c.allowed,
                    "teVeel": c.excess,
                    "berekening": c.arithmetic,
                    "regel": c.reference.label(),
                }
                for c in view.checks
            ],
            "exploitant": loc.operator,
            "werkgever": loc.employer,
            "huurViaWerk": loc.employer_tied,
            "snfNummer": loc.snf_number,
            "snfGeldigTot": loc.snf_expiry,
            "brpInschrijvingen": loc.brp_registrations,
            "bewonersBrp": view.present_brp,
            "bewonersRni": view.present_rni,
        }
    return body


@register_schema(
    uuid_description="UUID van de huisvestingslocatie.",
    filter_class=LocatieFilter,
    serializers_=(
        LocatieSerializer,
        LocatieDetailSerializer,
        LocatieAanmakenSerializer,
    ),
    list_text=(
        "Huisvestingslocaties arbeidsmigranten",
        "De locaties van de gemeenten waarvoor uw rol en token (scope "
        "registers.lezen) toegang geven, met per locatie de signalen en de regel "
        "erachter. Bewoners alleen als aantal. Elke aanvraag wordt vastgelegd in het "
        "auditlogboek.",
    ),
    retrieve_text=(
        "Eén huisvestingslocatie",
        "Normen met berekening, signalen, slaapkamers en aantallen "
        "bewoners. Een locatie van een andere gemeente geeft 404.",
        "De locatie.",
    ),
    create_text=(
        "Huisvestingslocatie registreren",
        "Scope registers.bijwerken voor de gemeente. Het adres wordt "
        "gecontroleerd in de BAG (PDOK Locatieserver) als die bereikbaar is.",
    ),
)
class LocatieViewSet(RegisterViewSet):
    serializer_class = LocatieSerializer
    ordering = ("gemeente__code", "postcode", "huisnummer", "pk")

    def visible(self, actor: Actor) -> Any:
        return services.visible(actor)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(LocatieFilter, request.query_params)
        qs = self.get_queryset()
        if "gemeente" in values:
            qs = qs.filter(gemeente__code=values["gemeente"])
        if "soort" in values:
            qs = qs.filter(type=values["soort"])
        actor = request_actor(request)
        if "signaal" in values:
            views = services.views_for(actor, list(qs), Right.PERSONAL_READ)
            keep = [
                v.location.pk
                for v in views
                if any(s.kind.value == values["signaal"] for s in v.signals)
            ]
            qs = qs.filter(pk__in=keep)
        page = list(self.paginate_queryset(qs) or [])
        services.log_list(actor, page)
        views = services.views_for(actor, page, Right.PERSONAL_READ)
        data = LocatieSerializer([_record(v, False) for v in views], many=True).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        no_query_parameters(request)
        actor = request_actor(request)
        location = services.get_location(actor, kwargs["uuid"])
        view = services.location_view(actor, location)
        return Response(LocatieDetailSerializer(_record(view, True)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = LocatieAanmakenSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = services.LocationInput(**incoming.to_input())
        actor = request_actor(request)
        location, _notice = saved_or_problem(
            lambda: services.save_location(actor, data, request.user), FIELD_NAMES
        )
        view = services.location_view(actor, location)
        return Response(
            LocatieDetailSerializer(_record(view, True)).data,
            status=status.HTTP_201_CREATED,
        )
