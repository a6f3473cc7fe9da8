# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/realisaties, /taakstellingen and /spreiding, registered on the API router.

Follows the API app's conventions: problem+json errors with invalidParams, validated
query parameters, strict pagination, scopes per action (deny by default). Reading is
open, like the monitor pages; POST /realisaties needs the 'registers.bijwerken' scope
(session or HTTP Basic login). Scopes per gemeente are a later issue.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.accounts.authentication import BearerTokenAuthentication
from migratieketen_web.api import filters
from migratieketen_web.api.pagination import StrictLimitOffsetPagination
from migratieketen_web.api.permissions import (
    OPEN,
    REGISTERS_BIJWERKEN,
    ScopesRequired,
    holds_scope,
)
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    problem_responses,
)
from migratieketen_web.monitor import models
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.api.filters import (
    RealisatieFilter,
    SpreidingFilter,
    TaakstellingFilter,
)
from migratieketen_web.monitor.api.serializers import (
    MonitorSerializer,
    RealisatieSerializer,
    SpreidingSerializer,
    TaakstellingSerializer,
    berekening,
)
from migratieketen_web.monitor.explanations import population_line
from migratieketen_web.monitor.register import (
    KeyConflict,
    NotAllowed,
    record_realisation,
)
from migratieketen_web.monitor.services import (
    RAMING,
    SES_SHORT_LABELS,
    HalfYear,
    MonitorData,
    MonitorUnavailable,
    vg_source_line,
)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "De aanvraag botst met wat er al is."
    default_code = "conflict"


class Unavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "De berekening is niet beschikbaar."
    default_code = "unavailable"


def _monitor_data() -> MonitorData:
    data = MonitorData()
    try:
        data.run  # noqa: B018 - raises when no half-year can be computed
    except MonitorUnavailable as exc:
        raise Unavailable(str(exc)) from exc
    return data


