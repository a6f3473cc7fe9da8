# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""``manage.py prognose_opslaan``: compute and store the forecast for the current data.

Run after new data arrives (e.g. after 'migratieketen data sync'), so the first
visitor of /prognose does not wait for the computation.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migratieketen_web.prognoses import services


class Command(BaseCommand):
    help = (
        "Bereken de prognose asielinstroom (met backtest en instroomscenario's) voor "
        "de huidige data in MIGRATIEKETEN_DATA_DIR en sla haar op; doet niets als "
        "die al is opgeslagen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        settings = services.ForecastSettings.from_django()
        try:
            folder = services.data_dir()
            existing = services.stored_forecast(folder, settings)
            if existing is not None:
                self.stdout.write(
                    f"Prognose {existing.uuid} (data t/m {existing.cutoff}) was al "
                    "opgeslagen."
                )
                return
            forecast = services.save(services.compute(folder, settings))
        except services.ForecastUnavailable as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Prognose {forecast.uuid} opgeslagen: data t/m {forecast.cutoff}, "
            f"prognose t/m {forecast.until}, {forecast.scenarios.count()} "
            f"scenario's, rekentijd {forecast.compute_seconds:.1f} s."
        )
