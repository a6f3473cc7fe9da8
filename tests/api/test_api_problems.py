# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The exception handler: every exception becomes an RFC 9457 problem document."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

import pytest

from migratieketen_web.api.problems import (
    flatten_validation_errors,
    problem_exception_handler,
)


def _handle(exc: Exception):  # type: ignore[no-untyped-def]
    request = APIRequestFactory().get("/api/v1/gemeenten")
    return problem_exception_handler(exc, {"request": request})


def test_unexpected_exception_is_500_problem_not_html():
    response = _handle(RuntimeError("database on fire"))
    assert response.status_code == 500
    assert response.content_type == "application/problem+json"
    assert response.data["title"] == "Interne serverfout"
    assert "fire" not in response.data["detail"]  # no internals leak


@pytest.mark.parametrize(
    ("exc", "status", "detail"),
    [
        (Http404(), 404, "Er is geen bron op /api/v1/gemeenten."),
        (PermissionDenied(), 403, "U heeft geen toegang tot deze bron."),
        (exceptions.NotAuthenticated(), 401, "Voor deze bron is authenticatie nodig."),
        (exceptions.Throttled(wait=30), 429, "probeer het over 30 seconden opnieuw"),
    ],
)
def test_known_errors_keep_status_and_get_dutch_text(exc, status, detail):
    response = _handle(exc)
    assert response.status_code == status
    assert detail in response.data["detail"]
    # Only the RFC 9457 members (NL API Design Rules): no extra "code" member.
    assert set(response.data) == {"type", "title", "status", "detail", "instance"}
    assert response.data["instance"] == "/api/v1/gemeenten"
    assert response.data["title"] != ""
    assert "invalidParams" not in response.data


@pytest.mark.parametrize(
    "message",
    [None, "JSON parse error - Expecting value: line 1 column 1"],
    ids=["default", "json"],
)
def test_an_unreadable_body_is_a_dutch_400_with_invalid_params(message):
    """Found by schemathesis: the 400 schema has invalidParams; a parse error had
    none and said 'JSON parse error' in English. The error is made inside the test:
    its default text is translated when it is made, in whatever language is active."""
    response = _handle(exceptions.ParseError(message))
    assert response.status_code == 400
    reason = "De inhoud van de aanvraag is geen geldige JSON."
    assert response.data["detail"] == reason
    assert response.data["invalidParams"] == [
        {"name": "body", "code": "parse_error", "reason": reason}
    ]


def test_throttled_has_retry_after():
    response = _handle(exceptions.Throttled(wait=30))
    assert response["Retry-After"] == "30"
    assert "30 seconden" in response.data["detail"]


def test_validation_error_lists_nested_params_with_dotted_names():
    exc = exceptions.ValidationError(
        {
            "naam": ["Dit veld is verplicht."],
            "inwoners": [{}, {"jaar": ["Ongeldig jaar."]}],
            "non_field_errors": ["Combinatie ongeldig."],
        }
    )
    response = _handle(exc)
    assert response.status_code == 400
    assert response.data["invalidParams"] == [
        {"name": "naam", "code": "invalid", "reason": "Dit veld is verplicht."},
        {"name": "inwoners.1.jaar", "code": "invalid", "reason": "Ongeldig jaar."},
        {"name": "nonFieldErrors", "code": "invalid", "reason": "Combinatie ongeldig."},
    ]


def test_flatten_plain_list():
    params = flatten_validation_errors(exceptions.ValidationError(["Fout."]).detail)
    assert params == [{"name": "nonFieldErrors", "code": "invalid", "reason": "Fout."}]


def test_a_number_where_text_belongs_is_refused_not_turned_into_text():
    """Found by schemathesis: POST /opvangplannen accepted {"naam": 0} as "0"."""
    from migratieketen_web.api.serializers import StrictCharField

    field = StrictCharField()
    assert field.run_validation("Plan A") == "Plan A"
    for wrong in (0, 1.5, True, ["x"]):
        with pytest.raises(exceptions.ValidationError) as refused:
            field.run_validation(wrong)
        assert "Geef tekst op" in str(refused.value.detail)


def test_numbers_in_a_start_body_must_be_json_numbers():
    """Found by schemathesis: POST /opvangplannen accepted "risicogewicht": false."""
    from migratieketen_web.api.serializers import StrictFloatField, StrictIntegerField

    assert StrictFloatField().run_validation(1) == 1.0
    assert StrictIntegerField().run_validation(24) == 24
    for field, wrong in (
        (StrictFloatField(), False),
        (StrictFloatField(), "0.5"),
        (StrictIntegerField(), True),
        (StrictIntegerField(), "24"),
        (StrictIntegerField(), 24.0),
    ):
        with pytest.raises(exceptions.ValidationError):
            field.run_validation(wrong)
