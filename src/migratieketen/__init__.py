# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Migratieketen core: data, rules, forecast, chain and plan, without Django."""

__version__ = "0.1.0"
