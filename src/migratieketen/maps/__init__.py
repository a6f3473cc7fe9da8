# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Maps without a GIS stack: project GeoJSON to SVG paths and bin values for choropleths."""
