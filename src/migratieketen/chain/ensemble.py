# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monte Carlo ensembles: split runs into fixed chunks, simulate, reduce to percentiles.

The chunking depends only on `runs` and `chunk_size`, and each chunk's random stream
only on (seed, chunk index), so the same seed gives the same percentiles whether the
chunks run here one after another or on any number of Dask workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from migratieketen.chain.engine import ChunkResult, simulate_chunk
from migratieketen.chain.gemeenten import GemeenteInputs
from migratieketen.chain.inputs import ChainInputs, build_inputs
from migratieketen.chain.params import ChainConfigError
from migratieketen.chain.result import SimulationResult
from migratieketen.chain.scenario import ChainScenario

DEFAULT_PERCENTILES: tuple[float, ...] = (5, 25, 50, 75, 95)
DEFAULT_CHUNK_SIZE = 250
GEMEENTE_BLOCK = 64  # gemeenten per percentile block, to bound temporary memory
BACKENDS = ("local", "dask")

Progress = Callable[[int, int], None]


def chunk_sizes(runs: int, chunk_size: int = DEFAULT_CHUNK_SIZE) -> list[int]:
    if runs < 1:
        raise ChainConfigError(f"Het aantal runs moet minstens 1 zijn, niet {runs}.")
    if chunk_size < 1:  # a programming error, not user input
        raise ValueError(f"chunk_size must be positive, not {chunk_size}")
    full, rest = divmod(runs, chunk_size)
    return [chunk_size] * full + ([rest] if rest else [])


def first_runs(sizes: Sequence[int]) -> list[int]:
    """The ensemble index of each chunk's first run."""
    return [int(sum(sizes[:i])) for i in range(len(sizes))]


def run_chunks_local(
    inputs: ChainInputs,
    sizes: Sequence[int],
    seed: int,
    progress: Progress | None = None,
    threads: int = 1,
) -> list[ChunkResult]:
    """Chunks in this process; with `threads` > 1 in a thread pool (numpy releases
    the GIL in the large array operations, so two threads use two cores)."""
    offsets = first_runs(sizes)
    if threads <= 1:
        results = []
        for i, n in enumerate(sizes):
            results.append(simulate_chunk(inputs, n, seed, i, first_run=offsets[i]))
            if progress is not None:
                progress(i + 1, len(sizes))
        return results
    from concurrent.futures import ThreadPoolExecutor, as_completed

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = {
            pool.submit(simulate_chunk, inputs, n, seed, i, False, offsets[i]): i
            for i, n in enumerate(sizes)
        }
        out: dict[int, ChunkResult] = {}
        for done, future in enumerate(as_completed(futures), start=1):
            out[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(sizes))
    return [out[i] for i in range(len(sizes))]


def reduce_chunks(
    chunks: Sequence[ChunkResult],
    inputs: ChainInputs,
    scenario: ChainScenario,
    seed: int,
    percentiles: Sequence[float] = DEFAULT_PERCENTILES,
    keep_runs: bool = False,
) -> SimulationResult:
    """Percentiles over all runs; per-gemeente percentiles in blocks of gemeenten."""
    qs = tuple(float(q) for q in percentiles)
    national = np.concatenate([c.national for c in chunks], axis=0)
    nat_pct = np.percentile(national, qs, axis=0).astype(np.float32)  # (P, S, T)
    mean = national.mean(axis=0, dtype=np.float64).astype(np.float32)
    n_gem = chunks[0].gemeente.shape[2]
    gem_pct = np.empty((chunks[0].gemeente.shape[1], len(qs), n_gem), dtype=np.float32)
    for lo in range(0, n_gem, GEMEENTE_BLOCK):
        block = np.concatenate(
            [c.gemeente[:, :, lo : lo + GEMEENTE_BLOCK] for c in chunks]
        )
        gem_pct[:, :, lo : lo + GEMEENTE_BLOCK] = np.moveaxis(
            np.percentile(block, qs, axis=0), 0, 1
        )
    detail = np.concatenate([c.detail for c in chunks], axis=0)
    detail_pct = np.moveaxis(np.percentile(detail, qs, axis=0), 0, 1).astype(np.float32)
    codes = inputs.gemeenten.codes
    return SimulationResult(
        scenario=scenario.to_dict(),
        months=inputs.month_labels(),
        percentiles=qs,
        national=np.ascontiguousarray(np.moveaxis(nat_pct, 0, 1)),
        mean=mean,
        gemeente_codes=inputs.gemeenten.codes,
        gemeente_names=inputs.gemeenten.names,
        gemeente=gem_pct,
        balance=np.concatenate([c.balance for c in chunks], axis=0),
        runs=national.shape[0],
        seed=seed,
        detail_codes=tuple(codes[i] for i in inputs.detail_index),
        detail=detail_pct,
        per_run=national if keep_runs else None,
    )


def run_ensemble(
    scenario: ChainScenario,
    data_dir: Path | str | None = None,
    *,
    runs: int | None = None,
    seed: int | None = None,
    backend: str = "local",
    address: str | None = None,
    n_workers: int = 2,
    processes: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    percentiles: Sequence[float] = DEFAULT_PERCENTILES,
    progress: Progress | None = None,
    gemeenten: GemeenteInputs | None = None,
    inputs: ChainInputs | None = None,
    keep_runs: bool = False,
    detail_gemeenten: tuple[str, ...] = (),
    threads: int = 1,
) -> SimulationResult:
    """Run the scenario's ensemble (`runs`/`seed` default to the scenario's own).

    backend "dask" runs the chunks on a LocalCluster with `n_workers` workers, or on
    the scheduler at `address` when given. `detail_gemeenten` (CBS codes) get monthly
    percentiles of their own waiting list and housed total. `threads` > 1 runs the
    local chunks in a thread pool; results are identical for any number of threads.
    """
    if backend not in BACKENDS:
        raise ChainConfigError(f"Onbekende backend '{backend}'; kies local of dask.")
    n_runs = scenario.runs if runs is None else runs
    the_seed = scenario.seed if seed is None else seed
    if inputs is None:
        inputs = build_inputs(scenario, data_dir, gemeenten, tuple(detail_gemeenten))
    sizes = chunk_sizes(n_runs, chunk_size)
    began = time.perf_counter()
    if backend == "dask":
        from migratieketen.chain.dask_backend import run_chunks_dask

        chunks = run_chunks_dask(
            inputs,
            sizes,
            the_seed,
            address=address,
            n_workers=n_workers,
            processes=processes,
            progress=progress,
        )
    else:
        chunks = run_chunks_local(inputs, sizes, the_seed, progress, threads)
    result = reduce_chunks(chunks, inputs, scenario, the_seed, percentiles, keep_runs)
    result.elapsed_seconds = time.perf_counter() - began
    result.backend = backend
    return result
