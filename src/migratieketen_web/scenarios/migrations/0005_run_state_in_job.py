# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every scenario run has a job now; its state lives there, not on the run."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0004_runs_to_jobs")]

    operations = [
        migrations.AlterField(
            model_name="scenariorun",
            name="job",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="scenario_run",
                to="jobs.job",
                verbose_name="taak",
            ),
        ),
        migrations.RemoveField(model_name="scenariorun", name="status"),
        migrations.RemoveField(model_name="scenariorun", name="progress"),
        migrations.RemoveField(model_name="scenariorun", name="error"),
        migrations.RemoveField(model_name="scenariorun", name="finished_at"),
        migrations.RemoveField(model_name="scenariorun", name="updated_at"),
    ]
