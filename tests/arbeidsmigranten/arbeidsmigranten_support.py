# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Helpers of the housing-register tests: wijken with a source, location inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from migratieketen_web.arbeidsmigranten.services import LocationInput
from migratieketen_web.gemeenten.models import Gemeente, Source, Wijk


def make_wijken(gemeenten: dict[str, Gemeente]) -> dict[str, Wijk]:
    """Two wijken in Amsterdam and one in Utrecht (codes as CBS writes them)."""
    source, _ = Source.objects.get_or_create(
        publisher="CBS",
        title="Kerncijfers wijken en buurten 2024",
        table_id="85984NED",
        reference_date=date(2024, 1, 1),
        defaults={"licence": "CC BY 4.0"},
    )
    rows = [
        ("WK0363AA", "Haarlemmerbuurt", "GM0363", 4000),
        ("WK0363AB", "Jordaan", "GM0363", 5000),
        ("WK034401", "Binnenstad", "GM0344", 20000),
    ]
    result = {}
    for code, name, gm, inhabitants in rows:
        result[code], _ = Wijk.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "gemeente": gemeenten[gm],
                "inhabitants": inhabitants,
                "source": source,
            },
        )
    return result


def location_input(gemeente: str = "GM0363", **changes: Any) -> LocationInput:
    values: dict[str, Any] = {
        "gemeente": gemeente,
        "postcode": "1012AB",
        "huisnummer": 10,
        "type": "woning",
        "beds": 10,
        "floor_area": Decimal(60),
        "bedrooms": (Decimal(7), Decimal(7)),
        "wijk": "WK0363AA" if gemeente == "GM0363" else "",
    }
    values.update(changes)
    return LocationInput(**values)
