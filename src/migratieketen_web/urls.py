# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""URL map: pages at the root, the REST API under /api/v1, the admin under /beheer."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from migratieketen_web.accounts.views import admin_login_redirect
from migratieketen_web.api.resources import ApiIndexSlashView, ApiIndexView

urlpatterns = [
    # The admin logs in through our two-step login (password + second factor).
    path("beheer/login/", admin_login_redirect),
    path("beheer/", admin.site.urls),
    path("api/v1", ApiIndexView.as_view(), name="api-index"),
    # The landing page is the one address that may end in '/' (the server URL + '/').
    path("api/v1/", ApiIndexSlashView.as_view(), name="api-index-slash"),
    path("api/v1/", include("migratieketen_web.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("migratieketen_web.accounts.urls")),
    path("", include("migratieketen_web.audit.urls")),
    path("", include("migratieketen_web.inburgering.urls")),
    path("", include("migratieketen_web.koppeling.urls")),
    path("", include("migratieketen_web.arbeidsmigranten.urls")),
    path("", include("migratieketen_web.lvv.urls")),
    path("", include("migratieketen_web.monitor.urls")),
    path("", include("migratieketen_web.scenarios.urls")),
    path("", include("migratieketen_web.opvang.urls")),
    path("", include("migratieketen_web.prognoses.urls")),
    path("", include("migratieketen_web.jobs.urls")),
    path("", include("migratieketen_web.woningmarkt.urls")),
    path("", include("migratieketen_web.werkplaats.urls")),
    path("", include("migratieketen_web.gemeenten.urls")),
]

if settings.MIGRATIEKETEN_OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
# Plain Dutch error pages (errors.py); the API answers problem+json instead.
handler400 = "migratieketen_web.errors.bad_request"
handler403 = "migratieketen_web.errors.permission_denied"
handler404 = "migratieketen_web.errors.page_not_found"
handler500 = "migratieketen_web.errors.server_error"
