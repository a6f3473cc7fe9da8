# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The opvang app's one door to the core (`migratieketen.plan.opvang`).

A plan is started through the job runner: the candidate file is checked here first
(all or nothing, Dutch errors by row and column), then the plan, its job and its queued
task are written together inside `jobs.admission`; the worker calls `execute_plan`.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen.chain import ChainScenario, builtin_scenario
from migratieketen.chain.params import ChainConfigError
from migratieketen.forecast.engine import MAX_HORIZON as FORECAST_MAX_QUARTERS
from migratieketen.maps.svg import NL_FRAME, GeometryError, geometry_to_path, path_bbox
from migratieketen.plan.highs import SolverError
from migratieketen.plan.opvang import OpvangError, Settings, norms_at, plan_opvang
from migratieketen.plan.opvang.candidates import load_wijken, parse_candidates
from migratieketen.plan.opvang.demand import PrognoseSource, spreiding_keys
from migratieketen.plan.opvang.export import plan_csv, plan_xlsx
from migratieketen.plan.opvang.norms import TYPE_LABELS, TYPES
from migratieketen_web.jobs import services as job_services
from migratieketen_web.jobs.models import Job, JobStatus
from migratieketen_web.jobs.throttles import StartThrottle, valid_rate
from migratieketen_web.opvang.models import OpvangPlan
from migratieketen_web.scenarios.services import check_limits

__all__ = [
    "NL_FRAME", "TYPES", "TYPE_LABELS", "ChainConfigError", "OpvangError", "plan_csv",
    "plan_xlsx",
]  # fmt: skip

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

KIND = "opvangplan"
PROGNOSE = "prognose"  # the forecast engine's sample paths through the chain
SCENARIOS = ("piek2015", "basis", "dal2020", PROGNOSE)
PROGNOSE_MAX_MONTHS = 3 * FORECAST_MAX_QUARTERS  # how far the forecast reaches
SCENARIO_FILE = "bestand"  # options["scenario"] when a saved scenario file was used
MAX_BATCHES = 10  # scenario batches per plan through the website or API
TooManyActive = job_services.TooManyActiveJobs
TooManyStarts = job_services.TooManyStarts


class NotPublishable(Exception):
    """Only a finished plan can be published."""


def data_dir() -> str:
    from migratieketen_web.gemeenten.importer import current_vintage

    vintage = current_vintage()
    if vintage is not None and Path(vintage.data_dir).is_dir():
        return str(vintage.data_dir)
    configured = settings.MIGRATIEKETEN_DATA_DIR
    if configured and Path(configured).is_dir():
        return str(configured)
    raise OpvangError(_("Geen open data beschikbaar: zet MIGRATIEKETEN_DATA_DIR."))


def _norms(options: dict[str, Any]) -> Any:
    overrides: dict[str, Any] = {"wijk_aandeel": float(options["wijk_aandeel"])}
    base = norms_at(date.today())
    maxima = dict(base["max_plaatsen"])
    maxima["kleinschalig"] = int(options["max_kleinschalig"])
    overrides["max_plaatsen"] = maxima
    return norms_at(date.today(), overrides)


def check_candidates(text: str) -> None:
    """Raise OpvangError (Dutch, row and column) when the file is not valid."""
    parse_candidates(text, load_wijken(data_dir()), norms_at(date.today()))


def scenario_definition(text: str) -> dict[str, Any]:
    """A saved chain scenario (the YAML of `ChainScenario.to_yaml`) checked by the core
    and the website's limits, as the dict stored with the plan (ChainConfigError, Dutch)."""
    scenario = ChainScenario.from_yaml(text)
    check_limits(scenario)
    return scenario.to_dict()


def checked_definition(definition: object) -> dict[str, Any]:
    """A stored scenario definition (e.g. of a saved scenario run) checked again."""
    scenario = ChainScenario.from_dict(definition)  # type: ignore[arg-type]
    check_limits(scenario)
    return scenario.to_dict()


def plan_scenario(options: dict[str, Any]) -> ChainScenario | PrognoseSource:
    """The scenario a plan was started with: a stored definition, the prognose (on the
    latest data quarter) or a built-in one."""
    definition = options.get("scenario_definitie")
    if definition:
        return ChainScenario.from_dict(definition)
    if options["scenario"] == PROGNOSE:
        return PrognoseSource()
    return builtin_scenario(options["scenario"])


def prognose_horizon_error(scenario: str | None, months: int | None) -> str | None:
    """Dutch error when the prognose cannot cover the chosen horizon, else None."""
    if scenario == PROGNOSE and months and months > PROGNOSE_MAX_MONTHS:
        return _(
            "De prognose reikt %(max)d maanden vooruit; kies een horizon van hooguit "
            "%(max)d maanden of een ander scenario."
        ) % {"max": PROGNOSE_MAX_MONTHS}
    return None


