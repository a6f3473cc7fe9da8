# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A changed input file is a new data vintage; the stored forecast is not served."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command

import pytest

from migratieketen.forecast.inputs import INPUT_FILES
from migratieketen_web.prognoses import services

pytestmark = pytest.mark.django_db


def test_changed_file_means_new_vintage(
    stored_forecast: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    settings = services.ForecastSettings.from_django()
    assert str(services.stored_forecast(shared_data_dir, settings).uuid) == (
        stored_forecast.uuid
    )
    copy = tmp_path / "data"
    copy.mkdir()
    for name in INPUT_FILES:
        shutil.copyfile(shared_data_dir / name, copy / name)
    assert services.stored_forecast(copy, settings) is not None  # same bytes
    with (copy / INPUT_FILES[0]).open("a", encoding="utf-8") as fh:
        fh.write("\n")  # a revision, however small
    assert services.stored_forecast(copy, settings) is None
    other = services.ForecastSettings(**{**settings.to_dict(), "seed": 1})
    assert services.stored_forecast(shared_data_dir, other) is None


def test_missing_file_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(services.ForecastUnavailable, match="ontbreken de bestanden"):
        services.vintage_files(tmp_path)


def test_bad_settings_rejected() -> None:
    with pytest.raises(ValueError, match="horizon"):
        services.ForecastSettings(horizon=9)
    with pytest.raises(ValueError, match="100 paden"):
        services.ForecastSettings(n_paths=10)


def test_command_does_not_recompute_a_stored_forecast(
    stored_forecast: Any, compute_spy: Any
) -> None:
    out = StringIO()
    call_command("prognose_opslaan", stdout=out)
    assert "was al opgeslagen" in out.getvalue()
    assert compute_spy.calls == 0


def test_core_code_is_part_of_the_key(
    stored_forecast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migratieketen_web.prognoses.models import Forecast

    forecast = Forecast.objects.get(uuid=stored_forecast.uuid)
    assert forecast.parameters["core"] == services.core_fingerprint()
    settings = services.ForecastSettings.from_django()
    before = settings.key
    monkeypatch.setattr(services, "core_fingerprint", lambda: "0" * 64)
    assert settings.key != before  # new model code: not the stored forecast
