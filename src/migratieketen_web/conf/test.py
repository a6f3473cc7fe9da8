# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Tests: fast password hashing, plain static storage; database from the environment."""

from migratieketen_web.conf.base import *  # noqa: F403
from migratieketen_web.conf.secret import ensure_secret_key

SECRET_KEY = ensure_secret_key(SECRET_KEY, VAR_DIR)  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the finders; tests never run collectstatic into var/static.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run inside the request (django-tasks' immediate backend); the tests of the
# worker, the restart recovery and the end-to-end runs use the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No network in tests: the BAG check runs only against the local imitation server.
MIGRATIEKETEN_PDOK_LOCATIESERVER_URL = ""
