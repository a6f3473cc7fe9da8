# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""RFC 9457 problem details (``application/problem+json``) for every API error.

NL API Design Rules ``/core/error-handling/problem-details`` and
``/core/error-handling/invalid-input``: every 4xx/5xx answer of the API is a
problem document with a Dutch ``title``/``detail``; validation errors list each
offending parameter in ``invalidParams``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from migratieketen import logs

PROBLEM_CONTENT_TYPE = "application/problem+json"

logger = logs.get_logger(__name__)

# Dutch titles per status code (the fixed, human-readable summary of the type).
TITLES: dict[int, str] = {
    400: "Ongeldige aanvraag",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    413: "Aanvraag te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel aanvragen",
    500: "Interne serverfout",
    503: "Dienst niet beschikbaar",
}

# Dutch details for errors whose DRF/Django text is English and carries no specifics.
DEFAULT_DETAILS: dict[int, str] = {
    400: "De aanvraag kon niet worden verwerkt.",
    401: "Voor deze bron is authenticatie nodig.",
    403: "U heeft geen toegang tot deze bron.",
    404: "De gevraagde bron bestaat niet.",
    413: "De inhoud van de aanvraag is te groot.",
    405: "Deze methode is niet toegestaan voor deze bron.",
    406: "Deze API levert alleen JSON (application/json).",
    415: "Het mediatype van de aanvraag wordt niet ondersteund.",
    429: "Te veel aanvragen; probeer het later opnieuw.",
    500: "Er ging iets mis op de server. Probeer het later opnieuw.",
    503: "De dienst is tijdelijk niet beschikbaar.",
}

# RFC 9110 section per status code: the problem ``type`` URI.
_RFC9110_SECTIONS: dict[int, str] = {
    400: "15.5.1",
    401: "15.5.2",
    403: "15.5.4",
    404: "15.5.5",
    405: "15.5.6",
    406: "15.5.7",
    409: "15.5.10",
    413: "15.5.14",
    415: "15.5.16",
    500: "15.6.1",
    503: "15.6.4",
}


def problem_type(status_code: int) -> str:
    """The ``type`` URI: the RFC section that defines the status code."""
    if status_code == 429:
        return "https://datatracker.ietf.org/doc/html/rfc6585#section-4"
    section = _RFC9110_SECTIONS.get(status_code)
    if section is None:
        return "about:blank"
    return f"https://datatracker.ietf.org/doc/html/rfc9110#section-{section}"


def problem_body(
    status_code: int,
    *,
    detail: str | None = None,
    instance: str = "",
    invalid_params: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Build one problem document: the RFC 9457 members only, plus ``invalidParams``
    for validation errors (``/core/error-handling/invalid-input``)."""
    body: dict[str, Any] = {
        "type": problem_type(status_code),
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail or DEFAULT_DETAILS.get(status_code, ""),
        "instance": instance,
    }
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    return body


def problem_response(
    request: HttpRequest, status_code: int, detail: str | None = None
) -> JsonResponse:
    """A plain Django problem response, for errors raised outside DRF (URL 404, 500)."""
    return JsonResponse(
        problem_body(status_code, detail=detail, instance=request.path),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def flatten_validation_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Turn DRF's nested error detail into ``[{name, code, reason}]``.

    Nested names are joined with dots (``inwoners.0.jaar``), as Open Zaak does;
    errors that belong to no field get the name ``nonFieldErrors``.
    """
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "nonFieldErrors" if key in ("non_field_errors", "") else str(key)
            params.extend(
                flatten_validation_errors(value, f"{prefix}.{name}" if prefix else name)
            )
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                sub = f"{prefix}.{index}" if prefix else str(index)
                params.extend(flatten_validation_errors(value, sub))
            else:
                params.extend(flatten_validation_errors(value, prefix))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid") or "invalid",
                "reason": str(detail),
            }
        )
    return params


