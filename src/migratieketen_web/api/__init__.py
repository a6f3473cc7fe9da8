# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read-only REST API (/api/v1) following the NL API Design Rules."""
