# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvangplanner pages and API: plan reception locations (migratieketen.plan.opvang)."""
