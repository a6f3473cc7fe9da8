# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The inflow choices of the scenario page, each a core scenario to start from.

Each is one of the core's built-in scenarios (`migratieketen.chain.builtin_scenario`);
`dal2020` is the piek2015 chain with a constant inflow at the 2020 trough, so the two
compare month by month.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from migratieketen_web.scenarios.services import ChainScenario, builtin_scenario

HISTORY_UNTIL = "2024-12"


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    label: object  # lazy translation
    explanation: object


PRESETS: tuple[Preset, ...] = (
    Preset(
        "piek2015",
        _("Piek zoals 2015"),
        _(
            "Eerste aanvragen stijgen van het niveau van 2024 (2.700 per maand) naar "
            "ca. 6.500 per maand, zoals eind 2015, met de opvangcapaciteit van nu."
        ),
    ),
    Preset(
        "dal2020",
        _("Dal zoals 2020"),
        _(
            "Constante instroom op het niveau van 2020 (ca. 1.150 eerste aanvragen "
            "per maand), verder gelijk aan de piek van 2015."
        ),
    ),
    Preset(
        "basis",
        _("Basis: niveau 2024"),
        _("Constante instroom op het niveau van 2024 (ca. 2.700 per maand)."),
    ),
    Preset(
        "historie",
        _("Historie 2013-2024"),
        _(
            "De waargenomen instroom en IND-beslissingen van 2013 tot en met 2024: "
            "hoe goed past het model op het verleden?"
        ),
    ),
)
PRESET_KEYS = tuple(p.key for p in PRESETS)
ONE_CLICK = ("piek2015", "dal2020")


def preset_scenario(key: str) -> ChainScenario:
    """A fresh core ChainScenario for an inflow choice (raises KeyError if unknown)."""
    if key not in PRESET_KEYS:
        raise KeyError(key)
    return builtin_scenario(key, HISTORY_UNTIL)


def preset_label(key: str) -> str:
    for p in PRESETS:
        if p.key == key:
            return str(p.label)
    return {"yaml": str(_("eigen scenario (YAML)")), "api": "API"}.get(key, key)
