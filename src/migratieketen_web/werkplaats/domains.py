# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Providers for the domains built by other apps: labour migrants, LVV, reception plan.

Each asks only that app's `services` for aggregates (never a person) and returns an
unavailable section when the app is not installed or its register is empty, so the
integral view and the signals keep working without it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.werkplaats.providers import Context
from migratieketen_web.werkplaats.sections import Row, Section, Table, unavailable
from migratieketen_web.werkplaats.services import snapshot as snap

LABOUR_APP = "migratieketen_web.arbeidsmigranten"
LVV_APP = "migratieketen_web.lvv"
OPVANG_APP = "migratieketen_web.opvang"
NOT_YET = "Nog niet beschikbaar in Migratieketen."


def labour(ctx: Context) -> tuple[Section, snap.LabourMigrants | None]:
    """Labour-migrant housing: locations, beds per wijk (the housing register)."""
    title = _("Arbeidsmigranten")
    if not apps.is_installed(LABOUR_APP):
        return unavailable("arbeidsmigranten", title, _(NOT_YET)), None
    from migratieketen_web.arbeidsmigranten import services as am

    agg = am.gemeente_aggregate(ctx.actor, ctx.code)
    per_wijk = am.wijk_beds(ctx.actor, ctx.code)
    if agg is None or not (agg.locations or agg.beds) or per_wijk is None:
        reason = _(
            "Het register huisvesting arbeidsmigranten van deze gemeente is leeg of "
            "wordt (nog) niet in Migratieketen bijgehouden."
        )
        return unavailable("arbeidsmigranten", title, reason), None
    rows, _public = per_wijk
    lines = (
        _("Register huisvesting arbeidsmigranten van de gemeente in Migratieketen, "
          "stand %(d)s.") % {"d": f"{agg.as_of:%d-%m-%Y}"},
        am.wijk_source(ctx.code),
    )  # fmt: skip
    sources: tuple[str, ...] = tuple(s for s in lines if s)
    shown = [r for r in rows if r.beds]
    table = Table(
        _("Bedden voor arbeidsmigranten per wijk"),
        (_("Wijk"), _("Bedden"), _("Per 100 inwoners")),
        tuple(
            (r.name, format_number(r.beds), format_number(r.per_100, 1)) for r in shown
        ),
        tuple((r.name, r.beds, r.per_100) for r in shown),
    )
    section = Section(
        "arbeidsmigranten", title, True,
        rows=(
            Row(_("Locaties"), format_number(agg.locations)),
            Row(_("Bedden"), format_number(agg.beds)),
            Row(_("Bewoners ingeschreven in de BRP"), format_number(agg.occupants_brp)),
            Row(_("Bewoners in de RNI"), format_number(agg.occupants_rni)),
        ),
        tables=(table,), sources=sources,
        notes=(
            (_("Openbare cijfers: aantallen onder %(m)s worden niet getoond.")
             % {"m": agg.minimum_cell},) if agg.public else ()
        ),
    )  # fmt: skip
    beds = {
        r.code: int(r.beds)
        for r in shown
        if r.beds is not None and r.code.startswith("WK")
    }
    return section, snap.LabourMigrants(beds, sources)


def lvv(ctx: Context) -> tuple[Section, snap.Lvv | None]:
    """LVV: trajectories of the gemeente and their outcomes (register aggregates)."""
    title = _("LVV (landelijke vreemdelingenvoorziening)")
    if not apps.is_installed(LVV_APP):
        return unavailable("lvv", title, _(NOT_YET)), None
    from migratieketen_web.lvv import services as lvv_services

    agg = lvv_services.aggregate(ctx.actor, ctx.code)
    if agg is None or not agg.cases:
        reason = _(
            "Deze gemeente heeft geen LVV-trajecten in Migratieketen (geen LVV-locatie, "
            "of het register wordt niet bijgehouden)."
        )
        return unavailable("lvv", title, reason), None
    sources = (
        _("LVV-register van de gemeente in Migratieketen, stand %(d)s.")
        % {"d": f"{agg.as_of:%d-%m-%Y}"},
    )
    shares = tuple(
        Row(_("Uitstroom: %(k)s") % {"k": k}, "–" if v is None else f"{v} %")
        for k, v in agg.shares.items()
    )
    section = Section(
        "lvv", title, True,
        rows=(
            Row(_("Trajecten"), format_number(agg.cases)),
            Row(_("Nu in de voorziening"), format_number(agg.in_care)),
            Row(_("Uitgestroomd"), format_number(agg.exited)),
            *shares,
        ),
        sources=sources,
    )  # fmt: skip
    return section, snap.Lvv(agg.in_care, agg.cases, sources)


def planned_per_wijk(ctx: Context) -> tuple[dict[str, int] | None, str]:
    """Peak places per wijk of the gemeente in the latest finished reception plan."""
    if not apps.is_installed(OPVANG_APP):
        return None, ""
    from migratieketen_web.opvang import services as opvang

    plan = opvang.latest_plan_for(ctx.code, ctx.gemeente.province.code)
    result: dict[str, Any] = (plan.result or {}) if plan is not None else {}
    per_wijk: dict[str, int] = {}
    for r in result.get("locaties") or []:
        if r.get("gemeentecode") == ctx.code:
            peak = max(r.get("plaatsen_per_maand") or [0])
            per_wijk[r["wijkcode"]] = per_wijk.get(r["wijkcode"], 0) + int(peak)
    if plan is None or not per_wijk:
        return None, ""
    return per_wijk, _(
        "Opvangplan '%(name)s' (planner Migratieketen): piekplaatsen per wijk."
    ) % {"name": plan.name}


def with_plan(
    ctx: Context, section: Section, part: snap.Reception | None
) -> tuple[Section, snap.Reception | None]:
    """Add the reception plan's places per wijk to the Spreidingswet section."""
    if part is None:
        return section, part
    planned, line = planned_per_wijk(ctx)
    if not planned:
        return section, part
    names = {w.code: w.name for w in ctx.gemeente.wijken.all()}
    table = Table(
        _("Geplande opvangplaatsen per wijk (piek)"),
        (_("Wijk"), _("Plaatsen")),
        tuple((names.get(c, c), format_number(n)) for c, n in sorted(planned.items())),
        tuple((names.get(c, c), n) for c, n in sorted(planned.items())),
    )
    section = replace(
        section,
        tables=(*section.tables, table),
        sources=(*section.sources, line),
    )
    return section, replace(
        part, planned_per_wijk=planned, sources=(*part.sources, line)
    )
