# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Accounts: organisations, roles per organisation, API tokens and the isolation rule."""