def _dutch_detail(exc: exceptions.APIException, request: Any) -> str | None:
    """Dutch detail text for the generic DRF errors; None keeps the default text."""
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = getattr(request, "method", "") or ""
        return f"De methode {method} is niet toegestaan voor deze bron."
    if isinstance(exc, exceptions.NotAuthenticated):
        return DEFAULT_DETAILS[401]  # also when DRF answers it as a 403
    if isinstance(exc, exceptions.NotFound) and str(exc.detail) == str(
        exc.default_detail
    ):
        path = getattr(request, "path", "") or ""
        return f"Er is geen bron op {path}." if path else DEFAULT_DETAILS[404]
    if isinstance(exc, exceptions.ParseError) and str(exc.detail) == str(
        exc.default_detail
    ):
        return "De inhoud van de aanvraag is geen geldige JSON."
    # Throttled sets .wait in __init__; DRF's stubs do not declare it.
    wait = exc.wait if isinstance(exc, exceptions.Throttled) else None  # type: ignore[attr-defined]
    if wait is not None:
        return f"Te veel aanvragen; probeer het over {int(wait)} seconden opnieuw."
    return None


class LoginLockedOut(exceptions.APIException):
    """Too many failed logins for this user name from this address (django-axes)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Te veel mislukte inlogpogingen."
    default_code = "locked_out"

    def __init__(self) -> None:
        from django.conf import settings

        cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
        self.wait = int(cooloff.total_seconds()) if cooloff else None
        minutes = f" over {round(self.wait / 60)} minuten" if self.wait else " later"
        super().__init__(
            "Te veel mislukte inlogpogingen met deze naam vanaf dit adres; inloggen "
            f"is tijdelijk geblokkeerd. Probeer het{minutes} opnieuw."
        )


def _locked_out(exc: Exception, request: Any) -> bool:
    """A failed login that django-axes marked as locked out (on the DRF request)."""
    return isinstance(
        exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated
    ) and bool(getattr(request, "axes_locked_out", False))


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF ``EXCEPTION_HANDLER``: every exception becomes a problem document.

    Unexpected exceptions are logged and answered with a 500 problem document
    instead of Django's HTML error page, so API clients always get JSON.
    """
    request = context.get("request")
    instance = request.path if request is not None else ""

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    headers: dict[str, str] = {}
    if _locked_out(exc, request):
        exc = LoginLockedOut()
    if isinstance(exc, exceptions.ParseError):
        # An unreadable body is invalid input like any other: a 400 with invalidParams
        # (the documented 400 schema), the reason in Dutch, never the parser's English.
        reason = str(exc.detail)
        if reason == str(exc.default_detail) or reason.startswith("JSON parse error"):
            reason = "De inhoud van de aanvraag is geen geldige JSON."
        body = problem_body(
            400,
            detail=reason,
            instance=instance,
            invalid_params=[{"name": "body", "code": "parse_error", "reason": reason}],
        )
        status_code = 400
    elif isinstance(exc, RequestDataTooBig):  # past Django's in-memory limit
        status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
        body = problem_body(status_code, instance=instance)
    elif isinstance(exc, exceptions.ValidationError):
        status_code = exc.status_code
        body = problem_body(
            status_code,
            detail="Een of meer parameters zijn ongeldig; zie invalidParams.",
            instance=instance,
            invalid_params=flatten_validation_errors(exc.detail),
        )
    elif isinstance(exc, exceptions.APIException):
        status_code = exc.status_code
        detail = _dutch_detail(exc, request)
        if detail is None and str(exc.detail) != str(exc.default_detail):
            detail = str(exc.detail)  # a message our own code wrote (Dutch)
        if detail is None:
            detail = DEFAULT_DETAILS.get(status_code, str(exc.detail))
        body = problem_body(status_code, detail=detail, instance=instance)
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        wait = getattr(exc, "wait", None)
        if wait:
            headers["Retry-After"] = str(int(wait))
    else:
        logger.exception("Unhandled API error at %s", instance, exc_info=exc)
        status_code = status.HTTP_500_INTERNAL_SERVER_ERROR
        body = problem_body(status_code, instance=instance)

    set_rollback()
    return Response(
        body, status=status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE
    )
