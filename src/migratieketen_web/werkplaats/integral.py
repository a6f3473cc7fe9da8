# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The integral gemeente view for one half-year: providers in, one `Werkplaats` out.

Asks the providers (`providers`, `outlook`; the other apps' services) and the core's
signals (through `services`). The page, the PDF, the
workbook and the CLI all render the same `Werkplaats`, so they show the same figures.
Only aggregates: no provider returns anything about a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.models import DataVintage, Gemeente, Source
from migratieketen_web.monitor.services import MonitorData
from migratieketen_web.werkplaats import comparison, domains, lokaal, outlook, providers
from migratieketen_web.werkplaats.sections import Section, Table
from migratieketen_web.werkplaats.services import VERSION, HalfYear, TaakstellingError
from migratieketen_web.werkplaats.services import signals as core_signals
from migratieketen_web.werkplaats.services import snapshot as snap


class HalfYearRejected(ValueError):
    """The half-year asked for cannot be shown; the message is Dutch."""


def choose_half_year(data: MonitorData, text: str) -> HalfYear:
    """`?halfjaar=2025-1` checked at the edge; empty: the monitor's latest."""
    if not text.strip():
        return data.run[-1]
    try:
        hy = HalfYear.parse(text)
    except (TaakstellingError, ValueError) as exc:
        raise HalfYearRejected(
            _("Ongeldig halfjaar '%(t)s': gebruik JJJJ-1 of JJJJ-2, bv. 2025-1.")
            % {"t": text[:20]}
        ) from exc
    if hy not in data.computable:
        first, last = data.computable[0], data.computable[-1]
        reason = data.reason_unavailable(hy, _) or _("het halfjaar ligt in de toekomst")
        raise HalfYearRejected(
            _(
                "Voor halfjaar %(hy)s is geen rapportage te maken: %(reason)s. Kies "
                "een halfjaar van %(first)s t/m %(last)s."
            )
            % {"hy": hy, "reason": reason, "first": first, "last": last}
        )
    return hy


def half_year_text(hy: HalfYear) -> str:
    text = (
        _("het eerste halfjaar van %(y)s")
        if hy.half == 1
        else _("het tweede halfjaar van %(y)s")
    )
    return text % {"y": hy.year}


@dataclass(frozen=True, slots=True)
class Werkplaats:
    gemeente: Gemeente
    half_year: HalfYear
    snapshot: snap.Snapshot
    sections: tuple[Section, ...]
    signals: tuple[core_signals.Signal, ...]
    summary: tuple[str, ...]
    comparison: Table | None
    colophon: dict[str, Any]
    generated_at: datetime

    @property
    def half_year_text(self) -> str:
        return half_year_text(self.half_year)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def _wijken(gemeente: Gemeente) -> tuple[snap.Wijk, ...]:
    return tuple(
        snap.Wijk(w.code, w.name, w.inhabitants)
        for w in gemeente.wijken.order_by("code")
    )


def _population(data: MonitorData, gemeente: Gemeente, hy: HalfYear) -> int | None:
    pop = data.population(hy.reference_date.year)
    return None if pop is None else pop.populations.get(gemeente.code)


def build(
    gemeente: Gemeente,
    hy: HalfYear,
    actor: Actor,
    data: MonitorData | None = None,
    market_policy: Any = None,
    market_basis: str = "",
) -> Werkplaats:
    """Ask every provider, build the snapshot, find the signals."""
    data = data or MonitorData()
    ctx = providers.Context(gemeente, hy, data, actor)
    if market_policy is None:  # the gemeente's own choices (lokale ruimte) first
        market_policy, market_basis = lokaal.market_policy(
            gemeente.code, outlook.default_policy()
        )
    housing_section, housing = providers.housing(ctx)
    reception_section, reception = domains.with_plan(ctx, *providers.reception(ctx))
    market_section, market = outlook.market(ctx, market_policy, market_basis)
    inburgering_section, inburgering = providers.inburgering_part(ctx)
    labour_section, labour = domains.labour(ctx)
    lvv_section, lvv = domains.lvv(ctx)
    shot = snap.Snapshot(
        gemeente.code,
        gemeente.name,
        str(hy),
        _population(data, gemeente, hy),
        _wijken(gemeente),
        housing,
        reception,
        inburgering,
        market,
        labour,
        lvv,
    )
    found = tuple(core_signals.signals(shot))
    sections = (
        reception_section,
        housing_section,
        market_section,
        inburgering_section,
        labour_section,
        lvv_section,
        outlook.scenario(ctx),
    )
    return Werkplaats(
        gemeente,
        hy,
        shot,
        sections,
        found,
        summary(shot, found, hy),
        comparison.table(ctx, shot),
        colophon(),
        timezone.now(),
    )


def summary(
    s: snap.Snapshot, found: tuple[core_signals.Signal, ...], hy: HalfYear
) -> tuple[str, ...]:
    """The plain-Dutch summary (B1): short sentences, one fact each."""
    when = half_year_text(hy)
    lines = []
    if s.housing is not None:
        h = s.housing
        lines.append(
            _("In %(when)s moest %(name)s %(n)s statushouders een woning geven.")
            % {"when": when, "name": s.name, "n": format_number(h.taakstelling)}
        )
        if h.opgave != h.taakstelling:
            lines.append(
                _("Met wat er van eerder nog openstond, waren het er %(n)s.")
                % {"n": format_number(h.opgave)}
            )
        if h.registered:
            lines.append(
                _(
                    "%(n)s mensen kregen een woning. Nog %(r)s mensen wachten op een woning."
                )
                % {"n": format_number(h.realised), "r": format_number(h.remaining)}
            )
        else:
            lines.append(
                _(
                    "Hoeveel mensen een woning kregen, weten we niet: de gemeente houdt "
                    "dat (nog) niet bij in Migratieketen."
                )  # fmt: skip
            )
    if s.reception is not None:
        lines.append(
            _(
                "Volgens de Spreidingswet zorgt %(name)s voor %(n)s opvangplaatsen voor "
                "asielzoekers."
            )  # fmt: skip
            % {"name": s.name, "n": format_number(s.reception.places)}
        )
    if s.inburgering is not None and s.inburgering.persons:
        lines.append(
            _("%(n)s mensen in de gemeente moeten inburgeren.")
            % {"n": format_number(s.inburgering.persons)}
        )
    lines.append(
        _("Migratieketen ziet %(n)s signalen die over meer onderdelen gaan.")
        % {"n": len(found)}
        if found
        else _("Migratieketen ziet geen signalen die over meer onderdelen gaan.")
    )
    return tuple(lines)


def colophon() -> dict[str, Any]:
    """Data vintages and sources: what every figure in the report rests on."""
    vintage = DataVintage.objects.order_by("-imported_at").first()
    return {
        "vintage": vintage,
        "sources": list(Source.objects.order_by("publisher", "title")),
        "version": VERSION,
    }
