# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One small provider per domain: its part of the snapshot and its display section.

Why providers: the integral view joins domains that are built by different teams and
arrive at different times. Each provider asks only its own app's services; when that
app (or its data) is absent it returns an unavailable section ("Nog niet beschikbaar")
and no snapshot part, so the rest of the view and every signal still work.

The domains built by other apps (labour migrants, LVV, the reception plan) have their
providers in `domains`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.inburgering import services as inburgering
from migratieketen_web.monitor import charts, overview
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.explanations import population_line
from migratieketen_web.monitor.services import (
    MonitorData,
    MonitorUnavailable,
    vg_source_line,
)
from migratieketen_web.werkplaats.sections import Row, Section, Table, unavailable
from migratieketen_web.werkplaats.services import (
    NOT_REGISTERED,
    HalfYear,
    SpreidingError,
    spreidingswet_in_force,
)
from migratieketen_web.werkplaats.services import snapshot as snap


@dataclass(frozen=True, slots=True)
class Context:
    gemeente: Gemeente
    half_year: HalfYear
    data: MonitorData
    actor: Actor

    @property
    def code(self) -> str:
        return self.gemeente.code


def _status(status: str) -> str:
    return _(overview.STATUS_LABELS.get(status, status))


def _ledger_table(ctx: Context, statuses: list[Any]) -> Table:
    headers = (
        _("Halfjaar"),
        _("Taakstelling"),
        _("Meegenomen"),
        _("Opgave"),
        _("Gehuisvest"),
        _("Nog te huisvesten"),
        _("Status"),
    )
    rows, values = [], []
    for s in statuses:
        known = s.status != NOT_REGISTERED
        raw = (
            str(s.half_year),
            s.taakstelling,
            s.carry_in,
            s.opgave,
            s.realised,
            s.remaining if known else None,
            _status(s.status),
        )
        values.append(raw)
        rows.append(tuple(v if isinstance(v, str) else format_number(v) for v in raw))
    return Table(
        _("Taakstelling per halfjaar voor %(name)s (Huisvestingswet 2014)")
        % {"name": ctx.gemeente.name},
        headers,
        tuple(rows),
        tuple(values),
    )


def _housing_sources(ctx: Context) -> tuple[str, ...]:
    return (
        vg_source_line(ctx.half_year),
        population_line(ctx.data, ctx.half_year.reference_date.year),
        _(
            "Gehuisvest: realisatieregister van de gemeente in Migratieketen, stand %(d)s."
        )
        % {"d": f"{ctx.data.as_of:%d-%m-%Y}"},
    )


def _taakstelling_row(ctx: Context, taak: Any) -> Row:
    how = _(
        "Landelijk aantal vergunninghouders %(vg)s x %(pop)s inwoners van %(name)s / "
        "%(nat)s inwoners van Nederland, naar boven afgerond (art. 29 lid 1 "
        "Huisvestingswet 2014)."
    ) % {
        "vg": format_number(taak.vg),
        "pop": format_number(taak.population),
        "name": ctx.gemeente.name,
        "nat": format_number(taak.national_population),
    }
    hy = str(ctx.half_year)
    return Row(
        _("Taakstelling %(hy)s") % {"hy": hy},
        format_number(taak.taakstelling),
        how,
        reverse("monitor:berekening-taakstelling", args=[ctx.code, hy]),
    )


def _status_rows(cur: Any) -> list[Row]:
    registered = cur.status != NOT_REGISTERED
    return [
        Row(
            _("Opgave incl. meegenomen"),
            format_number(cur.opgave),
            _(
                "Taakstelling plus de achterstand (of min de voorsprong) van het "
                "vorige halfjaar."
            ),
        ),
        Row(
            _("Gehuisvest"),
            format_number(cur.realised),
            _("Som van de personen in het realisatieregister in dit halfjaar."),
        ),
        Row(
            _("Nog te huisvesten"),
            format_number(cur.remaining) if registered else "–",
            _("Opgave min gehuisvest, niet onder nul."),
        ),
        Row(_("Status"), _status(cur.status)),
        Row(
            _("Gekoppeld door COA voor de peildatum"),
            format_number(cur.linked_by_peildatum),
            _("Koppelingen die COA aan de gemeente doorgaf (ingevoerd in de monitor)."),
        ),
    ]


def _ledger_chart(statuses: list[Any]) -> Any:
    return charts.bar_chart(
        [str(s.half_year) for s in statuses],
        [
            (_("taakstelling"), [s.taakstelling for s in statuses]),
            (_("opgave incl. meegenomen"), [s.opgave for s in statuses]),
            (_("gehuisvest"), [s.realised for s in statuses]),
        ],
    )


def housing(ctx: Context) -> tuple[Section, snap.Housing | None]:
    """Taakstelling, realisation and COA koppelingen from the monitor."""
    title = _("Huisvesting statushouders")
    try:
        gm = ctx.data.gemeente(ctx.code)
        taak = ctx.data.taakstelling(ctx.half_year).per_gemeente[ctx.code]
    except (MonitorUnavailable, KeyError, ValueError) as exc:
        return unavailable("huisvesting", title, str(exc)), None
    statuses = [s for s in gm.report.half_years if s.half_year <= ctx.half_year]
    cur = next((s for s in statuses if s.half_year == ctx.half_year), None)
    sources = _housing_sources(ctx)
    rows = [_taakstelling_row(ctx, taak)]
    part = None
    if cur is not None:
        rows += _status_rows(cur)
        part = snap.Housing(
            str(ctx.half_year), cur.taakstelling, cur.opgave, cur.realised,
            cur.remaining, cur.status, cur.achterstand, cur.status != NOT_REGISTERED,
            cur.linked_by_peildatum, sources,
        )  # fmt: skip
    section = Section(
        "huisvesting",
        title,
        True,
        rows=tuple(rows),
        tables=(_ledger_table(ctx, statuses),) if statuses else (),
        chart=_ledger_chart(statuses) if statuses else None,
        chart_title=_("Taakstelling, opgave en gehuisvest per halfjaar"),
        sources=sources,
        notes=tuple(ctx.data.gap_notes(_)),
    )
    return section, part


