# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""WSGI entry point (served by waitress in 'migratieketen serve')."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migratieketen_web.conf.dev")
application = get_wsgi_application()
