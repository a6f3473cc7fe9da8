# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The BSN is stored as a keyed hash only: searchable, never readable back.

HMAC-SHA256 with MIGRATIEKETEN_BSN_KEY (or, when unset, a key derived from SECRET_KEY).
Someone with a copy of the database but not the key cannot test the 10^9 possible
BSNs against the column, as they could with a plain hash. Changing the key makes every
stored BSN unsearchable, so a deployment sets its own key once and keeps it.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from migratieketen.bsn import normalise_bsn


def _key() -> bytes:
    configured = getattr(settings, "MIGRATIEKETEN_BSN_KEY", "")
    if configured:
        return configured.encode()
    return hmac.new(
        settings.SECRET_KEY.encode(), b"migratieketen-bsn-v1", hashlib.sha256
    ).digest()


def bsn_hash(value: str) -> str:
    """Keyed hash of a valid BSN (raises BsnError on an invalid one)."""
    return hmac.new(_key(), normalise_bsn(value).encode(), hashlib.sha256).hexdigest()
