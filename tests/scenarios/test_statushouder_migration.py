# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The data migration renames the permit-holder keys inside stored runs, and back."""

from __future__ import annotations

import importlib
from typing import Any

from django.db import connection
from django.db.migrations.loader import MigrationLoader

import pytest

from migratieketen.chain import ChainScenario
from migratieketen_web.jobs.models import Job
from migratieketen_web.scenarios.models import ScenarioRun

MIGRATION = importlib.import_module(
    "migratieketen_web.scenarios.migrations.0002_statushouder_result_keys"
)

OLD_DEFINITION: dict[str, Any] = {
    "name": "oud",
    "months": 12,
    "initial_asylum_seekers": 40000.0,
    "initial_permit_holders": 23400.0,
    "parameters": {"initial_permit_holders_2013": 2500.0, "housing_rate": 0.3},
}
OLD_RESULT: dict[str, Any] = {
    "scenario": OLD_DEFINITION,
    "series": {
        "coa_total": {"label_nl": "Personen in COA-opvang (totaal)", "p50": [1.0]},
        "coa_permit_holders": {
            "label_nl": "Vergunninghouders in COA-opvang (wachtend op woning)",
            "p50": [2.0],
        },
    },
    "summary": {"permit_holders_waiting_end_median": 2.0, "peak_coa_total_median": 1},
    "gemeente_series_labels_nl": {
        "waiting_end": "Wachtende vergunninghouders aan het eind (achterstand)"
    },
}


def _historical_apps() -> Any:
    loader = MigrationLoader(connection)
    return loader.project_state(("scenarios", "0001_initial")).apps


@pytest.mark.django_db
def test_stored_runs_get_the_statushouder_keys_and_back() -> None:
    apps = _historical_apps()
    # The row as today's schema stores it (its state in a job since migration
    # 0005); the renaming reads and writes only `definition` and `result`.
    run = ScenarioRun.objects.create(
        job=Job.objects.create(kind="scenario", title="oud", status="klaar"),
        name="oud",
        inflow_choice="basis",
        definition=OLD_DEFINITION,
        result=OLD_RESULT,
        seed=1,
        runs=10,
    )
    MIGRATION.rename_forwards(apps, None)
    run.refresh_from_db()
    assert run.definition["initial_statushouders"] == 23400.0
    assert "initial_permit_holders" not in run.definition
    assert run.definition["parameters"] == {
        "initial_statushouders_2013": 2500.0,
        "housing_rate": 0.3,
    }
    series = run.result["series"]
    assert set(series) == {"coa_total", "coa_statushouders"}
    assert series["coa_statushouders"]["p50"] == [2.0]
    assert series["coa_statushouders"]["label_nl"].startswith("Statushouders in COA")
    assert run.result["summary"]["statushouders_waiting_end_median"] == 2.0
    assert run.result["scenario"] == run.definition
    assert "vergunninghouders" not in str(run.result)
    # the migrated definition is a valid scenario of today's core
    assert ChainScenario.from_dict(run.definition).initial_statushouders == 23400.0

    MIGRATION.rename_backwards(apps, None)
    run.refresh_from_db()
    assert run.definition == OLD_DEFINITION
    assert run.result == OLD_RESULT


def test_the_renaming_leaves_unrelated_and_malformed_data_alone() -> None:
    assert MIGRATION.result(None) is None
    assert MIGRATION.definition({"name": "x"}) == {"name": "x"}
    assert MIGRATION.result({"series": "stuk"}) == {"series": "stuk"}
