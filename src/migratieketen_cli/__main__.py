# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`python -m migratieketen_cli ...`: how `serve` starts its worker processes."""

from migratieketen_cli.main import main

main()
