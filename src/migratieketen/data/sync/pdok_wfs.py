# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""PDOK WFS 2.0 GetFeature with GeoJSON output, paged with startIndex/count.

Response: {"type": "FeatureCollection", "numberMatched": 342, "numberReturned": 100,
"features": [{"type": "Feature", "id": "gemeenten.1", "geometry": {...},
"properties": {"gemeentecode": "GM0014", "gemeentenaam": "Groningen", "water": "NEE",
"aantalInwoners": 243768, ...}}]}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from migratieketen.data.sources import (
    PDOK_BESTUURLIJKE_GEBIEDEN_LEGACY_URL,
    PDOK_BESTUURLIJKE_GEBIEDEN_URL,
)
from migratieketen.data.sync.http import SyncError, get_json, with_params

DEFAULT_PDOK_WIJKENBUURTEN = "https://service.pdok.nl/cbs/wijkenbuurten/{year}/wfs/v1_0"
DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN = PDOK_BESTUURLIJKE_GEBIEDEN_URL
LEGACY_PDOK_BESTUURLIJKE_GEBIEDEN = PDOK_BESTUURLIJKE_GEBIEDEN_LEGACY_URL
PAGE_SIZE = 1000  # PDOK's maximum features per request
MAX_PAGES = 500


@dataclass(frozen=True, slots=True)
class WfsClient:
    url: str
    page_size: int = PAGE_SIZE
    timeout: float = 120.0

    def features(
        self, type_name: str, progress: Callable[[int, int | None], None] | None = None
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        start = 0
        for _ in range(MAX_PAGES):
            url = with_params(
                self.url,
                {
                    "service": "WFS",
                    "version": "2.0.0",
                    "request": "GetFeature",
                    "typeName": type_name,
                    "outputFormat": "json",
                    "srsName": "EPSG:4326",
                    "count": self.page_size,
                    "startIndex": start,
                },
            )
            payload = get_json(url, self.timeout)
            if not isinstance(payload, dict) or not isinstance(
                payload.get("features"), list
            ):
                raise SyncError(f"onverwacht antwoord van PDOK op {url}: geen features")
            page = payload["features"]
            out.extend(f for f in page if isinstance(f, dict))
            matched = payload.get("numberMatched")
            total = matched if isinstance(matched, int) else None
            if progress is not None:
                progress(len(out), total)
            if not page or len(page) < self.page_size:
                return out
            if total is not None and len(out) >= total:
                return out
            start += len(page)
        raise SyncError(f"te veel pagina's bij {self.url} ({type_name})")
