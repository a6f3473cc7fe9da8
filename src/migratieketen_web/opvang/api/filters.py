# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query parameters of /opvangplannen: none besides pagination (checked strictly)."""

from __future__ import annotations

from rest_framework import serializers


class GeenFilters(serializers.Serializer):
    """No filters: any unknown query parameter is refused with 400."""
