# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The only caller of `migratieketen.plan.koppeling` in the web app.

Uploads (web form or API) are CSV texts in the CLI's formats. They are checked whole
by the core before anything is stored: a BSN-like or name-like column or value, a bad
row, an unknown gemeente: a Dutch KoppelingInputError and no run, no job, no audit of
data. A valid upload becomes a KoppelingRun and a background job (django-tasks) that
computes the recommendation, the status quo and the hindsight optimum. Staff with
the aggregates right (accounts, ADR 0012) may plan; every start, read and decision is
audited (ADR 0013) under the processing activity 'koppeling.advies'.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen.plan.koppeling import (
    DEFAULT_WAIT_WEEKS,
    MAX_WAIT_WEEKS,
    KoppelingError,
    Problem,
    decode_text,
    load_problem,
    match,
)
from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.roles import Right
from migratieketen_web.audit.models import Action
from migratieketen_web.audit.purposes import KOPPELING
from migratieketen_web.audit.recorder import record
from migratieketen_web.jobs import services as job_services
from migratieketen_web.jobs.models import ACTIVE_STATUSES, Job
from migratieketen_web.koppeling.models import KoppelingDecision, KoppelingRun

__all__ = ["DEFAULT_WAIT_WEEKS", "MAX_WAIT_WEEKS", "decode_text"]

KIND = "koppeling"
MODES = ("dynamisch", "batch", "greedy", "statusquo", "hindsight")
MAX_HOUSEHOLDS = 5000  # a week, or a region's half-year; the year is the CLI's
MAX_ACTIVE = 2
OBJECT_TYPE = "koppelingsrun"
# Who removes old uploads in the audit log: the periodic task, no user.
HOUSEKEEPING = Actor(None, "", "systeem")


class KoppelingInputError(Exception):
    """The upload is refused (Dutch message); nothing was stored."""


class DecisionError(Exception):
    """A decision cannot be recorded (Dutch message)."""


@dataclass(frozen=True, slots=True)
class Upload:
    """CSV texts in the CLI's formats (docs/koppeling.md)."""

    households: str
    scores: str = ""
    capacity: str = ""


def may_plan(user: Any, actor: Actor) -> bool:
    """Staff with the aggregates right (beleid, landelijk, or a superuser)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_staff", False)
        and actor.holds(Right.AGGREGATES)
    )


def data_dir() -> Path:
    configured = settings.MIGRATIEKETEN_DATA_DIR
    if not configured or not Path(configured).is_dir():
        raise KoppelingInputError(
            _("Geen open data beschikbaar: zet MIGRATIEKETEN_DATA_DIR.")
        )
    return Path(configured)


def validated_problem(upload: Upload) -> Problem:
    """The core's problem for `upload`, or KoppelingInputError; nothing is kept."""
    if not upload.households.strip():
        raise KoppelingInputError(_("Lever een bestand met huishoudens aan."))
    with tempfile.TemporaryDirectory(prefix="koppeling-") as folder:
        base = Path(folder)
        paths: dict[str, Path | None] = {}
        for key, name, text in (
            ("households", "huishoudens.csv", upload.households),
            ("scores", "scores.csv", upload.scores),
            ("capacity", "capaciteit.csv", upload.capacity),
        ):
            paths[key] = None
            if text.strip():
                path = base / name
                path.write_text(text, encoding="utf-8")
                paths[key] = path
        households = paths["households"]
        assert households is not None
        try:
            problem = load_problem(
                households, paths["scores"], paths["capacity"], data_dir()
            )
        except KoppelingError as exc:
            raise KoppelingInputError(str(exc)) from exc
    if problem.n > MAX_HOUSEHOLDS:
        raise KoppelingInputError(
            _("Te veel huishoudens (%(n)s); hier kan tot %(max)s, gebruik de CLI.")
            % {"n": problem.n, "max": MAX_HOUSEHOLDS}
        )
    return problem


