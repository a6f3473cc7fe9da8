# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""NL API Design Rules on the wire: no trailing slash, API-Version, problem+json."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.test import RequestFactory

import pytest
import yaml
from api_support import assert_problem

from migratieketen_web.api.middleware import ApiVersionMiddleware

pytestmark = pytest.mark.django_db

COLLECTIONS = ["gemeenten", "provincies", "wijken", "indicatoren"]
RESOURCES = [
    "gemeenten/GM0363",
    "provincies/PV27",
    "wijken/WK036300",
    "indicatoren/bevolkingsdichtheid",
    "indicatoren/bevolkingsdichtheid/waarden",
]


@pytest.mark.parametrize("path", COLLECTIONS + RESOURCES)
def test_every_endpoint_answers_with_api_version(client, api_data, path):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION == "1.0.0"


@pytest.mark.parametrize("path", COLLECTIONS + RESOURCES)
def test_trailing_slash_is_404_problem_not_redirect(client, api_data, path):
    response = client.get(f"/api/v1/{path}/")
    assert "Location" not in response
    body = assert_problem(response, 404)
    assert "'/'" in body["detail"]
    assert response["API-Version"] == settings.API_VERSION


def test_unknown_route_is_404_problem(client, db):
    response = client.get("/api/v1/onbekend")
    assert_problem(response, 404)
    assert response["API-Version"] == settings.API_VERSION


def test_other_api_version_is_404_problem(client, db):
    assert_problem(client.get("/api/v2/gemeenten"), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_405_problem(client, api_data, method):
    response = getattr(client, method)("/api/v1/gemeenten/GM0363")
    body = assert_problem(response, 405)
    assert body["title"] == "Methode niet toegestaan"
    assert method.upper() in body["detail"]
    assert "GET" in response["Allow"]
    assert response["API-Version"] == settings.API_VERSION


def test_unsupported_accept_is_406_problem(client, api_data):
    response = client.get("/api/v1/gemeenten", HTTP_ACCEPT="text/html")
    body = assert_problem(response, 406)
    assert body["title"] == "Formaat niet beschikbaar"


def test_no_cookies_or_csrf_needed(client, api_data):
    response = client.get("/api/v1/gemeenten")
    assert not response.cookies


def test_openapi_json_and_yaml_are_served(client, db):
    as_json = client.get("/api/v1/openapi.json")
    assert as_json.status_code == 200
    assert as_json["API-Version"] == settings.API_VERSION
    document = as_json.json()
    assert document["info"]["version"] == settings.API_VERSION
    assert document["info"]["contact"]["name"]
    assert document["info"]["license"]["name"] == "EUPL-1.2"
    assert "/gemeenten/{gemeentecode}" in document["paths"]
    # The served document names the server it was fetched from (Try it out works).
    assert document["servers"] == [{"url": "http://testserver/api/v1"}]
    assert as_json["Access-Control-Allow-Origin"] == "*"
    as_yaml = client.get("/api/v1/openapi.yaml")
    assert as_yaml.status_code == 200
    assert yaml.safe_load(as_yaml.content)["paths"].keys() == document["paths"].keys()


def test_paths_have_no_trailing_slash_in_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert paths
    assert not [p for p in paths if p.endswith("/") and p != "/"]


def _run_middleware(path: str, response: HttpResponse) -> HttpResponse:
    middleware = ApiVersionMiddleware(lambda request: response)
    return middleware(RequestFactory().get(path))


def test_middleware_turns_django_500_into_problem():
    response = _run_middleware(
        "/api/v1/gemeenten", HttpResponseServerError("<h1>x</h1>")
    )
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == settings.API_VERSION
    assert b"Interne serverfout" in response.content


def test_middleware_leaves_pages_outside_api_alone():
    original = HttpResponse("<h1>Niet gevonden</h1>", status=404)
    response = _run_middleware("/gemeenten/GM0363", original)
    assert response is original
    assert "API-Version" not in response
