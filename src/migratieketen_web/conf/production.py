# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Production, and what `migratieketen serve` runs without --dev: debug off, a strong
secret, hashed static files from the manifest, HTTPS-only cookies and HSTS.

`manage.py check --deploy` is clean for these settings (tests/web/test_deploy_settings.py).
Plain HTTP is for one case only: `serve` on a loopback address (bin/run), where it
sets MIGRATIEKETEN_HTTPS=false itself; a deployment puts a TLS proxy in front.
"""

from migratieketen import logs
from migratieketen_web.conf.base import *  # noqa: F403
from migratieketen_web.conf.hardening import require_strong_secret_key
from migratieketen_web.conf.secret import ensure_secret_key

DEBUG = False
# A configured SECRET_KEY must be strong; without one, a random key is generated once
# in MIGRATIEKETEN_VAR_DIR (fine for one server; several servers must share SECRET_KEY).
SECRET_KEY = require_strong_secret_key(ensure_secret_key(SECRET_KEY, VAR_DIR))  # noqa: F405

HTTPS = config(  # noqa: F405
    "MIGRATIEKETEN_HTTPS",
    True,
    "Served over HTTPS (directly or through a TLS proxy): secure cookies, redirect "
    "to HTTPS and HSTS. Only `serve` on 127.0.0.1 turns it off by itself.",
)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
_HSTS_SECONDS = config(  # noqa: F405
    "SECURE_HSTS_SECONDS", 31536000, "HSTS max-age in seconds.", minimum=0
)
SECURE_HSTS_SECONDS = _HSTS_SECONDS if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = config(  # noqa: F405
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", True, "HSTS also for every subdomain."
)
SECURE_HSTS_PRELOAD = config(  # noqa: F405
    "SECURE_HSTS_PRELOAD", True, "Allow the domain on the browsers' HSTS preload list."
)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# One JSON object per line, for a log collector (migratieketen.logs).
LOGGING = logs.logging_config(json=True, level=LOG_LEVEL)  # noqa: F405
