# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Production: secrets are required, cookies secure, debug off."""

from django.core.exceptions import ImproperlyConfigured

from migratieketen_web.conf.base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is verplicht in productie.")
DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000, "HSTS max-age.")  # noqa: F405
