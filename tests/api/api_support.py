# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Figures and assertions shared by the API tests."""

from __future__ import annotations

from typing import Any

INHABITANTS = {
    # code: (name, province, {year: inhabitants})
    "GM0363": ("Amsterdam", "PV27", {2023: 918_117, 2024: 931_298}),
    "GM0392": ("Haarlem", "PV27", {2023: 162_902, 2024: 163_925}),
    "GM0344": ("Utrecht", "PV26", {2023: 361_966, 2024: 367_984}),
}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem document with the given status."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert body["type"].startswith(
        (
            "https://datatracker.ietf.org/doc/html/rfc9110",
            "https://datatracker.ietf.org/doc/html/rfc6585",
        )
    )
    assert set(body) <= {
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "invalidParams",
    }
    assert body["instance"] == response.wsgi_request.path
    return body


BRON_KEYS = {"uitgever", "titel", "tabel", "peildatum", "licentie", "url", "vermelding"}
