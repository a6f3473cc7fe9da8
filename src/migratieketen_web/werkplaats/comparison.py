# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Comparable gemeenten side by side on the integral view's own indicators.

The neighbours come from the documented measure (`migratieketen.compare`, through the
gemeenten app); the indicators are the same ones the view shows for the gemeente
itself, computed by the same monitor and Spreidingswet services.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from migratieketen_web.gemeenten import queries
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.monitor import overview
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.services import MonitorUnavailable
from migratieketen_web.werkplaats.providers import Context, _spreiding_date
from migratieketen_web.werkplaats.sections import Table
from migratieketen_web.werkplaats.services import NOT_REGISTERED, SpreidingError
from migratieketen_web.werkplaats.services import snapshot as snap


def _places(ctx: Context) -> dict[str, int]:
    try:
        result = sp.compute(ctx.data, at=_spreiding_date(ctx.half_year))
    except (sp.SpreidingUnavailable, SpreidingError):
        return {}
    return {c: g.places for c, g in result.result.per_gemeente.items()}


def _row(ctx: Context, code: str, places: dict[str, int]) -> tuple[Any, ...]:
    info = ctx.data.gemeenten[code]
    pop = ctx.data.population(ctx.half_year.reference_date.year)
    inhabitants = pop.populations.get(code) if pop else None
    status = None
    try:
        gm = ctx.data.gemeente(code)
        status = next(
            (s for s in gm.report.half_years if s.half_year == ctx.half_year), None
        )
    except (MonitorUnavailable, KeyError):
        pass
    taak = ctx.data.adjusted(ctx.half_year)[0].get(code)
    known = status is not None and status.status != NOT_REGISTERED
    place = places.get(code)
    per_1000 = (
        round(1000 * place / inhabitants, 1)
        if place is not None and inhabitants
        else None
    )
    return (
        info.name,
        inhabitants,
        taak,
        status.realised if status else None,
        status.remaining if known and status else None,
        _(overview.STATUS_LABELS.get(status.status, status.status)) if status else "–",
        place,
        per_1000,
    )


def table(ctx: Context, shot: snap.Snapshot) -> Table | None:
    """The gemeente first, then its five most comparable gemeenten."""
    neighbours, _used = queries.comparable_gemeenten(ctx.code)
    if not neighbours:
        return None
    ctx.data.load_housed([ctx.code, *(n.code for n in neighbours)])
    places = _places(ctx)
    values = tuple(
        _row(ctx, code, places)
        for code in [ctx.code, *(n.code for n in neighbours)]
        if code in ctx.data.gemeenten
    )
    rows = tuple(
        tuple(
            v if isinstance(v, str) else format_number(v, 1 if i == 7 else None)
            for i, v in enumerate(row)
        )
        for row in values
    )
    return Table(
        _("%(name)s naast vergelijkbare gemeenten, %(hy)s")
        % {"name": shot.name, "hy": ctx.half_year},
        (
            _("Gemeente"),
            _("Inwoners"),
            _("Taakstelling"),
            _("Gehuisvest"),
            _("Nog te huisvesten"),
            _("Status"),
            _("Opvangplaatsen (Spreidingswet)"),
            _("Per 1.000 inwoners"),
        ),
        rows,
        values,
    )
