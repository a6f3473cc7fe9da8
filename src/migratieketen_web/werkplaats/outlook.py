# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The two model domains of the integral view: woningmarkt trade-off and chain outlook.

Both are estimates (SCHATTING) from the core's Monte Carlo models, labelled as such,
with a band (5th-95th percentile over the runs). They run small ensembles with a fixed
seed, so the page and the report show the same numbers, and cache them per data
vintage and inputs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext as _

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.queries import vintage_key
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.scenarios.results import euro, gemeente_entry
from migratieketen_web.scenarios.services import latest_published
from migratieketen_web.werkplaats.providers import Context
from migratieketen_web.werkplaats.sections import Row, Section, Table, unavailable
from migratieketen_web.werkplaats.services import (
    ChainConfigError,
    DataDirError,
    DataValidationError,
    Policy,
    WoningmarktError,
    build_markets,
    builtin_scenario,
    default_parameters,
    load_dataset,
    resolve_values,
    run_ensemble,
    simulate,
)
from migratieketen_web.werkplaats.services import snapshot as snap

MARKET_RUNS = 100
MARKET_YEARS = 5
CHAIN_RUNS = 50
SEED = 0


PARAMETER_LINE = re.compile(r"^[a-z]+(?:_[a-z0-9]+)+: ")


