# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Compute the prognose with the core once per data vintage and settings, then store it.

Why: the forecast plus its backtest take tens of seconds (model fits at every
origin). The page and the API therefore never compute per request: they look up
the forecast for the current data files (by checksum) and settings. The first
request after new data queues one job for it (`tasks.compute_forecast`, run by a
worker; one job per vintage and settings across all processes) and is told to come
back; `migratieketen serve` queues it at start-up and `manage.py prognose_opslaan`
computes it ahead of time, in the foreground. All forecasting is done by
`migratieketen.forecast`; this module is the app's only caller of the core (the
app's other modules import the core names they need from here).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

import migratieketen.data.asylum as asylum_module
import migratieketen.forecast as forecast_package
from migratieketen.data import default_data_dir
from migratieketen.data.asylum import AsylumDataError, period_index, period_label
from migratieketen.forecast import load_inputs, make_forecast, run_backtest
from migratieketen.forecast.backtest import BACKTEST_PATHS
from migratieketen.forecast.engine import DEFAULT_PATHS, DEFAULT_SEED, MAX_HORIZON
from migratieketen.forecast.ensemble import CHOSEN, VARIANTS
from migratieketen.forecast.inputs import INPUT_FILES, file_sha256
from migratieketen.forecast.mpp import citation_for
from migratieketen.forecast.quantiles import sample_quantiles
from migratieketen.forecast.scenarios import SERIES, standard_scenarios
from migratieketen.forecast.scenarios import InflowScenario as CoreInflowScenario
from migratieketen_web.jobs import services as jobs
from migratieketen_web.jobs.models import FailureKind, Job, JobStatus
from migratieketen_web.prognoses.models import Forecast, InflowScenario

# Core names the app's other modules use (imported from here, never from the core).
__all__ = [
    "CHOSEN",
    "SERIES",
    "VARIANTS",
    "CoreInflowScenario",
    "asylum_module",
    "period_index",
    "sample_quantiles",
]

DEFAULT_BACKTEST_ORIGIN = "2014-Q4"
DEFAULT_SCENARIO_SEED = 2026
RETRY_AFTER_SECONDS = 15
KIND = "prognose"


def mpp_source(year: int, published: str, stored: str) -> str:
    """The public citation of an MPP band as the core gives it now.

    A forecast stored before a citation was corrected keeps its old text in the
    database; the page and the API show the current citation instead.
    """
    citation = citation_for(year, published)
    return citation.text() if citation else stored


# A failed computation is not retried on every page view; an hour later it is
# (an interrupted one at once: the worker stopped, not the computation).
RETRY_FAILED_AFTER = timedelta(hours=1)


class ForecastUnavailable(LookupError):
    """No forecast can be made (no data folder, unreadable series); Dutch text."""


# Dutch (the API says it so); the pages translate it with gettext.
PENDING_MESSAGE = gettext_noop(
    "De prognose voor de nieuwste data wordt nu berekend (dat duurt ongeveer een "
    "minuut). Probeer het over {seconds} seconden opnieuw."
)


class ForecastPending(LookupError):
    """The forecast for the current data is being computed; ask again shortly."""

    def __init__(self) -> None:
        super().__init__(PENDING_MESSAGE.format(seconds=RETRY_AFTER_SECONDS))


@dataclass(frozen=True, slots=True)
class ForecastSettings:
    """Everything besides the data that determines the numbers of a forecast."""

    horizon: int = MAX_HORIZON  # quarters after the last data quarter
    seed: int = DEFAULT_SEED
    n_paths: int = DEFAULT_PATHS
    backtest_first_origin: str = DEFAULT_BACKTEST_ORIGIN
    backtest_paths: int = BACKTEST_PATHS
    scenario_seed: int = DEFAULT_SCENARIO_SEED

    def __post_init__(self) -> None:
        if not 1 <= self.horizon <= MAX_HORIZON:
            raise ValueError(f"horizon moet 1 tot en met {MAX_HORIZON} kwartalen zijn.")
        if self.n_paths < 100 or self.backtest_paths < 100:
            raise ValueError("Gebruik minstens 100 paden.")

    @classmethod
    def from_django(cls) -> ForecastSettings:
        """Settings from ``PROGNOSE_SETTINGS`` (a dict) in Django settings, if any."""
        overrides = getattr(django_settings, "PROGNOSE_SETTINGS", None) or {}
        return cls(**overrides)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def key(self) -> str:
        """Settings plus the core's code: a changed model is a new forecast."""
        return _sha256(
            json.dumps({**self.to_dict(), "core": core_fingerprint()}, sort_keys=True)
        )


