# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
from django.apps import AppConfig


class KoppelingConfig(AppConfig):
    name = "migratieketen_web.koppeling"
    label = "koppeling"
    verbose_name = "Koppeling"
    default_auto_field = "django.db.models.BigAutoField"
