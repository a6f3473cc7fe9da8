# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Law as code: one module per law, effective-dated parameters, explained results."""