def start_plan(options: dict[str, Any], csv_text: str, request: Any = None,
               remember: bool = True) -> OpvangPlan:  # fmt: skip
    """Save a queued plan and queue its job, all or nothing (OpvangError: nothing saved)."""
    folder = data_dir()
    if csv_text:
        check_candidates(csv_text)
    user = getattr(request, "user", None)
    owner = user if user is not None and user.is_authenticated else None
    name = (options.get("naam") or _("Opvangplan %(gebied)s, %(scenario)s") % {
        "gebied": options.get("provincie") or _("landelijk"), "scenario": options.get("scenario_naam") or options["scenario"],
    })[:200]  # fmt: skip
    from migratieketen_web.opvang import tasks

    throttle = StartThrottle("opvangplannen", valid_rate(settings.SCENARIOS_START_RATE))
    max_active = int(getattr(settings, "OPVANG_MAX_ACTIVE", 2))
    with job_services.admission(
        KIND, max_active=max_active, throttle=throttle, request=request
    ):
        job = job_services.create(
            KIND, _("Opvangplan: %(name)s") % {"name": name}, owner=owner
        )
        plan = OpvangPlan.objects.create(
            job=job, name=name, options=options, candidates_csv=csv_text,
            province=options.get("provincie") or "", data_dir=folder, owner=owner,
        )  # fmt: skip
        job_services.set_result(job, plan)
        job_services.enqueue(job, tasks.run_opvang_plan)
    if remember:
        job_services.remember(request, job)
    plan.refresh_from_db()
    return plan


def _settings(options: dict[str, Any]) -> Settings:
    return Settings(
        months=int(options["maanden"]), paths=int(options["paden"]),
        seed=int(options.get("seed") or 0), province=options.get("provincie") or None,
        step=int(options.get("beslisblok") or 1), risk_weight=float(options["risicogewicht"]),
        time_limit=float(getattr(settings, "OPVANG_TIME_LIMIT", 60.0)),
        limit=int(getattr(settings, "OPVANG_MAX_CANDIDATES", 150)),
        with_frontier=bool(options.get("afweging", True)),
        batches=int(options.get("batches") or 1), backend="local",
    )  # fmt: skip


def wijk_points(folder: str, codes: set[str]) -> dict[str, list[float]]:
    """Centre of each wijk's bounding box in the national map's coordinates."""
    from migratieketen.data import load_wijk_geometry

    try:
        geometry = load_wijk_geometry(folder)
    except Exception:  # noqa: BLE001 - the wijk map is optional; the table stays
        return {}
    out = {}
    for code in codes:
        try:
            x0, y0, x1, y1 = path_bbox(geometry_to_path(geometry[code], NL_FRAME))
        except (KeyError, GeometryError):
            continue
        out[code] = [round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1)]
    return out


def execute_plan(job: Job, progress: job_services.Progress) -> None:
    """Solve the job's plan and store its result (in the worker)."""
    plan = OpvangPlan.objects.get(job=job)
    options = plan.options
    began = time.perf_counter()
    progress(5)
    try:
        result = plan_opvang(
            plan_scenario(options), plan.data_dir, _settings(options),
            candidates_csv=plan.candidates_csv or None, norms=_norms(options),
        )  # fmt: skip
    except (OpvangError, ChainConfigError, SolverError) as exc:
        raise job_services.JobError(str(exc)) from exc
    progress(90)
    records = result.records()
    payload = {
        "samenvatting": result.summary(),
        "locaties": records,
        "wijkpunten": wijk_points(plan.data_dir, {r["wijkcode"] for r in records}),
    }
    with transaction.atomic():
        OpvangPlan.objects.filter(pk=plan.pk).update(
            result=payload, runtime_seconds=round(time.perf_counter() - began, 3)
        )
        job_services.complete(job, plan)


def visible_plans(request: Any) -> models.QuerySet[OpvangPlan]:
    """Plans a visitor may find in lists: published ones and their own.

    An anonymous plan stays reachable through its link (an unguessable UUID) but is
    listed only for the session that started it (the same rule as scenario runs).
    """
    mine = models.Q(published_at__isnull=False) | models.Q(
        job__uuid__in=request.session.get("jobs", [])
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        mine |= models.Q(owner=user)
    return OpvangPlan.objects.filter(mine).select_related("job")


def may_publish(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_staff
        and user.has_perm("opvang.publish_opvangplan")
    )


def publish(plan: OpvangPlan, user: Any) -> None:
    """Show the plan on the gemeente pages (the latest published one is shown)."""
    if not plan.is_done or not plan.result:
        raise NotPublishable(_("Alleen een afgerond plan kan worden gepubliceerd."))
    OpvangPlan.objects.filter(pk=plan.pk).update(
        published_at=timezone.now(), published_by=user
    )


def unpublish(plan: OpvangPlan) -> None:
    OpvangPlan.objects.filter(pk=plan.pk).update(published_at=None, published_by=None)


def latest_plan_for(gemeente_code: str, province_code: str) -> OpvangPlan | None:
    """The newest published plan that covers the gemeente (its province or national).

    Only a plan a signed-in user with the publish permission published is public: an
    anonymous visitor's plan never appears on a gemeente page (issue 9's rule).
    """
    return (
        OpvangPlan.objects.filter(
            job__status=JobStatus.DONE,
            published_at__isnull=False,
            result__isnull=False,
        )
        .filter(models.Q(province=province_code) | models.Q(province=""))
        .select_related("job")
        .order_by("-published_at", "-pk")
        .first()
    )


def spreidingswet_target(gemeente_code: str) -> int | None:
    """The gemeente's places under the Spreidingswet key (capaciteitsraming 2024)."""
    try:
        return spreiding_keys(data_dir())[2].get(gemeente_code)
    except (OpvangError, ValueError, OSError):
        return None
