# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Existing scenario runs move onto jobs: a finished run keeps its state, a run that
was 'bezig' under the old thread runner can never finish and becomes 'mislukt'."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from migratieketen.chain import builtin_scenario

BEFORE = [("scenarios", "0002_statushouder_result_keys"), ("jobs", "0001_initial")]
AFTER = [("scenarios", "0005_run_state_in_job")]


@pytest.mark.django_db(transaction=True)
def test_old_runs_get_jobs_with_their_state() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model(
        "scenarios", "ScenarioRun"
    )
    definition = builtin_scenario("basis").to_dict()
    common = {"inflow_choice": "basis", "definition": definition, "seed": 1, "runs": 10}
    old.objects.create(name="klaar", status="klaar", progress=100, **common)
    old.objects.create(name="bezig", status="bezig", progress=40, **common)
    old.objects.create(name="fout", status="mislukt", error="Kapot.", **common)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    runs = {
        r.name: r.job
        for r in new.get_model("scenarios", "ScenarioRun").objects.select_related("job")
    }
    assert (runs["klaar"].status, runs["klaar"].progress) == ("klaar", 100)
    assert (runs["bezig"].status, runs["bezig"].failure) == ("mislukt", "onderbroken")
    assert "onderbroken" in runs["bezig"].error
    assert (runs["fout"].status, runs["fout"].error) == ("mislukt", "Kapot.")
    assert {j.kind for j in runs.values()} == {"scenario"}
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
