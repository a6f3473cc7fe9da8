# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The project's URLs plus the OpenID Connect ones, as a deployment with OIDC has them."""

from django.urls import include, path

from migratieketen_web.urls import urlpatterns as project

urlpatterns = [path("oidc/", include("mozilla_django_oidc.urls")), *project]
