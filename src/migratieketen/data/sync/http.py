# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""JSON over HTTP for the sync, with Dutch errors that say what to do offline.

urllib keeps the core free of extra dependencies; the publishers' APIs need nothing
more than GET with query parameters.
"""

from __future__ import annotations

import http.client
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


class SyncHttpError(SyncError):
    """A publisher answered with an HTTP error status (e.g. 404 for a moved service)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


# Characters that may stay as they are in a URL (RFC 3986 reserved + unreserved, and
# '%' so existing escapes are kept); everything else, e.g. the spaces CBS leaves in
# the $filter of its odata.nextLink, is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def safe_url(url: str) -> str:
    """`url` with unsafe characters (spaces, quotes, non-ASCII) percent-encoded."""
    return urllib.parse.quote(url.strip(), safe=_URL_SAFE)


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
    try:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise SyncHttpError(
            f"{host} antwoordde met HTTP {exc.code} ({exc.reason}) op {url}", exc.code
        ) from exc
    except (http.client.InvalidURL, ValueError) as exc:
        raise SyncError(
            f"Ongeldige URL van of naar {host}: {url!r} ({exc}). De map is niet "
            "gewijzigd."
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
