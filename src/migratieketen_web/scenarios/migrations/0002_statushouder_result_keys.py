# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Stored runs use the core's new vocabulary: `statushouder` for a person with an
asylum permit (was `permit_holder`), in the scenario definition and in the result.

A data migration only: the names live inside the JSON fields `definition` and
`result`. The mappings are copied here (not imported) so the migration keeps working
whatever the core is called later. Reversible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import migrations

SCENARIO_KEYS = {"initial_permit_holders": "initial_statushouders"}
PARAMETERS = {"initial_permit_holders_2013": "initial_statushouders_2013"}
SERIES = {"coa_permit_holders": "coa_statushouders"}
SUMMARY = {"permit_holders_waiting_end_median": "statushouders_waiting_end_median"}
LABELS = {
    "Vergunninghouders in COA-opvang (wachtend op woning)": (
        "Statushouders in COA-opvang (wachtend op woning)"
    ),
    "Gehuisveste vergunninghouders (per maand)": "Gehuisveste statushouders (per maand)",
    "Gehuisveste vergunninghouders (hele periode)": (
        "Gehuisveste statushouders (hele periode)"
    ),
    "Wachtende vergunninghouders aan het eind (achterstand)": (
        "Wachtende statushouders aan het eind (achterstand)"
    ),
    "Gemiddeld wachtende vergunninghouders": "Gemiddeld wachtende statushouders",
}


def _inverse(mapping: Mapping[str, str]) -> dict[str, str]:
    return {new: old for old, new in mapping.items()}


def _keys(data: Any, renames: Mapping[str, str]) -> Any:
    if not isinstance(data, dict):
        return data
    return {renames.get(k, k): v for k, v in data.items()}


def definition(data: Any, forwards: bool = True) -> Any:
    """A stored scenario dict with the opening-stock key and parameter renamed."""
    keys, params = (
        (SCENARIO_KEYS, PARAMETERS)
        if forwards
        else (_inverse(SCENARIO_KEYS), _inverse(PARAMETERS))
    )
    out = _keys(data, keys)
    if isinstance(out, dict) and isinstance(out.get("parameters"), dict):
        out["parameters"] = _keys(out["parameters"], params)
    return out


def _label(entry: Any, labels: Mapping[str, str]) -> Any:
    if isinstance(entry, dict) and entry.get("label_nl") in labels:
        return {**entry, "label_nl": labels[entry["label_nl"]]}
    return entry


def result(data: Any, forwards: bool = True) -> Any:
    """A stored `SimulationResult.to_dict()` with series, summary keys and labels
    renamed (and its copy of the scenario)."""
    if not isinstance(data, dict):
        return data
    series, summary, labels = (
        (SERIES, SUMMARY, LABELS)
        if forwards
        else (_inverse(SERIES), _inverse(SUMMARY), _inverse(LABELS))
    )
    out = dict(data)
    if isinstance(out.get("series"), dict):
        out["series"] = {
            series.get(k, k): _label(v, labels) for k, v in out["series"].items()
        }
    if "summary" in out:
        out["summary"] = _keys(out["summary"], summary)
    if "scenario" in out:
        out["scenario"] = definition(out["scenario"], forwards)
    gemeente_labels = out.get("gemeente_series_labels_nl")
    if isinstance(gemeente_labels, dict):
        out["gemeente_series_labels_nl"] = {
            k: labels.get(v, v) for k, v in gemeente_labels.items()
        }
    return out


def _migrate(apps: Any, forwards: bool) -> None:
    run_model = apps.get_model("scenarios", "ScenarioRun")
    for run in run_model.objects.only("pk", "definition", "result").iterator():
        new_definition = definition(run.definition, forwards)
        new_result = result(run.result, forwards)
        if new_definition != run.definition or new_result != run.result:
            run.definition, run.result = new_definition, new_result
            run.save(update_fields=["definition", "result"])


def rename_forwards(apps: Any, schema_editor: Any) -> None:
    _migrate(apps, forwards=True)


def rename_backwards(apps: Any, schema_editor: Any) -> None:
    _migrate(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0001_initial")]

    operations = [migrations.RunPython(rename_forwards, rename_backwards)]
