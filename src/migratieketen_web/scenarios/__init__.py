# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario pages and API: run the ketenmodel (migratieketen.chain) from the web."""
