# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Audit log of every read and write of personal data (Logboek Dataverwerkingen)."""
