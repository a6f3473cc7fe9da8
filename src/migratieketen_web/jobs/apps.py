# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """The database cache (throttles) lives in a table `migrate` does not make itself.

    Why after every migrate: `migratieketen serve`, `manage.py migrate` and the test
    database all pass here, so no deployment step can forget it. It is idempotent.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class JobsConfig(AppConfig):
    name = "migratieketen_web.jobs"
    verbose_name = _("Taken")

    def ready(self) -> None:
        post_migrate.connect(
            create_cache_table, sender=self, dispatch_uid="jobs-cache-table"
        )
