# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch first: the browser's language does not switch the interface, the user does."""

from __future__ import annotations

from django.test import Client
from django.utils import translation

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_dutch():
    """A request leaves its language active in the thread; later tests expect Dutch."""
    yield
    translation.activate("nl")


def test_english_browser_still_gets_dutch(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "Gemeenten in Nederland" in response.content.decode()


def test_language_switch_gives_english(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert response["Content-Language"] == "en"
    assert "Municipalities in the Netherlands" in response.content.decode()
