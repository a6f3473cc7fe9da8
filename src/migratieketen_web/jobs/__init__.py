# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Background jobs: one runner (django-tasks, database backend) for every domain."""
