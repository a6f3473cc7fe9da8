# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The inburgering register (Wet inburgering 2021): persons, steps, signals and cost."""