@functools.cache
def core_fingerprint() -> str:
    """SHA-256 over the source of the forecasting core and its loaders.

    Why: the same data and settings give other numbers after the model changes, so
    an upgrade must not keep serving the forecast of the old code.
    """
    forecast_dir = Path(forecast_package.__file__).parent
    files = sorted(forecast_dir.glob("*.py")) + [Path(asylum_module.__file__)]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def data_dir() -> Path:
    """MIGRATIEKETEN_DATA_DIR from the settings (or the environment)."""
    configured = str(getattr(django_settings, "MIGRATIEKETEN_DATA_DIR", "") or "")
    try:
        path = Path(configured) if configured else default_data_dir()
    except (ValueError, OSError) as exc:  # DataDirError: not set or missing
        raise ForecastUnavailable(str(exc)) from exc
    if not path.is_dir():
        raise ForecastUnavailable(
            f"De datamap {path} bestaat niet; zet MIGRATIEKETEN_DATA_DIR goed."
        )
    return path


def vintage_files(folder: Path) -> dict[str, str]:
    """SHA-256 of each input file of the core forecast (the same files it reads)."""
    missing = [name for name in INPUT_FILES if not (folder / name).is_file()]
    if missing:
        raise ForecastUnavailable(
            f"In {folder} ontbreken de bestanden {', '.join(missing)}; "
            "haal de data op met 'migratieketen data sync'."
        )
    return {name: file_sha256(folder / name) for name in INPUT_FILES}


def vintage_key(files: dict[str, str]) -> str:
    return _sha256("\n".join(f"{name}:{files[name]}" for name in sorted(files)))


@dataclass(frozen=True, slots=True)
class ComputedForecast:
    """The core's output for one vintage and settings, before it is stored."""

    settings: ForecastSettings
    vintage_key: str
    result: dict[str, Any]
    scenarios: tuple[CoreInflowScenario, ...]
    seconds: float


def compute(
    folder: Path,
    settings: ForecastSettings,
    progress: Callable[[float], None] | None = None,
) -> ComputedForecast:
    """Run backtest, prognose and the standard scenarios of the core (slow).

    `progress` (per cent) is called between the steps; the shares are rough.
    """
    report = progress or (lambda percent: None)
    started = time.perf_counter()
    try:
        inputs = load_inputs(folder)
        cutoff = inputs.first.last_period
        until = period_label(period_index(cutoff, "Q") + settings.horizon, "Q")
        report(5)
        backtest = run_backtest(
            inputs,
            first_origin=settings.backtest_first_origin,
            seed=settings.seed,
            n_paths=settings.backtest_paths,
        )
        report(60)
        result = make_forecast(
            inputs,
            until,
            seed=settings.seed,
            n_paths=settings.n_paths,
            backtest_summary=backtest.summary(),
        )
        report(90)
        scenarios = standard_scenarios(
            result, inputs.first, inputs.nareizigers, settings.scenario_seed
        )
    except (AsylumDataError, OSError) as exc:
        raise ForecastUnavailable(
            f"De prognose kon niet worden berekend: {exc}"
        ) from exc
    return ComputedForecast(
        settings=settings,
        vintage_key=vintage_key(dict(inputs.vintage.files)),
        result=result.to_dict(),
        scenarios=tuple(scenarios),
        seconds=time.perf_counter() - started,
    )


