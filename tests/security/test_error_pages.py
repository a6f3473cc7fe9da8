# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #2: a visitor never sees a debug page; every error page is plain Dutch."""

from __future__ import annotations

from django.test import Client

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("security_urls")]


@pytest.fixture
def visitor() -> Client:
    return Client(raise_request_exception=False)


def test_a_forced_500_shows_the_plain_dutch_page_and_no_internals(visitor, settings):
    settings.DEBUG = False
    response = visitor.get("/kapot")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    for leak in ("Traceback", "geheime-interne-fout", "db.sqlite3", "SECRET_KEY"):
        assert leak not in html


def test_the_500_page_has_its_own_template_that_needs_no_request(visitor, settings):
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Er ging iets mis" in html
    assert 'lang="nl"' in html


def test_the_500_page_falls_back_to_fixed_html_when_its_template_fails(
    visitor, settings
):
    settings.DEBUG = False
    # The manifest storage without a manifest: {% static %} itself raises.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    response = visitor.get("/kapot")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/bestaat-niet", 404, "Pagina niet gevonden"),
        ("/gemeenten/GM9999", 404, "Pagina niet gevonden"),
    ],
)
def test_404_page_is_dutch(visitor, settings, path, status, text):
    settings.DEBUG = False
    response = visitor.get(path)
    assert response.status_code == status
    assert text in response.content.decode()


def test_an_oversized_form_body_is_the_413_page(visitor, settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "x" * 5_000})
    assert response.status_code == 413
    assert "De aanvraag is te groot" in response.content.decode()


def test_a_bad_csrf_token_is_the_dutch_403_page(settings):
    settings.DEBUG = False
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = strict.post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()


@pytest.mark.parametrize(
    ("template", "heading"),
    [
        ("400.html", "Ongeldige aanvraag"),
        ("403.html", "Geen toegang"),
        ("404.html", "Pagina niet gevonden"),
        ("413.html", "De aanvraag is te groot"),
        ("429.html", "Te veel pogingen"),
    ],
)
def test_every_error_page_has_a_dutch_template(rf, template, heading):
    from django.template import loader

    html = loader.get_template(template).render({}, rf.get("/"))
    assert heading in html
