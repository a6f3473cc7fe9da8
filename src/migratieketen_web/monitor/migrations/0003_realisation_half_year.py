# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Each realisation stores its half-year, so the monitor sums per gemeente x half-year
in SQL over a covering index instead of loading every row (issue 9: pages slowed down
linearly with the register)."""

from typing import Any

from django.db import migrations, models

BATCH = 5000


def fill_half_year(apps: Any, schema_editor: Any) -> None:
    """'2025-1' for January-June, '2025-2' for July-December; in batches of pks.

    The pks are read first: SQLite gives no isolation between a running read and
    writes to the same table on one connection.
    """
    realisation = apps.get_model("monitor", "Realisation")
    pks = list(realisation.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(pks), BATCH):
        rows = list(
            realisation.objects.filter(pk__in=pks[i : i + BATCH]).only("housed_on")
        )
        for row in rows:
            half = 1 if row.housed_on.month <= 6 else 2
            row.half_year = f"{row.housed_on.year}-{half}"
        realisation.objects.bulk_update(rows, ["half_year"])


class Migration(migrations.Migration):
    dependencies = [("monitor", "0002_dutch_constraint_messages")]

    operations = [
        migrations.AddField(
            model_name="realisation",
            name="half_year",
            field=models.CharField(
                default="",
                editable=False,
                help_text="Het halfjaar van de datum huisvesting, bv. 2025-1.",
                max_length=6,
                verbose_name="halfjaar",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_half_year, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="realisation",
            index=models.Index(
                fields=["gemeente", "half_year", "housed_on", "persons"],
                name="realisation_sums",
            ),
        ),
    ]
