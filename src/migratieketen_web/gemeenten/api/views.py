# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read-only open-data resources: gemeenten, provincies, wijken, indicatoren.

Resources are looked up by their CBS code (see docs/adr/0005-api-resource-keys.md).
Each view selects/prefetches what its serializer reads, so a page costs a
fixed number of queries whatever its length.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.api import filters
from migratieketen_web.api.pagination import StrictLimitOffsetPagination
from migratieketen_web.api.permissions import OPEN
from migratieketen_web.api.schema import API_VERSION_HEADER, problem_responses
from migratieketen_web.api.viewsets import OpenDataViewSet, path_param
from migratieketen_web.gemeenten.api import filters as gemeente_filters
from migratieketen_web.gemeenten.api.serializers import (
    GemeenteDetailSerializer,
    GemeenteSerializer,
    GemeenteWaardeSerializer,
    IndicatorSerializer,
    ProvincieDetailSerializer,
    ProvincieSerializer,
    WijkSerializer,
)
from migratieketen_web.gemeenten.models import (
    Gemeente,
    Indicator,
    IndicatorValue,
    PopulationFigure,
    Province,
    Source,
    Wijk,
)


@extend_schema_view(
    list=extend_schema(
        summary="Gemeenten",
        description="Alle gemeenten van de huidige indeling, op naam gesorteerd.",
        parameters=[gemeente_filters.GemeenteFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                GemeenteSerializer, description="Een pagina gemeenten."
            ),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén gemeente",
        description="Een gemeente met inwoners per jaar, indicatorwaarden (elk met "
        "bron), provincie, aantal wijken en verwijzingen.",
        parameters=[
            path_param(
                "gemeentecode",
                "CBS-gemeentecode, bv. GM0363.",
                filters.GEMEENTE_CODE_PATH,
            ),
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(GemeenteDetailSerializer, description="De gemeente."),
            **problem_responses(400, 404),
        },
    ),
)
class GemeenteViewSet(OpenDataViewSet):
    """Gemeenten (current municipal division)."""

    serializer_class = GemeenteSerializer
    detail_serializer_class = GemeenteDetailSerializer
    filter_class = gemeente_filters.GemeenteFilter
    lookup_field = "code"
    lookup_url_kwarg = "gemeentecode"
    lookup_value_regex = filters.GEMEENTE_CODE_PATH

    def get_queryset(self) -> QuerySet[Gemeente]:
        queryset = (
            Gemeente.objects.select_related("province")
            .defer("svg_path", "province__svg_path")  # map shapes: large, unused
            .order_by("name", "code")
        )
        if self.action == "retrieve":
            queryset = queryset.annotate(wijk_count=Count("wijken")).prefetch_related(
                Prefetch(
                    "population_figures",
                    queryset=PopulationFigure.objects.select_related("source").order_by(
                        "year"
                    ),
                ),
                Prefetch(
                    "indicator_values",
                    queryset=IndicatorValue.objects.select_related(
                        "indicator__source"
                    ).order_by("indicator__label_nl", "indicator__key"),
                ),
            )
        return queryset

    def apply_filters(
        self, queryset: QuerySet[Any], values: dict[str, Any]
    ) -> QuerySet[Any]:
        if "provincie" in values:
            queryset = queryset.filter(province__code=values["provincie"])
        if "naam" in values:
            queryset = queryset.filter(name__icontains=values["naam"])
        if "code" in values:
            queryset = queryset.filter(code=values["code"])
        return queryset


def province_population(province: Province) -> list[dict[str, Any]]:
    """Summed inhabitants per (year, source) over the province's gemeenten."""
    rows = list(
        PopulationFigure.objects.filter(gemeente__province=province)
        .values("year", "source_id")
        .annotate(total=Sum("inhabitants"), gemeenten=Count("gemeente"))
        .order_by("year", "source_id")
    )
    sources = Source.objects.in_bulk({row["source_id"] for row in rows})
    return [
        {
            "jaar": row["year"],
            "aantal": row["total"],
            "aantalGemeenten": row["gemeenten"],
            "bron": sources[row["source_id"]],
        }
        for row in rows
    ]


@extend_schema_view(
    list=extend_schema(
        summary="Provincies",
        description="Alle provincies met het aantal gemeenten.",
        parameters=[API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                ProvincieSerializer, description="Een pagina provincies."
            ),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén provincie",
        description="Een provincie met haar gemeenten en de som van de inwoners "
        "per jaar (met bron en het aantal gemeenten met een cijfer).",
        parameters=[
            path_param(
                "provinciecode",
                "CBS-provinciecode, bv. PV27.",
                filters.PROVINCE_CODE_PATH,
            ),
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(
                ProvincieDetailSerializer, description="De provincie."
            ),
            **problem_responses(400, 404),
        },
    ),
)
class ProvincieViewSet(OpenDataViewSet):
    """Provinces."""

    serializer_class = ProvincieSerializer
    detail_serializer_class = ProvincieDetailSerializer
    lookup_field = "code"
    lookup_url_kwarg = "provinciecode"
    lookup_value_regex = filters.PROVINCE_CODE_PATH

    def get_queryset(self) -> QuerySet[Province]:
        queryset = (
            Province.objects.annotate(gemeente_count=Count("gemeenten"))
            .defer("svg_path")
            .order_by("name", "code")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "gemeenten",
                    queryset=Gemeente.objects.defer("svg_path").order_by(
                        "name", "code"
                    ),
                )
            )
        return queryset

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        province = self.get_object()
        context = {
            **self.get_serializer_context(),
            "province_population": province_population(province),
        }
        return Response(ProvincieDetailSerializer(province, context=context).data)


