# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The scenarios app's one door to the core, and the life of a scenario run.

Why one module: the rest of the app (forms, views, API, pages) reads and formats; only
this module calls `migratieketen.chain` (and re-exports the few core names the other
modules need), so a change in the core touches one file here. A run is started
through the job runner (`migratieketen_web.jobs`): the active-run cap and the
client's start rate are checked in the same locked transaction that creates the run,
its job and its queued task; the worker then calls `execute_run`.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen.chain import (
    ChainConfigError,
    ChainScenario,
    builtin_scenario,
    default_parameters,
    run_ensemble,
)
from migratieketen.chain.engine import GEMEENTE_SERIES
from migratieketen.chain.gemeenten import load_gemeente_inputs
from migratieketen.chain.inputs import build_inputs
from migratieketen.chain.params import resolve_values
from migratieketen.chain.public_notes import public_note
from migratieketen.chain.scenario import month_index, month_label
from migratieketen.maps.bins import bin_index, quantile_bins
from migratieketen.maps.svg import NL_FRAME
from migratieketen.rules.rounding import half_up_div, largest_remainder
from migratieketen_web.gemeenten.importer import current_vintage
from migratieketen_web.jobs import services as job_services
from migratieketen_web.jobs.models import ACTIVE_STATUSES, Job
from migratieketen_web.scenarios import limits
from migratieketen_web.scenarios.models import ScenarioRun

# Core names the app's other modules use (imported from here, never from the core).
__all__ = [
    "GEMEENTE_SERIES",
    "NL_FRAME",
    "ChainConfigError",
    "ChainScenario",
    "bin_index",
    "builtin_scenario",
    "default_parameters",
    "month_index",
    "month_label",
    "public_note",
    "quantile_bins",
    "resolve_values",
]

KIND = "scenario"
TooManyActiveRuns = job_services.TooManyActiveJobs
TooManyStarts = job_services.TooManyStarts


# Per-gemeente figures are kept to three decimals before they are apportioned.
APPORTION_SCALE = 1000


def whole_persons(values: dict[str, float]) -> dict[str, int]:
    """Per-gemeente figures as whole persons whose sum stays the rounded total.

    Rounding each gemeente on its own can make the parts add up to more or less than
    the national figure (and shows '1,6 plaatsen'); Hamilton's largest-remainder
    method (the one the Spreidingswet key uses) keeps the total and moves every
    figure by less than one person.
    """
    codes = list(values)
    nums = [max(0, round(values[c] * APPORTION_SCALE)) for c in codes]
    total = half_up_div(sum(nums), APPORTION_SCALE)
    rounded = largest_remainder(nums, APPORTION_SCALE, total, tie_break=nums)
    return dict(zip(codes, rounded, strict=True))


def housing_keys(data_dir: str) -> dict[str, tuple[float, float]]:
    """Per gemeente the two keys of the chain model: (taakstelling share, corporation
    dwellings). Statushouders are linked by the first (art. 29 Huisvestingswet 2014),
    housed from lettings of the second; {} when the run's data folder is gone."""
    try:
        g = load_gemeente_inputs(data_dir)
    except (ChainConfigError, OSError):
        return {}
    return {
        code: (float(share), float(dwellings))
        for code, share, dwellings in zip(
            g.codes, g.share, g.corporation_dwellings, strict=True
        )
    }


class NotPublishable(Exception):
    """Only a finished run can be published; Dutch message."""


def check_limits(scenario: ChainScenario) -> None:
    """The web/API caps on top of the core's own validation (Dutch messages)."""
    if scenario.runs > limits.MAX_RUNS:
        raise ChainConfigError(
            _("Scenario: hooguit %(max)s runs per berekening via de website of API.")
            % {"max": limits.MAX_RUNS}
        )
    if scenario.months > limits.MAX_MONTHS:
        raise ChainConfigError(
            _("Scenario: hooguit %(max)s maanden per berekening via de website of API.")
            % {"max": limits.MAX_MONTHS}
        )
    if not 0 <= scenario.seed <= limits.MAX_SEED:
        raise ChainConfigError(
            _("Scenario: 'seed' moet een geheel getal van 0 tot en met %(max)s zijn.")
            % {"max": limits.MAX_SEED}
        )


def validated_scenario(data: object) -> ChainScenario:
    """The core's ChainScenario from a dict, or ChainConfigError with its Dutch message."""
    scenario = ChainScenario.from_dict(data)  # type: ignore[arg-type]
    check_limits(scenario)
    return scenario


def scenario_from_yaml(text: str) -> ChainScenario:
    return ChainScenario.from_yaml(text)


def scenario_yaml(definition: dict[str, Any]) -> str:
    return ChainScenario.from_dict(definition).to_yaml()


def _data_dir() -> tuple[str, object]:
    """The imported open-data folder (its vintage recorded), else the configured one."""
    vintage = current_vintage()
    if vintage is not None and Path(vintage.data_dir).is_dir():
        return vintage.data_dir, vintage
    configured = settings.MIGRATIEKETEN_DATA_DIR
    if configured and Path(configured).is_dir():
        return str(configured), None
    raise ChainConfigError(
        _(
            "Geen open data beschikbaar: lees eerst de open data in "
            "(python manage.py import_open_data) of zet MIGRATIEKETEN_DATA_DIR."
        )
    )


