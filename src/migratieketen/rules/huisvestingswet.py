# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Taakstelling huisvesting vergunninghouders: Huisvestingswet 2014, hoofdstuk 5 §1.

BWB id BWBR0035303; https://wetten.overheid.nl/BWBR0035303 .
* art. 28 (jci1.3:c:BWBR0035303&artikel=28): B&W house vergunninghouders per taakstelling.
* art. 29 lid 1 (jci1.3:c:BWBR0035303&artikel=29&lid=1): taakstelling = vg x iG / iN,
  'naar boven afgerond op een geheel getal'; iG, iN = CBS inhabitants on 1 January of the
  calendar year before the half-year's year.
* art. 29 lid 2 (jci1.3:c:BWBR0035303&artikel=29&lid=2): gemeenten may jointly change
  their taakstellingen if the sum stays the same (regional swaps).
* art. 30 (jci1.3:c:BWBR0035303&artikel=30): for a merger on 1 January of the year, GS fix
  the population of the new gemeente.
Carry-over (achterstand/voorsprong), the status per half-year and the provincial
supervision step are in `migratieketen.rules.monitor`, the one implementation of them.

Functions take plain inputs (code -> population) and their period explicitly, so they
depend on neither a loader nor the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from migratieketen.rules.explain import Explanation, LegalReference, fraction_text
from migratieketen.rules.parameters import (
    Citation,
    ParameterError,
    citations,
    load_parameter,
)
from migratieketen.rules.rounding import ROUNDING_MODES, round_all

LAW = "Huisvestingswet 2014"
BWB_ID = "BWBR0035303"
_JCI = f"https://wetten.overheid.nl/jci1.3:c:{BWB_ID}"

ART_28 = LegalReference(LAW, BWB_ID, "28", "", f"{_JCI}&artikel=28")
ART_29_1 = LegalReference(LAW, BWB_ID, "29", "1", f"{_JCI}&artikel=29&lid=1")
ART_29_2 = LegalReference(LAW, BWB_ID, "29", "2", f"{_JCI}&artikel=29&lid=2")
ART_30 = LegalReference(LAW, BWB_ID, "30", "", f"{_JCI}&artikel=30")
CARRY_OVER_PRACTICE = LegalReference(
    LAW,
    BWB_ID,
    "28",
    "",
    f"{_JCI}&artikel=28",
    note=(
        "Doorschuiven van achterstand en voorsprong naar het volgende halfjaar is "
        "uitvoeringspraktijk (Rijksoverheid/VNG), geen wettekst."
    ),
)
GEMEENTEWET_124 = LegalReference(
    "Gemeentewet",
    "BWBR0005416",
    "124",
    "",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124",
)

VgVersion = Literal["initial", "final"]
MIN_YEAR, MAX_YEAR = 1900, 9998  # half-years with a reference date and a successor


class TaakstellingError(ValueError):
    """Invalid input for a taakstelling computation (message in Dutch for users)."""


