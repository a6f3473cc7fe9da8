# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Migration figures as map layers for the national and province maps.

Why here and not in the gemeenten app: every figure comes from the monitor
(`MonitorData`, the Spreidingswet service) or the latest published chain run, so
the map shows exactly the numbers the monitor pages show. The gemeenten app only
draws them: a layer is an `IndicatorInfo` plus per-gemeente and per-province values.

The one definition of achterstand holds here too: a gemeente that registers nothing
for a half-year ('niet geregistreerd') has no value ("geen gegevens") for housed,
achterstand and housed per 1,000, instead of a zero that would look like a failure.
Province values add up their gemeenten (per 1,000: the sum divided by the sum of
the inhabitants of the gemeenten counted), so the map, the table and the monitor
agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.queries import IndicatorInfo, vintage_key
from migratieketen_web.monitor.services import (
    BESLUIT,
    NOT_REGISTERED,
    RAMING,
    HalfYear,
    HalfYearStatus,
    MonitorData,
    MonitorUnavailable,
    spreidingswet_in_force,
    vg_source_line,
)

if TYPE_CHECKING:
    from migratieketen_web.scenarios.models import ScenarioRun

TAAKSTELLING = "taakstelling"
HOUSED = "gehuisvest"
BEHIND = "achterstand"
HOUSED_PER_1000 = "gehuisvest_per_1000"
SPREIDING_PER_1000 = "spreiding_per_1000"
CRISIS = "crisisbehoefte"
# The order of the choice list; the first one available is the map's default view.
KEYS = (TAAKSTELLING, HOUSED, BEHIND, HOUSED_PER_1000, SPREIDING_PER_1000, CRISIS)
HALF_YEAR_KEYS = (TAAKSTELLING, HOUSED, BEHIND, HOUSED_PER_1000)
PER_1000 = "per 1.000 inwoners"


@dataclass(frozen=True, slots=True)
class Layer:
    """One migration figure for every gemeente and province, with its source."""

    info: IndicatorInfo
    gemeenten: dict[str, float | None]
    provinces: dict[str, float | None]
    half_year: HalfYear | None = None
    notes: tuple[str, ...] = ()


def _info(key: str, nl: str, en: str, unit: str, attribution: str) -> IndicatorInfo:
    return IndicatorInfo(
        key=key,
        label_nl=nl,
        label_en=en,
        unit=unit,
        aggregation="sum",
        weight="",
        attribution=attribution,
    )


