# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Check an address against the BAG through PDOK's public Locatieserver.

PDOK Locatieserver v3.1 (`/free`, type `adres`) answers with the BAG address, its
nummeraanduiding id, gemeente code, wijk code and centroid, from the Basisregistratie
Adressen en Gebouwen (Kadaster; licence CC0). Offline, or when the service is down,
`BagUnavailable` says so in Dutch; the register then stores the address as 'not
checked' instead of refusing the work. Tests run against a local imitation server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from migratieketen.data.sync.http import (
    SyncConnectionError,
    SyncError,
    get_json,
    with_params,
)

DEFAULT_LOCATIESERVER = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")
SOURCE = "Bron: Kadaster, Basisregistratie Adressen en Gebouwen (BAG), via PDOK Locatieserver"


class BagError(ValueError):
    """The address is not in the BAG (Dutch message for the user)."""


class BagUnavailable(RuntimeError):
    """The Locatieserver could not be reached or answered badly (Dutch message)."""


@dataclass(frozen=True, slots=True)
class BagAddress:
    display: str  # weergavenaam
    postcode: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    street: str
    place: str
    gemeente: str  # GM0363
    wijk: str  # WK036300, or "" when the BAG point lies in no wijk
    nummeraanduiding: str
    lon: float | None
    lat: float | None


def normalise_postcode(text: str) -> str:
    value = text.strip().upper().replace(" ", "")
    if not POSTCODE.match(value):
        raise BagError(
            "Gebruik een postcode van vier cijfers en twee letters, bv. 2671AB."
        )
    return value


def _point(text: str) -> tuple[float | None, float | None]:
    match = re.match(r"POINT\(([-0-9.]+) ([-0-9.]+)\)", text or "")
    if not match:
        return None, None
    return float(match.group(1)), float(match.group(2))


def _address(doc: dict[str, object]) -> BagAddress:
    lon, lat = _point(str(doc.get("centroide_ll", "")))
    code = str(doc.get("gemeentecode", ""))
    return BagAddress(
        display=str(doc.get("weergavenaam", "")),
        postcode=str(doc.get("postcode", "")),
        huisnummer=int(str(doc.get("huisnummer", 0))),
        huisletter=str(doc.get("huisletter", "") or ""),
        toevoeging=str(doc.get("huisnummertoevoeging", "") or ""),
        street=str(doc.get("straatnaam", "")),
        place=str(doc.get("woonplaatsnaam", "")),
        gemeente=code if code.startswith("GM") else f"GM{code.zfill(4)}",
        wijk=str(doc.get("wijkcode", "") or ""),
        nummeraanduiding=str(doc.get("nummeraanduiding_id", "")),
        lon=lon,
        lat=lat,
    )


def lookup(
    postcode: str,
    huisnummer: int,
    huisletter: str = "",
    toevoeging: str = "",
    base_url: str = DEFAULT_LOCATIESERVER,
    timeout: float = 10.0,
) -> BagAddress:
    """The BAG address at postcode + huisnummer (+ letter/toevoeging), or BagError."""
    code = normalise_postcode(postcode)
    url = with_params(
        base_url.rstrip("/") + "/free",
        {
            "q": "*:*",
            "fq": f"postcode:{code} AND huisnummer:{int(huisnummer)} AND type:adres",
            "rows": 20,
        },
    )
    try:
        body = get_json(url, timeout=timeout)
    except SyncConnectionError as exc:
        raise BagUnavailable(
            "De BAG kon niet worden geraadpleegd: geen verbinding met de PDOK "
            "Locatieserver. Het adres is opgeslagen als 'niet gecontroleerd'; "
            "controleer het opnieuw als er weer verbinding is."
        ) from exc
    except SyncError as exc:
        raise BagUnavailable(
            f"De PDOK Locatieserver gaf een fout ({exc}); het adres is niet "
            "gecontroleerd."
        ) from exc
    docs = (
        (body.get("response") or {}).get("docs") or [] if isinstance(body, dict) else []
    )
    letter, extra = huisletter.strip().upper(), toevoeging.strip().upper()
    for doc in docs:
        found = _address(doc)
        if found.huisletter.upper() == letter and found.toevoeging.upper() == extra:
            return found
    suffix = f"{letter}{'-' + extra if extra else ''}"
    raise BagError(
        f"Het adres {code} {int(huisnummer)}{suffix} staat niet in de BAG; controleer "
        "postcode, huisnummer, huisletter en toevoeging."
    )
