# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CBS open data, OData v3 JSON (opendata.cbs.nl).

Format (as served by CBS and read by e.g. the `cbsodata` client):
- `{base}/ODataApi/odata/{table}/DataProperties?$format=json` -> {"value": [{"Key":
  "AantalInwoners_5", "Title": ..., "Type": "Topic", "Unit": "aantal", "Decimals": 0,
  ...}, ...]} - the column definitions of the table.
- `{base}/ODataFeed/odata/{table}/TypedDataSet?$format=json&$filter=...` -> {"value":
  [{"ID": 0, "WijkenEnBuurten": "GM0014    ", "Gemeentenaam_1": "Groningen   ",
  "SoortRegio_2": "Gemeente  ", "AantalInwoners_5": 243768, ...}, ...],
  "odata.nextLink": "..."} - rows in pages; the client follows `odata.nextLink` until
  it is absent. Codes and names are right-padded with spaces. CBS writes the nextLink
  with the $filter unescaped (spaces included), so it is percent-encoded before use.
- Tables with a region dimension other than WijkenEnBuurten (70072NED: `RegioS`, with
  `Perioden` such as "2025JJ00") are read with `rows` and an explicit $filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from migratieketen.data.sync.http import SyncError, get_json, safe_url, with_params

DEFAULT_CBS_BASE = "https://opendata.cbs.nl"
MAX_PAGES = 1000  # a guard against a nextLink loop

Progress = Callable[[int], None]  # called with the number of rows received so far


@dataclass(frozen=True, slots=True)
class CbsODataClient:
    base_url: str = DEFAULT_CBS_BASE
    timeout: float = 60.0

    def _collect(
        self, url: str, progress: Progress | None = None
    ) -> Iterator[dict[str, Any]]:
        seen = 0
        pages = 0
        next_url: str | None = url
        while next_url:
            pages += 1
            if pages > MAX_PAGES:
                raise SyncError(f"te veel pagina's bij {url} (odata.nextLink-lus?)")
            payload = get_json(next_url, self.timeout)
            if not isinstance(payload, dict) or not isinstance(
                payload.get("value"), list
            ):
                raise SyncError(
                    f"onverwacht antwoord van CBS op {next_url}: geen 'value'"
                )
            for row in payload["value"]:
                if isinstance(row, dict):
                    seen += 1
                    yield row
            if progress is not None:
                progress(seen)
            link = payload.get("odata.nextLink") or payload.get("@odata.nextLink")
            next_url = safe_url(str(link)) if link else None

    def data_properties(self, table_id: str) -> list[dict[str, Any]]:
        url = with_params(
            f"{self.base_url.rstrip('/')}/ODataApi/odata/{table_id}/DataProperties",
            {"$format": "json"},
        )
        return list(self._collect(url))

    def rows(
        self, table_id: str, flt: str, progress: Progress | None = None
    ) -> list[dict[str, Any]]:
        """All TypedDataSet rows that match the OData `$filter` expression `flt`."""
        url = with_params(
            f"{self.base_url.rstrip('/')}/ODataFeed/odata/{table_id}/TypedDataSet",
            {"$format": "json", "$filter": flt},
        )
        return list(self._collect(url, progress))

    def typed_dataset(
        self,
        table_id: str,
        code_prefixes: tuple[str, ...] = ("GM", "WK"),
        progress: Progress | None = None,
    ) -> list[dict[str, Any]]:
        """Rows whose WijkenEnBuurten code starts with one of `code_prefixes`."""
        flt = " or ".join(f"startswith(WijkenEnBuurten,'{p}')" for p in code_prefixes)
        url = with_params(
            f"{self.base_url.rstrip('/')}/ODataFeed/odata/{table_id}/TypedDataSet",
            {"$format": "json", "$filter": flt},
        )
        rows = []
        for row in self._collect(url, progress):
            code = str(row.get("WijkenEnBuurten") or "").strip()
            if code.startswith(code_prefixes):  # the filter is also applied here
                rows.append(row)
        return rows