def save(computed: ComputedForecast) -> Forecast:
    """Store a computed forecast and its scenarios, all or nothing.

    If another process stored the same vintage and settings meanwhile, that row is
    returned (the unique constraint decides; nothing is stored twice).
    """
    result = computed.result
    try:
        with transaction.atomic():
            forecast = Forecast.objects.create(
                model=result["model"],
                model_description=result["model_description"],
                cutoff=result["cutoff"],
                until=result["until"],
                horizon=computed.settings.horizon,
                quantile_levels=result["levels"],
                seed=result["seed"],
                n_paths=result["n_paths"],
                parameters={
                    **computed.settings.to_dict(),
                    "core": core_fingerprint(),
                },
                result=result,
                data_vintage=result["data_vintage"],
                vintage_key=computed.vintage_key,
                settings_key=computed.settings.key,
                compute_seconds=round(computed.seconds, 2),
            )
            InflowScenario.objects.bulk_create(
                InflowScenario(
                    forecast=forecast,
                    position=position,
                    name=scenario.name,
                    description=scenario.description,
                    kind=scenario.kind,
                    seed=scenario.seed,
                    periods=list(scenario.periods),
                    parameters=scenario.to_dict()["parameters"],
                    paths=scenario.to_dict()["paths"],
                    n_paths=scenario.n_paths,
                )
                for position, scenario in enumerate(computed.scenarios)
            )
    except IntegrityError:
        return Forecast.objects.get(
            vintage_key=computed.vintage_key, settings_key=computed.settings.key
        )
    return forecast


def stored_forecast(folder: Path, settings: ForecastSettings) -> Forecast | None:
    """The saved forecast for the current files and these settings, if any."""
    return Forecast.objects.filter(
        vintage_key=vintage_key(vintage_files(folder)), settings_key=settings.key
    ).first()


def current_forecast(
    settings: ForecastSettings | None = None, background: bool = True
) -> Forecast:
    """The forecast for the current data: from the database, else computed once.

    In the background (the default) this queues the job for it and raises
    ForecastPending while it runs, or ForecastUnavailable if it failed for this
    vintage. With the immediate task backend (tests) the job has run by then and
    its outcome is returned at once. `background=False` computes it right here.
    """
    settings = settings or ForecastSettings.from_django()
    folder = data_dir()
    forecast = stored_forecast(folder, settings)
    if forecast is not None:
        return forecast
    if not background:
        return save(compute(folder, settings))
    job = start_background(folder, settings)
    if job is not None and job.status == JobStatus.FAILED:
        raise ForecastUnavailable(job.error)
    if job is not None and job.status == JobStatus.DONE:
        forecast = stored_forecast(folder, settings)
        if forecast is not None:
            return forecast
    raise ForecastPending()


def warm_up() -> None:
    """Queue the forecast for the current data, so the first visitor of /prognose
    does not wait for it; does nothing when it is stored or cannot be made."""
    with contextlib.suppress(ForecastPending, ForecastUnavailable):
        current_forecast()


def _reusable(job: Job | None) -> bool:
    """Is this earlier job for the same data still the answer (running, or a
    recent failure that would only fail again)?"""
    if job is None or job.status == JobStatus.DONE:
        return False
    if job.is_active:
        return True
    recent = job.finished_at is not None and (
        timezone.now() - job.finished_at < RETRY_FAILED_AFTER
    )
    return recent and job.failure != FailureKind.INTERRUPTED


def start_background(folder: Path, settings: ForecastSettings) -> Job | None:
    """Queue (or find) the job for these files and settings; one across processes.

    A failure is remembered per vintage for an hour, so a broken file does not
    restart the computation on every request; new data (a new checksum) tries again.
    """
    from migratieketen_web.prognoses import tasks

    key = f"{vintage_key(vintage_files(folder))}:{settings.key}"
    with jobs.serialised(KIND):
        latest = Job.objects.filter(kind=KIND, key=key).order_by("-pk").first()
        if _reusable(latest):
            return latest
        job = jobs.create(KIND, gettext_noop("Prognose asielinstroom"), key=key)
        return jobs.enqueue(
            job, tasks.compute_forecast, str(folder), settings.to_dict()
        )


def execute_forecast(
    job: Job, progress: jobs.Progress, folder: str, settings: dict[str, Any]
) -> None:
    """The job's work (in the worker): compute, then store the forecast and finish."""
    try:
        computed = compute(Path(folder), ForecastSettings(**settings), progress)
    except ForecastUnavailable as exc:
        raise jobs.JobError(str(exc)) from exc
    with transaction.atomic():
        forecast = save(computed)
        jobs.complete(job, forecast)
