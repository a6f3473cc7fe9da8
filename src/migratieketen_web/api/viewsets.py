# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The base viewset of read-only open resources, shared by every domain's API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, serializers, viewsets

from migratieketen_web.api import filters
from migratieketen_web.api.pagination import StrictLimitOffsetPagination
from migratieketen_web.api.permissions import OPEN, ScopesRequired
from migratieketen_web.api.schema import ScopedAutoSchema


def path_param(name: str, description: str, pattern: str) -> OpenApiParameter:
    return OpenApiParameter(
        name=name,
        type={"type": "string", "pattern": f"^{pattern}$"},
        location=OpenApiParameter.PATH,
        description=description,
    )


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Base: open scopes, strict pagination, validated query parameters."""

    authentication_classes: list[type] = []  # open data: no login, no cookies
    permission_classes = [ScopesRequired]
    schema = ScopedAutoSchema()
    required_scopes = {"list": OPEN, "retrieve": OPEN, "metadata": OPEN}
    pagination_class = StrictLimitOffsetPagination
    filter_class: type[serializers.Serializer] | None = None
    detail_serializer_class: type[serializers.Serializer] | None = None

    def get_object(self) -> Any:
        """The resource, or a 404 that names what was not found (not a generic one)."""
        try:
            return super().get_object()
        except Http404:
            raise exceptions.NotFound(self.not_found_detail()) from None

    def not_found_detail(self) -> str:
        lookup = self.lookup_url_kwarg or self.lookup_field
        value = self.kwargs.get(lookup, "")
        model = self.get_queryset().model
        name = str(model._meta.verbose_name)
        return f"{name[:1].upper()}{name[1:]} {value} bestaat niet."

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action == "retrieve":  # a single resource takes no parameters
            params = self.request.query_params
            filters.validated_filters(serializers.Serializer, params, allowed_extra=())
            return queryset
        if self.action != "list":
            return queryset
        if self.filter_class is None:
            filters.validated_filters(serializers.Serializer, self.request.query_params)
            return queryset
        values = filters.validated_filters(self.filter_class, self.request.query_params)
        return self.apply_filters(queryset, values)

    def apply_filters(
        self, queryset: QuerySet[Any], values: dict[str, Any]
    ) -> QuerySet[Any]:
        return queryset
