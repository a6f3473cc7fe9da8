# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""JSON over HTTP for the sync, with Dutch errors that say what to do offline.

urllib keeps the core free of extra dependencies; the publishers' APIs need nothing
more than GET with query parameters.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

USER_AGENT = "migratieketen-data-sync/0.1 (+https://github.com/)"
OFFLINE_HINT = "Gebruik --data-dir of MIGRATIEKETEN_DATA_DIR met een lokale map."


class SyncError(RuntimeError):
    """The sync failed; nothing in the data folder was changed (message in Dutch)."""


class SyncConnectionError(SyncError):
    """A publisher could not be reached (offline, DNS, refused, timeout)."""


def with_params(url: str, params: dict[str, str | int]) -> str:
    """`url` with `params` added to its query string (existing ones kept)."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query += [(k, str(v)) for k, v in params.items()]
    return urllib.parse.urlunsplit(
        parts._replace(
            query=urllib.parse.urlencode(
                query, safe="$,:'()", quote_via=urllib.parse.quote
            )
        )
    )


def get_json(url: str, timeout: float = 60.0) -> Any:
    host = urllib.parse.urlsplit(url).netloc or url
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise SyncError(
            f"{host} antwoordde met HTTP {exc.code} ({exc.reason}) op {url}"
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SyncConnectionError(
            f"Geen verbinding met {host}: {reason}. {OFFLINE_HINT}"
        ) from exc
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SyncError(f"{host} gaf geen geldige JSON terug op {url}: {exc}") from exc
