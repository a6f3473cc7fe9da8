# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""OpenAPI pieces shared by all operations: problem documents and API-Version.

Keeps the generated document honest about what the middleware and exception
handler add to every response (NL API Design Rules ``/core/version-header``,
``/core/error-handling/problem-details``).
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
    """RFC 9457 problem document."""

    type = serializers.CharField(help_text="URI die het soort fout aanduidt.")
    code = serializers.CharField(help_text="Vaste foutcode, bv. not_found.")
    title = serializers.CharField(help_text="Korte omschrijving van het soort fout.")
    status = serializers.IntegerField(help_text="HTTP-statuscode.")
    detail = serializers.CharField(help_text="Uitleg bij deze fout.")
    instance = serializers.CharField(help_text="Pad van de aanvraag.")


class ValidatieFoutSerializer(FoutSerializer):
    """RFC 9457 problem document for invalid input."""

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

_PROBLEM_DESCRIPTIONS = {
    400: "Ongeldige parameter(s); zie invalidParams.",
    404: "De bron bestaat niet.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    500: "Interne serverfout.",
}


def problem_responses(*codes: int) -> dict[Any, OpenApiResponse]:
    """Problem responses for the given status codes (500 and 406 always added)."""
    responses: dict[Any, OpenApiResponse] = {}
    for code in sorted({*codes, 406, 500}):
        serializer = ValidatieFoutSerializer if code == 400 else FoutSerializer
        responses[(code, PROBLEM_CONTENT_TYPE)] = OpenApiResponse(
            serializer, description=_PROBLEM_DESCRIPTIONS[code]
        )
    return responses


class ScopedAutoSchema(AutoSchema):
    """Documents an action whose required scope is OPEN as needing no login.

    drf-spectacular only writes ``security: [{}]`` for AllowAny; the API uses
    ScopesRequired (deny by default), so the open actions say so here.
    """

    def get_auth(self) -> list[dict[str, Any]]:
        required = getattr(self.view, "required_scopes", None) or {}
        if required.get(getattr(self.view, "action", None)) is OPEN:
            return [{}]
        return super().get_auth()
