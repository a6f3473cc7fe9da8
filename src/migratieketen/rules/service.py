# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Ready-made rule runs for the CLI, the API and the web pages.

The rule modules take plain inputs; this module does the wiring once: it finds the
population for the reference date, the published vg or raming, the SES-WOA scores, and
returns records (one per gemeente, with CBS code) that carry their explanation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from migratieketen.data.loader import load_dataset
from migratieketen.data.population_history import PopulationTable, population_on
from migratieketen.data.ses_woa import (
    SOURCE_CBS,
    SOURCE_POSTCODE,
    SesWoaScores,
    load_ses_woa,
    preferred_scores,
)
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import spreidingswet as sw
from migratieketen.rules.afspraken import Afspraken
from migratieketen.rules.explain import Explanation, fraction_text


def _base(table: PopulationTable, key: str) -> dict[str, Any]:
    return {
        "gemeentecode": key if table.keyed_by_code else "",
        "gemeentenaam": table.names.get(key, key),
        "provinciecode": table.province_codes.get(key, ""),
    }


def select_keys(table: PopulationTable, wanted: Sequence[str] | None) -> list[str]:
    """Keys for codes or names (case-insensitive); all gemeenten by name when empty."""
    if not wanted:
        return sorted(table.populations, key=lambda k: table.names.get(k, k))
    keys = []
    for w in wanted:
        if w.upper() in table.populations:
            keys.append(w.upper())
            continue
        if w in table.populations:
            keys.append(w)
            continue
        hits = [k for k, n in table.names.items() if n.lower() == w.lower()]
        if len(hits) != 1:
            raise hw.TaakstellingError(
                f"Gemeente '{w}' niet gevonden in de indeling van {table.division}."
            )
        keys.append(hits[0])
    return keys


@dataclass(frozen=True, slots=True)
class TaakstellingRun:
    half_year: hw.HalfYear
    vg: int
    vg_source: str
    population: PopulationTable
    result: hw.TaakstellingResult
    # After regional agreements (art. 29 lid 2); empty when there are none.
    adjusted: dict[str, int] = field(default_factory=dict)
    adjustments: dict[str, list[Explanation]] = field(default_factory=dict)

    def final(self, key: str) -> int:
        """The taakstelling after regional agreements (equal to art. 29 lid 1 without)."""
        return self.adjusted.get(key, self.result.per_gemeente[key].taakstelling)

    def records(
        self, keys: Sequence[str] | None = None
    ) -> list[tuple[dict[str, Any], Explanation]]:
        out = []
        for key in keys if keys is not None else select_keys(self.population, None):
            g = self.result.per_gemeente[key]
            rec = _base(self.population, key) | {
                "halfjaar": str(self.half_year),
                "inwoners": g.population,
                "inwoners_nederland": g.national_population,
                "peildatum_bevolking": self.half_year.reference_date.isoformat(),
                "vg": self.vg,
                "exact": fraction_text(g.exact),
                "afronding": g.rounding,
                "taakstelling": g.taakstelling,
            }
            expl = g.explanation()
            if self.adjusted:
                rec["na_regionale_afspraak"] = self.final(key)
                for extra in self.adjustments.get(key, []):
                    expl = Explanation(
                        subject=expl.subject,
                        value=extra.value,
                        references=expl.references + extra.references,
                        inputs=expl.inputs | {extra.subject: extra.inputs["wijziging"]},
                        arithmetic=f"{expl.arithmetic}; {extra.subject}: {extra.arithmetic}",
                        notes=expl.notes,
                    )
            out.append((rec, expl))
        return out

    def meta(self) -> dict[str, Any]:
        return {
            "halfjaar": str(self.half_year),
            "vg": self.vg,
            "vg_bron": self.vg_source,
            "inwoners_nederland": self.result.national_population,
            "peildatum_bevolking": self.half_year.reference_date.isoformat(),
            "peildatum_koppeling": self.half_year.peildatum().isoformat(),
            "afronding": self.result.rounding,
            "som_gemeenten": self.result.total,
            "aantal_gemeenten": len(self.result.per_gemeente),
            "bevolkingsbron": self.population.provenance.attribution(),
            "opmerkingen": list(self.result.notes) + list(self.population.notes),
        }


