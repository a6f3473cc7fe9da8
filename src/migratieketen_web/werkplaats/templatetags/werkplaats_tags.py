# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Chart colours as attributes: the PDF renderer does not apply page CSS inside SVG."""

from __future__ import annotations

from django import template

register = template.Library()

# The monitor chart's palette (viridis, css/migratieketen.css --mk-bin-3, 2, 1).
SERIES_FILLS = ("#3b528b", "#21918c", "#5ec962")


@register.filter
def series_fill(index: int) -> str:
    return SERIES_FILLS[index % len(SERIES_FILLS)]
