# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The opvang form's scenario beyond the built-in ones: an uploaded scenario file or a
saved scenario run of the scenarios app.

Both end as the core's scenario definition (`ChainScenario.to_dict()`), checked by the
core and by the same website limits as the scenarios app (`services.scenario_definition`,
`services.checked_definition`); every error is Dutch and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from migratieketen_web.opvang import services

MAX_SCENARIO_BYTES = 100_000  # as the scenarios app's own upload
SAVED_PREFIX = "run:"  # choice value of a saved scenario run: run:<uuid>
SAVED_LIMIT = 20


def read_scenario_file(upload: Any) -> dict[str, Any]:
    """The uploaded YAML as a checked scenario definition (ValidationError, Dutch)."""
    if upload.size > MAX_SCENARIO_BYTES:
        raise forms.ValidationError(_("Het scenariobestand is groter dan 100 kB."))
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            _("Het scenariobestand is geen UTF-8-tekst.")
        ) from exc
    try:
        return services.scenario_definition(text)
    except services.ChainConfigError as exc:
        raise forms.ValidationError(str(exc)) from exc


def saved_runs(request: Any) -> list[Any]:
    """Saved scenario runs the visitor may see (their own and published ones)."""
    if request is None:
        return []
    from migratieketen_web.scenarios.services import visible_runs

    return list(visible_runs(request).order_by("-created_at", "-pk")[:SAVED_LIMIT])


def saved_choices(runs: list[Any]) -> list[tuple[str, str]]:
    return [
        (
            f"{SAVED_PREFIX}{r.uuid}",
            _("Opgeslagen scenario: %(name)s") % {"name": r.name},
        )
        for r in runs
    ]


def saved_definition(runs: list[Any], choice: str) -> tuple[dict[str, Any], Any]:
    """The chosen saved run's definition, checked again, and the run itself."""
    run = next(r for r in runs if f"{SAVED_PREFIX}{r.uuid}" == choice)
    try:
        return services.checked_definition(run.definition), run
    except services.ChainConfigError as exc:
        raise forms.ValidationError(str(exc)) from exc