def run_taakstelling(
    half_year: hw.HalfYear | str,
    data_dir: Path,
    vg: int | None = None,
    version: hw.VgVersion = "final",
    rounding: str | None = None,
    afspraken: Afspraken | None = None,
) -> TaakstellingRun:
    """Art. 29 Huisvestingswet 2014 for every gemeente in one half-year.

    `afspraken` applies mergers (art. 30) to the population first and regional
    agreements (art. 29 lid 2) to the result.
    """
    hy = (
        half_year
        if isinstance(half_year, hw.HalfYear)
        else hw.HalfYear.parse(half_year)
    )
    if not hw.taakstelling_in_force(hy):
        raise hw.TaakstellingError(
            f"Voor {hy} geldt geen taakstelling volgens art. 28-30 Huisvestingswet 2014."
        )
    if vg is None:
        nn = hw.national_number(hy)
        vg_value = nn.value(version)
        label = (
            "initieel" if version == "initial" or nn.revised is None else "bijgesteld"
        )
        vg_source = f"gepubliceerd ({label}): {nn.source}"
    else:
        vg_value, vg_source = vg, "opgegeven"
    table = population_on(hy.reference_date, data_dir)
    if afspraken and afspraken.mergers:
        table = _merged(table, afspraken)
    result = hw.compute_taakstelling(
        vg_value, table.populations, table.national_total, rounding, half_year=hy
    )
    if not afspraken or not afspraken.agreements:
        return TaakstellingRun(hy, vg_value, vg_source, table, result)
    adjusted, expls = hw.apply_regional_agreements(
        result.values(), afspraken.agreements
    )
    per_code: dict[str, list[Explanation]] = {}
    for e in expls:
        code = e.subject.rsplit(": ", 1)[1]
        per_code.setdefault(code, []).append(e)
    changed = {c: v for c, v in adjusted.items() if c in per_code}
    return TaakstellingRun(hy, vg_value, vg_source, table, result, changed, per_code)


def _merged(table: PopulationTable, afspraken: Afspraken) -> PopulationTable:
    """Art. 30: the population table with merged gemeenten replaced by the new one."""
    pops, expls = hw.apply_mergers(table.populations, afspraken.mergers)
    names = dict(table.names)
    provinces = dict(table.province_codes)
    for m in afspraken.mergers:
        names[m.new_code] = afspraken.merger_names.get(m.new_code, m.new_code)
        if m.parts[0] in provinces:
            provinces[m.new_code] = provinces[m.parts[0]]
    notes = tuple(f"{e.subject}: {e.arithmetic} (art. 30)" for e in expls)
    return replace(
        table,
        populations=pops,
        names=names,
        province_codes=provinces,
        notes=table.notes + notes,
    )


def gemeente_taakstellingen(
    code: str,
    periods: Sequence[hw.HalfYear],
    data_dir: Path,
    vg_overrides: Mapping[hw.HalfYear, int] | None = None,
    version: hw.VgVersion = "final",
) -> dict[hw.HalfYear, int]:
    """One gemeente's taakstelling per half-year, as input for monitor.monitor()."""
    overrides = vg_overrides or {}
    out = {}
    for hy in periods:
        run = run_taakstelling(hy, data_dir, overrides.get(hy), version)
        if code not in run.result.per_gemeente:
            raise hw.TaakstellingError(
                f"Gemeente {code} bestaat niet in de indeling van "
                f"{run.population.reference_date.isoformat()}."
            )
        out[hy] = run.result.per_gemeente[code].taakstelling
    return out


# `--ses-bron` / `?ses=` choices: auto = the CBS gemeente rows when the data folder has
# them, else the postcode mean, else population only (labelled as not official).
SES_AUTO = "auto"
SES_CHOICE_CBS = SOURCE_CBS
SES_CHOICE_POSTCODE = SOURCE_POSTCODE
SES_CHOICE_PROXY = "schatting"
SES_CHOICE_NONE = "geen"
SES_CHOICES = (
    SES_AUTO,
    SES_CHOICE_CBS,
    SES_CHOICE_POSTCODE,
    SES_CHOICE_PROXY,
    SES_CHOICE_NONE,
)
SES_SHORT_LABELS = {
    None: "niet geladen",
    sw.SES_OFFICIAL: "CBS",
    sw.SES_PROXY: "SCHATTING",
    SOURCE_CBS: "CBS per gemeente",
    SOURCE_POSTCODE: "CBS per postcode, gemiddeld per gemeente",
    "bestand": "CBS-bestand",
}


@dataclass(frozen=True, slots=True)
class SesChoice:
    """The SES-WOA input chosen for a run, with its provenance line."""

    input: sw.SesInput | None
    attribution: str = ""
    warnings: tuple[str, ...] = ()


def _from_scores(scores: SesWoaScores) -> SesChoice:
    return SesChoice(
        sw.SesInput(
            scores=scores.scores,
            source=scores.source,
            label=scores.label(),
            period=scores.period,
            gemeente_notes=scores.gemeente_notes,
            coverage=scores.coverage,
        ),
        scores.provenance.attribution(),
        scores.notes,
    )


