# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario runs get a job (issue 8), an owner and a publication (issue 9).

Three steps (0003 fields, 0004 data, 0005 constraints), because PostgreSQL cannot
alter a table in the transaction that has just written rows pointing at it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("scenarios", "0002_statushouder_result_keys"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="scenariorun",
            name="job",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="scenario_run",
                to="jobs.job",
                verbose_name="taak",
            ),
        ),
        migrations.AddField(
            model_name="scenariorun",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg: anoniem gestart (alleen te zien via de link).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="gestart door",
            ),
        ),
        migrations.AddField(
            model_name="scenariorun",
            name="published_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="gepubliceerd op"
            ),
        ),
        migrations.AddField(
            model_name="scenariorun",
            name="published_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="gepubliceerd door",
            ),
        ),
        migrations.AlterModelOptions(
            name="scenariorun",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [("publish_scenariorun", "Scenarioruns publiceren")],
                "verbose_name": "scenariorun",
                "verbose_name_plural": "scenarioruns",
            },
        ),
    ]
