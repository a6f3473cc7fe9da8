# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Feeds stored facts into the core rules and keeps the results for one request.

Why a context object: the national, province and gemeente views all need the same
taakstellingen and monitor reports; computing them once per request keeps the pages
fast and guarantees every page shows the same number for the same thing. No rule
arithmetic happens here: taakstelling (art. 29 lid 1), regional agreements (art. 29
lid 2), carry-over, status and toezicht all come from `migratieketen.rules`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone

from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules.explain import Explanation, LegalReference
from migratieketen.rules.huisvestingswet import (
    ART_28,
    ART_29_1,
    ART_29_2,
    CARRY_OVER_PRACTICE,
    GEMEENTEWET_124,
    HalfYear,
    TaakstellingError,
)
from migratieketen.rules.monitor import (
    AHEAD,
    NOT_REGISTERED,
    HalfYearStatus,
    MonitorReport,
    Realisation,
    SupervisionStep,
    half_year_of,
    monitor,
)
from migratieketen.rules.parameters import DatedReference, load_parameter
from migratieketen.rules.realisation_schema import (
    BEFORE_FIRST_DATE_TEXT,
    FIRST_DATE,
    FUTURE_TEXT,
    HOUSEHOLDS_ABOVE_PERSONS_TEXT,
    HOUSEHOLDS_MIN_TEXT,
    KIND_CHOICE_TEXT,
    KINDS,
    MAX_PERSONS_PER_ROW,
    MAX_REFERENCE_LENGTH,
    PERSONS_MAX_TEXT,
    PERSONS_MIN_TEXT,
    REFERENCE_CONTROL_TEXT,
    REFERENCE_TOO_LONG_TEXT,
    FieldIssue,
    check_realisation,
)
from migratieketen.rules.realisations_csv import (
    RealisationImportError,
    parse_realisations,
)
from migratieketen.rules.service import SES_CHOICES, SES_SHORT_LABELS
from migratieketen.rules.spreidingswet import (
    BESLUIT,
    FORM_NOTE,
    RAMING,
    SpreidingError,
)
from migratieketen.rules.spreidingswet import in_force as sw_in_force
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.models import Gemeente, PopulationFigure, Source
from migratieketen_web.monitor import models

# Core names the app's other modules use (imported from here, never from the core;
# docs/adr/0008-one-domain-template.md).
__all__ = [
    "spreidingswet_in_force",
    "AHEAD",
    "ART_28",
    "ART_29_1",
    "ART_29_2",
    "BEFORE_FIRST_DATE_TEXT",
    "BESLUIT",
    "CARRY_OVER_PRACTICE",
    "FIRST_DATE",
    "FORM_NOTE",
    "FUTURE_TEXT",
    "GEMEENTEWET_124",
    "HOUSEHOLDS_ABOVE_PERSONS_TEXT",
    "HOUSEHOLDS_MIN_TEXT",
    "KINDS",
    "KIND_CHOICE_TEXT",
    "MAX_PERSONS_PER_ROW",
    "MAX_REFERENCE_LENGTH",
    "NOT_REGISTERED",
    "PERSONS_MAX_TEXT",
    "PERSONS_MIN_TEXT",
    "RAMING",
    "REFERENCE_CONTROL_TEXT",
    "REFERENCE_TOO_LONG_TEXT",
    "SES_CHOICES",
    "SES_SHORT_LABELS",
    "Explanation",
    "HalfYear",
    "HalfYearStatus",
    "LegalReference",
    "Realisation",
    "RealisationImportError",
    "SpreidingError",
    "SupervisionStep",
    "TaakstellingError",
]

FIRST_YEAR = 2015  # the Huisvestingswet 2014 taakstelling applies from 2015 (art. 28)
VG_PARAMETER = "huisvestingswet/landelijk_aantal_vergunninghouders"


def _dutch(text: str) -> str:
    """No translation: the Dutch source text, as the API and downloads show it."""
    return text


def national_number(hy: hw.HalfYear) -> hw.NationalNumber:
    """The published vg of a half-year (art. 29 lid 1), with its sources."""
    return hw.national_number(hy)


