# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpvangConfig(AppConfig):
    name = "migratieketen_web.opvang"
    verbose_name = _("Opvangplanner")
