# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The one place that reads environment variables.

Every setting declares its name, default and help text here, so the list of
environment variables can be documented from the declarations
(`bin/envvars_doc.py` writes docs/configuration.md), instead of scattered
`os.getenv` calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "ja", "on"}
_FALSE = {"0", "false", "no", "nee", "off", ""}


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: Any
    help: str
    minimum: int | None = None


REGISTRY: dict[str, EnvVar] = {}


class ConfigError(ValueError):
    """An environment variable has a value that cannot be used."""


def config(name: str, default: T, help: str, minimum: int | None = None) -> T:
    """Read environment variable *name*, typed after *default*; record it for the docs.

    An integer below *minimum* stops the start: a zero session length, a negative
    retention or a cell limit of 0 would otherwise run, silently doing the wrong thing.
    """
    REGISTRY[name] = EnvVar(name, default, help, minimum)
    raw = os.environ.get(name)
    if raw is None:
        return default
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in _TRUE:
            return True  # type: ignore[return-value]
        if value in _FALSE:
            return False  # type: ignore[return-value]
        raise ConfigError(f"{name}={raw!r}: verwacht true/false.")
    if isinstance(default, int):
        try:
            number = int(raw)
        except ValueError as exc:
            raise ConfigError(f"{name}={raw!r}: verwacht een geheel getal.") from exc
        if minimum is not None and number < minimum:
            raise ConfigError(
                f"{name}={raw!r}: verwacht een geheel getal van ten minste {minimum}."
            )
        return number  # type: ignore[return-value]
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]  # type: ignore[return-value]
    return raw  # type: ignore[return-value]