def choose_ses(
    choice: str, data_dir: Path, population_year: int, ses_path: Path | None = None
) -> SesChoice:
    """The SES-WOA scores for `choice` (see SES_CHOICES) or a CBS file the user gave."""
    if ses_path is not None:
        return _from_scores(load_ses_woa(ses_path))
    if choice not in SES_CHOICES:
        raise sw.SpreidingError(
            f"Onbekende SES-WOA-bron '{choice}'; kies uit {', '.join(SES_CHOICES)}."
        )
    if choice == SES_CHOICE_NONE:
        return SesChoice(None)
    dataset = load_dataset(data_dir)
    if choice == SES_CHOICE_PROXY:
        from migratieketen.rules.ses_proxy import proxy_scores_from_dataset

        scores = proxy_scores_from_dataset(dataset, population_year)
        return SesChoice(
            sw.SesInput(scores, sw.SES_PROXY, "SCHATTING uit KWB 2022", "KWB 2022"),
            "Bron: CBS, Kerncijfers wijken en buurten 2022 (tabel 85318NED); "
            "bewerking Migratieketen (SCHATTING)",
        )
    if choice == SES_AUTO:
        found = preferred_scores(dataset.ses_woa)
        return SesChoice(None) if found is None else _from_scores(found)
    if choice not in dataset.ses_woa:
        what = {SOURCE_CBS: "CBS-gemeentecijfers", SOURCE_POSTCODE: "postcodecijfers"}
        raise sw.SpreidingError(
            f"De data-map heeft geen SES-WOA-{what[choice]}; haal ze op met "
            "'migratieketen data sync' of kies een andere --ses-bron."
        )
    return _from_scores(dataset.ses_woa[choice])


@dataclass(frozen=True, slots=True)
class SpreidingRun:
    population: PopulationTable
    result: sw.SpreidingResult
    provinces: dict[str, sw.ProvinceOpgave]
    ses_period: str
    key: sw.DistributionKey | None = None
    ses_attribution: str = ""
    ses_warnings: tuple[str, ...] = ()

    def records(self) -> list[tuple[dict[str, Any], Explanation]]:
        out = []
        for key in select_keys(self.population, None):
            g = self.result.per_gemeente[key]
            rec = _base(self.population, key) | {
                "inwoners": g.population,
                "ses_woa": "" if g.ses is None else fraction_text(g.ses, 4),
                "exact": fraction_text(g.exact),
                "plaatsen": g.places,
                "amv": g.amv,
            }
            out.append((rec, g.explanation()))
        return out

    def province_records(self) -> list[tuple[dict[str, Any], Explanation]]:
        return [
            (
                {"provinciecode": p.province_code, "plaatsen": p.places, "amv": p.amv},
                p.explanation(),
            )
            for p in self.provinces.values()
        ]

    def meta(self) -> dict[str, Any]:
        result = self.result
        key = self.key
        return {
            "capaciteitsraming": result.raming,
            "amv": result.amv_total,
            "peildatum_bevolking": self.population.reference_date.isoformat(),
            "ses_woa": SES_SHORT_LABELS.get(result.ses_source, str(result.ses_source)),
            "ses_woa_bron": result.ses_label or "niet geladen",
            "ses_woa_periode": self.ses_period,
            "ses_woa_herkomst": self.ses_attribution,
            "verdeelsleutel": None
            if key is None
            else {
                "weging": key.weighting,
                "ses_woa": key.ses_vintage,
                "geldig_vanaf": key.start.isoformat(),
                "status": key.status,
            },
            "afronding": result.rounding,
            "som_gemeenten": result.total,
            "bevolkingsbron": self.population.provenance.attribution(),
            "opmerkingen": list(result.notes),
            "waarschuwingen": list(self.ses_warnings),
        }


def run_spreiding(
    at: date,
    data_dir: Path,
    raming: int | None = None,
    amv: int | None = None,
    ses_path: Path | None = None,
    ses: str = SES_AUTO,
    rounding: str | None = None,
) -> SpreidingRun:
    """The Spreidingswet distribution in force on `at`, with provinces as Σ gemeenten.

    The key (weighting, rounding) is the verdeelsleutel in force on `at`; `rounding`
    overrides it for comparison. SES-WOA per `ses` (SES_CHOICES) or the file `ses_path`.
    """
    if not sw.in_force(at):
        raise sw.SpreidingError(f"De Spreidingswet geldt niet op {at.isoformat()}.")
    if ses_path is not None and ses != SES_AUTO:
        raise sw.SpreidingError(
            "Kies een SES-WOA-bestand of een --ses-bron, niet beide."
        )
    key = sw.distribution_key(at)
    published = sw.raming_at(at)
    total = published.total if raming is None else raming
    if amv is None:
        amv = sw.amv_for(total, published)
    table = population_on(date(published.population_year, 1, 1), data_dir)
    chosen = choose_ses(ses, data_dir, published.population_year, ses_path)
    if key.weighting == sw.WEIGHT_POPULATION:
        chosen = SesChoice(None)
    result = sw.distribute(
        total,
        table.populations,
        chosen.input,
        amv_total=amv,
        rounding=rounding or key.rounding,
        amv_rounding=key.amv_rounding,
    )
    provinces = sw.province_totals(result, table.province_codes)
    return SpreidingRun(
        table,
        result,
        provinces,
        result.ses_period,
        key,
        chosen.attribution,
        chosen.warnings,
    )
