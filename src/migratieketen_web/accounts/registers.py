# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the isolated, audited registers' services share (ADR 0012, ADR 0013).

The inburgering, LVV and arbeidsmigranten services refuse input the same way and
log a list against the same organisation; one place keeps them the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.roles import Right


class RegisterError(ValueError):
    """Refused input: `errors` maps a field name to Dutch messages; nothing stored."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = {k: list(v) for k, v in errors.items()}
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def list_organisation(actor: Actor) -> str:
    """The gemeente a list line is logged under: the actor's only one, else none."""
    codes = actor.gemeenten(Right.PERSONAL_READ)
    return "" if codes is None or len(codes) != 1 else next(iter(codes))
