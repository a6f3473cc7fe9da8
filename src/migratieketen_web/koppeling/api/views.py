# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/koppelingen: start a koppeling (202 + Location) and read its result.

Conventions of the API app: problem+json (400 with invalidParams, 401, 403, 404),
API-Version, UUIDs in paths. Staff with the aggregates right only (ADR 0012); every
start and read is in the audit log (ADR 0013). Input is pseudonymous: a household
with a BSN-like or name-like key or value is refused with a Dutch 400 and nothing is
stored. The computation runs as a background job: the answer is 202 with the address
of the koppeling, whose status moves to 'klaar' with the result.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from migratieketen_web.accounts.authentication import BearerTokenAuthentication
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.api import filters
from migratieketen_web.api.parsers import LimitedJSONParser
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.registers import no_query_parameters, uuid_parameter
from migratieketen_web.api.schema import (
    API_VERSION_HEADER,
    FoutSerializer,
    problem_responses,
)
from migratieketen_web.jobs import services as job_services
from migratieketen_web.koppeling import services
from migratieketen_web.koppeling.api.serializers import (
    KoppelingBestandenSerializer,
    KoppelingSerializer,
    KoppelingStartSerializer,
    run_record,
    upload_from_body,
    upload_from_files,
)
from migratieketen_web.koppeling.forms import MAX_SCORE_UPLOAD_BYTES, MB
from migratieketen_web.koppeling.models import KoppelingRun


class MayPlan(BasePermission):
    message = "Alleen medewerkers (staf) met het recht 'cijfers.lezen' mogen koppelen."

    def has_permission(self, request: Request, view: Any) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        return services.may_plan(user, request_actor(request))


class Busy(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Er lopen al te veel koppelingen; probeer het later opnieuw."
    default_code = "throttled"


_AUTH = {
    (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(FoutSerializer, description=text)
    for code, text in (
        (401, "Niet aangemeld of een ongeldig token."),
        (403, "Geen medewerker met het recht cijfers.lezen."),
        (429, "Te veel lopende koppelingen."),
    )
}
_UUID = uuid_parameter("Kenmerk van de koppeling.")


@extend_schema_view(
    retrieve=extend_schema(
        summary="Eén koppeling",
        description="Status en voortgang; als de status 'klaar' is ook per huishouden "
        "de aanbevolen gemeente met uitleg (top-3, bindende beperkingen), de "
        "samenvatting met het aandeel van het hindsight-optimum en de eerlijkheid "
        "per groep. Alleen uw eigen koppelingen (beheerders: alle).",
        parameters=[_UUID, API_VERSION_HEADER],
        responses={
            200: OpenApiResponse(KoppelingSerializer, description="De koppeling."),
            **problem_responses(400, 404),
            **_AUTH,
        },
    ),
    create=extend_schema(
        summary="Koppeling starten",
        description="Huishoudens (gepseudonimiseerd; een BSN of naam wordt "
        "geweigerd en dan wordt niets opgeslagen), optioneel scores en capaciteit, "
        "in de vorm van de bestanden van 'migratieketen plan koppeling': als JSON, "
        "of als de CSV-bestanden zelf (multipart/form-data; voor een grote "
        f"scoretabel, tot {MAX_SCORE_UPLOAD_BYTES // MB} MB). Antwoordt met 202 en "
        "het adres (Location) van de koppeling; volg daar de status.",
        request={
            "application/json": KoppelingStartSerializer,
            "multipart/form-data": KoppelingBestandenSerializer,
        },
        parameters=[API_VERSION_HEADER],
        responses={
            202: OpenApiResponse(KoppelingSerializer, description="Gestart."),
            **problem_responses(400),
            **_AUTH,
        },
    ),
)
class KoppelingViewSet(
    mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    parser_classes = [LimitedJSONParser, MultiPartParser]
    permission_classes = [MayPlan]
    serializer_class = KoppelingSerializer
    lookup_field = "uuid"
    lookup_value_regex = filters.UUID_PATH

    def get_queryset(self) -> Any:
        return services.runs_for(self.request.user)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        no_query_parameters(request)
        try:
            run = services.read_run(
                request_actor(request), request.user, kwargs["uuid"]
            )
        except KoppelingRun.DoesNotExist as exc:
            raise exceptions.NotFound("Deze koppeling bestaat niet.") from exc
        return Response(KoppelingSerializer(run_record(run, request)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        no_query_parameters(request)
        if request.content_type.startswith("multipart/form-data"):
            upload, mode, seed, wait_weeks = upload_from_files(
                request.POST, request.FILES
            )
        else:
            upload, mode, seed, wait_weeks = upload_from_body(request.data)
        try:
            run = services.start_run(
                request_actor(request), request.user, upload, mode, seed, wait_weeks
            )
        except services.KoppelingInputError as exc:
            message = str(exc)
            field = "huishoudens"
            if message.startswith("scores.csv"):
                field = "scores"
            elif message.startswith("capaciteit.csv") or "capaciteit" in message[:40]:
                field = "capaciteit"
            raise serializers.ValidationError({field: [message]}) from exc
        except job_services.TooManyActiveJobs as exc:
            raise Busy(str(exc)) from exc
        record = run_record(run, request)
        return Response(
            KoppelingSerializer(record).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": record["url"]},
        )
