# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CI: the test settings; the database comes from MIGRATIEKETEN_DATABASE_URL."""

from migratieketen_web.conf.test import *  # noqa: F403
