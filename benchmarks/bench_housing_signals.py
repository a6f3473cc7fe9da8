# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cost of the labour-migrant housing signals and the LVV shares (pure core).

* `arbeidsmigranten.location_signals` for N locations with occupants (every SNF norm,
  overbewoning, the Wet BRP two-thirds threshold per RNI occupant) vs the baseline of a
  bare overbewoning check (floor area / 12 m²) per location, in the same run;
* `lvv.outcome_shares` and `lvv.outflow` over N cases vs counting the outcomes in a dict.

Usage: uv run python benchmarks/bench_housing_signals.py [--locations N] [--cases N]
(no timing assertions: figures and ratios only).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from migratieketen.rules import arbeidsmigranten as am
from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import lvv, wet_brp

TODAY = date(2026, 3, 1)


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _locations(n: int, rng: random.Random) -> list[am.LocationFacts]:
    result = []
    for _ in range(n):
        beds = rng.randint(2, 40)
        occupants = tuple(
            am.OccupantFacts(
                rng.choice(list(wet_brp.Registration)),
                TODAY - timedelta(days=rng.randint(0, 400)),
                None,
                TODAY + timedelta(days=rng.randint(-10, 200)),
            )
            for _ in range(rng.randint(0, beds))
        )
        norms = hn.LocationNorms(
            rng.choice(list(hn.LocationType)),
            beds,
            Decimal(rng.randint(30, 600)),
            tuple(Decimal(rng.randint(50, 200)) / 10 for _ in range(beds // 2 + 1)),
            rng.choice(list(hn.SnfRegime)),
            rng.random() < 0.2,
        )
        result.append(
            am.LocationFacts(
                norms,
                employer_tied=rng.random() < 0.5,
                snf_expiry=TODAY + timedelta(days=rng.randint(-100, 300)),
                brp_registrations=rng.randint(0, beds),
                occupants=occupants,
            )
        )
    return result


def _cases(n: int, rng: random.Random) -> list[lvv.CaseFacts]:
    result = []
    for _ in range(n):
        intake = TODAY - timedelta(days=rng.randint(1, 1500))
        outcome = rng.choice([None, *lvv.Outcome])
        leave = None
        if outcome is not None:
            leave = intake + timedelta(days=rng.randint(0, (TODAY - intake).days))
        result.append(
            lvv.CaseFacts(intake, rng.choice(list(lvv.Track)), outcome, leave)
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locations", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(16)
    locations = _locations(args.locations, rng)
    occupants = sum(len(loc.occupants) for loc in locations)
    signals = _median_ms(lambda: [am.location_signals(f, TODAY) for f in locations], 5)
    bare = _median_ms(
        lambda: [f.norms.beds * 12 > f.norms.floor_area for f in locations], 5
    )
    print(f"housing signals: {args.locations} locations, {occupants} occupants")
    print(
        f"  location_signals      {signals:9.2f} ms  ({signals / args.locations * 1000:.1f} µs/location)"
    )
    print(f"  baseline bare m²/12   {bare:9.2f} ms")
    print(f"  ratio                 {signals / bare:9.1f}x")
    cases = _cases(args.cases, rng)
    shares = _median_ms(lambda: lvv.outcome_shares(cases, TODAY), 5)
    flow = _median_ms(lambda: lvv.outflow(cases, TODAY, 12), 5)
    count = _median_ms(lambda: Counter(c.outcome for c in cases), 5)
    print(f"LVV: {args.cases} cases")
    print(f"  outcome_shares        {shares:9.2f} ms  (ratio {shares / count:.1f}x)")
    print(f"  outflow (12 months)   {flow:9.2f} ms  (ratio {flow / count:.1f}x)")
    print(f"  baseline Counter      {count:9.2f} ms")


if __name__ == "__main__":
    main()
