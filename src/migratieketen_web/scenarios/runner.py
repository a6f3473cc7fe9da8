# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Start a ScenarioRun and run the core ensemble for it, in a thread or in the request.

Why a thread and not a task queue: a 1,000-run ensemble takes seconds, so a daemon
thread per run (at most MAX_ACTIVE at once) is enough and needs no extra service.
Progress goes to the database after every chunk of runs, so any web process can show
it. A run cut off by a server restart is marked failed when it is next looked at
(`mark_stale`). All model arithmetic is `migratieketen.chain.run_ensemble`.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen.chain import ChainConfigError, ChainScenario, run_ensemble
from migratieketen.chain.inputs import build_inputs
from migratieketen_web.gemeenten.importer import current_vintage
from migratieketen_web.scenarios import limits
from migratieketen_web.scenarios.models import ACTIVE_STATUSES, RunStatus, ScenarioRun

logger = logging.getLogger(__name__)


class TooManyActiveRuns(Exception):
    """More runs are queued or running than MAX_ACTIVE allows; try again later."""


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


def validated_scenario(data: object) -> ChainScenario:
    """The core's ChainScenario from a dict, or ChainConfigError with its Dutch message."""
    scenario = ChainScenario.from_dict(data)  # type: ignore[arg-type]
    check_limits(scenario)
    return scenario


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


def mark_stale() -> None:
    """Active runs that have not moved for STALE_AFTER_SECONDS were cut off."""
    limit = timezone.now() - timedelta(seconds=limits.STALE_AFTER_SECONDS)
    ScenarioRun.objects.filter(status__in=ACTIVE_STATUSES, updated_at__lt=limit).update(
        status=RunStatus.FAILED,
        error=_("De berekening is onderbroken (bijvoorbeeld door een herstart)."),
        updated_at=timezone.now(),
    )


def create_run(
    scenario: ChainScenario, inflow_choice: str, name: str = ""
) -> ScenarioRun:
    """Save a queued run for a validated scenario and start it."""
    check_limits(scenario)
    mark_stale()
    if ScenarioRun.objects.filter(status__in=ACTIVE_STATUSES).count() >= (
        limits.MAX_ACTIVE
    ):
        raise TooManyActiveRuns(
            _("Er lopen al %(n)s berekeningen; probeer het over een minuut opnieuw.")
            % {"n": limits.MAX_ACTIVE}
        )
    data_dir, vintage = _data_dir()
    # The core resolves the scenario against the data (e.g. a 'monthly' inflow list
    # shorter than the scenario): refuse here, so a bad scenario creates no run.
    build_inputs(scenario, data_dir)
    run = ScenarioRun.objects.create(
        name=(name or scenario.name)[:200],
        description=scenario.description,
        inflow_choice=inflow_choice,
        definition=scenario.to_dict(),
        seed=scenario.seed,
        runs=scenario.runs,
        data_dir=data_dir,
        data_vintage=vintage,  # type: ignore[misc]
    )
    start(run)
    return run


def start(run: ScenarioRun) -> None:
    if limits.synchronous():
        execute(run.pk)
        run.refresh_from_db()
        return
    thread = threading.Thread(
        target=_execute_in_thread, args=(run.pk,), name=f"scenario-{run.uuid}"
    )
    thread.daemon = True
    thread.start()


def _execute_in_thread(pk: int) -> None:
    close_old_connections()
    try:
        execute(pk)
    finally:
        connection.close()


def execute(pk: int) -> None:
    """Run the ensemble of run `pk`; never raises (failures are stored, Dutch)."""
    run = ScenarioRun.objects.get(pk=pk)
    ScenarioRun.objects.filter(pk=pk).update(
        status=RunStatus.RUNNING, progress=1, updated_at=timezone.now()
    )

    def progress(done: int, total: int) -> None:
        # Reduction to percentiles follows the last chunk: keep 5 % for it.
        value = 1 + int(94 * done / max(total, 1))
        ScenarioRun.objects.filter(pk=pk).update(
            progress=value, updated_at=timezone.now()
        )

    began = time.perf_counter()
    try:
        scenario = ChainScenario.from_dict(run.definition)
        address = limits.DASK_ADDRESS
        result = run_ensemble(
            scenario,
            run.data_dir,
            progress=progress,
            backend="dask" if address else "local",
            address=address or None,
        )
        payload = result.to_dict()
    except ChainConfigError as exc:
        _fail(pk, str(exc))
        return
    except Exception:  # noqa: BLE001 - stored on the run, logged with traceback
        logger.exception("Scenariorun %s mislukt", run.uuid)
        _fail(pk, _("Interne fout in de berekening; zie het serverlog."))
        return
    payload.pop("scenario", None)  # already stored as `definition`
    ScenarioRun.objects.filter(pk=pk).update(
        status=RunStatus.DONE,
        progress=100,
        result=payload,
        finished_at=timezone.now(),
        runtime_seconds=round(time.perf_counter() - began, 3),
        updated_at=timezone.now(),
    )


def _fail(pk: int, message: str) -> None:
    ScenarioRun.objects.filter(pk=pk).update(
        status=RunStatus.FAILED,
        error=message,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
