# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""OpenAPI pieces shared by all operations: problem documents and API-Version.

Keeps the generated document honest about what the middleware and exception
handler add to every response (NL API Design Rules ``/core/version-header``,
``/core/error-handling/problem-details``). The generic responses every operation
can give (400, 404, 406, 413, 429, 500, 401/403) are added by one postprocessing
hook (``api_design_rules_hook``), so a new endpoint cannot forget them.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from migratieketen_web.api.permissions import OPEN
from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE


class OngeldigeParameterSerializer(serializers.Serializer):
    """One invalid parameter of a 400 problem document."""

    name = serializers.CharField(help_text="Naam van de parameter.")
    code = serializers.CharField(help_text="Foutcode, bv. invalid of unknown.")
    reason = serializers.CharField(help_text="Uitleg in het Nederlands.")


class FoutSerializer(serializers.Serializer):
    """RFC 9457 problem document: only the standard members."""

    type = serializers.CharField(help_text="URI die het soort fout aanduidt.")
    title = serializers.CharField(help_text="Korte omschrijving van het soort fout.")
    status = serializers.IntegerField(help_text="HTTP-statuscode.")
    detail = serializers.CharField(help_text="Uitleg bij deze fout.")
    instance = serializers.CharField(help_text="Pad van de aanvraag.")


class ValidatieFoutSerializer(FoutSerializer):
    """RFC 9457 problem document for invalid input, with ``invalidParams``.

    In the document this becomes ``allOf: [Fout, {invalidParams}]`` (see the hook):
    the extension member of ``/core/error-handling/invalid-input`` on top of the
    standard problem, not a second kind of problem.
    """

    invalidParams = OngeldigeParameterSerializer(
        many=True, help_text="De ongeldige parameters."
    )


API_VERSION_HEADER = OpenApiParameter(
    name="API-Version",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=True,
    description="Volledige versie van de API (semver), op elk antwoord.",
)

PROBLEM_DESCRIPTIONS = {
    400: "Ongeldige parameter(s) of inhoud; zie invalidParams.",
    401: "Niet ingelogd.",
    403: "De benodigde scope ontbreekt.",
    404: "De bron bestaat niet.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    409: "Conflict met wat er al is.",
    413: "De inhoud van de aanvraag is te groot.",
    429: "Te veel aanvragen of mislukte inlogpogingen; zie Retry-After.",
    500: "Interne serverfout.",
    503: "Dienst tijdelijk niet beschikbaar.",
}


def problem_responses(*codes: int) -> dict[Any, OpenApiResponse]:
    """Problem responses for the given status codes (500 and 406 always added)."""
    responses: dict[Any, OpenApiResponse] = {}
    for code in sorted({*codes, 406, 500}):
        serializer = ValidatieFoutSerializer if code == 400 else FoutSerializer
        responses[(code, PROBLEM_CONTENT_TYPE)] = OpenApiResponse(
            serializer, description=PROBLEM_DESCRIPTIONS[code]
        )
    return responses


class ScopedAutoSchema(AutoSchema):
    """Documents an action whose required scope is OPEN as needing no login.

    drf-spectacular only writes ``security: [{}]`` for AllowAny; the API uses
    ScopesRequired (deny by default), so the open actions say so here (with the
    optional logins the view accepts, as those can fail). A list
    action of a view that answers one object (``list_returns_object = True``, no
    pagination) is documented as that object, not as an array.
    """

    def get_auth(self) -> list[dict[str, Any]]:
        required = getattr(self.view, "required_scopes", None) or {}
        if required.get(getattr(self.view, "action", None)) is OPEN:
            # Open, but a view that accepts a login still checks one that is sent:
            # wrong credentials are a 401 (or a 429 lockout) even here.
            return [{}, *[r for r in super().get_auth() if r]]
        return super().get_auth()

    def _is_list_view(self, serializer: Any = None) -> bool:
        if getattr(self.view, "list_returns_object", False):
            return False
        return bool(super()._is_list_view(serializer))