def parameter_reference(name: str, at: date) -> DatedReference:
    """The public reference of a dated rule parameter in force on `at`."""
    return load_parameter(name).reference_at(at)


def check_regional_agreement(name: str, deltas: dict[str, int]) -> None:
    """Art. 29 lid 2: the changes sum to zero; TaakstellingError (Dutch) if not."""
    agreement = hw.RegionalAgreement(name, deltas)
    hw.apply_regional_agreements(dict.fromkeys(deltas, 10**9), [agreement])


def parse_realisations_csv(
    text: str, known_gemeenten: set[str], today: date
) -> list[Realisation]:
    """The core's all-or-nothing CSV check; RealisationImportError lists every issue."""
    return parse_realisations(text, known_gemeenten, today)


def parse_half_year(text: str) -> hw.HalfYear:
    """'2025-1' -> HalfYear; ValueError (TaakstellingError) with a Dutch reason."""
    return hw.HalfYear.parse(text)


def realisation_issues(
    *,
    housed_on: date | None = None,
    persons: int | None = None,
    households: int | None = None,
    kind: str = "regulier",
    reference: str = "",
) -> list[FieldIssue]:
    """The core's realisation schema on typed values, with today as the last date.

    A value left out (None) is not checked, so an edge can check one field alone.
    """
    return check_realisation(
        housed_on=housed_on,
        persons=persons,
        households=households,
        kind=kind,
        reference=reference,
        today=timezone.localdate(),
    )


class MonitorUnavailable(LookupError):
    """No half-year can be computed (no population or no published vg); Dutch text."""


class StandBeforeLedger(MonitorUnavailable):
    """The chosen stand lies before the first half-year the monitor can compute.

    Not a missing import: later stands work. `first` is that first half-year.
    """

    def __init__(self, stand: date, first: hw.HalfYear) -> None:
        self.stand, self.first = stand, first
        super().__init__(stand_before_ledger_text(stand, first))


def stand_before_ledger_text(
    stand: date, first: hw.HalfYear, _: Callable[[str], str] = _dutch
) -> str:
    return _(
        "Op {stand} is er nog geen taakstelling te berekenen: de monitor begint bij "
        "halfjaar {first}, het eerste halfjaar met zowel een gepubliceerd landelijk "
        "aantal (vg) als een geïmporteerd CBS-inwonertal. Kies een stand vanaf {start}."
    ).format(stand=f"{stand:%d-%m-%Y}", first=first, start=f"{first.start:%d-%m-%Y}")


@dataclass(frozen=True, slots=True)
class GemeenteInfo:
    code: str
    name: str
    province_code: str
    province_name: str


@dataclass(frozen=True, slots=True)
class PopulationYear:
    """CBS inhabitants on 1 January of `year` for every gemeente, with its source."""

    year: int
    populations: dict[str, int]
    source: Source | None


@dataclass(frozen=True, slots=True)
class Housed:
    """One gemeente's register, summed in SQL per half-year (no single rows)."""

    # Persons housed per half-year on or before as_of.
    per_half_year: dict[hw.HalfYear, int]
    # Per half-year of the ledger: persons housed on or before its peildatum.
    by_peildatum: dict[hw.HalfYear, int]


NOTHING_HOUSED = Housed({}, {})


@dataclass(frozen=True, slots=True)
class GemeenteMonitor:
    """The core report for one gemeente plus the status at each half-year's peildatum."""

    info: GemeenteInfo
    report: MonitorReport
    at_peildatum: dict[hw.HalfYear, HalfYearStatus]
    opening_balance: int
    housed_after_run: int  # housed after the last half-year with a taakstelling

    @property
    def current(self) -> HalfYearStatus:
        return self.report.current


def vg_source_line(hy: hw.HalfYear) -> str:
    """'Bron vg: ...' from the dated parameter file (Staatscourant/Rijksoverheid)."""
    nn = hw.national_number(hy)
    ref = load_parameter(VG_PARAMETER).reference_at(hy.start)
    revised = (
        f", bijgesteld tot {format_number(nn.revised)}"
        if nn.revised not in (None, nn.initial)
        else ""
    )
    return (
        f"Bron vg {hy}: {format_number(nn.initial)}{revised}; {nn.source}. "
        f"Grondslag: {ref.title}."
    )


