# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The integral view and the raadsrapportage, next to a same-run baseline.

Why: the report runs inside the request (ADR 0014). This times, on the real open data
in a throw-away SQLite database:

* the signals: all signals over N constructed snapshots (pure core), against the
  baseline of building the same snapshots without evaluating a signal;
* the page `/gemeenten/GM0984/overzicht`, the PDF and the workbook for 2025-1, after one
  warm-up (the woningmarkt and ketenmodel estimates are cached per data vintage), against
  the bare stack (`/toegankelijkheid`, same base template and middleware).

Usage: uv run python benchmarks/bench_werkplaats.py [DATA_DIR] [--repeat N] [--snapshots N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import _setup, _time  # noqa: E402

from migratieketen.werkplaats import signals as sg  # noqa: E402
from migratieketen.werkplaats.snapshot import (  # noqa: E402
    Housing,
    Reception,
    Snapshot,
    Wijk,
)


def _snapshots(n: int) -> list[Snapshot]:
    wijken = tuple(Wijk(f"WK{i:06d}", f"wijk {i}", 500 + 37 * i) for i in range(12))
    out = []
    for k in range(n):
        housing = Housing(
            "2025-1", 40, 50, k % 50, 50 - k % 50, "achterstand", True, True,
            k % 70, ("Bron",),
        )  # fmt: skip
        planned = {wijken[k % 12].code: k % 40}
        out.append(
            Snapshot(
                f"GM{k:04d}",
                f"gemeente {k}",
                "2025-1",
                20_000,
                wijken,
                housing,
                Reception(k % 400, 10, 96_000, planned),
            )  # fmt: skip
        )
    return out


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default="../shared/data")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--snapshots", type=int, default=10_000)
    args = parser.parse_args()

    base = _time(lambda: _snapshots(args.snapshots), args.repeat)
    shots = _snapshots(args.snapshots)
    fired = sum(len(sg.signals(s)) for s in shots)
    timed = _time(lambda: [sg.signals(s) for s in shots], args.repeat)
    print(
        f"signalen over {args.snapshots} snapshots: {_median(timed):.1f} ms mediaan "
        f"({fired} afgegaan); basislijn snapshots bouwen {_median(base):.1f} ms; "
        f"verhouding {_median(timed) / _median(base):.2f}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp) / "db.sqlite3", Path(tmp))
        from django.test import Client

        from migratieketen_web.gemeenten.importer import import_data_dir

        import_data_dir(Path(args.data_dir))
        client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="nl")
        pages = {
            "basislijn /toegankelijkheid": "/toegankelijkheid",
            "overzicht": "/gemeenten/GM0984/overzicht?halfjaar=2025-1",
            "rapport.pdf": "/gemeenten/GM0984/rapport.pdf?halfjaar=2025-1",
            "rapport.xlsx": "/gemeenten/GM0984/rapport.xlsx?halfjaar=2025-1",
        }
        start = time.perf_counter()
        assert client.get(pages["overzicht"]).status_code == 200  # warms the caches
        print(
            f"eerste overzicht (schattingen berekenen): {time.perf_counter() - start:.1f} s"
        )
        results = {}
        for name, url in pages.items():
            results[name] = _median(_time(lambda u=url: client.get(u), args.repeat))
        bare = results["basislijn /toegankelijkheid"]
        for name, ms in results.items():
            print(f"{name:30s} {ms:8.1f} ms mediaan  verhouding {ms / bare:6.1f}")


if __name__ == "__main__":
    main()
