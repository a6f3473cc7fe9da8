# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Web pages refuse an oversized body with the 413 page before anything reads it.

Django's CSRF check parses a form body (files to disk) before a page checks the login,
and waitress alone accepts a gigabyte: before, anyone with a CSRF cookie could make the
server store that much per request.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

import pytest

from migratieketen_web.middleware import largest_body_bytes

pytestmark = pytest.mark.django_db


def _post(client: Client, path: str, size: int) -> Any:
    return client.generic(
        "POST", path, data=b"x" * size, content_type="application/octet-stream"
    )


def test_a_body_over_the_web_limit_is_the_413_page_unread(settings: Any) -> None:
    settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES = 2048
    client = Client(enforce_csrf_checks=True)
    response = _post(client, "/", 4096)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "De aanvraag is te groot" in response.content.decode()
    assert _post(client, "/", 1024).status_code != 413  # under it: the page decides


def test_the_koppeling_upload_page_has_the_upload_limit(settings: Any) -> None:
    settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES = 2048
    settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES = 8192
    client = Client()
    assert _post(client, "/koppeling", 4096).status_code != 413
    assert _post(client, "/koppeling", 10_000).status_code == 413
    assert _post(client, "/koppeling/modelkaart", 4096).status_code == 413


def test_the_api_keeps_its_own_limits(settings: Any) -> None:
    settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES = 1024
    response = Client().post(
        "/api/v1/scenarioruns",
        {"scenario": {"name": "x" * 2000}},
        content_type="application/json",
    )
    assert response.status_code != 413  # 2 KB: under the API's 1 MB
    assert not response["Content-Type"].startswith("text/html")


def test_waitress_is_capped_at_the_largest_limit(settings: Any) -> None:
    """`migratieketen serve` passes this as max_request_body_size (chunked bodies)."""
    settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES = 5_000_000
    settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES = 7_000_000
    assert largest_body_bytes() == 7_000_000


def test_behind_a_path_prefix_the_limits_follow_the_page(settings: Any) -> None:
    """A proxy may serve the app under a prefix (SCRIPT_NAME): limits and the API's
    answers go by the path within the app, as the URL routing does."""
    settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES = 2048
    settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES = 8192
    client = Client()
    prefix = {"SCRIPT_NAME": "/migratieketen"}
    upload = client.generic(
        "POST", "/koppeling", data=b"x" * 4096, content_type="text/plain", **prefix
    )
    assert upload.status_code != 413
    api = client.generic(
        "POST",
        "/api/v1/scenarioruns",
        data=b"x" * 4096,
        content_type="application/json",
        **prefix,
    )
    assert api.status_code == 400  # not JSON: the API's own answer, not a web 413
    assert api["Content-Type"] == "application/problem+json"
