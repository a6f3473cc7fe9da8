# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Run ensemble chunks on Dask `distributed`: a LocalCluster by default, or a cluster
given by scheduler address. Results come back in chunk order, so the reduction (and
therefore every percentile) is the same as the local backend's for the same seed.

Performance note: Dask's nanny sets MALLOC_TRIM_THRESHOLD_ for its workers, which
switches off glibc's dynamic mmap threshold, so every engine temporary of a few hundred
kB becomes an mmap/munmap pair with fresh page faults (3x slower per chunk, measured).
The LocalCluster started here therefore also sets MALLOC_MMAP_THRESHOLD_; for an
external cluster set the same variable in its `distributed.nanny.pre-spawn-environ`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from migratieketen.chain.engine import ChunkResult, simulate_chunk
from migratieketen.chain.inputs import ChainInputs
from migratieketen.cluster import dask_client

MMAP_THRESHOLD = 64 * 2**20  # bytes: engine temporaries stay on the heap


def run_chunks_dask(
    inputs: ChainInputs,
    sizes: Sequence[int],
    seed: int,
    *,
    address: str | None = None,
    n_workers: int = 2,
    processes: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[ChunkResult]:
    from distributed import as_completed

    environ = {"MALLOC_MMAP_THRESHOLD_": MMAP_THRESHOLD}
    with dask_client(address, n_workers, processes, environ) as client:
        shared = client.scatter(inputs, broadcast=True)
        offsets = [int(sum(sizes[:i])) for i in range(len(sizes))]
        futures = [
            client.submit(
                simulate_chunk, shared, n, seed, i, first_run=offsets[i], pure=False
            )
            for i, n in enumerate(sizes)
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[ChunkResult | None] = [None] * len(futures)
        for done, future in enumerate(as_completed(futures), start=1):
            results[index[future.key]] = future.result()
            if progress is not None:
                progress(done, len(futures))
        return [r for r in results if r is not None]