def _spreiding_date(hy: HalfYear) -> date:
    """The Spreidingswet cycle in force in the half-year (its end, or today)."""
    today = timezone.localdate()
    return min(hy.end, today)


def reception(ctx: Context) -> tuple[Section, snap.Reception | None]:
    """The Spreidingswet share of reception places (SES-WOA weighted)."""
    title = _("Opvang (Spreidingswet)")
    at = _spreiding_date(ctx.half_year)
    if not spreidingswet_in_force(at):
        reason = _("De Spreidingswet gold nog niet in %(hy)s.") % {"hy": ctx.half_year}
        return unavailable("opvang", title, reason), None
    try:
        result = sp.compute(ctx.data, at=at)
        g = result.result.per_gemeente[ctx.code]
    except (sp.SpreidingUnavailable, SpreidingError, KeyError) as exc:
        return unavailable("opvang", title, str(exc)), None
    province = result.provinces[ctx.gemeente.province.code]
    sources = tuple(
        s
        for s in (
            _("Capaciteitsraming %(n)s (Stcrt. 2024, 3320).")
            % {"n": format_number(result.raming)},
            population_line(ctx.data, result.population.year),
            result.ses_attribution,
        )
        if s
    )
    how = (
        _("Alleen naar inwonertal (geen SES-WOA-scores geladen).")
        if result.fallback
        else _(
            "Raming %(r)s x inwoners x (1 + SES-WOA %(ses)s) / de som daarvan over "
            "alle gemeenten. AANNAME: de vorm van de weging is afgeleid uit de "
            "gepubliceerde cijfers."
        )
        % {
            "r": format_number(result.raming),
            "ses": format_number(float(g.ses or 0), 3),
        }
    )
    per_1000 = 1000 * g.places / g.population if g.population else None
    rows = (
        Row(_("Opvangplaatsen (opgave Spreidingswet)"), format_number(g.places), how,
            reverse("monitor:berekening-spreiding", args=[ctx.code])),
        Row(_("Waarvan alleenstaande minderjarigen (amv)"), format_number(g.amv)),
        Row(_("Plaatsen per 1.000 inwoners"), format_number(per_1000, 1)),
        Row(_("Opgave provincie %(p)s") % {"p": ctx.gemeente.province.name},
            format_number(province.places)),
    )  # fmt: skip
    part = snap.Reception(g.places, g.amv, result.raming, None, sources)
    return Section("opvang", title, True, rows=rows, sources=sources), part


def _euro(value: Any) -> str:
    return "€ " + format_number(float(value), 0)


def inburgering_part(ctx: Context) -> tuple[Section, snap.Inburgering | None]:
    """Caseload by route, within term, cost against budget (aggregates only)."""
    title = _("Inburgering")
    agg = inburgering.gemeente_aggregate(ctx.actor, ctx.code)
    if agg is None:
        return unavailable("inburgering", title, _("Geen cijfers beschikbaar.")), None
    if not agg.persons:
        reason = _(
            "Het inburgeringsregister van deze gemeente is leeg of wordt (nog) niet in "
            "Migratieketen bijgehouden."
        )
        return unavailable("inburgering", title, reason), None
    sources = (
        _("Inburgeringsregister van de gemeente in Migratieketen, stand %(d)s.")
        % {"d": f"{agg.as_of:%d-%m-%Y}"},
        *(agg.gap.sources if agg.gap else ()),
    )
    route_rows = tuple(
        (inburgering.ROUTE_NAMES[k], format_number(v)) for k, v in agg.per_route.items()
    )
    rows = [
        Row(_("Inburgeringsplichtigen in het register"), format_number(agg.persons)),
        Row(
            _("Binnen de termijn"),
            "–" if agg.share_within_term is None else f"{agg.share_within_term} %",
            _(
                "Aandeel van wie een PIP heeft en binnen drie jaar na het PIP zit of "
                "klaar was (art. 11 Wet inburgering 2021)."
            ),
        ),
    ]
    cost = budget = None
    if agg.gap is not None:
        cost, budget = float(agg.gap.voorzieningen), float(agg.gap.budget)
        rows += [
            Row(_("Budget (SPUK, asielstatushouders)"), _euro(agg.gap.budget)),
            Row(_("Geboekte kosten voorzieningen"), _euro(agg.gap.voorzieningen)),
            Row(_("Tekort (+) of over (−)"), _euro(agg.gap.gap),
                _("Geboekte kosten min budget voor dezelfde asielstatushouders.")),
        ]  # fmt: skip
    table = Table(
        _("Inburgeringsplichtigen per leerroute"),
        (_("Leerroute"), _("Aantal")),
        route_rows,
        tuple((inburgering.ROUTE_NAMES[k], v) for k, v in agg.per_route.items()),
    )
    notes = (
        (_("Openbare cijfers: aantallen onder %(m)s worden niet getoond.")
         % {"m": agg.minimum_cell},) if agg.public else ()
    )  # fmt: skip
    part = snap.Inburgering(
        agg.persons, dict(agg.per_route), agg.share_within_term,
        agg.per_route.get("geen"), cost, budget, sources,
    )  # fmt: skip
    section = Section(
        "inburgering", title, True, rows=tuple(rows), tables=(table,),
        sources=sources, notes=notes,
    )  # fmt: skip
    return section, part