def _source(pk: int | None) -> Source | None:
    return Source.objects.filter(pk=pk).first() if pk is not None else None


class MonitorData:
    """All taakstellingen and monitor reports as of one date, computed lazily once."""

    def __init__(self, as_of: date | None = None) -> None:
        self.as_of = as_of or timezone.localdate()
        self._taak: dict[hw.HalfYear, hw.TaakstellingResult] = {}
        self._adjusted: dict[hw.HalfYear, tuple[dict[str, int], list[Explanation]]] = {}
        self._populations: dict[int, PopulationYear | None] = {}
        self._reports: dict[str, GemeenteMonitor] = {}
        self._housed: dict[str, Housed] = {}
        self._housed_all = False

    # --- inputs ---------------------------------------------------------------------

    @cached_property
    def gemeenten(self) -> dict[str, GemeenteInfo]:
        rows = Gemeente.objects.order_by("name").values_list(
            "code", "name", "province__code", "province__name"
        )
        return {c: GemeenteInfo(c, n, pc, pn) for c, n, pc, pn in rows}

    @cached_property
    def _gemeente_ids(self) -> dict[int, str]:
        return dict(Gemeente.objects.values_list("pk", "code"))

    @cached_property
    def _population_years(self) -> set[int]:
        return set(PopulationFigure.objects.values_list("year", flat=True).distinct())

    def population(self, year: int) -> PopulationYear | None:
        """CBS inhabitants on 1 January of `year`, or None when not imported."""
        if year not in self._population_years:
            return None
        if year not in self._populations:
            figures = dict(
                PopulationFigure.objects.filter(year=year).values_list(
                    "gemeente__code", "inhabitants"
                )
            )
            source_id = (
                PopulationFigure.objects.filter(year=year)
                .values("source_id")
                .annotate(n=Count("id"))
                .order_by("-n")
                .values_list("source_id", flat=True)
                .first()
            )
            self._populations[year] = (
                PopulationYear(year, figures, _source(source_id)) if figures else None
            )
        return self._populations[year]

    def load_housed(self, codes: list[str] | None = None) -> None:
        """Sum the register for these gemeenten (None: all) in one query.

        Pages that show many gemeenten call this first; `gemeente()` otherwise reads
        one gemeente at a time. Only sums per gemeente x half-year leave the database
        (covering index `realisation_sums`), so a page costs the same whatever the
        size of the register.
        """
        if self._housed_all:
            return
        wanted = None if codes is None else [c for c in codes if c not in self._housed]
        if wanted == []:
            return
        by_peildatum = Q(pk__in=[])
        for hy in self.run:
            if hy.peildatum() <= self.as_of:
                by_peildatum |= Q(half_year=str(hy), housed_on__lte=hy.peildatum())
        rows = models.Realisation.objects.all()
        if wanted is not None:
            ids = {code: pk for pk, code in self._gemeente_ids.items()}
            rows = rows.filter(gemeente_id__in=[ids[c] for c in wanted if c in ids])
        sums = (
            rows.values("gemeente_id", "half_year")
            .annotate(
                housed=Sum("persons", filter=Q(housed_on__lte=self.as_of)),
                peil=Sum("persons", filter=by_peildatum),
            )
            .order_by()
        )
        found: dict[str, Housed] = {}
        half_years: dict[str, hw.HalfYear] = {}
        for row in sums:
            code = self._gemeente_ids[row["gemeente_id"]]
            housed = found.setdefault(code, Housed({}, {}))
            text = row["half_year"]
            if text not in half_years:
                half_years[text] = hw.HalfYear.parse(text)
            hy = half_years[text]
            if row["housed"]:
                housed.per_half_year[hy] = row["housed"]
            if row["peil"]:
                housed.by_peildatum[hy] = row["peil"]
        for code in self.gemeenten if wanted is None else wanted:
            self._housed[code] = found.get(code, NOTHING_HOUSED)
        self._housed_all = wanted is None

    def housed(self, code: str) -> Housed:
        if code not in self._housed:
            self.load_housed([code])
        return self._housed[code]

    # --- half-years -----------------------------------------------------------------

    def reason_unavailable(
        self, hy: hw.HalfYear, _: Callable[[str], str] = _dutch
    ) -> str | None:
        """Why a half-year cannot be computed (Dutch unless `_` translates)."""
        if not hw.taakstelling_in_force(hy):
            return _("voor {hy} geldt geen taakstelling").format(hy=hy)
        try:
            hw.national_number(hy)
        except hw.TaakstellingError:
            return _("geen gepubliceerd landelijk aantal (vg) voor {hy} bekend").format(
                hy=hy
            )
        pop = self.population(hy.reference_date.year)
        if pop is None:
            return _("geen CBS-bevolking op 1 januari {year} geïmporteerd").format(
                year=hy.reference_date.year
            )
        missing = sorted(set(self.gemeenten) - set(pop.populations))
        if missing:
            # iN is the national total: a partial table would misstate every share.
            return _(
                "de CBS-bevolking op 1 januari {year} ontbreekt voor {n} gemeente(n), "
                "o.a. {codes}"
            ).format(
                year=hy.reference_date.year,
                n=len(missing),
                codes=", ".join(missing[:3]),
            )
        return None

    @cached_property
    def computable(self) -> list[hw.HalfYear]:
        """Half-years up to as_of with a taakstelling, vg and population, ascending."""
        last = half_year_of(self.as_of)
        hy, out = hw.HalfYear(FIRST_YEAR, 1), []
        while hy <= last:
            if self.reason_unavailable(hy) is None:
                out.append(hy)
            hy = hy.next()
        return out

    @cached_property
    def run(self) -> list[hw.HalfYear]:
        """The latest unbroken series of computable half-years: the monitored ledger.

        Carry-over needs every half-year's taakstelling, so the ledger cannot bridge
        a half-year without a published vg; it starts after the last such gap.
        """
        if not self.computable:
            today = timezone.localdate()
            later = MonitorData(today).computable if self.as_of < today else []
            if later:
                raise StandBeforeLedger(self.as_of, later[0])
            raise MonitorUnavailable(
                "Er is geen halfjaar met zowel een gepubliceerd landelijk aantal (vg) "
                "als een geïmporteerd CBS-inwonertal; importeer eerst de open data."
            )
        run = [self.computable[-1]]
        for hy in reversed(self.computable[:-1]):
            if hy.next() != run[0]:
                break
            run.insert(0, hy)
        return run

    @cached_property
    def gaps(self) -> list[str]:
        """Dutch reasons for the half-years between the run and as_of, and before it."""
        return self.gap_notes()

    def gap_notes(self, _: Callable[[str], str] = _dutch) -> list[str]:
        """The gaps, translated by `_` (the web pages pass gettext; API stays Dutch)."""
        notes = []
        before = self.run[0].previous()
        reason = self.reason_unavailable(before, _)
        if reason:
            notes.append(
                _(
                    "De reeks begint bij {first}: {reason}, dus de achterstand of "
                    "voorsprong van daarvoor is niet te berekenen (beginsaldo, zie "
                    "beheer)."
                ).format(first=self.run[0], reason=reason)
            )
        hy = self.run[-1].next()
        last = half_year_of(self.as_of)
        while hy <= last:
            notes.append(
                _(
                    "{hy}: {reason}; huisvesting in dit halfjaar telt mee zodra dat "
                    "bekend is."
                ).format(
                    hy=hy,
                    reason=self.reason_unavailable(hy, _) or _("nog niet berekend"),
                )
            )
            hy = hy.next()
        return notes

    # --- taakstelling ---------------------------------------------------------------

    def taakstelling(self, hy: hw.HalfYear) -> hw.TaakstellingResult:
        """Art. 29 lid 1 for every gemeente, from the published (final) vg."""
        if hy not in self._taak:
            reason = self.reason_unavailable(hy)
            if reason:
                raise hw.TaakstellingError(reason[0].upper() + reason[1:] + ".")
            pop = self.population(hy.reference_date.year)
            assert pop is not None
            vg = hw.national_number(hy).value("final")
            self._taak[hy] = hw.compute_taakstelling(vg, pop.populations, half_year=hy)
        return self._taak[hy]

    def adjusted(self, hy: hw.HalfYear) -> tuple[dict[str, int], list[Explanation]]:
        """Taakstellingen after the regional agreements of art. 29 lid 2."""
        if hy not in self._adjusted:
            agreements = [
                hw.RegionalAgreement(
                    a.name, {s.gemeente.code: s.delta for s in a.shares.all()}
                )
                for a in models.RegionalAgreement.objects.filter(
                    half_year=str(hy)
                ).prefetch_related("shares__gemeente")
            ]
            self._adjusted[hy] = hw.apply_regional_agreements(
                self.taakstelling(hy).values(), agreements
            )
        return self._adjusted[hy]

    def agreement_explanations(self, code: str, hy: hw.HalfYear) -> list[Explanation]:
        return [e for e in self.adjusted(hy)[1] if e.subject.endswith(f": {code}")]

    # --- monitor --------------------------------------------------------------------

    @cached_property
    def _opening(self) -> dict[str, int]:
        return dict(
            models.OpeningBalance.objects.filter(
                half_year=str(self.run[0])
            ).values_list("gemeente__code", "balance")
        )

    @cached_property
    def _linked(self) -> dict[str, dict[hw.HalfYear, int]]:
        out: dict[str, dict[hw.HalfYear, int]] = defaultdict(dict)
        wanted = {str(h) for h in self.run}
        for code, half, linked in models.CoaLinkage.objects.filter(
            half_year__in=wanted
        ).values_list("gemeente__code", "half_year", "linked"):
            out[code][hw.HalfYear.parse(half)] = linked
        return out

    def gemeente(self, code: str) -> GemeenteMonitor:
        if code not in self._reports:
            self._reports[code] = self._gemeente_monitor(code)
        return self._reports[code]

    def _gemeente_monitor(self, code: str) -> GemeenteMonitor:
        """The core ledger as of the stand, and as it stood on each peildatum."""
        info = self.gemeenten[code]
        taak = {hy: self.adjusted(hy)[0][code] for hy in self.run}
        housed = self.housed(code)
        opening = self._opening.get(code, 0)
        linked = self._linked.get(code, {})

        def at(
            as_of: date, periods: list[hw.HalfYear], realised: dict[hw.HalfYear, int]
        ) -> MonitorReport:
            return monitor(
                code,
                info.province_code,
                periods,
                taak,
                realised,
                as_of,
                opening_balance=opening,
                linked_by_peildatum=linked,
                registered_from=self._registered_from(code, realised),
            )

        report = at(self.as_of, self.run, housed.per_half_year)
        peil = {}
        for i, hy in enumerate(self.run):
            if hy.peildatum() <= self.as_of:
                realised = {h: n for h, n in housed.per_half_year.items() if h < hy}
                realised[hy] = housed.by_peildatum.get(hy, 0)
                peil[hy] = at(hy.peildatum(), self.run[: i + 1], realised).current
        after = sum(n for hy, n in housed.per_half_year.items() if hy > self.run[-1])
        return GemeenteMonitor(info, report, peil, opening, after)

    def _registered_from(
        self, code: str, realised: dict[hw.HalfYear, int]
    ) -> hw.HalfYear | None:
        """The first half-year of the ledger for which the gemeente keeps the register.

        An opening balance fixed for the first half-year registers the gemeente from
        the start; otherwise its first housing does, from that half-year on (from the
        start when it lies before the ledger). No housing: not registered at all.
        """
        if code in self._opening:
            return self.run[0]
        housed = [hy for hy, n in realised.items() if n > 0]
        return max(min(housed), self.run[0]) if housed else None

    def housed_in(self, hy: hw.HalfYear, codes: list[str] | None = None) -> int:
        """Persons housed in `hy` up to the stand, summed over the gemeenten."""
        self.load_housed(codes)
        wanted = self.gemeenten if codes is None else codes
        return sum(self.housed(code).per_half_year.get(hy, 0) for code in wanted)


def spreidingswet_in_force(on: date) -> bool:
    """Whether the Spreidingswet distributes places on this date (map layers ask)."""
    return sw_in_force(on)
