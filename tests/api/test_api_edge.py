# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The API's edge (issue 9 #7, #13, #14; issue 11): limits, index, docs, 404s.

Each reproduction from the issues is a test: bodies over the limit and deeply
nested JSON were a 500, ``halfjaar=0000-1`` was a 500, ``limit=1000000`` was
silently capped, ``/gemeenten/GM9999`` answered with the trailing-slash hint.
"""

from __future__ import annotations

import json
import re

from django.conf import settings

import pytest
from api_support import assert_problem

from migratieketen_web.api.parsers import MAX_JSON_DEPTH, json_depth
from migratieketen_web.api.resources import (
    RESOURCE_DESCRIPTIONS,
    registered_collections,
)

pytestmark = pytest.mark.django_db

WRITE_URLS = ["/api/v1/scenarioruns", "/api/v1/realisaties"]


@pytest.mark.parametrize("url", WRITE_URLS)
def test_a_body_over_the_limit_is_a_413_problem_and_not_read(client, url, settings):
    settings.MIGRATIEKETEN_API_MAX_BODY_BYTES = 10_000
    body = json.dumps({"scenario": {"name": "x" * 20_000}})
    response = client.post(url, data=body, content_type="application/json")
    problem = assert_problem(response, 413)
    assert "10000 bytes" in problem["detail"]
    assert response["API-Version"] == settings.API_VERSION


def test_the_default_limit_takes_a_body_of_2_5_mb_as_413(client):
    """Issue 9 #7: 'API bodies over 2.5 MB' were a 500."""
    body = json.dumps({"scenario": {"name": "x" * 2_600_000}})
    response = client.post(
        "/api/v1/scenarioruns", data=body, content_type="application/json"
    )
    assert_problem(response, 413)
    assert settings.MIGRATIEKETEN_API_MAX_BODY_BYTES == 1_048_576


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 200_000])
def test_deeply_nested_json_is_a_400_problem(client, depth):
    """Issue 9 #7: 'deeply nested JSON' was a 500 (RecursionError)."""
    body = "[" * depth + "]" * depth
    response = client.post(
        "/api/v1/scenarioruns", data=body, content_type="application/json"
    )
    problem = assert_problem(response, 400)
    assert f"dieper genest dan {MAX_JSON_DEPTH}" in problem["detail"]


def test_nesting_up_to_the_limit_reaches_the_view(client):
    body = json.dumps({"scenario": {"a": [[[[1]]]]}})
    response = client.post(
        "/api/v1/scenarioruns", data=body, content_type="application/json"
    )
    assert response.status_code == 400  # the chain model refuses the scenario
    assert "genest" not in response.json()["detail"]


def test_json_depth_counts_levels_without_recursion():
    assert json_depth(1) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert json_depth(deep) == 100_001


@pytest.mark.parametrize("url", ["/api/v1/taakstellingen", "/api/v1/realisaties"])
@pytest.mark.parametrize("value", ["0000-1", "0001-2", "1899-2", "3000-1"])
def test_a_half_year_out_of_range_is_a_400_not_a_500(client, url, value):
    """Issue 9 #7: halfjaar=0000-1 was a 500."""
    problem = assert_problem(client.get(f"{url}?halfjaar={value}"), 400)
    assert problem["invalidParams"][0]["name"] == "halfjaar"
    assert "1900 tot en met 2999" in problem["invalidParams"][0]["reason"]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("limit=0", "Geef een geheel getal van 1 tot en met 1000."),
        ("limit=1000000", "Geef een geheel getal van 1 tot en met 1000."),
        ("offset=-1", "Geef een geheel getal van minimaal 0."),
    ],
)
def test_pagination_out_of_range_names_the_range(client, query, reason):
    """Issue 9 #14: limit=1000000 was silently capped at 1000."""
    for url in ("/api/v1/gemeenten", "/api/v1/scenarioruns"):
        problem = assert_problem(client.get(f"{url}?{query}"), 400)
        assert problem["invalidParams"][0]["reason"].startswith(reason[:25]), url


def test_the_document_states_the_limit_range(client):
    document = client.get("/api/v1/openapi.json").json()
    for path in ("/gemeenten", "/scenarioruns", "/realisaties"):
        limit = next(
            p
            for p in document["paths"][path]["get"]["parameters"]
            if p["name"] == "limit"
        )
        assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 1000)


def test_index_lists_every_collection(client):
    """Issue 11: an index at /api/v1 listing the resources."""
    response = client.get("/api/v1")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    names = [b["naam"] for b in body["bronnen"]]
    assert names == registered_collections()
    assert {"gemeenten", "realisaties", "scenarioruns"} <= set(names)
    for bron in body["bronnen"]:
        assert bron["url"] == f"http://testserver/api/v1/{bron['naam']}"
        assert client.get(f"/api/v1/{bron['naam']}").status_code != 404
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["documentatie"] == "http://testserver/api/v1/docs"
    assert client.get("/api/v1/").json() == body  # the landing page '/'


def test_every_collection_has_a_dutch_description():
    missing = [p for p in registered_collections() if p not in RESOURCE_DESCRIPTIONS]
    assert not missing, f"add a description to api/resources.py for {missing}"


def test_index_refuses_unknown_parameters(client):
    problem = assert_problem(client.get("/api/v1?x=1"), 400)
    assert problem["invalidParams"][0]["name"] == "x"


def test_docs_page_serves_swagger_ui_from_our_own_static_files(client):
    """Issue 11: Swagger UI at /api/v1/docs, no CDN, no inline script."""
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "/static/js/api-docs.js" in html
    assert 'data-openapi-url="/api/v1/openapi.json"' in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert re.search(r'<link rel="stylesheet" href="/static/vendor/swagger-ui/', html)


def test_unknown_api_path_is_precise_and_trailing_slash_hint_only_with_a_slash(client):
    """Issue 11: /gemeenten/GM9999 must not answer with the trailing-slash message."""
    no_route = assert_problem(client.get("/api/v1/bestaat-niet"), 404)
    assert "Er is geen bron op /api/v1/bestaat-niet" in no_route["detail"]
    assert "'/'" not in no_route["detail"]
    slash = assert_problem(client.get("/api/v1/gemeenten/"), 404)
    assert "eindigen niet op '/'" in slash["detail"]


def test_an_api_path_that_resolves_nowhere_needs_no_static_files(client, settings):
    """A control character in the path (found by schemathesis) was a 500: the 404
    handler rendered the HTML page, whose static files the manifest lacked."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    assert_problem(client.get("/api/v1/gemeenten/%C2%84"), 404)


def test_the_401_of_get_realisaties_is_real_and_documented(client):
    """Issue 9 #14: a wrong login on the open GET /realisaties is a 401 that the
    document did not mention."""
    wrong = {"HTTP_AUTHORIZATION": "Basic " + "bmllbWFuZDpmb3V0"}  # niemand:fout
    assert_problem(client.get("/api/v1/realisaties", **wrong), 401)
    document = client.get("/api/v1/openapi.json").json()
    assert {"401", "429"} <= set(document["paths"]["/realisaties"]["get"]["responses"])
    assert "403" not in document["paths"]["/realisaties"]["get"]["responses"]
    assert "403" in document["paths"]["/realisaties"]["post"]["responses"]


def test_spreiding_is_documented_as_the_object_it_returns(client):
    """Issue 9 #14: /spreiding was documented as an array."""
    document = client.get("/api/v1/openapi.json").json()
    schema = document["paths"]["/spreiding"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert schema == {"$ref": "#/components/schemas/Spreiding"}
