# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""App config for the REST API."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "migratieketen_web.api"
    label = "api"
    verbose_name = "REST API"
