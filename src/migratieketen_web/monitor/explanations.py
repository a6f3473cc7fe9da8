# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
""" "Hoe berekend": find the core Explanation behind a number shown on a page.

Every monitor number links to one of these; the explanation object comes from the
rule that computed the number (`migratieketen.rules.explain`), so text and number
cannot drift apart. This module only looks it up and adds the source lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.services import (
    ART_29_1,
    RAMING,
    Explanation,
    HalfYear,
    MonitorData,
    TaakstellingError,
    national_number,
    parameter_reference,
    vg_source_line,
)

VG_NOTE = (
    "De minister maakt het landelijk aantal (vg) ten minste 13 weken voor het halfjaar "
    "bekend in de Staatscourant (art. 29 lid 1 Huisvestingswet 2014); een bijstelling "
    "tijdens het halfjaar verlaagt of verhoogt de taakstelling van elke gemeente."
)


class ExplanationNotFound(LookupError):
    """No such number (unknown gemeente, half-year outside the monitor); Dutch text."""


@dataclass(frozen=True, slots=True)
class ExplainedNumber:
    title: str
    explanations: tuple[Explanation, ...]
    sources: tuple[str, ...]
    back_url: str
    back_label: str
    extra_notes: tuple[str, ...] = field(default_factory=tuple)


def _half_year(data: MonitorData, text: str, in_run: bool) -> HalfYear:
    try:
        hy = HalfYear.parse(text)
    except TaakstellingError as exc:
        raise ExplanationNotFound(str(exc)) from exc
    allowed = data.run if in_run else data.computable
    if hy not in allowed:
        raise ExplanationNotFound(
            gettext(
                "Voor {hy} is dit getal niet berekend; de monitor loopt van "
                "{first} tot en met {last}."
            ).format(hy=hy, first=allowed[0], last=allowed[-1])
        )
    return hy


def _gemeente(data: MonitorData, code: str) -> str:
    code = code.upper()
    if code not in data.gemeenten:
        raise ExplanationNotFound(
            gettext("Gemeente {code} bestaat niet.").format(code=code)
        )
    return code


def population_line(data: MonitorData, year: int) -> str:
    pop = data.population(year)
    if pop is None or pop.source is None:
        return f"Bron inwoners: CBS, bevolking op 1 januari {year}."
    return pop.source.attribution()


def _gemeente_back(code: str) -> str:
    return reverse("monitor:gemeente", args=[code])


def taakstelling(data: MonitorData, code: str, half_year: str) -> ExplainedNumber:
    code = _gemeente(data, code)
    hy = _half_year(data, half_year, in_run=False)
    g = data.taakstelling(hy).per_gemeente[code]
    explanations = (g.explanation(), *data.agreement_explanations(code, hy))
    name = data.gemeenten[code].name
    return ExplainedNumber(
        gettext("Taakstelling {name} {hy}").format(name=name, hy=hy),
        explanations,
        (vg_source_line(hy), population_line(data, hy.reference_date.year)),
        _gemeente_back(code),
        gettext("Monitor {name}").format(name=name),
    )


def saldo(data: MonitorData, code: str, half_year: str) -> ExplainedNumber:
    code = _gemeente(data, code)
    hy = _half_year(data, half_year, in_run=True)
    gm = data.gemeente(code)
    status = next(s for s in gm.report.half_years if s.half_year == hy)
    notes = []
    if hy == data.run[0]:
        notes.append(
            gettext(
                "Beginsaldo {n} (meegenomen uit eerdere halfjaren; "
                "vastgelegd in beheer, anders 0)."
            ).format(n=gm.opening_balance)
        )
    return ExplainedNumber(
        gettext("Opgave en nog te huisvesten {name} {hy}").format(
            name=gm.info.name, hy=hy
        ),
        (status.explanation(code),),
        (
            gettext("Gehuisvest: realisatieregister Migratieketen, stand {d}.").format(
                d=data.as_of.isoformat()
            ),
            vg_source_line(hy),
        ),
        _gemeente_back(code),
        gettext("Monitor {name}").format(name=gm.info.name),
        tuple(notes),
    )


def peildatum(data: MonitorData, code: str, half_year: str) -> ExplainedNumber:
    code = _gemeente(data, code)
    hy = _half_year(data, half_year, in_run=True)
    gm = data.gemeente(code)
    if hy not in gm.at_peildatum:
        raise ExplanationNotFound(
            gettext("De peildatum van {hy} is nog niet bereikt.").format(hy=hy)
        )
    status = gm.at_peildatum[hy]
    return ExplainedNumber(
        gettext("Stand {name} op peildatum {d}").format(
            name=gm.info.name, d=f"{hy.peildatum():%d-%m-%Y}"
        ),
        (status.explanation(code),),
        (
            gettext("Peildata 1 april en 1 oktober:")
            + " "
            + parameter_reference("huisvestingswet/peildata", hy.start).title,
            gettext("Gehuisvest: realisatieregister Migratieketen."),
        ),
        _gemeente_back(code),
        gettext("Monitor {name}").format(name=gm.info.name),
    )


def toezicht(data: MonitorData, code: str) -> ExplainedNumber:
    code = _gemeente(data, code)
    gm = data.gemeente(code)
    step = gm.report.supervision
    if step is None:
        raise ExplanationNotFound(
            gettext(
                "Voor {name} is er geen toezichtstap: geen afgelopen halfjaar "
                "met een achterstand."
            ).format(name=gm.info.name)
        )
    ref = parameter_reference("huisvestingswet/toezicht", step.half_year.end)
    ladder = parameter_reference("huisvestingswet/toezicht_ladder", step.half_year.end)
    return ExplainedNumber(
        gettext("Toezichtstap provincie {province} voor {name}").format(
            province=gm.info.province_name, name=gm.info.name
        ),
        (step.explanation(code),),
        (
            gettext("Drempels: {title}.").format(title=ref.title),
            gettext("Ladder: {title}.").format(title=ladder.title),
        ),
        _gemeente_back(code),
        gettext("Monitor {name}").format(name=gm.info.name),
    )


def vg(data: MonitorData, half_year: str) -> ExplainedNumber:
    hy = _half_year(data, half_year, in_run=False)
    nn = national_number(hy)
    expl = Explanation(
        subject=f"landelijk aantal vergunninghouders (vg) {hy}",
        value=nn.value("final"),
        references=(ART_29_1,),
        inputs={
            "gepubliceerd": nn.initial,
            "bijgesteld": nn.revised if nn.revised is not None else "niet bijgesteld",
            "bron": nn.status_text,
        },
        arithmetic=(
            f"gepubliceerd {nn.initial}"
            + (
                f", tijdens het halfjaar bijgesteld tot {nn.revised}; gebruikt "
                f"{nn.value('final')}"
                if nn.revised is not None
                else f"; gebruikt {nn.value('final')}"
            )
        ),
        notes=(VG_NOTE, *((nn.note,) if nn.note else ())),
    )
    return ExplainedNumber(
        gettext("Landelijk aantal (vg) {hy}").format(hy=hy),
        (expl,),
        (vg_source_line(hy),),
        reverse("monitor:taakstelling", args=[str(hy)]),
        gettext("Taakstelling per gemeente {hy}").format(hy=hy),
    )


def spreiding_gemeente(
    data: MonitorData, code: str, raming: int | None, ses: str
) -> ExplainedNumber:
    code = _gemeente(data, code)
    result = sp.compute(data, raming, ses)
    g = result.result.per_gemeente[code]
    return ExplainedNumber(
        gettext("Opvangplaatsen Spreidingswet {name}").format(
            name=data.gemeenten[code].name
        ),
        (g.explanation(),),
        _spreiding_sources(data, result),
        _spreiding_back(result),
        gettext("Spreidingswet"),
    )


def spreiding_provincie(
    data: MonitorData, code: str, raming: int | None, ses: str
) -> ExplainedNumber:
    result = sp.compute(data, raming, ses)
    code = code.upper()
    if code not in result.provinces:
        raise ExplanationNotFound(
            gettext("Provincie {code} bestaat niet.").format(code=code)
        )
    name = next(
        i.province_name for i in data.gemeenten.values() if i.province_code == code
    )
    return ExplainedNumber(
        gettext("Opvangopgave provincie {name}").format(name=name),
        (result.provinces[code].explanation(),),
        _spreiding_sources(data, result),
        _spreiding_back(result),
        gettext("Spreidingswet"),
    )


def _spreiding_sources(data: MonitorData, result: sp.Spreiding) -> tuple[str, ...]:
    lines = [
        population_line(data, result.population.year),
        gettext("Capaciteitsraming: {n} plaatsen ({label}).").format(
            n=result.published.total, label=RAMING.label()
        ),
    ]
    if result.proxy:
        lines.append(
            gettext(
                "SES-WOA-schatting: berekend door Migratieketen uit CBS Kerncijfers "
                "wijken en buurten (inkomen, opleiding, arbeidsparticipatie); niet het "
                "officiële CBS-cijfer."
            )
        )
    elif not result.fallback:
        lines.append(
            gettext("SES-WOA: {label}. {source}").format(
                label=result.result.ses_label, source=result.ses_attribution
            )
        )
    return tuple(lines)


def _spreiding_back(result: sp.Spreiding) -> str:
    query = urlencode({"raming": result.raming, "ses": result.ses})
    return f"{reverse('monitor:spreiding')}?{query}"
