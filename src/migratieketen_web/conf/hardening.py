# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Checks on security settings that must fail at start, not in production traffic.

A weak SECRET_KEY lets anyone forge sessions and password-reset links, so the
production settings refuse one instead of merely warning (Django's own check
security.W009 only warns, and only with ``check --deploy``).
"""

from __future__ import annotations

import math
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_LENGTH = 50
MIN_SECRET_DISTINCT = 10
MIN_SECRET_BITS = 192


def secret_key_bits(key: str) -> float:
    """Estimated entropy: length times the Shannon entropy of its characters."""
    if not key:
        return 0.0
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    return per_char * len(key)


def repeat_period(key: str) -> int:
    """Length of the shortest block that *key* repeats ("abcabcab" -> 3)."""
    for period in range(1, len(key)):
        if all(key[i] == key[i - period] for i in range(period, len(key))):
            return period
    return len(key)


def weak_secret_key_reason(key: str) -> str | None:
    """Why *key* is too weak for production, in Dutch; None when it is strong."""
    if key.startswith("django-insecure"):
        return "de sleutel begint met 'django-insecure' (een voorbeeldsleutel)"
    if len(key) < MIN_SECRET_LENGTH:
        return f"de sleutel is {len(key)} tekens; minimaal {MIN_SECRET_LENGTH}"
    if len(set(key)) < MIN_SECRET_DISTINCT:
        return f"de sleutel heeft minder dan {MIN_SECRET_DISTINCT} verschillende tekens"
    if repeat_period(key) <= len(key) // 2:
        return "de sleutel herhaalt steeds hetzelfde stuk"
    bits = secret_key_bits(key)
    if bits < MIN_SECRET_BITS:
        return f"de sleutel is te voorspelbaar (~{bits:.0f} bits; minimaal {MIN_SECRET_BITS})"
    return None


def require_strong_secret_key(key: str) -> str:
    """Return *key*, or stop the start with a Dutch explanation and the fix."""
    reason = weak_secret_key_reason(key)
    if reason is not None:
        raise ImproperlyConfigured(
            f"SECRET_KEY is te zwak: {reason}. Maak een nieuwe met: "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return key


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """Parse 'HTTP_X_FORWARDED_PROTO=https' into Django's SECURE_PROXY_SSL_HEADER."""
    if not value.strip():
        return None
    name, sep, expected = value.partition("=")
    name, expected = name.strip(), expected.strip()
    if not sep or not name.startswith("HTTP_") or not expected:
        raise ImproperlyConfigured(
            f"MIGRATIEKETEN_PROXY_SSL_HEADER={value!r}: gebruik de vorm "
            "HTTP_X_FORWARDED_PROTO=https (de header zoals Django hem ziet, = de "
            "waarde bij HTTPS)."
        )
    return (name, expected)
