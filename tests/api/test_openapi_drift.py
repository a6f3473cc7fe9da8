# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The committed OpenAPI document equals what the code generates (A10).

Consumers read the committed src/migratieketen_web/api/openapi.yaml; if the
code changed without regenerating it, this fails with the command to run.
"""

from __future__ import annotations

import yaml

from migratieketen_web.api.openapi_document import (
    DOCUMENT_PATH,
    REGENERATE_COMMAND,
    render_document,
)


def test_committed_openapi_document_is_current():
    generated = render_document()
    assert DOCUMENT_PATH.exists(), (
        f"OpenAPI document missing; run: {REGENERATE_COMMAND}"
    )
    committed = DOCUMENT_PATH.read_text(encoding="utf-8")
    assert generated == committed, (
        f"{DOCUMENT_PATH} is out of date; run: {REGENERATE_COMMAND}"
    )


# Paths are relative to the server URL .../api/v1 (/core/uri-version).
FOUNDATION_PATHS = {
    "/",
    "/openapi.json",
    "/gemeenten",
    "/gemeenten/{gemeentecode}",
    "/provincies",
    "/provincies/{provinciecode}",
    "/wijken",
    "/wijken/{wijkcode}",
    "/indicatoren",
    "/indicatoren/{sleutel}",
    "/indicatoren/{sleutel}/waarden",
}


def test_document_is_dutch_and_complete():
    document = yaml.safe_load(DOCUMENT_PATH.read_text(encoding="utf-8"))
    assert set(document["paths"]) >= FOUNDATION_PATHS
    for path, operations in document["paths"].items():
        assert path == "/" or not path.endswith("/"), path
        for method, operation in operations.items():
            if method == "parameters":
                continue
            responses = operation["responses"]
            success = [code for code in responses if code.startswith("2")]
            assert success, (path, method)
            for code in success:
                assert "API-Version" in responses[code]["headers"], (path, method)
            assert "application/problem+json" in responses["500"]["content"], path
            assert operation["description"], (path, method)


def test_servers_carry_the_major_version_over_https():
    document = yaml.safe_load(DOCUMENT_PATH.read_text(encoding="utf-8"))
    assert [s["url"] for s in document["servers"]] == ["https://{host}/api/v1"]
    contact = document["info"]["contact"]
    assert contact["name"] and contact["url"] and contact["email"]