class MigrationLayers:
    """The migration layers as of one date; each computed once, on demand."""

    def __init__(self, as_of: date | None = None) -> None:
        self.data = MonitorData(as_of)

    # --- half-years -----------------------------------------------------------------

    def half_years(self) -> list[HalfYear]:
        """The monitored ledger's half-years (empty when the monitor cannot run)."""
        try:
            return list(self.data.run)
        except MonitorUnavailable:
            return []

    def half_year(self, requested: str = "") -> HalfYear | None:
        """The requested half-year of the ledger, else its latest one."""
        available = self.half_years()
        for hy in available:
            if str(hy) == requested:
                return hy
        return available[-1] if available else None

    # --- choice list ----------------------------------------------------------------

    def ended(self, hy: HalfYear) -> HalfYear | None:
        """The latest ended half-year of the ledger up to `hy` (achterstand needs one)."""
        ended = [h for h in self.half_years() if h <= hy and h.end < self.data.as_of]
        return ended[-1] if ended else None

    def label(self, key: str, hy: HalfYear | None) -> tuple[str, str, str] | None:
        """(Dutch label, English label, unit) of a layer that can be shown, else None.

        Cheap: the choice list is built on every map page, the values only for the
        chosen layer.
        """
        if key in HALF_YEAR_KEYS and hy is None:
            return None
        if key == TAAKSTELLING:
            return (
                f"Taakstelling statushouders, halfjaar {hy}",
                f"Housing target for status holders, half-year {hy}",
                "personen",
            )
        if key == HOUSED:
            return (
                f"Gehuisveste statushouders, halfjaar {hy}",
                f"Status holders housed, half-year {hy}",
                "personen",
            )
        if key == BEHIND:
            ended = self.ended(hy) if hy is not None else None
            if ended is None:
                return None
            return (
                f"Achterstand na halfjaar {ended} (nog te huisvesten)",
                f"Backlog after half-year {ended} (still to house)",
                "personen",
            )
        if key == HOUSED_PER_1000:
            if hy is None or self.data.population(hy.reference_date.year) is None:
                return None
            return (
                f"Gehuisveste statushouders per 1.000 inwoners, halfjaar {hy}",
                f"Status holders housed per 1,000 inhabitants, half-year {hy}",
                PER_1000,
            )
        if key == SPREIDING_PER_1000:
            if not spreidingswet_in_force(self.data.as_of):
                return None
            return (
                "Opvangopgave Spreidingswet per 1.000 inwoners",
                "Reception places under the Spreidingswet per 1,000 inhabitants",
                PER_1000,
            )
        if key == CRISIS:
            if not self._published_exists:
                return None
            return (
                "Indicatieve behoefte aan crisisnoodopvang (piek, plaatsen)",
                "Indicative need for crisis reception (peak, places)",
                "plaatsen",
            )
        return None

    def choices(self, hy: HalfYear | None) -> list[IndicatorInfo]:
        """The layers that can be shown, for the choice list (without values)."""
        out = []
        for key in KEYS:
            label = self.label(key, hy)
            if label is not None:
                out.append(_info(key, *label, ""))
        return out

    def _labelled(
        self, key: str, hy: HalfYear | None, attribution: str
    ) -> IndicatorInfo:
        label = self.label(key, hy)
        assert label is not None, key
        return _info(key, *label, attribution)

    def layer(self, key: str, hy: HalfYear | None) -> Layer | None:
        """The layer `key` for half-year `hy`; None when it cannot be computed."""
        builders: dict[str, Callable[[HalfYear], Layer | None]] = {
            TAAKSTELLING: self._taakstelling,
            HOUSED: self._housed,
            BEHIND: self._behind,
            HOUSED_PER_1000: self._housed_per_1000,
        }
        if key in builders:
            return builders[key](hy) if hy is not None else None
        if key == SPREIDING_PER_1000:
            return self._spreiding
        if key == CRISIS:
            return self._crisis
        return None

    # --- sums -----------------------------------------------------------------------

    def _provinces(self, values: dict[str, float | None]) -> dict[str, float | None]:
        """Sum per province over the gemeenten with a value (None: none has one)."""
        out: dict[str, float | None] = {}
        for code, info in self.data.gemeenten.items():
            value = values.get(code)
            out.setdefault(info.province_code, None)
            if value is not None:
                out[info.province_code] = (out[info.province_code] or 0) + value
        return out

    def _per_1000(
        self, counts: dict[str, float | None], population: dict[str, int]
    ) -> tuple[dict[str, float | None], dict[str, float | None]]:
        """Per 1,000 inhabitants per gemeente and per province (sum / sum)."""
        gemeenten: dict[str, float | None] = {}
        sums: dict[str, list[float]] = {}
        for code, info in self.data.gemeenten.items():
            count, people = counts.get(code), population.get(code)
            if count is None or not people:
                gemeenten[code] = None
                continue
            gemeenten[code] = 1000 * count / people
            pair = sums.setdefault(info.province_code, [0.0, 0.0])
            pair[0] += count
            pair[1] += people
        provinces: dict[str, float | None] = {
            info.province_code: None for info in self.data.gemeenten.values()
        }
        for province, (total, inhabitants) in sums.items():
            provinces[province] = 1000 * total / inhabitants if inhabitants else None
        return gemeenten, provinces

    def _statuses(self, hy: HalfYear) -> dict[str, HalfYearStatus]:
        self.data.load_housed()
        out = {}
        for code in self.data.gemeenten:
            report = self.data.gemeente(code).report
            out[code] = next(s for s in report.half_years if s.half_year == hy)
        return out

    def _not_registered_note(self, statuses: dict[str, HalfYearStatus]) -> str:
        n = sum(1 for s in statuses.values() if s.status == NOT_REGISTERED)
        return _(
            "%(n)s van %(total)s gemeenten hebben voor dit halfjaar niets in het "
            "register (niet geregistreerd): geen gegevens, niet meegeteld."
        ) % {"n": n, "total": len(statuses)}

    def _register_source(self) -> str:
        return _(
            "Bron: huisvesting van vergunninghouders zoals gemeenten die in "
            "Migratieketen registreren (stand %(date)s)."
        ) % {"date": f"{self.data.as_of:%d-%m-%Y}"}

    # --- layers ---------------------------------------------------------------------

    def _taakstelling(self, hy: HalfYear) -> Layer:
        values: dict[str, float | None] = {
            c: float(v) for c, v in self.data.adjusted(hy)[0].items()
        }
        population = self.data.population(hy.reference_date.year)
        inhabitants = (
            population.source.attribution()
            if population is not None and population.source is not None
            else ""
        )
        attribution = " ".join(
            part
            for part in (
                _("Berekend volgens art. 29 Huisvestingswet 2014."),
                vg_source_line(hy),
                inhabitants,
            )
            if part
        )
        info = self._labelled(TAAKSTELLING, hy, attribution)
        return Layer(info, values, self._provinces(values), hy)

    def _housed(self, hy: HalfYear) -> Layer:
        statuses = self._statuses(hy)
        values: dict[str, float | None] = {
            c: None if s.status == NOT_REGISTERED else float(s.realised)
            for c, s in statuses.items()
        }
        info = self._labelled(HOUSED, hy, self._register_source())
        notes = (self._not_registered_note(statuses),)
        return Layer(info, values, self._provinces(values), hy, notes)

    def _behind(self, hy: HalfYear) -> Layer | None:
        """Persons still to house after an ended half-year: the one definition."""
        ended = self.ended(hy)
        if ended is None:
            return None
        statuses = self._statuses(ended)
        values: dict[str, float | None] = {
            c: (
                None
                if s.status == NOT_REGISTERED
                else float(s.remaining if s.achterstand else 0)
            )
            for c, s in statuses.items()
        }
        definition = _(
            "Achterstand: opgave (taakstelling plus wat van eerdere halfjaren "
            "openstond) min de gehuisveste personen, na afloop van het halfjaar "
            "(art. 28 Huisvestingswet 2014)."
        )
        info = self._labelled(BEHIND, hy, f"{self._register_source()} {definition}")
        notes = (self._not_registered_note(statuses),)
        return Layer(info, values, self._provinces(values), ended, notes)

    def _housed_per_1000(self, hy: HalfYear) -> Layer | None:
        population = self.data.population(hy.reference_date.year)
        if population is None:
            return None
        housed = self._housed(hy)
        gemeenten, provinces = self._per_1000(housed.gemeenten, population.populations)
        source = population.source.attribution() if population.source else ""
        attribution = f"{housed.info.attribution} {source}".strip()
        info = self._labelled(HOUSED_PER_1000, hy, attribution)
        return Layer(info, gemeenten, provinces, hy, housed.notes)

    @cached_property
    def _spreiding(self) -> Layer | None:
        """Cached per import, date and language: it reads the SES-WOA scores from
        the data folder (about 1.5 s) and does not depend on the register."""
        key = (
            f"mk:map:spreiding:{vintage_key()}:{self.data.as_of}:"
            f"{(get_language() or 'nl')[:2]}"
        )
        layer = cache.get(key)
        if layer is None:
            layer = self._build_spreiding() or False
            cache.set(key, layer, None)
        return layer or None

    def _build_spreiding(self) -> Layer | None:
        from migratieketen_web.monitor.spreiding import SpreidingUnavailable, compute

        try:
            result = compute(self.data, at=self.data.as_of)
        except (SpreidingUnavailable, MonitorUnavailable):
            return None
        places: dict[str, float | None] = {
            c: float(g.places) for c, g in result.result.per_gemeente.items()
        }
        gemeenten, provinces = self._per_1000(places, result.population.populations)
        population_source = (
            result.population.source.attribution() if result.population.source else ""
        )
        law = _(
            "Berekend volgens de Spreidingswet en het %(besluit)s (%(besluit_url)s), "
            "met de %(raming)s (%(raming_url)s): %(n)s plaatsen, geldig vanaf "
            "%(date)s."
        ) % {
            "besluit": BESLUIT.law,
            "besluit_url": BESLUIT.url,
            "raming": RAMING.law,
            "raming_url": RAMING.url,
            "n": format_number(result.raming),
            "date": f"{result.published.published:%d-%m-%Y}",
        }
        attribution = " ".join(
            p for p in (law, population_source, result.ses_attribution) if p
        )
        info = self._labelled(SPREIDING_PER_1000, None, attribution)
        return Layer(info, gemeenten, provinces)

    @cached_property
    def _published_exists(self) -> bool:
        """Cheap: the choice list is on every map page; the run's result is large."""
        from migratieketen_web.scenarios.services import latest_published_exists

        return latest_published_exists()

    @cached_property
    def _published_run(self) -> ScenarioRun | None:
        """The latest published chain run with per-gemeente figures, if any."""
        from migratieketen_web.scenarios.services import latest_published

        run = latest_published()
        if run is None or not (run.result or {}).get("gemeenten"):
            return None
        return run

    @cached_property
    def _crisis(self) -> Layer | None:
        """Peak crisis places per gemeente (median) of the latest published run."""
        run = self._published_run
        if run is None:
            return None
        values: dict[str, float | None] = {
            g["code"]: float(round(g["crisis_places_peak"]["p50"]))
            for g in (run.result or {}).get("gemeenten", [])
            if g["code"] in self.data.gemeenten
        }
        published = run.published_at
        attribution = _(
            "Bron: ketenmodel Migratieketen, gepubliceerde run '%(name)s' van "
            "%(date)s (mediaan van de runs; indicatief, geen prognose); verdeeld "
            "naar taakstellingsaandeel (art. 29 Huisvestingswet 2014)."
        ) % {"name": run.name, "date": f"{published:%d-%m-%Y}" if published else ""}
        info = self._labelled(CRISIS, None, attribution)
        return Layer(info, values, self._provinces(values))
