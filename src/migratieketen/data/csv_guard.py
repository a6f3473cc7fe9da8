# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Turn the csv module's own error into the importer's refusal.

`csv.Error` is no ValueError: an uploaded file with one field longer than
`csv.field_size_limit()` (131,072 characters) got past every importer's checks and
became a server error. Each importer names the refusal its page already shows.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
MESSAGE = "Het bestand is geen leesbaar CSV-bestand ({}); er is niets opgeslagen."


def refuse_unreadable_csv(
    refusal: Callable[[str], Exception],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate an importer: a csv.Error inside it raises refusal(Dutch message)."""

    def decorate(parse: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(parse)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return parse(*args, **kwargs)
            except csv.Error as exc:
                raise refusal(MESSAGE.format(exc)) from exc

        return guarded

    return decorate
