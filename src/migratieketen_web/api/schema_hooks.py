# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Postprocessing of the generated OpenAPI document: the NL API Design Rules.

One place enforces, for every operation, what the rules ask and what the API
really does (the middleware and exception handler answer these for every
operation, so the document must say so):

- a problem+json response for 400 (every operation: an unknown query parameter
  is refused everywhere), 404
  (paths with a variable), 406, 413 (with a body), 401/429 (a login is accepted),
  403 (a login is required), 429 (writes), 500 -- and nothing but the standard problem members plus the
  ``invalidParams`` extension, as ``allOf`` on the standard problem;
- the ``API-Version`` header on every 2xx/3xx response (``/core/version-header``);
- the global ``tags`` list with a description per tag;
- ``servers`` with the major version (``/core/uri-version``): in the committed
  document a templated https URL, in the served document the address it was
  requested on, so "Try it out" in /api/v1/docs works on any installation;
- ``/openapi.json`` as an operation (``/core/publish-openapi``), with CORS.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE
from migratieketen_web.api.resources import API_ROOT, RESOURCE_DESCRIPTIONS
from migratieketen_web.api.schema import PROBLEM_DESCRIPTIONS

PROBLEM_REF = {"$ref": "#/components/schemas/Fout"}
VALIDATION_REF = {"$ref": "#/components/schemas/ValidatieFout"}
VERSION_HEADER = {
    "schema": {"type": "string"},
    "description": "Volledige versie van de API (semver), op elk antwoord.",
}
METHODS = ("get", "put", "post", "delete", "patch")
WRITE_METHODS = ("put", "post", "delete", "patch")


def _problem(status: int) -> dict[str, Any]:
    ref = VALIDATION_REF if status == 400 else PROBLEM_REF
    return {
        "description": PROBLEM_DESCRIPTIONS[status],
        "content": {PROBLEM_CONTENT_TYPE: {"schema": dict(ref)}},
    }


def _accepts_login(operation: dict[str, Any]) -> bool:
    """A login can be sent (and fail: 401, or 429 after too many failures)."""
    return any(requirement for requirement in operation.get("security") or [])


def _needs_login(operation: dict[str, Any]) -> bool:
    """A login is required (no empty requirement): a missing scope is a 403."""
    security = operation.get("security") or []
    return bool(security) and all(requirement for requirement in security)


def generic_statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    """The problem statuses the API can answer for this operation."""
    statuses = {400, 406, 500}
    has_body = "requestBody" in operation
    if "{" in path:
        statuses.add(404)
    if has_body:
        statuses.add(413)
    if _accepts_login(operation):
        statuses.update({401, 429})
    if _needs_login(operation):
        statuses.add(403)
    if method in WRITE_METHODS:
        statuses.add(429)
    return statuses


def _complete_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    for status in generic_statuses(path, method, operation):
        responses.setdefault(str(status), _problem(status))
    for code, response in responses.items():
        if re.fullmatch(r"[23]\d\d", str(code)):
            headers = response.setdefault("headers", {})
            headers.setdefault("API-Version", dict(VERSION_HEADER))
    operation["responses"] = dict(sorted(responses.items()))


def _problem_components(components: dict[str, Any]) -> None:
    """Fout with the standard members only; ValidatieFout = Fout + invalidParams."""
    schemas = components.setdefault("schemas", {})
    fout = schemas.get("Fout")
    if fout is None:
        return
    fout["required"] = ["type", "title", "status", "detail", "instance"]
    validation = schemas.get("ValidatieFout")
    if validation is None:
        return
    schemas["ValidatieFout"] = {
        "description": validation.get("description", ""),
        "allOf": [
            dict(PROBLEM_REF),
            {
                "type": "object",
                "properties": {
                    "invalidParams": validation["properties"]["invalidParams"]
                },
                "required": ["invalidParams"],
            },
        ],
    }


def _openapi_operation() -> dict[str, Any]:
    return {
        "get": {
            "operationId": "openapi_retrieve",
            "summary": "OpenAPI-document",
            "description": "Dit document, als JSON (ook als YAML op /openapi.yaml). "
            "Voor iedereen leesbaar, ook vanuit een browser op een ander domein.",
            "tags": ["openapi"],
            "security": [{}],
            "responses": {
                "200": {
                    "description": "Het OpenAPI-document.",
                    "headers": {
                        "API-Version": dict(VERSION_HEADER),
                        "Access-Control-Allow-Origin": {
                            "schema": {"type": "string"},
                            "description": "Altijd *: elke herkomst mag het lezen.",
                        },
                    },
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "additionalProperties": True}
                        }
                    },
                }
            },
        }
    }


def _tags(paths: dict[str, Any]) -> list[dict[str, str]]:
    used = sorted(
        {
            tag
            for item in paths.values()
            for method, operation in item.items()
            if method in METHODS
            for tag in operation.get("tags", [])
        }
    )
    return [
        {"name": tag, "description": RESOURCE_DESCRIPTIONS.get(tag, tag)}
        for tag in used
    ]


def api_design_rules_hook(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular POSTPROCESSING_HOOK: see the module docstring."""
    paths = result.setdefault("paths", {})
    paths.setdefault("/openapi.json", _openapi_operation())
    for path, item in paths.items():
        for method, operation in item.items():
            if method in METHODS:
                _complete_operation(path, method, operation)
    result["paths"] = dict(sorted(paths.items()))
    _problem_components(result.setdefault("components", {}))
    result["tags"] = _tags(result["paths"])
    if request is not None:
        result["servers"] = [{"url": request.build_absolute_uri(API_ROOT)}]
    else:
        result["servers"] = settings.SPECTACULAR_SETTINGS["SERVERS"]
    return result
