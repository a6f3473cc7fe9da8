# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One way to get a Dask client for every engine that scales out (chain ensembles,
woningmarkt frontier, opvang scoring and batches): the scheduler at `address`, or a
local cluster of single-threaded workers that is closed afterwards."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any


@contextmanager
def dask_client(
    address: str | None,
    n_workers: int = 2,
    processes: bool = True,
    environ: Mapping[str, Any] | None = None,
) -> Iterator[Any]:
    """A client on `address`, or on a local cluster closed afterwards.

    `environ` is added to the local workers' environment (Dask's
    `distributed.nanny.pre-spawn-environ`); an external cluster sets its own.
    """
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if address:
        client = Client(address)
    else:
        spawn = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
        for key, value in (environ or {}).items():
            spawn.setdefault(key, value)
        with dask.config.set({"distributed.nanny.pre-spawn-environ": spawn}):
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
