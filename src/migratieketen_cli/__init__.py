# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The `migratieketen` command line: thin wrappers around the core and the web app."""