def _audit(actor: Actor, action: Action, run: KoppelingRun) -> None:
    record(actor, action, KOPPELING, OBJECT_TYPE, [(run.pk, "")])


def _check_options(mode: str, wait_weeks: int | None) -> None:
    if mode not in MODES:
        raise KoppelingInputError(
            _("Onbekende modus '%(m)s'; kies uit %(all)s.")
            % {"m": mode, "all": ", ".join(MODES)}
        )
    if wait_weeks is not None and not 0 <= wait_weeks <= MAX_WAIT_WEEKS:
        raise KoppelingInputError(
            _(
                "De beslistermijn moet een geheel aantal weken van 0 tot en met %(max)s zijn."
            )
            % {"max": MAX_WAIT_WEEKS}
        )


def start_run(
    actor: Actor,
    user: Any,
    upload: Upload,
    mode: str = "dynamisch",
    seed: int = 0,
    wait_weeks: int | None = None,
) -> KoppelingRun:
    """Check the upload, then store the run and queue its job, all or nothing.

    `wait_weeks` is the beslistermijn of the dynamic policy (None: its default).
    """
    _check_options(mode, wait_weeks)
    problem = validated_problem(upload)
    from migratieketen_web.koppeling import tasks

    with job_services.admission(KIND, max_active=MAX_ACTIVE):
        job = job_services.create(
            KIND,
            _("Koppeling: %(n)s huishoudens (%(m)s)") % {"n": problem.n, "m": mode},
            owner=user,
        )
        run = KoppelingRun.objects.create(
            owner=user if getattr(user, "is_authenticated", False) else None,
            job=job,
            mode=mode,
            seed=seed,
            wait_weeks=wait_weeks,
            channel=actor.channel,
            households_csv=upload.households,
            scores_csv=upload.scores,
            capacity_csv=upload.capacity,
            households=problem.n,
        )
        _audit(actor, Action.CREATE, run)
        job_services.set_result(job, run)
        job_services.enqueue(job, tasks.compute_koppeling)
    run.refresh_from_db()
    return run


def execute_run(job: Job, progress: job_services.Progress) -> None:
    """Compute the run of `job` in the worker and store its result."""
    run = KoppelingRun.objects.get(job=job)
    began = time.perf_counter()
    try:
        problem = validated_problem(
            Upload(run.households_csv, run.scores_csv, run.capacity_csv)
        )
        progress(10)
        result = match(problem, run.mode, run.seed, wait_weeks=run.wait_weeks)
    except (KoppelingInputError, KoppelingError) as exc:
        raise job_services.JobError(str(exc)) from exc
    payload = {
        "samenvatting": result.summary(),
        "huishoudens": result.records(explained=True),
        "rekentijd_s": round(time.perf_counter() - began, 3),
    }
    with transaction.atomic():
        KoppelingRun.objects.filter(pk=run.pk).update(result=payload)
        job_services.complete(job, run)


def runs_for(user: Any) -> Any:
    """A coordinator sees the runs they started; a superuser sees all."""
    qs = KoppelingRun.objects.select_related("job")
    return qs if user.is_superuser else qs.filter(owner=user)


def read_run(actor: Actor, user: Any, run_uuid: Any) -> KoppelingRun:
    """The run (KoppelingRun.DoesNotExist for another's run), audited as a read."""
    run = runs_for(user).get(uuid=run_uuid)
    _audit(actor, Action.READ, run)
    return run


def status(run: KoppelingRun) -> str:
    return str(run.job.status) if run.job else "onbekend"


def _recommendation(run: KoppelingRun, household_id: str) -> dict[str, Any]:
    for rec in (run.result or {}).get("huishoudens", []):
        if rec["huishouden_id"] == household_id:
            return dict(rec)
    raise DecisionError(
        _("Huishouden %(id)s staat niet in deze koppeling.") % {"id": household_id}
    )


