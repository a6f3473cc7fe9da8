# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The base viewset of the isolated, audited registers (ADR 0012, ADR 0013).

The inburgering, LVV and arbeidsmigranten registers share the same plumbing: a token
or session, the personal-data rights, strict pagination, UUIDs in paths, a query on
what the actor may see, no query parameters on a single record, and the mapping of
the services' refusals onto problem responses. One place keeps them the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request

from migratieketen_web.accounts.api import RightsRequired
from migratieketen_web.accounts.authentication import BearerTokenAuthentication
from migratieketen_web.accounts.isolation import Actor, IsolationDenied
from migratieketen_web.accounts.registers import RegisterError
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

T = TypeVar("T")

REGISTER_AUTH = {
    (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(FoutSerializer, description=text)
    for code, text in (
        (401, "Geen of een ongeldig token."),
        (403, "Uw rol of token geeft dit recht niet."),
    )
}


def uuid_parameter(description: str) -> OpenApiParameter:
    """The UUID in the path of one record."""
    return OpenApiParameter(
        name="uuid",
        type={"type": "string", "format": "uuid"},
        location=OpenApiParameter.PATH,
        description=description,
    )


def register_schema(
    *,
    uuid_description: str,
    filter_class: type[serializers.Serializer],
    serializers_: tuple[type[Any], type[Any], type[Any]],
    list_text: tuple[str, str],
    retrieve_text: tuple[str, str, str],
    create_text: tuple[str, str],
) -> Callable[[Any], Any]:
    """The OpenAPI description of a register's list, retrieve and create.

    `serializers_` is (list, detail, create); each text is (summary, description),
    retrieve's with the description of its 200 answer last.
    """
    listed, detail, incoming = serializers_
    return extend_schema_view(
        list=extend_schema(
            summary=list_text[0],
            description=list_text[1],
            parameters=[filter_class, API_VERSION_HEADER],
            responses={
                200: OpenApiResponse(listed, description="Een pagina."),
                **problem_responses(400),
                **REGISTER_AUTH,
            },
        ),
        retrieve=extend_schema(
            summary=retrieve_text[0],
            description=retrieve_text[1],
            parameters=[uuid_parameter(uuid_description), API_VERSION_HEADER],
            responses={
                200: OpenApiResponse(detail, description=retrieve_text[2]),
                **problem_responses(404),
                **REGISTER_AUTH,
            },
        ),
        create=extend_schema(
            summary=create_text[0],
            description=create_text[1],
            request=incoming,
            parameters=[API_VERSION_HEADER],
            responses={
                201: OpenApiResponse(detail, description="Geregistreerd."),
                **problem_responses(400),
                **REGISTER_AUTH,
            },
        ),
    )


def no_query_parameters(request: Request) -> None:
    """A single record takes no query parameters (400 names any that are sent)."""
    filters.validated_filters(
        serializers.Serializer, request.query_params, allowed_extra=()
    )


def saved_or_problem(call: Callable[[], T], field_names: Mapping[str, str]) -> T:
    """Run a register write; refusals become 403 and 400 with the API's field names.

    A gemeente the actor may not write becomes 403; the service's Dutch errors,
    keyed by model field, become invalidParams under the resource's field names.
    """
    try:
        return call()
    except IsolationDenied as exc:
        raise exceptions.PermissionDenied(str(exc)) from exc
    except RegisterError as exc:
        raise serializers.ValidationError(
            {field_names.get(k, k): v for k, v in exc.errors.items()}
        ) from exc


class RegisterViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Base of a register's list/retrieve/create API; subclasses set the rest."""

    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [RightsRequired]
    required_rights = {
        "list": Right.PERSONAL_READ,
        "retrieve": Right.PERSONAL_READ,
        "create": Right.PERSONAL_WRITE,
    }
    pagination_class = StrictLimitOffsetPagination
    lookup_field = "uuid"
    ordering: tuple[str, ...] = ("pk",)

    def visible(self, actor: Actor) -> Any:
        """The records the actor may see (the app's services.visible)."""
        raise NotImplementedError

    def get_queryset(self) -> Any:
        return self.visible(self.actor()).order_by(*self.ordering)

    def actor(self) -> Actor:
        return request_actor(self.request)
