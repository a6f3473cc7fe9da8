# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A local stand-in for PDOK Locatieserver v3.1 (`/free`), for the BAG-check tests.

It answers like the real service: `{"response": {"numFound": n, "docs": [...]}}` with
the fields a `type:adres` document carries (weergavenaam, postcode, huisnummer,
huisletter, huisnummertoevoeging, straatnaam, woonplaatsnaam, gemeentecode as four
digits, wijkcode, nummeraanduiding_id, centroide_ll as WKT POINT). It parses the
`fq` filter (postcode, huisnummer) the client sends, so a wrong query finds nothing.
The addresses are made up for the test; none is a real BAG record.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ADDRESSES: list[dict[str, Any]] = [
    {
        "type": "adres",
        "weergavenaam": "Teststraat 10, 1012AB Amsterdam",
        "straatnaam": "Teststraat",
        "huisnummer": 10,
        "postcode": "1012AB",
        "woonplaatsnaam": "Amsterdam",
        "gemeentecode": "0363",
        "gemeentenaam": "Amsterdam",
        "wijkcode": "WK0363AB",
        "nummeraanduiding_id": "0363200000000001",
        "centroide_ll": "POINT(4.8952 52.3731)",
    },
    {
        "type": "adres",
        "weergavenaam": "Teststraat 10A-2, 1012AB Amsterdam",
        "straatnaam": "Teststraat",
        "huisnummer": 10,
        "huisletter": "A",
        "huisnummertoevoeging": "2",
        "postcode": "1012AB",
        "woonplaatsnaam": "Amsterdam",
        "gemeentecode": "0363",
        "wijkcode": "WK0363AB",
        "nummeraanduiding_id": "0363200000000002",
        "centroide_ll": "POINT(4.8953 52.3732)",
    },
    {
        "type": "adres",
        "weergavenaam": "Proefweg 3, 3511AA Utrecht",
        "straatnaam": "Proefweg",
        "huisnummer": 3,
        "postcode": "3511AA",
        "woonplaatsnaam": "Utrecht",
        "gemeentecode": "0344",
        "wijkcode": "WK034401",
        "nummeraanduiding_id": "0344200000000003",
        "centroide_ll": "POINT(5.1214 52.0907)",
    },
]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != "/bzk/locatieserver/search/v3_1/free":
            self.send_error(404)
            return
        query = urllib.parse.parse_qs(parts.query)
        wanted = " AND ".join(query.get("fq", []))
        postcode = re.search(r"postcode:(\w+)", wanted)
        number = re.search(r"huisnummer:(\d+)", wanted)
        docs = [
            a
            for a in ADDRESSES
            if postcode
            and number
            and a["postcode"] == postcode.group(1)
            and a["huisnummer"] == int(number.group(1))
        ]
        body = json.dumps({"response": {"numFound": len(docs), "docs": docs}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return


class Locatieserver:
    """Context manager: a running imitation and its base URL."""

    def __enter__(self) -> str:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/bzk/locatieserver/search/v3_1"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
