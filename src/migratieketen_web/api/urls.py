# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""URL map of /api/v1 (no trailing slashes)."""

app_name = "api"
urlpatterns: list = []