@extend_schema_view(
    list=extend_schema(
        summary="Wijken",
        description="Wijken (CBS-wijk- en buurtindeling) met inwoners en bron, op "
        "wijkcode gesorteerd.",
        parameters=[gemeente_filters.WijkFilter, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(WijkSerializer, description="Een pagina wijken."),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén wijk",
        description="Een wijk met inwoners, gemeente en bron.",
        parameters=[
            path_param(
                "wijkcode",
                "CBS-wijkcode, bv. WK036300 of WK0363AA.",
                filters.WIJK_CODE_PATH,
            ),
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(WijkSerializer, description="De wijk."),
            **problem_responses(400, 404),
        },
    ),
)
class WijkViewSet(OpenDataViewSet):
    """Wijken (CBS districts)."""

    serializer_class = WijkSerializer
    filter_class = gemeente_filters.WijkFilter
    lookup_field = "code"
    lookup_url_kwarg = "wijkcode"
    lookup_value_regex = filters.WIJK_CODE_PATH

    def get_queryset(self) -> QuerySet[Wijk]:
        return (
            Wijk.objects.select_related("gemeente", "source")
            .defer("gemeente__svg_path")
            .order_by("code")
        )

    def apply_filters(
        self, queryset: QuerySet[Any], values: dict[str, Any]
    ) -> QuerySet[Any]:
        if "gemeente" in values:
            queryset = queryset.filter(gemeente__code=values["gemeente"])
        return queryset


INDICATOR_KEY_PARAM = path_param(
    "sleutel", "Sleutel van de indicator.", filters.INDICATOR_KEY_PATH
)

WAARDEN_PAGE = inline_serializer(
    name="IndicatorwaardenPagina",
    fields={
        "count": serializers.IntegerField(help_text="Totaal aantal resultaten."),
        "next": serializers.URLField(
            allow_null=True,
            help_text="Adres van de volgende pagina; null op de laatste.",
        ),
        "previous": serializers.URLField(
            allow_null=True, help_text="Adres van de vorige pagina; null op de eerste."
        ),
        "indicator": IndicatorSerializer(help_text="De indicator, met bron."),
        "results": GemeenteWaardeSerializer(
            many=True, help_text="Waarde per gemeente."
        ),
    },
)


@extend_schema_view(
    list=extend_schema(
        summary="Indicatoren",
        description="Alle indicatoren (kerncijfers per gemeente) met eenheid en bron.",
        parameters=[API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(
                IndicatorSerializer, description="Een pagina indicatoren."
            ),
            **problem_responses(400),
        },
    ),
    retrieve=extend_schema(
        summary="Eén indicator",
        description="Een indicator met eenheid, bron en het adres van de waarden.",
        parameters=[INDICATOR_KEY_PARAM, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(IndicatorSerializer, description="De indicator."),
            **problem_responses(400, 404),
        },
    ),
    waarden=extend_schema(
        summary="Waarden van een indicator per gemeente",
        description="De waarde van de indicator in elke gemeente: de gegevens achter "
        "de kaart. De bron staat eenmaal bij 'indicator' en geldt voor alle waarden.",
        parameters=[
            INDICATOR_KEY_PARAM,
            gemeente_filters.IndicatorwaardenFilter,
            filters.PaginationParameters,
            API_VERSION_HEADER,
        ],
        responses={
            200: OpenApiResponse(
                WAARDEN_PAGE,
                description="Een pagina waarden, met de indicator en haar bron.",
            ),
            **problem_responses(400, 404),
        },
    ),
)
class IndicatorViewSet(OpenDataViewSet):
    """Indicators and their values per gemeente."""

    serializer_class = IndicatorSerializer
    required_scopes = {**OpenDataViewSet.required_scopes, "waarden": OPEN}
    lookup_field = "key"
    lookup_url_kwarg = "sleutel"
    lookup_value_regex = filters.INDICATOR_KEY_PATH

    def get_queryset(self) -> QuerySet[Indicator]:
        return Indicator.objects.select_related("source").order_by("label_nl", "key")

    @action(detail=True, methods=["get"], url_path="waarden", url_name="waarden")
    def waarden(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        indicator = self.get_object()
        values = filters.validated_filters(
            gemeente_filters.IndicatorwaardenFilter, request.query_params
        )
        queryset = (
            IndicatorValue.objects.filter(indicator=indicator)
            .select_related("gemeente")
            .defer("gemeente__svg_path")
            .order_by("gemeente__name", "gemeente__code")
        )
        if "provincie" in values:
            queryset = queryset.filter(gemeente__province__code=values["provincie"])
        paginator = StrictLimitOffsetPagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        context = self.get_serializer_context()
        return Response(
            {
                "count": paginator.count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "indicator": IndicatorSerializer(indicator, context=context).data,
                "results": GemeenteWaardeSerializer(
                    page, many=True, context=context
                ).data,
            }
        )