def _public_lines(result: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sources and assumptions worded for readers: the parameter's description, never
    its code name (the core's lines start with it)."""
    params = default_parameters().values()
    sources = tuple(s for s in result.sources if not PARAMETER_LINE.match(s)) + tuple(
        f"{p.description}: {p.source}" for p in params if p.kind in ("DATA", "DERIVED")
    )
    assumptions = tuple(
        f"AANNAME: {p.description} = {p.value:g} {p.unit}. {p.reasoning or p.source}"
        for p in params
        if p.kind == "ASSUMPTION"
    )
    # "via NOS" reads as an English note to the public-text check; say who reported it.
    return tuple(x.replace("via NOS", "gemeld door NOS") for x in sources), assumptions


def default_policy() -> Policy:
    """The national current priority share (AANNAME in the woningmarkt parameters)."""
    share = resolve_values(None)["current_priority_share"]
    return Policy(priority_share=share, label="huidig (AANNAME)")


def _band(b: Any, decimals: int = 1) -> str:
    return (
        f"{format_number(b.median, decimals)} "
        f"({format_number(b.low, decimals)}–{format_number(b.high, decimals)})"
    )


def _simulate(ctx: Context, policy: Policy) -> Any:
    folder = sp.data_dir()
    if folder is None:
        raise WoningmarktError(_("De map met open data is niet beschikbaar."))
    try:
        dataset = load_dataset(folder)
    except (DataDirError, DataValidationError) as exc:
        raise WoningmarktError(str(exc)) from exc
    future = resolve_values(None)["future_vg"]
    market = build_markets(
        dataset, [ctx.code], ctx.half_year, 2 * MARKET_YEARS, future
    )[0]
    return simulate(
        market, policy, runs=MARKET_RUNS, seed=SEED, years=MARKET_YEARS,
        steps_per_year=12,
    )  # fmt: skip


def market(
    ctx: Context, policy: Policy | None = None, basis: str = ""
) -> tuple[Section, snap.Market | None]:
    """Priority for statushouders against other seekers' waits, at the local policy."""
    title = _("Woningmarkt: voorrang en wachttijden")
    policy = policy or default_policy()
    key = (
        f"mk:werkplaats:markt:{vintage_key()}:{ctx.code}:{ctx.half_year}:"
        f"{policy.priority_share:.4f}:{int(policy.urgency_category)}"
    )
    result = cache.get(key)
    if result is None:
        try:
            result = _simulate(ctx, policy)
        except WoningmarktError as exc:
            return unavailable("woningmarkt", title, str(exc)), None
        cache.set(key, result, 24 * 3600)
    groups = result.groups
    sources, assumptions = _public_lines(result)
    rows = (
        Row(_("Voorrang voor statushouders"),
            f"{format_number(policy.priority_share * 100, 0)} %",
            basis or _("AANNAME: landelijk huidig aandeel (CBS), geen lokale keuze "
                       "ingevoerd.")),
        Row(_("Statushouders in het azc als urgentiecategorie"),
            _("ja") if policy.urgency_category else _("nee")),
        Row(_("Maanden in COA na koppeling (mediaan)"),
            _band(groups["statushouders_coa"].p50)),
        Row(_("Wachttijd andere urgenten, maanden (mediaan)"),
            _band(groups["urgent"].p50)),
        Row(_("Extra wachten anderen per statushouder met voorrang, maanden"),
            _band(result.verdringing["regulier_maanden_per_statushouder"]),
            _("Verdringing: hoeveel langer reguliere woningzoekenden samen wachten per "
              "statushouder die met voorrang een woning krijgt, tegen dezelfde runs "
              "zonder voorrang.")),
    )  # fmt: skip
    table = Table(
        _("Wachttijden in maanden per groep (mediaan, 90 %-band)"),
        (_("Groep"), _("Mediaan"), _("p90")),
        tuple((g.label, _band(g.p50), _band(g.p90)) for g in groups.values()),
        tuple(
            (g.label, round(g.p50.median, 2), round(g.p90.median, 2))
            for g in groups.values()
        ),
    )
    part = snap.Market(
        policy.priority_share,
        policy.urgency_category,
        groups["statushouders_coa"].p50.median,
        groups["urgent"].p50.median,
        groups["regulier"].p50.median,
        result.coa["achterstand_in_coa_aan_eind"].median,
        result.verdringing["regulier_maanden_per_statushouder"].median,
        result.runs,
        sources,
        assumptions,
    )
    section = Section(
        "woningmarkt", title, True,
        intro=_("SCHATTING met het wachtrijmodel van Migratieketen (%(runs)s runs, "
                "%(years)s jaar vanaf %(hy)s); geen voorspelling.")
        % {"runs": result.runs, "years": MARKET_YEARS, "hy": ctx.half_year},
        rows=rows, tables=(table,), sources=sources,
        notes=assumptions[:3], estimate=True,
    )  # fmt: skip
    return section, part


SCENARIO_ROWS = (
    ("waiting_end", lambda: _("Wachtende statushouders aan het eind"), "n"),
    ("housed_total", lambda: _("Gehuisvest in de hele periode"), "n"),
    ("crisis_places_peak", lambda: _("Crisisplaatsen op de piek (indicatief)"), "n"),
    ("crisis_cost_total", lambda: _("Kosten crisisnoodopvang (indicatief)"), "eur"),
)


def _basis_result() -> tuple[dict[str, Any], str]:
    key = f"mk:werkplaats:basis:{vintage_key()}:{CHAIN_RUNS}"
    cached = cache.get(key)
    if cached is None:
        folder = sp.data_dir()
        if folder is None:
            raise ChainConfigError(_("De map met open data is niet beschikbaar."))
        scenario = replace(builtin_scenario("basis"), runs=CHAIN_RUNS, seed=SEED)
        cached = run_ensemble(scenario, folder).to_dict()
        cached.pop("scenario", None)
        cache.set(key, cached, 24 * 3600)
    label = _(
        "Ingebouwd basisscenario, %(runs)s runs (er is nog geen gepubliceerd scenario)"
    ) % {"runs": CHAIN_RUNS}
    return cached, label


def scenario(ctx: Context) -> Section:
    """The chain outlook for the gemeente: the published run, else the basis."""
    title = _("Vooruitblik (ketenmodel)")
    run = latest_published()
    if run is not None:
        result, label = run.result or {}, run.name
    else:
        try:
            result, label = _basis_result()
        except (ChainConfigError, DataDirError, DataValidationError) as exc:
            return unavailable("scenario", title, str(exc))
    entry = gemeente_entry(result, ctx.code)
    if entry is None:
        return unavailable(
            "scenario", title, _("Het scenario bevat deze gemeente niet.")
        )
    rows, values = [], []
    for key, label_fn, kind in SCENARIO_ROWS:
        q = entry[key]
        fmt = euro if kind == "eur" else (lambda v: format_number(round(v)))
        rows.append((label_fn(), fmt(q["p50"]), f"{fmt(q['p5'])} – {fmt(q['p95'])}"))
        values.append((label_fn(), q["p50"], q["p5"], q["p95"]))
    months = result.get("months") or []
    period = f"{months[0]} t/m {months[-1]}" if months else ""
    table = Table(
        _("Vooruitblik %(period)s: mediaan en band waarin 90 %% van de runs valt")
        % {"period": period},
        (_("Grootheid"), _("Mediaan"), _("Band (p5–p95)")),
        tuple(rows),
        tuple(values),
    )
    source = _(
        "Bron: ketenmodel Migratieketen (%(label)s); verdeling over gemeenten naar "
        "taakstellingsaandeel (art. 29 Huisvestingswet 2014)."
    ) % {"label": label}
    return Section(
        "scenario", title, True,
        intro=_("SCHATTING: een scenario, geen voorspelling. De band laat zien hoe "
                "ver de uitkomsten uiteenlopen."),
        tables=(table,), sources=(source,), estimate=True,
    )  # fmt: skip