def decide(
    actor: Actor,
    user: Any,
    run: KoppelingRun,
    household_id: str,
    chosen: str | None,
    reason: str = "",
) -> KoppelingDecision:
    """Accept the recommendation (`chosen` None) or override it with a reason."""
    if not run.result:
        raise DecisionError(_("De koppeling is nog niet klaar."))
    rec = _recommendation(run, household_id)
    recommended = rec.get("gemeentecode") or ""
    codes = {g["gemeentecode"] for g in run.result["samenvatting"]["capaciteit"][
        "per_gemeente"
    ]}  # fmt: skip
    accepted = chosen is None or chosen == recommended
    target = recommended if chosen is None else chosen
    if not accepted:
        if target not in codes:
            raise DecisionError(
                _("Gemeente %(code)s heeft geen capaciteit in deze koppeling.")
                % {"code": target}
            )
        if not reason.strip():
            raise DecisionError(_("Geef een reden als u van het advies afwijkt."))
    with transaction.atomic():
        decision, _created = KoppelingDecision.objects.update_or_create(
            run=run,
            household_id=household_id,
            defaults={
                "recommended": recommended,
                "chosen": target,
                "accepted": accepted,
                "reason": reason.strip(),
                "decided_by": user,
            },
        )
        _audit(actor, Action.UPDATE, run)
    return decision


def balance(run: KoppelingRun) -> list[dict[str, Any]]:
    """Per gemeente: capacity, persons recommended, persons after the decisions."""
    if not run.result:
        return []
    persons = {r["huishouden_id"]: r["personen"] for r in run.result["huishoudens"]}
    final: dict[str, int] = {}
    for rec in run.result["huishoudens"]:
        if rec["gemeentecode"]:
            final[rec["gemeentecode"]] = final.get(rec["gemeentecode"], 0) + int(
                rec["personen"]
            )
    for d in run.decisions.all():
        if d.recommended:
            final[d.recommended] -= int(persons[d.household_id])
        if d.chosen:
            final[d.chosen] = final.get(d.chosen, 0) + int(persons[d.household_id])
    out = []
    for g in run.result["samenvatting"]["capaciteit"]["per_gemeente"]:
        code = g["gemeentecode"]
        after = final.get(code, 0)
        out.append(
            {
                "gemeentecode": code,
                "capaciteit": g["capaciteit"],
                "aanbevolen": g["gekoppeld"],
                "na_besluiten": after,
                "over": g["capaciteit"] - after,
            }
        )
    return out


def input_retention_days() -> int:
    """Days an upload is kept (MIGRATIEKETEN_KOPPELING_INPUT_RETENTION_DAYS, refused
    below 0 at start; 0: removed once the run is computed)."""
    return max(int(settings.KOPPELING_INPUT_RETENTION_DAYS), 0)


def remove_old_inputs() -> int:
    """Empty the uploaded texts of runs older than the retention; return how many.

    The upload (pseudonymous households, their scores, capacities, up to 64 MB) is
    only needed to compute the run. The result (recommendations with reasons) and the
    coordinators' decisions stay: they are the record of what was advised and decided.
    A run whose job is still queued or running keeps its upload.
    """
    before = timezone.now() - timedelta(days=input_retention_days())
    old = (
        KoppelingRun.objects.filter(created_at__lt=before, inputs_removed_at=None)
        .exclude(job__status__in=ACTIVE_STATUSES)
        .order_by("pk")
    )
    with transaction.atomic():
        ids = list(old.select_for_update(of=("self",)).values_list("pk", flat=True))
        if not ids:
            return 0
        KoppelingRun.objects.filter(pk__in=ids).update(
            households_csv="",
            scores_csv="",
            capacity_csv="",
            inputs_removed_at=timezone.now(),
        )
        record(
            HOUSEKEEPING, Action.UPDATE, KOPPELING, OBJECT_TYPE, [(i, "") for i in ids]
        )
    return len(ids)
