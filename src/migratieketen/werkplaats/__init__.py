# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""migratieketen.werkplaats: the integral gemeente view as plain data.

`snapshot` holds what each domain knows about one gemeente in one half-year (each part
optional: a domain whose module is absent is simply None); `signals` reads a snapshot
and finds what no single domain shows. Pure Python, no Django: the web app fills the
snapshot, the report and the page render it.
"""