def start_run(
    scenario: ChainScenario,
    inflow_choice: str,
    name: str = "",
    request: Any = None,
    remember: bool = True,
) -> ScenarioRun:
    """Save a queued run for a validated scenario and queue its job, all or nothing.

    `request` identifies the client for the start rate and the owner; with
    `remember` the run is kept in the visitor's session (web form, not the API).
    Raises ChainConfigError (bad scenario), TooManyActiveRuns (cap reached) or
    TooManyStarts (this client's rate reached); then nothing is stored.
    """
    check_limits(scenario)
    data_dir, vintage = _data_dir()
    # The core resolves the scenario against the data (e.g. a 'monthly' inflow list
    # shorter than the scenario): refuse here, so a bad scenario creates no run.
    build_inputs(scenario, data_dir)
    user = getattr(request, "user", None)
    owner = user if user is not None and user.is_authenticated else None
    title = (name or scenario.name)[:200]
    from migratieketen_web.scenarios import tasks

    with job_services.admission(
        KIND,
        max_active=limits.max_active(),
        throttle=limits.start_throttle(),
        request=request,
    ):
        job = job_services.create(
            KIND, _("Scenariorun: %(name)s") % {"name": title}, owner=owner
        )
        run = ScenarioRun.objects.create(
            job=job,
            name=title,
            description=scenario.description,
            inflow_choice=inflow_choice,
            definition=scenario.to_dict(),
            seed=scenario.seed,
            runs=scenario.runs,
            data_dir=data_dir,
            data_vintage=vintage,  # type: ignore[misc]
            owner=owner,
        )
        job_services.set_result(job, run)
        job_services.enqueue(job, tasks.run_scenario)
    if remember:
        job_services.remember(request, job)
    run.refresh_from_db()
    return run


def execute_run(job: Job, progress: job_services.Progress) -> None:
    """Run the ensemble of the job's run and store its result (in the worker)."""
    run = ScenarioRun.objects.get(job=job)

    def report(done: int, total: int) -> None:
        # Reduction to percentiles follows the last chunk: keep 5 % for it.
        progress(1 + 94 * done / max(total, 1))

    began = time.perf_counter()
    address = limits.dask_address()
    try:
        scenario = ChainScenario.from_dict(run.definition)
        result = run_ensemble(
            scenario,
            run.data_dir,
            progress=report,
            backend="dask" if address else "local",
            address=address or None,
        )
        payload = result.to_dict()
    except ChainConfigError as exc:
        raise job_services.JobError(str(exc)) from exc
    payload.pop("scenario", None)  # already stored as `definition`
    with transaction.atomic():
        ScenarioRun.objects.filter(pk=run.pk).update(
            result=payload, runtime_seconds=round(time.perf_counter() - began, 3)
        )
        job_services.complete(job, run)


def may_publish(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_staff
        and user.has_perm("scenarios.publish_scenariorun")
    )


def publish(run: ScenarioRun, user: Any) -> None:
    """Show the run on the gemeente pages (the latest published one is shown)."""
    if not run.is_done:
        raise NotPublishable(
            _("Alleen een afgeronde berekening kan worden gepubliceerd.")
        )
    ScenarioRun.objects.filter(pk=run.pk).update(
        published_at=timezone.now(), published_by=user
    )


def unpublish(run: ScenarioRun) -> None:
    ScenarioRun.objects.filter(pk=run.pk).update(published_at=None, published_by=None)


def latest_published() -> ScenarioRun | None:
    return (
        ScenarioRun.objects.filter(published_at__isnull=False, result__isnull=False)
        .select_related("job")
        .order_by("-published_at", "-pk")
        .first()
    )


def latest_published_exists() -> bool:
    """Whether a published, finished run exists, without loading its result."""
    return ScenarioRun.objects.filter(
        published_at__isnull=False, result__isnull=False
    ).exists()


def visible_runs(request: Any) -> models.QuerySet[ScenarioRun]:
    """Runs a visitor may find in lists: published ones and their own.

    An anonymous run stays reachable through its link (an unguessable UUID) but is
    listed only for the session that started it.
    """
    mine = models.Q(published_at__isnull=False) | models.Q(
        job__uuid__in=request.session.get("jobs", [])
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        mine |= models.Q(owner=user)
    return ScenarioRun.objects.filter(mine).select_related("job")


def cleanup_anonymous_runs() -> int:
    """Delete anonymous, unpublished, finished runs older than the retention."""
    before = timezone.now() - timedelta(days=limits.retention_days())
    old = ScenarioRun.objects.filter(
        owner=None, published_at=None, created_at__lt=before
    ).exclude(job__status__in=ACTIVE_STATUSES)
    _total, deleted = Job.objects.filter(
        pk__in=list(old.values_list("job_id", flat=True))
    ).delete()  # the runs go with their jobs (CASCADE)
    return deleted.get(ScenarioRun._meta.label, 0)
