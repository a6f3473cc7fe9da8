# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Login, logout and tokens (Dutch paths, no trailing slash)."""

from django.urls import path

from migratieketen_web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen", views.login_view, name="login"),
    path("inloggen/code", views.code_view, name="code"),
    path("inloggen/koppelen", views.enrol_view, name="koppelen"),
    path("uitloggen", views.logout_view, name="logout"),
    path("account/tokens", views.tokens_view, name="tokens"),
    path(
        "account/tokens/<uuid:token_uuid>/intrekken",
        views.revoke_view,
        name="revoke",
    ),
    path(
        "organisatie/gebruikers",
        views.organisation_users_view,
        name="organisation-users",
    ),
]