@dataclass(frozen=True, order=True, slots=True)
class HalfYear:
    """A calendar half-year, the period of a taakstelling (art. 1 lid 1 onder e)."""

    year: int
    half: int

    def __post_init__(self) -> None:
        if self.half not in (1, 2):
            raise TaakstellingError(f"Halfjaar moet 1 of 2 zijn, niet {self.half}.")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            # Every half-year has a reference date (1 January of the year before) and
            # a successor; outside this range those are no calendar dates.
            raise TaakstellingError(
                f"Ongeldig halfjaar {self.year}-{self.half}: het jaar moet tussen "
                f"{MIN_YEAR} en {MAX_YEAR} liggen."
            )

    @classmethod
    def parse(cls, text: str) -> HalfYear:
        """Parse '2025-1', '2025-H1' or '2025H2'."""
        cleaned = text.strip().upper().replace("H", "-").replace("--", "-")
        parts = cleaned.split("-")
        if (
            len(parts) != 2
            or not (parts[0].isascii() and parts[0].isdigit())
            or parts[1] not in ("1", "2")
        ):
            raise TaakstellingError(
                f"Ongeldig halfjaar '{text}': gebruik JJJJ-1 of JJJJ-2, bv. 2025-1."
            )
        return cls(int(parts[0]), int(parts[1]))

    @classmethod
    def of(cls, day: date) -> HalfYear:
        """The half-year a date falls in (January-June: 1)."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return f"{self.year}-{self.half}"

    def __hash__(self) -> int:
        # Half-years key every ledger; this is consistent with the generated __eq__
        # and avoids hashing a fresh tuple on each of thousands of lookups.
        return self.year * 2 + self.half

    @property
    def ordinal(self) -> int:
        """Consecutive half-years have consecutive ordinals."""
        return self.year * 2 + self.half

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def reference_date(self) -> date:
        """Art. 29 lid 1: CBS population on 1 January of the preceding calendar year."""
        return date(self.year - 1, 1, 1)

    @property
    def publication_deadline(self) -> date:
        """Art. 29 lid 1: vg is published at least 13 weeks before the half-year."""
        return self.start - timedelta(weeks=13)

    def peildatum(self) -> date:
        """COA peildatum for linking (1 April / 1 October), from parameters."""
        days = load_parameter("huisvestingswet/peildata").value_at(self.start)
        month, day = (int(x) for x in str(days[str(self.half)]).split("-"))
        return date(self.year, month, day)

    def next(self) -> HalfYear:
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    def previous(self) -> HalfYear:
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)


def half_years(first: HalfYear, count: int) -> list[HalfYear]:
    out = [first]
    while len(out) < count:
        out.append(out[-1].next())
    return out


STATUS_TEXT = {  # the 'status' of a parameter value, as a Dutch reader sees it
    "verified": "geverifieerd in de primaire bron",
    "reported": "overgenomen uit een openbare bron",
    "draft": "ontwerp",
    "unverified": "niet geverifieerd",
    "derived": "afgeleid",
}


@dataclass(frozen=True, slots=True)
class NationalNumber:
    """vg for a half-year: the published figure and the revision during the half-year."""

    half_year: HalfYear
    initial: int
    revised: int | None
    sources: tuple[Citation, ...]
    note: str  # Dutch
    status: str

    @property
    def source(self) -> str:
        """The sources as one Dutch line: publisher, title, date, web address."""
        text = "; ".join(c.text() for c in self.sources)
        return f"{text}; {self.note}" if self.note else text

    @property
    def status_text(self) -> str:
        return STATUS_TEXT.get(self.status, self.status)

    def value(self, version: VgVersion = "final") -> int:
        if version == "initial" or self.revised is None:
            return self.initial
        return self.revised


def national_number(half_year: HalfYear) -> NationalNumber:
    """The published vg (art. 29 lid 1) for a half-year, from the dated parameter file."""
    param = load_parameter("huisvestingswet/landelijk_aantal_vergunninghouders")
    try:
        entry = param.entry_exact(half_year.start)
    except ParameterError as exc:
        raise TaakstellingError(
            f"Geen gepubliceerd landelijk aantal (vg) voor {half_year} bekend; "
            "geef het op met --vg."
        ) from exc
    return NationalNumber(
        half_year=half_year,
        initial=int(entry["value"]),
        revised=int(entry["revised"]) if entry.get("revised") is not None else None,
        sources=citations(entry),
        note=str(entry.get("note", "")),
        status=str(entry.get("status", "")),
    )


def statutory_rounding(at: date) -> str:
    return str(load_parameter("huisvestingswet/afronding").value_at(at))


def taakstelling_in_force(half_year: HalfYear) -> bool:
    try:
        return bool(
            load_parameter("huisvestingswet/taakstelling_van_kracht").value_at(
                half_year.start
            )
        )
    except ParameterError:
        return False


@dataclass(frozen=True, slots=True)
class GemeenteTaakstelling:
    """One gemeente's taakstelling with the exact share it was rounded from."""

    code: str
    population: int
    vg: int
    national_population: int
    taakstelling: int
    rounding: str
    half_year: HalfYear
    notes: tuple[str, ...] = ()

    @property
    def exact(self) -> Fraction:
        return Fraction(self.vg * self.population, self.national_population)

    def explanation(self) -> Explanation:
        ref_date = self.half_year.reference_date.isoformat()
        return Explanation(
            subject=f"taakstelling {self.code} {self.half_year}",
            value=self.taakstelling,
            references=(ART_29_1,),
            inputs={
                "vg": self.vg,
                "iG (inwoners gemeente)": self.population,
                "iN (inwoners Nederland)": self.national_population,
                "peildatum bevolking": ref_date,
                "afronding": self.rounding,
            },
            arithmetic=(
                f"{self.vg} x {self.population} / {self.national_population} = "
                f"{fraction_text(self.exact)} -> {self.rounding} = {self.taakstelling}"
            ),
            notes=self.notes,
        )


