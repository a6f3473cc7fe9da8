# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cost of the register's safeguards, each next to a same-run baseline.

* audit append (hash chain, head row lock) per line vs a plain INSERT of a row of the
  same table shape without chaining (a second table created for the baseline);
* audit verify per 1,000 lines;
* the isolated list of persons (`for_actor`) vs the plain unscoped queryset;
* a list page of 50 persons through the full stack, with its audit line, vs the
  data-free /toegankelijkheid page.

Usage: uv run python benchmarks/bench_registers.py [--persons N] [--lines N]
(a throw-away SQLite database; no timing assertions, figures only).
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


def _setup(tmp: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "migratieketen_web.conf.test"
    os.environ["MIGRATIEKETEN_DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["MIGRATIEKETEN_VAR_DIR"] = str(tmp)
    (tmp / "static").mkdir(exist_ok=True)
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "tests"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _audit(lines: int) -> None:
    from django.db import connection, transaction

    from migratieketen_web.accounts.isolation import Actor
    from migratieketen_web.audit.chain import verify
    from migratieketen_web.audit.models import Action
    from migratieketen_web.audit.purposes import INBURGERING
    from migratieketen_web.audit.recorder import record

    actor = Actor(1, "bench", "web")
    with connection.cursor() as c:
        c.execute(
            "CREATE TABLE plain_log (id INTEGER PRIMARY KEY, at TEXT, who TEXT, ids TEXT)"
        )

    def chained() -> None:
        with transaction.atomic():
            record(actor, Action.READ, INBURGERING, "x", [(1, "GM0363")])

    def plain() -> None:
        with transaction.atomic(), connection.cursor() as c:
            c.execute(
                "INSERT INTO plain_log (at, who, ids) VALUES (datetime('now'), 'bench', ',1,')"
            )

    for _ in range(lines):
        chained()
    base = _median_ms(plain, 500)
    append = _median_ms(chained, 500)
    print(
        f"audit append     {append:8.3f} ms/line   plain insert {base:8.3f} ms   ratio {append / base:5.1f}x"
    )
    start = time.perf_counter()
    result = verify()
    per_k = (time.perf_counter() - start) * 1000 / result.checked * 1000
    print(
        f"audit verify     {per_k:8.1f} ms per 1,000 lines ({result.checked} lines, intact={result.intact})"
    )


def _persons(n: int) -> None:
    from django.test import Client

    from migratieketen_web.accounts.isolation import actor_for_user
    from migratieketen_web.accounts.roles import Right
    from migratieketen_web.inburgering.csv_import import import_csv
    from migratieketen_web.inburgering.models import Person
    from register_support import make_gemeenten, make_user, valid_bsn

    make_gemeenten()
    km = make_user("bench-km", ("GM0363", "klantmanager"))
    other = make_user("bench-other", ("GM0344", "klantmanager"))
    for code, user in (("GM0363", km), ("GM0344", other)):
        rows = "".join(
            f"{valid_bsn(30_000_000 + 2 * i + (1_000_000 if code == 'GM0344' else 0))};"
            f"P {i};1990-01-01;SY;asiel;2023-05-01;b1\n"
            for i in range(n)
        )
        header = "bsn;naam;geboortedatum;nationaliteit;grond;startdatum;route\n"
        import_csv(actor_for_user(user), code, (header + rows).encode(), None)
    actor = actor_for_user(km)
    plain = _median_ms(
        lambda: list(Person.unscoped.filter(gemeente__code="GM0363")), 50
    )
    isolated = _median_ms(
        lambda: list(Person.objects.for_actor(actor, Right.PERSONAL_READ)), 50
    )
    print(
        f"isolated list    {isolated:8.2f} ms ({n} persons)   plain queryset {plain:8.2f} ms   ratio {isolated / plain:5.2f}x"
    )
    client = Client(SERVER_NAME="localhost")
    client.force_login(km)
    page = _median_ms(lambda: client.get("/inburgering"), 30)
    bare = _median_ms(lambda: client.get("/toegankelijkheid"), 30)
    print(
        f"list page (50)   {page:8.2f} ms   bare page {bare:8.2f} ms   ratio {page / bare:5.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp))
        _audit(args.lines)
        _persons(args.persons)


if __name__ == "__main__":
    main()
