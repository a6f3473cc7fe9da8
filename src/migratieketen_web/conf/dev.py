# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Local development and the one-command start: SQLite, debug toolbar off."""

from migratieketen_web.conf.base import *  # noqa: F403
from migratieketen_web.conf.secret import ensure_secret_key

DEBUG = config("DEBUG", True, "Django debug mode.")  # noqa: F405
SECRET_KEY = ensure_secret_key(SECRET_KEY, VAR_DIR)  # noqa: F405
