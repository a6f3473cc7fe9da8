# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The werkplaats pages show no internal file, English marker or code id (as the
checker of tests/web/test_public_sources.py demands of every public page)."""

from __future__ import annotations

from django.test import Client

import pytest
from tests.web.test_public_sources import internal_names

pytestmark = pytest.mark.django_db
PAGES = (
    "/gemeenten/GM0984/overzicht?halfjaar=2025-1",
    "/gemeenten/GM0984/lokale-ruimte",
    "/lokale-ruimte",
    "/praktijkvoorbeelden",
)


def test_werkplaats_pages_cite_public_sources_only() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    leaks = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        found = internal_names(response.content.decode())
        if found:
            leaks[url] = sorted(set(found))[:12]
    assert leaks == {}
