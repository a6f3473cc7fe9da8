# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The frontier for every gemeente at once, locally or on Dask.

Gemeenten are run in chunks: each chunk puts `runs` runs of each of its gemeenten side by
side on the run axis and the 21 x 5 (+1) settings on the setting axis. Tussenvoorziening
levels are multiples of each gemeente's yearly taakstelling, so one setting means the same
effort everywhere. Each gemeente draws from its own seed stream, so chunking and the number
of Dask workers do not change any figure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.cluster import dask_client
from migratieketen.woningmarkt.frontier import (
    METRICS,
    TV_MULTIPLES,
    FrontierPoint,
    grid_policies,
    per_market_means,
    points_for,
)
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.market import GemeenteMarket
from migratieketen.woningmarkt.params import WoningmarktError, resolve_values
from migratieketen.woningmarkt.policy import Policy
from migratieketen.woningmarkt.run import run_block

F64 = npt.NDArray[np.float64]
TRIM_THRESHOLD = 2**30  # bytes
MMAP_THRESHOLD = 64 * 2**20  # bytes
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters


def tune_malloc() -> bool:
    """Keep freed engine temporaries on the heap in this process (glibc only).

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc gives every
    freed temporary back to the system and the next step faults it in again: a chunk then
    costs 3-4x the CPU time it takes in a plain process (measured). Setting the variable in
    `distributed.nanny.pre-spawn-environ` did not reach the workers here, so the workers
    call mallopt themselves (`client.run`); that also works for an external cluster.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        ok = libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        ok &= libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    except (OSError, AttributeError):
        return False
    return bool(ok)


@dataclass(frozen=True, slots=True)
class ChunkJob:
    """Everything a worker needs for one chunk (picklable)."""

    markets: tuple[GemeenteMarket, ...]
    runs: int
    values: dict[str, float]
    seed: int
    years: int
    steps_per_year: int
    policies: tuple[Policy, ...]


def run_chunk(job: ChunkJob) -> dict[str, F64]:
    """Per-market means (S, markets in chunk) of the frontier measures."""
    scales = [m.annual_taakstelling() for m in job.markets]
    lanes = build_lanes(
        job.markets,
        job.runs,
        job.values,
        seed=job.seed,
        years=job.years,
        steps_per_year=job.steps_per_year,
        scales=scales,
    )
    settings = settings_for(job.policies, lanes.steps, job.steps_per_year)
    return per_market_means(run_block(lanes, settings))


@dataclass(frozen=True, slots=True)
class NationalFrontier:
    markets: tuple[GemeenteMarket, ...]
    policies: tuple[Policy, ...]  # tussenvoorziening places are multiples of the scale
    means: dict[str, F64]  # (S, gemeenten)
    runs: int
    seed: int
    elapsed_seconds: float

    def points(self, code: str) -> list[FrontierPoint]:
        column = [m.code for m in self.markets].index(code)
        scale = self.markets[column].annual_taakstelling()
        return points_for(self.means, self.policies, column, scale)

    def rows(self) -> list[dict[str, Any]]:
        """One row per gemeente and setting (for CSV)."""
        out = []
        for g, m in enumerate(self.markets):
            scale = m.annual_taakstelling()
            for point in points_for(self.means, self.policies, g, scale):
                out.append(
                    {"gemeentecode": m.code, "gemeente": m.name, **point.to_dict()}
                )
        return out


def _jobs(
    markets: Sequence[GemeenteMarket], chunk: int, base: dict[str, Any]
) -> list[ChunkJob]:
    return [
        ChunkJob(markets=tuple(markets[i : i + chunk]), **base)
        for i in range(0, len(markets), chunk)
    ]


def _run_dask(
    jobs: Sequence[ChunkJob], address: str | None, n_workers: int
) -> list[dict[str, F64]]:
    with dask_client(address, n_workers) as client:
        client.run(tune_malloc)
        futures = client.map(run_chunk, jobs, pure=False)
        return list(client.gather(futures))


def national_frontier(
    markets: Sequence[GemeenteMarket],
    current: Policy,
    *,
    runs: int = 10,
    seed: int = 0,
    years: int = 10,
    steps_per_year: int = 52,
    chunk: int = 12,
    multiples: Sequence[float] = TV_MULTIPLES,
    backend: str = "local",
    address: str | None = None,
    n_workers: int = 2,
    parameters: Mapping[str, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> NationalFrontier:
    """21 x len(multiples) settings (+ the current policy) for every market."""
    if backend not in ("local", "dask"):
        raise WoningmarktError("Kies backend 'local' of 'dask'.")
    started = time.perf_counter()
    if current.tussenvoorzieningen:
        raise WoningmarktError(
            "Landelijk wordt het huidige beleid zonder tussenvoorziening gemarkeerd."
        )
    policies = tuple(grid_policies(multiples, current.validate()))
    base = {
        "runs": runs,
        "values": resolve_values(parameters),
        "seed": seed,
        "years": years,
        "steps_per_year": steps_per_year,
        "policies": policies,
    }
    jobs = _jobs(markets, max(1, chunk), base)
    if backend == "dask":
        parts = _run_dask(jobs, address, n_workers)
    else:
        parts = []
        for i, job in enumerate(jobs):
            parts.append(run_chunk(job))
            if progress is not None:
                progress(i + 1, len(jobs))
    means = {k: np.concatenate([p[k] for p in parts], axis=1) for k in METRICS}
    return NationalFrontier(
        tuple(markets), policies, means, runs, seed, time.perf_counter() - started
    )
