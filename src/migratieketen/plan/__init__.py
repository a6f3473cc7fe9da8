# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The plan layer: optimisation on top of data, rules and the chain model.

Each sub-package answers one planning question with HiGHS (ADR 0010: matrices built
with scipy.sparse, passed to `highspy` directly) and reports what a human must check:
`koppeling` links statushouder households to gemeenten under the taakstelling;
`opvang` (planned) sizes the reception network under uncertainty. Like the rest of the
core, nothing here imports Django.
"""
