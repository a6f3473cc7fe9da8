# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Logging through one module: structlog over the standard library, nothing personal.

Why one module: the web app, the workers and the CLI must write the same lines — JSON
lines in production (one object per line, for a log collector), readable lines in
development — and the same guard must stand between every line and the log: a
processor that masks nine-digit numbers passing the BSN elfproef and drops fields whose
name says they hold personal data (name, birth date, address, ...). Code logs through
`get_logger(__name__)`; libraries that log through `logging` (Django, django-tasks)
pass the same processors, because the handler's formatter is structlog's
`ProcessorFormatter`.

Django applies this through `LOGGING_CONFIG = "migratieketen.logs.apply"` with
`LOGGING = logging_config(json=...)`; the CLI calls `configure(json=...)`.
"""

from __future__ import annotations

import logging
import logging.config
import re
from collections.abc import Mapping, MutableMapping
from typing import Any

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from migratieketen.bsn import is_valid_bsn

BSN_MASK = "*********"
DROPPED = "[persoonsgegevens weggelaten]"

# Nine digits, optionally grouped with single spaces, dots or hyphens (1234.56.782),
# not part of a longer number.
_NINE_DIGITS = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){8}(?!\d)")

# Field names that hold personal data, compared lower-case without separators.
PERSONAL_KEYS = frozenset(
    {
        "bsn",
        "burgerservicenummer",
        "naam",
        "name",
        "voornaam",
        "achternaam",
        "firstname",
        "lastname",
        "fullname",
        "geboortedatum",
        "birthdate",
        "dateofbirth",
        "adres",
        "address",
        "straat",
        "street",
        "postcode",
        "woonplaats",
        "email",
        "emailadres",
        "telefoon",
        "telefoonnummer",
        "phone",
        "nationaliteit",
        "nationality",
        "iban",
        "wachtwoord",
        "password",
    }
)
# Fragments that mark personal data inside a longer name (person_bsn, user_email).
_PERSONAL_FRAGMENTS = ("bsn", "geboorte", "birth", "email", "telefoon", "phone")


def is_personal_key(key: str) -> bool:
    """Does a field's name say it holds personal data?"""
    flat = re.sub(r"[^a-z]", "", key.lower())
    return flat in PERSONAL_KEYS or any(f in flat for f in _PERSONAL_FRAGMENTS)


def mask_bsn(text: str) -> str:
    """Replace every BSN-like number that passes the elfproef by asterisks."""

    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return BSN_MASK if is_valid_bsn(digits) else match.group(0)

    return _NINE_DIGITS.sub(replace, text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return mask_bsn(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return BSN_MASK if len(str(value)) == 9 and is_valid_bsn(str(value)) else value
    if isinstance(value, Mapping):
        return {
            k: DROPPED if is_personal_key(str(k)) else _clean(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


def drop_personal_data(
    logger: WrappedLogger, method_name: str, event_dict: EventDict
) -> EventDict:
    """Processor: drop personal fields, mask BSNs in everything else (also tracebacks)."""
    for key in [k for k in event_dict if is_personal_key(k)]:
        del event_dict[key]
    for key, value in event_dict.items():
        event_dict[key] = _clean(value)
    return event_dict


def _shared_processors() -> list[Processor]:
    """Run on every line, from structlog and from the standard library alike."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        structlog.processors.UnicodeDecoder(),
        drop_personal_data,
    ]


def logging_config(json: bool, level: str = "WARNING") -> dict[str, Any]:
    """A `logging.config.dictConfig` dict: one console handler, JSON or readable."""
    renderer: Processor = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structlog": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": _shared_processors(),
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    renderer,
                ],
            }
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "structlog"}
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own console handler would print its lines a second time, unformatted.
        "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
    }


def apply(config: MutableMapping[str, Any]) -> None:
    """Configure structlog and the standard library (Django's LOGGING_CONFIG hook)."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    logging.config.dictConfig(dict(config))


def configure(json: bool, level: str = "WARNING") -> None:
    """JSON lines (production) or readable lines (development) at `level`."""
    apply(logging_config(json, level))


def configure_once(json: bool, level: str = "WARNING") -> None:
    """`configure`, unless logging was configured already (by Django's settings)."""
    if not structlog.is_configured():
        configure(json, level)


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    """The logger for module `name`; log an event name with fields, never a person."""
    logger: structlog.stdlib.BoundLogger = structlog.stdlib.get_logger(name)
    return logger