def _invalid(name: str, reason: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({name: [reason]})


_CONFLICT_RESPONSE = {
    (409, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        FoutSerializer, description="Kenmerk al gebruikt met andere gegevens."
    )
}
_UNAVAILABLE_RESPONSE = {
    (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        FoutSerializer, description="Geen open data geïmporteerd; niets te berekenen."
    )
}
_AUTH_RESPONSES = {
    (401, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        FoutSerializer, description="Niet ingelogd."
    ),
    (403, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        FoutSerializer, description="Scope registers.bijwerken ontbreekt."
    ),
}


@extend_schema_view(
    list=extend_schema(
        summary="Realisaties",
        description="Gehuisveste vergunninghouders per gemeente en datum (aantallen, "
        "geen persoonsgegevens), nieuwste eerst.",
        parameters=[RealisatieFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                RealisatieSerializer, description="Een pagina realisaties."
            ),
            **problem_responses(400),
        },
    ),
    create=extend_schema(
        summary="Realisatie toevoegen",
        description="Voegt een realisatie toe (scope registers.bijwerken). Met een "
        "kenmerk is de aanvraag idempotent: hetzelfde kenmerk met dezelfde gegevens "
        "geeft 200 en de bestaande realisatie, met andere gegevens 409.",
        parameters=[API_VERSION_HEADER],
        responses={
            201: OpenApiResponse(RealisatieSerializer, description="Toegevoegd."),
            200: OpenApiResponse(
                RealisatieSerializer, description="Bestond al (zelfde kenmerk)."
            ),
            **problem_responses(400),
            **_AUTH_RESPONSES,
            **_CONFLICT_RESPONSE,
        },
    ),
)
class RealisatieViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """The realisation register."""

    authentication_classes = [
        BearerTokenAuthentication,
        BasicAuthentication,
        SessionAuthentication,
    ]
    permission_classes = [ScopesRequired]
    required_scopes = {"list": OPEN, "create": REGISTERS_BIJWERKEN}
    pagination_class = StrictLimitOffsetPagination
    serializer_class = RealisatieSerializer

    def get_queryset(self) -> QuerySet[models.Realisation]:
        return models.Realisation.objects.select_related("gemeente").order_by(
            "-housed_on", "gemeente__code", "pk"
        )

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action != "list":
            return queryset
        values = filters.validated_filters(RealisatieFilter, self.request.query_params)
        if "gemeente" in values:
            queryset = queryset.filter(gemeente__code=values["gemeente"])
        if "provincie" in values:
            queryset = queryset.filter(gemeente__province__code=values["provincie"])
        if "halfjaar" in values:
            hy = HalfYear.parse(values["halfjaar"])
            queryset = queryset.filter(housed_on__range=(hy.start, hy.end))
        return queryset

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        code = d["gemeente"].code
        if not holds_scope(request.user, REGISTERS_BIJWERKEN, code, auth=request.auth):
            raise exceptions.PermissionDenied(  # a token names its organisations
                f"U mag geen realisaties invoeren voor {code} met dit token of deze rol."
            )
        try:
            row, created = record_realisation(
                gemeente=d["gemeente"],
                housed_on=d["housed_on"],
                persons=d["persons"],
                households=d.get("households"),
                kind=d["kind"],
                reference=d["reference"],
                source=models.RealisationSource.API,
                user=request.user,
            )
        except KeyConflict as exc:
            raise Conflict(str(exc)) from exc
        except NotAllowed as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc
        return Response(
            self.get_serializer(row).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def _taakstelling_record(
    data: MonitorData, hy: HalfYear, code: str, sources: list[str]
) -> dict[str, Any]:
    g = data.taakstelling(hy).per_gemeente[code]
    info = data.gemeenten[code]
    return {
        "gemeentecode": code,
        "gemeentenaam": info.name,
        "provinciecode": info.province_code,
        "halfjaar": str(hy),
        "vg": g.vg,
        "inwoners": g.population,
        "inwonersNederland": g.national_population,
        "peildatumBevolking": hy.reference_date,
        "taakstelling": g.taakstelling,
        "taakstellingNaAfspraken": data.adjusted(hy)[0][code],
        "berekening": berekening(g.explanation()),
        "bronnen": sources,
    }


def _ledger(data: MonitorData, code: str) -> dict[str, Any]:
    gm = data.gemeente(code)
    rows = []
    for s in gm.report.half_years:
        peil = gm.at_peildatum.get(s.half_year)
        rows.append(
            {
                "halfjaar": str(s.half_year),
                "meegenomen": s.carry_in,
                "taakstelling": s.taakstelling,
                "opgave": s.opgave,
                "gehuisvest": s.realised,
                "nogTeHuisvesten": s.remaining,
                "saldo": s.carry_out,
                "afgelopen": s.ended,
                "status": s.status,
                "achterstand": s.achterstand,
                "opPeildatum": None
                if peil is None
                else {
                    "peildatum": s.half_year.peildatum(),
                    "gehuisvest": peil.realised,
                    "nogTeHuisvesten": peil.remaining,
                    "berekening": berekening(peil.explanation(code)),
                },
                "taakstellingBerekening": berekening(
                    data.taakstelling(s.half_year).per_gemeente[code].explanation()
                ),
                "berekening": berekening(s.explanation(code)),
            }
        )
    step = gm.report.supervision
    return {
        "gemeentecode": code,
        "gemeentenaam": gm.info.name,
        "provinciecode": gm.info.province_code,
        "standOp": data.as_of,
        "beginsaldo": gm.opening_balance,
        "halfjaren": rows,
        "toezicht": None
        if step is None
        else {
            "halfjaar": str(step.half_year),
            "opeenvolgendNietGehaald": step.consecutive_missed,
            "stap": step.step,
            "escalatie": step.escalation,
            "berekening": berekening(step.explanation(code)),
        },
        "gehuisvestNaLaatsteHalfjaar": gm.housed_after_run,
        "opmerkingen": list(data.gaps),
        "bronnen": [vg_source_line(hy) for hy in data.run]
        + [
            population_line(data, y)
            for y in sorted({hy.reference_date.year for hy in data.run})
        ]
        + [f"Gehuisvest: realisatieregister Migratieketen, stand {data.as_of}."],
    }


@extend_schema_view(
    list=extend_schema(
        summary="Taakstellingen per gemeente",
        description="De taakstelling van elke gemeente in een halfjaar (art. 29 "
        "Huisvestingswet 2014), elk met de berekening: artikel, invoer en rekensom.",
        parameters=[TaakstellingFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                TaakstellingSerializer, description="Een pagina taakstellingen."
            ),
            **problem_responses(400),
            **_UNAVAILABLE_RESPONSE,
        },
    ),
    retrieve=extend_schema(
        summary="Monitor van één gemeente",
        description="Per halfjaar: meegenomen achterstand of voorsprong, "
        "taakstelling, opgave, gehuisvest, nog te huisvesten, status en de stand op "
        "de peildatum; plus de toezichtstap van de provincie.",
        parameters=[
            OpenApiParameter(
                name="gemeentecode",
                type={"type": "string", "pattern": f"^{filters.GEMEENTE_CODE_PATH}$"},
                location=OpenApiParameter.PATH,
                description="CBS-gemeentecode, bv. GM0363.",
            ),
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(MonitorSerializer, description="De monitor."),
            **problem_responses(404),
            **_UNAVAILABLE_RESPONSE,
        },
    ),
)
class TaakstellingViewSet(viewsets.GenericViewSet):
    """Computed taakstellingen and the monitor ledger (open, no login)."""

    authentication_classes: list[type] = []
    permission_classes = [ScopesRequired]
    required_scopes = {"list": OPEN, "retrieve": OPEN}
    pagination_class = StrictLimitOffsetPagination
    serializer_class = TaakstellingSerializer
    lookup_field = "gemeentecode"
    lookup_value_regex = filters.GEMEENTE_CODE_PATH

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(TaakstellingFilter, request.query_params)
        data = _monitor_data()
        hy = HalfYear.parse(values["halfjaar"]) if "halfjaar" in values else None
        hy = hy or data.run[-1]
        if hy not in data.computable:
            reason = data.reason_unavailable(hy) or "na de huidige datum"
            raise _invalid("halfjaar", f"Geen taakstelling voor {hy}: {reason}.")
        codes = [
            c
            for c, i in data.gemeenten.items()
            if values.get("provincie") in (None, i.province_code)
        ]
        page = self.paginate_queryset(codes)
        sources = [vg_source_line(hy), population_line(data, hy.reference_date.year)]
        records = [_taakstelling_record(data, hy, c, sources) for c in page or []]
        return self.get_paginated_response(
            TaakstellingSerializer(records, many=True).data
        )

    def retrieve(self, request: Request, gemeentecode: str = "") -> Response:
        filters.validated_filters(
            serializers.Serializer, request.query_params, allowed_extra=()
        )
        data = _monitor_data()
        if gemeentecode not in data.gemeenten:
            raise exceptions.NotFound()
        return Response(MonitorSerializer(_ledger(data, gemeentecode)).data)


