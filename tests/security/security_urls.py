# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The project's URLs plus one page that fails, to see what a visitor gets on a 500."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from migratieketen_web.urls import handler400, handler403, handler404, handler500
from migratieketen_web.urls import urlpatterns as project_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def failing_page(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("geheime-interne-fout in /work/var/db.sqlite3")


urlpatterns = [path("kapot", failing_page), *project_urlpatterns]
