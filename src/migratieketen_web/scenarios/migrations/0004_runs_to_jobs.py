# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every existing scenario run gets a job (issue 8).

Every existing run gets a job with its old status, progress, error and times; a run
that was still queued or running cannot have survived the switch of job runner and
is marked failed ('onderbroken').
"""

from django.db import migrations

INTERRUPTED = (
    "De berekening is onderbroken: de rekenwerker stopte (bijvoorbeeld door een "
    "herstart). Start de berekening opnieuw."
)


def runs_to_jobs(apps, schema_editor):
    ScenarioRun = apps.get_model("scenarios", "ScenarioRun")
    Job = apps.get_model("jobs", "Job")
    ContentType = apps.get_model("contenttypes", "ContentType")
    run_type, _ = ContentType.objects.get_or_create(
        app_label="scenarios", model="scenariorun"
    )
    for run in ScenarioRun.objects.all():
        active = run.status in ("wachtrij", "bezig")
        job = Job.objects.create(
            kind="scenario",
            title=f"Scenariorun: {run.name}"[:200],
            status="mislukt" if active else run.status,
            progress=run.progress,
            error=INTERRUPTED if active else run.error,
            failure="onderbroken" if active else ("ongeldig" if run.error else ""),
            finished_at=run.finished_at or (run.updated_at if active else None),
            result_type=run_type,
            result_id=str(run.pk),
        )
        Job.objects.filter(pk=job.pk).update(created_at=run.created_at)
        run.job = job
        run.save(update_fields=["job"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("jobs", "0001_initial"),
        ("scenarios", "0003_runs_on_jobs"),
    ]

    operations = [migrations.RunPython(runs_to_jobs, migrations.RunPython.noop)]