def _spreiding(data: MonitorData, values: dict[str, Any]) -> sp.Spreiding:
    """The distribution; a SES-WOA source the client chose but this installation
    lacks is a 400 on ``ses`` (the client can choose another), not a 503."""
    ses = values.get("ses", sp.DEFAULT_SES)
    try:
        return sp.compute(data, values.get("raming"), ses)
    except sp.SpreidingUnavailable as exc:
        if ses != sp.DEFAULT_SES:
            try:
                sp.compute(data, values.get("raming"), sp.DEFAULT_SES)
            except sp.SpreidingUnavailable:
                pass
            else:  # only the chosen source is missing
                raise _invalid("ses", str(exc)) from exc
        raise Unavailable(str(exc)) from exc


@extend_schema_view(
    list=extend_schema(
        summary="Spreidingswet",
        description="De capaciteitsraming verdeeld over gemeenten en provincies: "
        "inwoners x (1 + SES-WOA-score van CBS), standaard met de meest recente "
        "SES-WOA in de open data (bron en peildatum in sesWoaBron, sesWoaPeriode en "
        "bronnen). De vorm van de weging is afgeleid en getoetst, niet gelezen in de "
        "wettekst: 'officieel' is daarom altijd false en de opmerkingen zeggen waarom. "
        "ses=geen (alleen inwonertal) en ses=schatting (KWB-benadering) zijn "
        "vergelijkingen.",
        parameters=[SpreidingFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(SpreidingSerializer, description="De verdeling."),
            **problem_responses(400),
            **_UNAVAILABLE_RESPONSE,
        },
    ),
)
class SpreidingViewSet(viewsets.GenericViewSet):
    """Spreidingswet distribution (open, no login)."""

    authentication_classes: list[type] = []
    permission_classes = [ScopesRequired]
    required_scopes = {"list": OPEN}
    pagination_class = None
    list_returns_object = True  # one distribution, not an array (OpenAPI)
    serializer_class = SpreidingSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = filters.validated_filters(
            SpreidingFilter, request.query_params, allowed_extra=()
        )
        data = _monitor_data()
        result = _spreiding(data, values)
        notes = list(result.result.notes)
        gemeenten = []
        for code, info in data.gemeenten.items():
            g = result.result.per_gemeente[code]
            gemeenten.append(
                {
                    "gemeentecode": code,
                    "gemeentenaam": info.name,
                    "provinciecode": info.province_code,
                    "inwoners": g.population,
                    "sesWoa": None if g.ses is None else float(g.ses),
                    "plaatsen": g.places,
                    "amv": g.amv,
                    "opmerkingen": list(g.notes),
                    "berekening": berekening(g.explanation()),
                }
            )
        provincies = [
            {
                "provinciecode": p.province_code,
                "plaatsen": p.places,
                "amv": p.amv,
                "opmerkingen": list(p.notes),
                "berekening": berekening(p.explanation()),
            }
            for p in result.provinces.values()
        ]
        body = {
            "capaciteitsraming": result.raming,
            "amv": result.amv_total,
            "peildatumBevolking": date(result.population.year, 1, 1),
            "sesWoa": SES_SHORT_LABELS.get(
                result.result.ses_source, str(result.result.ses_source)
            ),
            "sesWoaBron": result.result.ses_label or "niet geladen",
            "sesWoaPeriode": result.result.ses_period,
            # The weighting form is inferred and tested, not read in the law text.
            "officieel": False,
            "opmerkingen": notes,
            "waarschuwingen": list(result.ses_warnings),
            "bronnen": [
                population_line(data, result.population.year),
                *([result.ses_attribution] if result.ses_attribution else []),
                f"{RAMING.label()}: {RAMING.url}",
            ],
            "provincies": provincies,
            "gemeenten": gemeenten,
        }
        return Response(SpreidingSerializer(body).data)
