# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Housing norms for labour-migrant locations: SNF norm, overbewoning, local caps.

* SNF norm (Stichting Normering Flexwonen; a private norm, mandatory for ABU/NBBU
  members): m² per person at logies (10) or bewoning (12) locations, the gemeente
  deciding which; sleeping rooms 3.5 m² per person (the 2.7 m² recreation-park
  exception, max two per room, expired on 31 December 2023); from 1 July 2025, for
  new-build locations and hotels/pensions, 15 m² gebruiksoppervlakte per person and one
  person per bedroom (two with the residents' written consent).
* Bouwbesluit 2012 art. 7.18 (BWBR0030461, jci1.3:c:BWBR0030461&artikel=7.18): a
  woonfunctie is not occupied by more than one person per 12 m² gebruiksoppervlakte
  (woonwagen: 6 m²); not for COA reception. Since 1 January 2024 the Besluit bouwwerken
  leefomgeving (BWBR0041297) replaces the Bouwbesluit; its successor article is not
  verified here, so results from that date say so.
* Local caps (persons per dwelling) are gemeente policy (huisvestingsverordening,
  art. 21 Huisvestingswet 2014): configuration per gemeente, none by default.
Every check returns how many persons the norm allows, the beds, the excess and the
arithmetic, so a signal can say which norm, by how much, and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Any

from migratieketen.rules.explain import LegalReference
from migratieketen.rules.parameters import load_parameter


class LocationType(StrEnum):
    WONING = "woning"
    LOGIESGEBOUW = "logiesgebouw"
    RECREATIEPARK = "recreatiepark"
    HOTEL = "hotel_pension"
    SHORT_STAY = "short_stay"


class SnfRegime(StrEnum):
    """Which SNF m² norm the gemeente applies to the location."""

    LOGIES = "logies"
    BEWONING = "bewoning"


TYPE_LABELS = {
    LocationType.WONING: "woning",
    LocationType.LOGIESGEBOUW: "logiesgebouw",
    LocationType.RECREATIEPARK: "recreatiepark",
    LocationType.HOTEL: "hotel/pension",
    LocationType.SHORT_STAY: "short-stay",
}
# Bouwbesluit 2012: a woning or short-stay apartment has a woonfunctie; hotels,
# pensions, logiesgebouwen and recreation homes have a logiesfunctie (no art. 7.18).
WOONFUNCTIE = frozenset({LocationType.WONING, LocationType.SHORT_STAY})

SNF = LegalReference(
    "SNF-norm (Stichting Normering Flexwonen)",
    "",
    "-",
    "",
    "https://www.normeringflexwonen.nl/information-for-residents",
)
SNF_2025 = LegalReference(
    "SNF-norm per 1 juli 2025",
    "",
    "-",
    "",
    "https://www.normeringflexwonen.nl/information-for-residents",
)
BB_7_18 = LegalReference(
    "Bouwbesluit 2012",
    "BWBR0030461",
    "7.18",
    "1",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0030461&artikel=7.18",
)
BBL = LegalReference(
    "Besluit bouwwerken leefomgeving",
    "BWBR0041297",
    "-",
    "",
    "https://wetten.overheid.nl/BWBR0041297",
    "Opvolger van art. 7.18 Bouwbesluit 2012 sinds 1 januari 2024; artikelnummer "
    "niet geverifieerd.",
)
HW_21 = LegalReference(
    "Huisvestingswet 2014",
    "BWBR0035303",
    "21",
    "",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0035303&artikel=21",
)
BBL_FROM = date(2024, 1, 1)


class NormKind(StrEnum):
    SNF_AREA = "snf_oppervlakte"
    SNF_BEDROOM = "snf_slaapkamer"
    OVERBEWONING = "overbewoning"
    LOCAL_CAP = "lokale_norm"


@dataclass(frozen=True, slots=True)
class LocalCap:
    """A gemeente's own maximum of persons per dwelling, with where it is set."""

    max_persons: int
    source: str


@dataclass(frozen=True, slots=True)
class LocationNorms:
    """The physical facts of a location that the norms are checked against."""

    type: LocationType
    beds: int
    floor_area: Decimal  # gebruiksoppervlakte (GBO), m²
    bedrooms: tuple[Decimal, ...] = ()
    snf_regime: SnfRegime = SnfRegime.BEWONING
    new_location: bool = False  # first omgevingsvergunning applied for after 1-7-2025
    sharing_consent: bool = False  # residents agreed in writing to share a bedroom
    woonwagen: bool = False
    occupants: int = 0  # persons present, when the register knows them


@dataclass(frozen=True, slots=True)
class NormCheck:
    """One norm against one location: allowed persons, excess and the arithmetic."""

    kind: NormKind
    label: str
    persons: int
    allowed: int
    reference: LegalReference
    arithmetic: str
    note: str = ""

    @property
    def excess(self) -> int:
        return max(0, self.persons - self.allowed)

    @property
    def exceeded(self) -> bool:
        return self.persons > self.allowed


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def _m2(value: Any) -> str:
    text = f"{Decimal(str(value)):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",")


def snf_norm(at: date) -> dict[str, Any]:
    return dict(load_parameter("huisvestingsnormen/snf_norm").value_at(at))


def _new_norm_applies(loc: LocationNorms, norm: dict[str, Any]) -> bool:
    return norm["new_m2"] is not None and (
        loc.new_location or loc.type is LocationType.HOTEL
    )


def _persons(loc: LocationNorms) -> int:
    """Beds, or the persons present when more people live there than there are beds."""
    return max(loc.beds, loc.occupants)


def snf_area_check(loc: LocationNorms, at: date) -> NormCheck:
    """SNF: gebruiksoppervlakte per person (logies 10, bewoning 12, new 15 m²)."""
    norm = snf_norm(at)
    if _new_norm_applies(loc, norm):
        per, which, ref = norm["new_m2"], "nieuwe locatie of hotel/pension", SNF_2025
    elif loc.snf_regime is SnfRegime.LOGIES:
        per, which, ref = norm["logies_m2"], "logies", SNF
    else:
        per, which, ref = norm["bewoning_m2"], "bewoning", SNF
    allowed = _floor(loc.floor_area / Decimal(str(per)))
    return NormCheck(
        NormKind.SNF_AREA,
        f"SNF-norm {_m2(per)} m² per persoon ({which})",
        _persons(loc),
        allowed,
        ref,
        f"{_m2(loc.floor_area)} m² / {_m2(per)} m² per persoon = "
        f"{_m2(loc.floor_area / Decimal(str(per)))} → ten hoogste {allowed} personen",
    )


def _per_bedroom(
    loc: LocationNorms, norm: dict[str, Any]
) -> tuple[Decimal, int | None]:
    if _new_norm_applies(loc, norm):
        cap = (
            norm["new_max_per_bedroom_consent"]
            if loc.sharing_consent
            else norm["new_max_per_bedroom"]
        )
        return Decimal(str(norm["bedroom_m2"])), int(cap)
    if loc.type is LocationType.RECREATIEPARK and norm["recreation_bedroom_m2"]:
        return (
            Decimal(str(norm["recreation_bedroom_m2"])),
            int(norm["recreation_max_per_bedroom"]),
        )
    cap = norm["max_per_bedroom"]
    return Decimal(str(norm["bedroom_m2"])), int(cap) if cap is not None else None


def snf_bedroom_check(loc: LocationNorms, at: date) -> NormCheck | None:
    """SNF: sleeping-room m² per person, capped per bedroom where the norm caps it."""
    if not loc.bedrooms:
        return None
    norm = snf_norm(at)
    per, cap = _per_bedroom(loc, norm)
    parts = []
    allowed = 0
    for m2 in loc.bedrooms:
        fits = _floor(m2 / per)
        if cap is not None:
            fits = min(fits, cap)
        allowed += fits
        parts.append(f"{_m2(m2)} m² → {fits}")
    cap_text = f", ten hoogste {cap} per slaapkamer" if cap is not None else ""
    return NormCheck(
        NormKind.SNF_BEDROOM,
        f"SNF-norm slaapruimte {_m2(per)} m² per persoon{cap_text}",
        _persons(loc),
        allowed,
        SNF_2025 if _new_norm_applies(loc, norm) else SNF,
        f"slaapkamers {'; '.join(parts)} (÷ {_m2(per)} m²{cap_text}) "
        f"= ten hoogste {allowed} personen",
    )


def overbewoning_check(loc: LocationNorms, at: date) -> NormCheck | None:
    """Art. 7.18 Bouwbesluit 2012 (Bbl since 2024): one person per 12 m² GBO."""
    if loc.type not in WOONFUNCTIE and not loc.woonwagen:
        return None  # a logiesfunctie: the SNF norm applies, not art. 7.18
    param = load_parameter("huisvestingsnormen/overbewoning")
    value = param.value_at(at)
    per = value["woonwagen_m2" if loc.woonwagen else "woonfunctie_m2"]
    allowed = _floor(loc.floor_area / Decimal(str(per)))
    ref = BBL if at >= BBL_FROM else BB_7_18
    note = (
        "Norm van art. 7.18 Bouwbesluit 2012; sinds 1 januari 2024 geldt het Besluit "
        "bouwwerken leefomgeving (artikelnummer niet geverifieerd)."
        if at >= BBL_FROM
        else ""
    )
    return NormCheck(
        NormKind.OVERBEWONING,
        f"Overbewoning: één persoon per {_m2(per)} m² gebruiksoppervlakte "
        "(art. 7.18 Bouwbesluit 2012)",
        _persons(loc),
        allowed,
        ref,
        f"{_m2(loc.floor_area)} m² / {_m2(per)} m² = "
        f"{_m2(loc.floor_area / Decimal(str(per)))} → ten hoogste {allowed} personen",
        note,
    )


def local_cap_check(loc: LocationNorms, cap: LocalCap | None) -> NormCheck | None:
    """The gemeente's own maximum per dwelling, where configured."""
    if cap is None:
        return None
    return NormCheck(
        NormKind.LOCAL_CAP,
        f"Lokale norm: ten hoogste {cap.max_persons} personen per woning",
        _persons(loc),
        cap.max_persons,
        HW_21,
        f"{_persons(loc)} personen tegen een lokaal maximum van {cap.max_persons}",
        cap.source,
    )


def checks(
    loc: LocationNorms, at: date, cap: LocalCap | None = None
) -> tuple[NormCheck, ...]:
    """Every norm that applies to the location on `at`, passed or not."""
    found = [
        snf_area_check(loc, at),
        snf_bedroom_check(loc, at),
        overbewoning_check(loc, at),
        local_cap_check(loc, cap),
    ]
    return tuple(c for c in found if c is not None)


def max_beds(loc: LocationNorms, at: date, cap: LocalCap | None = None) -> int:
    """The most beds every applicable norm allows together."""
    return min(c.allowed for c in checks(loc, at, cap))