@dataclass(frozen=True, slots=True)
class TaakstellingResult:
    """All gemeenten for one vg; `total` is the sum, which exceeds vg under ceil."""

    vg: int
    national_population: int
    rounding: str
    half_year: HalfYear
    per_gemeente: dict[str, GemeenteTaakstelling]
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(g.taakstelling for g in self.per_gemeente.values())

    def values(self) -> dict[str, int]:
        return {c: g.taakstelling for c, g in self.per_gemeente.items()}


def _rounding_notes(rounding: str, statutory: str) -> tuple[str, ...]:
    if rounding == statutory:
        return ()
    return (
        f"Afronding '{rounding}' wijkt af van art. 29 lid 1 ('naar boven afgerond', "
        f"{statutory}); gebruikt als expliciete keuze, niet als wettelijke uitkomst.",
    )


def _check_populations(
    populations: Mapping[str, int], national_population: int | None
) -> int:
    """iN after checking the inputs of art. 29 lid 1; Dutch errors."""
    if not populations:
        raise TaakstellingError("Geen gemeenten met inwonertal opgegeven.")
    for code, pop in populations.items():
        if isinstance(pop, bool) or not isinstance(pop, int) or pop < 0:
            raise TaakstellingError(
                f"Inwonertal van {code} moet een geheel getal >= 0 zijn, niet {pop!r}."
            )
    i_n = (
        sum(populations.values())
        if national_population is None
        else national_population
    )
    if i_n <= 0 or i_n < max(populations.values()):
        raise TaakstellingError(
            f"Inwonertal Nederland ({i_n}) is kleiner dan dat van een gemeente."
        )
    return i_n


def population_shares(
    populations: Mapping[str, int], national_population: int | None = None
) -> dict[str, Fraction]:
    """Each gemeente's exact share iG / iN of every taakstelling (art. 29 lid 1).

    The fraction before vg and rounding, for models that distribute persons the way
    the taakstelling does (e.g. the chain's housing outflow). iN defaults to the sum.
    """
    i_n = _check_populations(populations, national_population)
    return {code: Fraction(pop, i_n) for code, pop in populations.items()}


def compute_taakstelling(
    vg: int,
    populations: Mapping[str, int],
    national_population: int | None = None,
    rounding: str | None = None,
    *,
    half_year: HalfYear,
) -> TaakstellingResult:
    """Art. 29 lid 1: taakstelling_g = vg x iG / iN, rounded (statute: up).

    `national_population` is iN, the CBS national total; when omitted it is the sum of
    `populations` (which is the CBS total when all gemeenten are given). The half-year
    is required: it fixes which statutory rounding is in force.
    """
    if isinstance(vg, bool) or not isinstance(vg, int) or vg < 0:
        raise TaakstellingError(f"vg moet een geheel getal >= 0 zijn, niet {vg!r}.")
    i_n = _check_populations(populations, national_population)
    total_pop = sum(populations.values())
    statutory = statutory_rounding(half_year.start)
    mode = rounding or statutory
    if mode not in ROUNDING_MODES:
        raise TaakstellingError(
            f"Onbekende afronding '{mode}'; kies uit {', '.join(ROUNDING_MODES)}."
        )
    codes = list(populations)
    nums = [vg * populations[c] for c in codes]
    target = None
    if mode == "largest_remainder":
        target = vg if i_n == total_pop else (2 * vg * total_pop + i_n) // (2 * i_n)
    rounded = round_all(nums, i_n, mode, total=target)
    notes = _rounding_notes(mode, statutory)
    if national_population is not None and national_population != total_pop:
        notes += (
            f"iN ({national_population}) is niet gelijk aan de som van de opgegeven "
            f"gemeenten ({total_pop}).",
        )
    per = {
        c: GemeenteTaakstelling(
            code=c,
            population=populations[c],
            vg=vg,
            national_population=i_n,
            taakstelling=r,
            rounding=mode,
            half_year=half_year,
            notes=notes,
        )
        for c, r in zip(codes, rounded, strict=True)
    }
    return TaakstellingResult(vg, i_n, mode, half_year, per, notes)


