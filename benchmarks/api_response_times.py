# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Response times of /api/v1 on the real open data, next to a same-run baseline.

Why: the API must stay fast with all 342 gemeenten and ~3,500 wijken; the
select_related/prefetch in the views keep the query count fixed. The baseline
is the bare ORM work for the same rows (``values()`` + ``json.dumps``), so the
ratio shows what DRF, serializers and middleware add on this machine.

Usage: uv run python benchmarks/api_response_times.py [DATA_DIR] [--repeat N]
(imports DATA_DIR, default ../shared/data, into a throw-away SQLite database).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _setup(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "migratieketen_web.conf.test"
    os.environ["MIGRATIEKETEN_DATABASE_URL"] = f"sqlite:///{database}"
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


class QueryCounter:
    """Database execute wrapper that counts the queries of one request."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)


def _median_ms(func: Callable[[], object], repeat: int) -> float:
    func()  # warm-up: URL resolver, serializer fields, SQLite page cache
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared/data"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp) / "bench.sqlite3")
        from django.db import connection
        from django.test import Client

        from migratieketen_web.gemeenten import models
        from migratieketen_web.gemeenten.importer import import_data_dir

        result = import_data_dir(args.data_dir)
        print(
            f"imported {result.gemeenten} gemeenten, {result.wijken} wijken, "
            f"{result.indicators} indicators in {result.seconds:.2f} s"
        )
        client = Client(SERVER_NAME="localhost")
        key = models.Indicator.objects.order_by("key").values_list("key", flat=True)[0]

        def baseline() -> None:
            rows = list(
                models.Gemeente.objects.order_by("name").values(
                    "code", "name", "province__code", "province__name"
                )
            )
            json.dumps(rows)

        base_ms = _median_ms(baseline, args.repeat)
        print(f"baseline ORM values()+json for all gemeenten: {base_ms:8.2f} ms")
        print(f"{'endpoint':55} {'median ms':>10} {'queries':>8} {'ratio':>7}")
        for path in [
            "/api/v1/gemeenten",
            "/api/v1/gemeenten?limit=1000",
            "/api/v1/gemeenten?provincie=PV27",
            "/api/v1/gemeenten/GM0363",
            "/api/v1/provincies",
            "/api/v1/provincies/PV27",
            "/api/v1/wijken?gemeente=GM0363",
            "/api/v1/wijken?limit=1000",
            "/api/v1/indicatoren",
            f"/api/v1/indicatoren/{key}/waarden?limit=1000",
        ]:
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                response = client.get(path)
            assert response.status_code == 200, (path, response.content[:200])
            ms = _median_ms(lambda p=path: client.get(p), args.repeat)
            print(f"{path:55} {ms:10.2f} {counter.count:8d} {ms / base_ms:7.1f}x")


if __name__ == "__main__":
    main()
