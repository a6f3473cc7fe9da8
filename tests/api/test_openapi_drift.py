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


FOUNDATION_PATHS = {
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/{gemeentecode}",
    "/api/v1/provincies",
    "/api/v1/provincies/{provinciecode}",
    "/api/v1/wijken",
    "/api/v1/wijken/{wijkcode}",
    "/api/v1/indicatoren",
    "/api/v1/indicatoren/{sleutel}",
    "/api/v1/indicatoren/{sleutel}/waarden",
}


def test_document_is_dutch_and_complete():
    document = yaml.safe_load(DOCUMENT_PATH.read_text(encoding="utf-8"))
    assert set(document["paths"]) >= FOUNDATION_PATHS
    for path, operations in document["paths"].items():
        assert not path.endswith("/"), path
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