# --- art. 30: merged gemeenten ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merger:
    """A municipal reorganisation effective 1 January of the half-year's year (art. 30)."""

    new_code: str
    parts: tuple[str, ...]
    population_fixed_by_gs: int | None = None  # published by GS before 1 October


def apply_mergers(
    populations: Mapping[str, int], mergers: Sequence[Merger]
) -> tuple[dict[str, int], list[Explanation]]:
    """Art. 30: replace the parts by the new gemeente with the population GS fixed.

    Without a GS figure the sum of the parts is used and the explanation says so.
    """
    out = dict(populations)
    explanations: list[Explanation] = []
    for m in mergers:
        missing = [p for p in m.parts if p not in out]
        if missing:
            raise TaakstellingError(
                f"Herindeling {m.new_code}: onbekende delen {', '.join(missing)}."
            )
        parts = {p: out.pop(p) for p in m.parts}
        summed = sum(parts.values())
        if m.population_fixed_by_gs is not None:
            value, how = m.population_fixed_by_gs, "vastgesteld door GS (art. 30)"
            notes: tuple[str, ...] = ()
        else:
            value, how = summed, " + ".join(str(v) for v in parts.values())
            notes = ("Geen door GS vastgesteld inwonertal: som van de delen gebruikt.",)
        out[m.new_code] = value
        explanations.append(
            Explanation(
                subject=f"inwonertal herindeling {m.new_code}",
                value=value,
                references=(ART_30,),
                inputs={"delen": parts},
                arithmetic=f"{how} = {value}",
                notes=notes,
            )
        )
    return out, explanations


# --- art. 29 lid 2: regional swaps ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionalAgreement:
    """Gemeenten jointly change their taakstellingen; deltas must sum to zero."""

    name: str
    deltas: Mapping[str, int]


def apply_regional_agreements(
    taakstellingen: Mapping[str, int], agreements: Sequence[RegionalAgreement]
) -> tuple[dict[str, int], list[Explanation]]:
    """Art. 29 lid 2: change taakstellingen within a region, the sum unchanged."""
    out = dict(taakstellingen)
    explanations: list[Explanation] = []
    for agr in agreements:
        if sum(agr.deltas.values()) != 0:
            raise TaakstellingError(
                f"Regionale afspraak '{agr.name}': de som van de wijzigingen is "
                f"{sum(agr.deltas.values())}, moet 0 zijn (art. 29 lid 2)."
            )
        unknown = [c for c in agr.deltas if c not in out]
        if unknown:
            raise TaakstellingError(
                f"Regionale afspraak '{agr.name}': onbekende gemeenten "
                f"{', '.join(unknown)}."
            )
        new = {c: out[c] + d for c, d in agr.deltas.items()}
        negative = [c for c, v in new.items() if v < 0]
        if negative:
            raise TaakstellingError(
                f"Regionale afspraak '{agr.name}' maakt de taakstelling negatief voor "
                f"{', '.join(negative)}."
            )
        for c, d in agr.deltas.items():
            explanations.append(
                Explanation(
                    subject=f"regionale afspraak {agr.name}: {c}",
                    value=new[c],
                    references=(ART_29_2,),
                    inputs={"taakstelling": out[c], "wijziging": d},
                    arithmetic=f"{out[c]} {'+' if d >= 0 else '-'} {abs(d)} = {new[c]}",
                )
            )
        out.update(new)
    return out, explanations
