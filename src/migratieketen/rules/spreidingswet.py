# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Spreidingswet: distributing the capaciteitsraming over gemeenten and provinces.

Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen (Kamerstuk 36 333), in
force 1 February 2024, with the Besluit (Stb. 2024, 13,
https://zoek.officielebekendmakingen.nl/stb-2024-13), the Regeling specifieke
uitkeringen (Stcrt. 2024, 3349) and the capaciteitsraming (Stcrt. 2024, 3320). The BWB id
of the consolidated texts was not verified in this project, so references cite the
officielebekendmakingen.nl publication instead of a jci link.

The places are distributed over gemeenten by inhabitants weighted with the CBS SES-WOA
score; a province's opgave is the sum of its gemeenten (rijksoverheid.nl 2024-01-31).
The key (weighting, SES-WOA vintage, rounding, amv rounding) is the dated parameter
parameters/spreidingswet/verdeelsleutel.yaml; its exact form is inferred and tested
against the published figures (see that file). When no SES-WOA scores are loaded the
distribution uses population alone and every output says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from math import lcm
from typing import Any

from migratieketen.rules.explain import Explanation, LegalReference, fraction_text
from migratieketen.rules.parameters import load_parameter
from migratieketen.rules.rounding import ROUNDING_MODES, half_up_div, round_all

LAW = "Spreidingswet (Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen)"
BESLUIT = LegalReference(
    "Besluit gemeentelijke taak mogelijk maken asielopvangvoorzieningen (Stb. 2024, 13)",
    "",
    "-",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2024-13",
    note="Verdeling over gemeenten naar inwoners en SES-WOA-score (amendement Van "
    "Dijk, Kamerstuk 36 333 nr. 75); het artikelnummer en de precieze formule zijn "
    "niet geverifieerd.",
)
RAMING = LegalReference(
    "Capaciteitsraming en provinciale opgave (Stcrt. 2024, 3320)",
    "",
    "-",
    "",
    "https://zoek.officielebekendmakingen.nl/stcrt-2024-3320",
    note="Raming, amv-deel en peildatum van de bevolking van de cyclus.",
)
REGELING_SPUK = LegalReference(
    "Regeling specifieke uitkeringen Spreidingswet (Stcrt. 2024, 3349)",
    "",
    "-",
    "",
    "https://zoek.officielebekendmakingen.nl/stcrt-2024-3349",
    note="Bedragen overgenomen uit nieuwsberichten; de regeling zelf is niet gelezen.",
)

FALLBACK_NOTE = (
    "SES-WOA-scores niet geladen: verdeling alleen naar inwonertal. Dit wijkt af van de "
    "officiële verdeling (inwoners gewogen met SES-WOA)."
)
PROXY_NOTE = (
    "SCHATTING: SES-WOA benaderd met KWB-indicatoren (inkomen, opleiding, "
    "arbeidsparticipatie); niet het officiële CBS-cijfer."
)
FORM_NOTE = (
    "Aanname: de vorm van de weging, inwoners x (1 + SES-WOA-score), en de afronding "
    "staan niet in een tekst die wij konden lezen (het Besluit na art. 1.1 en de bijlage "
    "van Stcrt. 2024, 3320). Deze vorm heeft geen vrije parameter en reproduceert de "
    "gepubliceerde cijfers per gemeente en provincie het best; de afronding met "
    "grootste overschotten houdt de som gelijk aan de raming."
)

SES_OFFICIAL = "official"  # a CBS SES-WOA score given by the caller
SES_PROXY = "proxy"  # the labelled KWB estimate (rules/ses_proxy.py)

WEIGHT_POPULATION = "inwoners"
WEIGHT_SES = "inwoners_x_1_plus_ses"


class SpreidingError(ValueError):
    """Invalid input for a Spreidingswet computation (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class Raming:
    """One capaciteitsraming cycle: total places, the amv part, population year."""

    total: int
    amv: int
    population_year: int
    published: date


def raming_at(at: date) -> Raming:
    param = load_parameter("spreidingswet/capaciteitsraming")
    entry = param.entry_at(at)
    start = max(s for s, e in param.values if s <= at)
    return Raming(
        int(entry["value"]), int(entry["amv"]), int(entry["population_year"]), start
    )


def amv_for(total: int, published: Raming) -> int:
    """The amv part of a raming of `total`: the published share, rounded half up."""
    return half_up_div(published.amv * total, published.total)


def in_force(at: date) -> bool:
    try:
        return bool(load_parameter("spreidingswet/van_kracht").value_at(at))
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class DistributionKey:
    """The verdeelsleutel in force on a date (parameters/spreidingswet/verdeelsleutel)."""

    start: date
    weighting: str  # WEIGHT_SES or WEIGHT_POPULATION
    ses_vintage: str  # "meest_recent"
    rounding: str  # per gemeente, see rounding.ROUNDING_MODES
    amv_rounding: str  # "half_up" or "floor"
    status: str  # "unverified": inferred and tested, not read in the law


def distribution_key(at: date) -> DistributionKey:
    param = load_parameter("spreidingswet/verdeelsleutel")
    entry = param.entry_at(at)
    value = entry["value"]
    key = DistributionKey(
        start=max(s for s, _ in param.values if s <= at),
        weighting=str(value["weging"]),
        ses_vintage=str(value["ses_woa"]),
        rounding=str(value["afronding"]),
        amv_rounding=str(value["amv_afronding"]),
        status=str(entry.get("status", "")),
    )
    if key.weighting not in (WEIGHT_SES, WEIGHT_POPULATION):
        raise SpreidingError(
            f"Onbekende weging '{key.weighting}' in de verdeelsleutel."
        )
    return key


def amv_share(
    places: int, raming: int, amv_total: int, rounding: str = "half_up"
) -> int:
    """The amv part of a number of places: places x amv_total / raming, rounded.

    Reproduces Zaanstad 818 -> 69, Wormerland 98 -> 8, Oostzaan 62 -> 5 and the provinces
    Gelderland 11,704 -> 992 and Noord-Brabant 14,689 -> 1,245 (reference tables).
    """
    if raming <= 0:
        raise SpreidingError("Capaciteitsraming moet positief zijn.")
    num = places * amv_total
    if rounding == "half_up":
        return half_up_div(num, raming)
    if rounding == "floor":
        return num // raming
    raise SpreidingError(f"Onbekende amv-afronding '{rounding}'.")


@dataclass(frozen=True, slots=True)
class SesInput:
    """The SES-WOA scores for a distribution and what they are (for every output)."""

    scores: Mapping[str, float | Fraction]
    source: str = SES_OFFICIAL  # SES_PROXY, SES_OFFICIAL or a data source ("postcode")
    label: str = ""  # e.g. "CBS SES-WOA per gemeente (tabel 86092NED), periode 2022"
    period: str = ""
    # Per-gemeente caveats (e.g. low postcode coverage), shown in its explanation.
    gemeente_notes: Mapping[str, str] = field(default_factory=dict)
    coverage: Mapping[str, Fraction] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GemeenteSpreiding:
    code: str
    population: int
    ses: Fraction | None
    weight: Fraction  # population x (1 + ses), or population
    total_weight: Fraction
    raming: int
    places: int
    amv: int
    amv_total: int
    rounding: str
    ses_source: str | None
    notes: tuple[str, ...]
    ses_label: str = ""
    coverage: Fraction | None = None

    @property
    def exact(self) -> Fraction:
        return self.raming * self.weight / self.total_weight

    def _weight_text(self) -> str:
        if self.ses is None:
            return f"gewicht = inwoners = {self.population}"
        return (
            f"gewicht = {self.population} x (1 + {fraction_text(self.ses, 4)}) = "
            f"{fraction_text(self.weight, 1)}"
        )

    def explanation(self) -> Explanation:
        inputs: dict[str, Any] = {
            "capaciteitsraming": self.raming,
            "inwoners": self.population,
            "SES-WOA": None if self.ses is None else round(float(self.ses), 4),
            "SES-WOA-bron": self.ses_label or "niet geladen",
            "som gewichten": round(float(self.total_weight), 1),
            "afronding": self.rounding,
            "amv-deel landelijk": self.amv_total,
        }
        if self.coverage is not None:
            inputs["huishoudens met SES-WOA-score"] = round(float(self.coverage), 3)
        return Explanation(
            subject=f"opvangopgave {self.code}",
            value=self.places,
            references=(BESLUIT, RAMING),
            inputs=inputs,
            arithmetic=(
                f"{self._weight_text()}; {self.raming} x gewicht / "
                f"{fraction_text(self.total_weight, 1)} = {fraction_text(self.exact)} -> "
                f"{self.rounding} = {self.places}; amv = {self.places} x "
                f"{self.amv_total} / {self.raming} -> {self.amv}"
            ),
            notes=self.notes,
        )


@dataclass(frozen=True, slots=True)
class SpreidingResult:
    raming: int
    amv_total: int
    rounding: str
    ses_source: str | None  # None = fallback to population
    per_gemeente: dict[str, GemeenteSpreiding]
    notes: tuple[str, ...]
    ses_label: str = ""
    ses_period: str = ""

    @property
    def total(self) -> int:
        return sum(g.places for g in self.per_gemeente.values())

    def places(self) -> dict[str, int]:
        return {c: g.places for c, g in self.per_gemeente.items()}


def _to_fraction(value: float | int | str | Fraction) -> Fraction:
    # Through str() so 0.123 stays 123/1000 instead of the binary float expansion.
    return value if isinstance(value, Fraction) else Fraction(str(value))


def _check_inputs(
    raming: int, populations: Mapping[str, int], amv_total: int, rounding: str
) -> None:
    if isinstance(raming, bool) or not isinstance(raming, int) or raming < 0:
        raise SpreidingError(
            f"Capaciteitsraming moet een geheel getal >= 0 zijn: {raming!r}"
        )
    if not populations:
        raise SpreidingError("Geen gemeenten met inwonertal opgegeven.")
    if rounding not in ROUNDING_MODES:
        raise SpreidingError(
            f"Onbekende afronding '{rounding}'; kies uit {', '.join(ROUNDING_MODES)}."
        )
    if not 0 <= amv_total <= raming:
        raise SpreidingError("Het amv-deel moet tussen 0 en de raming liggen.")
    for c, p in populations.items():
        if isinstance(p, bool) or not isinstance(p, int) or p < 0:
            raise SpreidingError(f"Inwonertal van {c} ongeldig: {p!r}")


def _scores(
    codes: Sequence[str], ses: Mapping[str, float | Fraction]
) -> dict[str, Fraction]:
    missing = [c for c in codes if c not in ses or ses[c] is None]
    if missing:
        raise SpreidingError(
            f"SES-WOA-score ontbreekt voor {len(missing)} gemeente(n), o.a. "
            f"{', '.join(missing[:5])}."
        )
    scores = {c: _to_fraction(ses[c]) for c in codes}
    bad = [c for c, s in scores.items() if s <= -1]
    if bad:
        raise SpreidingError(f"SES-WOA-score <= -1 geeft geen gewicht: {bad[:5]}")
    return scores


def _general_notes(ses: SesInput | None) -> tuple[str, ...]:
    if ses is None:
        return (FALLBACK_NOTE,)
    if ses.source == SES_PROXY:
        return (PROXY_NOTE,)
    return (FORM_NOTE,)


def _as_input(
    ses: SesInput | Mapping[str, float | Fraction] | None, ses_source: str
) -> SesInput | None:
    if ses is None or isinstance(ses, SesInput):
        return ses
    return SesInput(scores=ses, source=ses_source)


def distribute(
    raming: int,
    populations: Mapping[str, int],
    ses: SesInput | Mapping[str, float | Fraction] | None = None,
    *,
    amv_total: int = 0,
    rounding: str = "largest_remainder",
    amv_rounding: str = "half_up",
    ses_source: str = SES_OFFICIAL,
) -> SpreidingResult:
    """places_g = raming x w_g / sum(w), w_g = inwoners_g x (1 + SES_g), made whole.

    Without `ses` the weight is the population and the result carries FALLBACK_NOTE.
    `ses` is a SesInput, or a plain mapping of scores with `ses_source` as its kind.
    """
    _check_inputs(raming, populations, amv_total, rounding)
    given = _as_input(ses, ses_source)
    codes = list(populations)
    scores = _scores(codes, given.scores) if given is not None else None
    weights = [
        populations[c] * (1 + scores[c]) if scores else Fraction(populations[c])
        for c in codes
    ]
    scale = lcm(*(w.denominator for w in weights))
    int_weights = [int(w * scale) for w in weights]
    total_int = sum(int_weights)
    if total_int <= 0:
        raise SpreidingError("Som van de gewichten is nul.")
    rounded = round_all(
        [raming * w for w in int_weights], total_int, rounding, total=raming
    )
    notes = _general_notes(given)
    total_weight = Fraction(total_int, scale)
    per = {
        c: GemeenteSpreiding(
            code=c,
            population=populations[c],
            ses=scores[c] if scores else None,
            weight=weights[i],
            total_weight=total_weight,
            raming=raming,
            places=rounded[i],
            amv=amv_share(rounded[i], raming, amv_total, amv_rounding) if raming else 0,
            amv_total=amv_total,
            rounding=rounding,
            ses_source=given.source if given else None,
            notes=notes + _own_note(given, c),
            ses_label=given.label if given else "",
            coverage=given.coverage.get(c) if given else None,
        )
        for i, c in enumerate(codes)
    }
    return SpreidingResult(
        raming,
        amv_total,
        rounding,
        given.source if given else None,
        per,
        notes,
        given.label if given else "",
        given.period if given else "",
    )


def _own_note(ses: SesInput | None, code: str) -> tuple[str, ...]:
    if ses is None or code not in ses.gemeente_notes:
        return ()
    return (ses.gemeente_notes[code],)


@dataclass(frozen=True, slots=True)
class ProvinceOpgave:
    province_code: str
    places: int
    amv: int
    gemeenten: tuple[str, ...]
    notes: tuple[str, ...]

    def explanation(self) -> Explanation:
        return Explanation(
            subject=f"provinciale opvangopgave {self.province_code}",
            value=self.places,
            references=(BESLUIT,),
            inputs={"gemeenten": list(self.gemeenten)},
            arithmetic=(
                f"som van {len(self.gemeenten)} gemeenten = {self.places} "
                f"(waarvan amv {self.amv})"
            ),
            notes=self.notes,
        )


def province_totals(
    result: SpreidingResult, province_of: Mapping[str, str]
) -> dict[str, ProvinceOpgave]:
    """A province's opgave is the sum of its gemeenten (rijksoverheid.nl 2024-01-31)."""
    missing = [c for c in result.per_gemeente if c not in province_of]
    if missing:
        raise SpreidingError(f"Provincie onbekend voor {', '.join(missing[:5])}.")
    groups: dict[str, list[str]] = {}
    for c in result.per_gemeente:
        groups.setdefault(province_of[c], []).append(c)
    return {
        p: ProvinceOpgave(
            p,
            sum(result.per_gemeente[c].places for c in cs),
            sum(result.per_gemeente[c].amv for c in cs),
            tuple(cs),
            result.notes,
        )
        for p, cs in sorted(groups.items())
    }


# --- existing durable locations, shortfall --------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """A reception location; counts toward the opgave when large and durable enough."""

    gemeente: str
    places: int
    years: float  # years the location is available
    name: str = ""


def durable_thresholds(at: date) -> tuple[int, float]:
    cfg: dict[str, Any] = load_parameter("spreidingswet/duurzame_locatie").value_at(at)
    return int(cfg["min_places_exclusive"]), float(cfg["min_years"])


def counts_towards_opgave(loc: Location, at: date) -> bool:
    """> 100 places and available >= 5 years (Stb. 2024, 13 art. 1.1; Rijksoverheid)."""
    min_places, min_years = durable_thresholds(at)
    return loc.places > min_places and loc.years >= min_years


@dataclass(frozen=True, slots=True)
class GemeenteStatus:
    code: str
    target: int
    existing_counted: int
    new_places: int
    remaining: int  # max(0, target - existing - new)


def gemeente_status(
    targets: Mapping[str, int],
    locations: Sequence[Location],
    new_places: Mapping[str, int] | None = None,
    at: date = date(2024, 2, 1),
) -> dict[str, GemeenteStatus]:
    counted: dict[str, int] = {}
    for loc in locations:
        if loc.gemeente not in targets:
            raise SpreidingError(f"Locatie in onbekende gemeente {loc.gemeente}.")
        if counts_towards_opgave(loc, at):
            counted[loc.gemeente] = counted.get(loc.gemeente, 0) + loc.places
    new = new_places or {}
    return {
        c: GemeenteStatus(
            c,
            t,
            counted.get(c, 0),
            new.get(c, 0),
            max(0, t - counted.get(c, 0) - new.get(c, 0)),
        )
        for c, t in targets.items()
    }


def province_shortfall(
    statuses: Mapping[str, GemeenteStatus], province_of: Mapping[str, str]
) -> dict[str, int]:
    """Provincial shortfall: target minus all places available in the province, >= 0.

    A gemeente above its own number offsets another in the same province, because the
    opgave is provincial (the regietafel distributes it).
    """
    target: dict[str, int] = {}
    have: dict[str, int] = {}
    for c, s in statuses.items():
        p = province_of[c]
        target[p] = target.get(p, 0) + s.target
        have[p] = have.get(p, 0) + s.existing_counted + s.new_places
    return {p: max(0, target[p] - have[p]) for p in sorted(target)}


# --- incentive payment -----------------------------------------------------------------

PHASES = ("vrijwillig", "provinciaal", "aanwijzing")


@dataclass(frozen=True, slots=True)
class Incentive:
    amount: int
    per_place: int
    explanation: Explanation


def incentive(places: int, phase: str, durable: bool, at: date) -> Incentive:
    """Specifieke uitkering per place by phase and durability, version in force on `at`."""
    if phase not in PHASES:
        raise SpreidingError(f"Onbekende fase '{phase}'; kies uit {', '.join(PHASES)}.")
    if places < 0:
        raise SpreidingError("Aantal plaatsen kan niet negatief zijn.")
    param = load_parameter("spreidingswet/stimuleringsuitkering")
    entry = param.entry_at(at)
    per_place = int(entry["value"][phase]["duurzaam" if durable else "niet_duurzaam"])
    version = max(s for s, _ in param.values if s <= at)
    notes: tuple[str, ...] = (
        f"Tabelversie {version.isoformat()} ({entry.get('status', '')}).",
    )
    if entry.get("note"):
        notes += (str(entry["note"]),)
    expl = Explanation(
        subject=f"stimuleringsuitkering {phase} {'duurzaam' if durable else 'niet duurzaam'}",
        value=places * per_place,
        references=(REGELING_SPUK,),
        inputs={"plaatsen": places, "bedrag per plaats": per_place},
        arithmetic=f"{places} x EUR {per_place} = EUR {places * per_place}",
        notes=notes,
    )
    return Incentive(places * per_place, per_place, expl)
