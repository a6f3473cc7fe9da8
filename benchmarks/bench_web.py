# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Response times of the public pages on the real open data, next to a same-run baseline.

Why: the national page inlines the SVG of all 342 gemeenten plus a 342-row table;
its rendered body is cached per (indicator, level, sort, language, import), and
this script shows what that buys. Target: national page < 300 ms median on SQLite.
The default view is a migration layer (issue 11): its values are computed on every
request and its body is cached by a fingerprint of those values.

Every page goes through the full Django stack (all middleware, templates, ORM)
with the test Client. The baseline is /toegankelijkheid, a page with the same
base template and middleware but no data, so each ratio says how much the data
work of a page costs on top of the bare stack on this machine. The import itself
is timed too.

Register growth: the same gemeente pages are timed again after 500,000 realisation
rows (spread over all gemeenten and the years since 2015) are added to the register,
next to the empty register measured in the same run. Target: the gemeente page under
300 ms median with 500k rows (issue 9: it took 1.9 s with 468k rows when every page
view loaded the whole register).

Usage: uv run python benchmarks/bench_web.py [DATA_DIR] [--repeat N] [--rows N]
(imports DATA_DIR, default ../shared/data, into a throw-away SQLite database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _setup(database: Path, var_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "migratieketen_web.conf.test"
    os.environ["MIGRATIEKETEN_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MIGRATIEKETEN_VAR_DIR"] = str(var_dir)
    (var_dir / "static").mkdir(exist_ok=True)  # WhiteNoise expects STATIC_ROOT
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _fill_register(rows: int) -> float:
    """Add `rows` realisations spread over every gemeente and day since 2015; seconds."""
    import random
    from datetime import date, timedelta

    from migratieketen_web.gemeenten.models import Gemeente
    from migratieketen_web.monitor.models import Realisation, new_realisation

    start = time.perf_counter()
    rng = random.Random(9)
    ids = list(Gemeente.objects.values_list("pk", flat=True))
    first, days = date(2015, 1, 1), (date.today() - date(2015, 1, 1)).days
    batch = []
    for i in range(rows):
        batch.append(
            new_realisation(
                gemeente_id=rng.choice(ids),
                housed_on=first + timedelta(days=rng.randrange(days)),
                persons=rng.randint(1, 6),
                kind="regulier",
                key=f"bench:{i}",
                source="csv",
            )
        )
        if len(batch) == 20_000:
            Realisation.objects.bulk_create(batch)
            batch = []
    Realisation.objects.bulk_create(batch)
    return time.perf_counter() - start


def _growth(get: Callable[[str], Callable[[], object]], repeat: int, rows: int) -> None:
    """Gemeente pages with an empty register, then with `rows` realisations."""
    from django.core.cache import cache

    urls = (
        "/gemeenten/GM0984",
        "/monitor/gemeenten/GM0984",
        "/monitor/provincies/PV31",
        "/monitor",
    )
    empty = {url: statistics.median(_time(get(url), repeat)) for url in urls}
    seconds = _fill_register(rows)
    cache.clear()
    for url in urls:
        get(url)()  # warm up
    full = {url: statistics.median(_time(get(url), repeat)) for url in urls}
    print(f"\nregister growth: {rows:,} realisation rows added in {seconds:.1f} s")
    print(f"{'page':36} {'empty ms':>9} {f'{rows:,} rows ms':>16} {'ratio':>7}")
    for url in urls:
        print(
            f"{url:36} {empty[url]:9.1f} {full[url]:16.1f} "
            f"{full[url] / empty[url]:7.2f}"
        )
    page = full[urls[0]]
    verdict = "OK" if page < 300 else "TOO SLOW"
    print(
        f"gemeente page median with {rows:,} rows {page:.1f} ms vs target 300 ms: "
        f"{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data_dir", nargs="?", default=str(REPO.parent / "shared" / "data")
    )
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument(
        "--rows", type=int, default=500_000, help="realisation rows for the growth test"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp) / "bench.sqlite3", Path(tmp))
        from django.core.cache import cache
        from django.test import Client

        from migratieketen_web.gemeenten.importer import import_data_dir

        start = time.perf_counter()
        result = import_data_dir(args.data_dir)
        total_import = time.perf_counter() - start
        print(
            f"import: {total_import:.2f} s total (load + validate + write), "
            f"database part {result.seconds:.2f} s; {result.gemeenten} gemeenten, "
            f"{result.wijken} wijken, {result.indicator_values} indicatorwaarden"
        )

        client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="nl")

        def get(url: str) -> Callable[[], object]:
            def fetch() -> object:
                response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}")
                return response

            return fetch

        def national_cold() -> object:
            cache.clear()
            return get("/")()

        # Warm up every page once (imports, template compilation, caches).
        for url in (
            "/",
            "/gemeenten/GM0363",
            "/api/v1/gemeenten",
            "/toegankelijkheid",
            "/zoeken?q=berg",
        ):
            get(url)()

        cases: list[tuple[str, Callable[[], object]]] = [
            (
                "baseline /toegankelijkheid (same stack, no data)",
                get("/toegankelijkheid"),
            ),
            ("national page / (taakstelling layer, body by fingerprint)", get("/")),
            (
                "national page, CBS indicator (cached map body)",
                get("/?indicator=pct_huurwoningen_corporatie"),
            ),
            ("national page / (cache cleared each time)", national_cold),
            ("national page /?indicator=achterstand", get("/?indicator=achterstand")),
            ("national page /?niveau=provincie", get("/?niveau=provincie")),
            ("gemeente page /gemeenten/GM0363", get("/gemeenten/GM0363")),
            ("province page /provincies/PV27", get("/provincies/PV27")),
            ("search /zoeken?q=berg", get("/zoeken?q=berg")),
            ("API /api/v1/gemeenten", get("/api/v1/gemeenten")),
        ]
        results = [(name, _time(fn, args.repeat)) for name, fn in cases]
        base = statistics.median(results[0][1])
        size = len(get("/")().content)  # type: ignore[attr-defined]

        print(f"\n{args.repeat} requests each, Django test Client, SQLite, DEBUG off")
        print(f"{'page':52} {'median ms':>10} {'p95 ms':>9} {'x baseline':>11}")
        for name, samples in results:
            median = statistics.median(samples)
            print(
                f"{name:52} {median:10.1f} {_p95(samples):9.1f} {median / base:11.1f}"
            )
        national = statistics.median(results[1][1])
        verdict = "OK" if national < 300 else "TOO SLOW"
        print(
            f"\nnational page median {national:.1f} ms vs target 300 ms: {verdict} "
            f"(page size {size / 1024:.0f} KiB uncompressed)"
        )
        if args.rows:
            _growth(get, args.repeat, args.rows)


if __name__ == "__main__":
    main()
