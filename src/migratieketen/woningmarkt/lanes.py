# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Turn markets, parameters and policies into the arrays the engine steps through.

The engine works on a block of lanes `(settings, runs)`. Everything random (parameters,
weekly arrivals, lettings) depends only on the run, never on the setting: common random
numbers, so that the difference between two policies is the policy, not the dice. Runs of
several gemeenten sit side by side on the run axis; each gemeente draws from its own seed
stream `SeedSequence(seed, spawn_key=(gemeente number,))`, so its numbers do not depend on
which other gemeenten share the block (or the Dask worker).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.market import GemeenteMarket
from migratieketen.woningmarkt.params import (
    WoningmarktError,
    default_parameters,
    draw_values,
)
from migratieketen.woningmarkt.policy import WEEKS_PER_YEAR, Policy

F64 = npt.NDArray[np.float64]
STEPS_PER_YEAR = (52, 12)
TIME_MAJOR = ("links_cum", "urgent_cum", "direct", "links", "lettings")


@dataclass(frozen=True, slots=True, eq=False)
class Settings:
    """S policy settings as arrays; tussenvoorziening and new-build are multiplied by the
    run's `scale` (1 for absolute numbers, or e.g. the gemeente's yearly taakstelling)."""

    priority: F64  # (S,)
    urgency: F64  # (S,) 0 or 1
    persons_per_dwelling: F64  # (S,) NaN = the drawn parameter
    tussenvoorziening: F64  # (S, T) places
    completions: F64  # (S, T) dwellings
    policies: tuple[Policy, ...]

    def __len__(self) -> int:
        return len(self.policies)


def settings_for(
    policies: Sequence[Policy], steps: int, steps_per_year: int
) -> Settings:
    for p in policies:
        p.validate()
    return Settings(
        priority=np.array([p.priority_share for p in policies], dtype=np.float64),
        urgency=np.array([float(p.urgency_category) for p in policies]),
        persons_per_dwelling=np.array(
            [
                np.nan if p.persons_per_dwelling is None else p.persons_per_dwelling
                for p in policies
            ]
        ),
        tussenvoorziening=np.stack(
            [p.capacity(steps, steps_per_year) for p in policies]
        ),
        completions=np.stack([p.completions(steps, steps_per_year) for p in policies]),
        policies=tuple(policies),
    )


@dataclass(frozen=True, slots=True, eq=False)
class Lanes:
    """R runs (of one or more markets): parameters and exogenous series per run.

    Series are time-major, (time, R), so the engine reads one contiguous row per step.
    """

    steps: int
    steps_per_year: int
    offset: (
        int  # grid index of time 0 in the *_cum arrays (pre-start history before it)
    )
    offer_delay: int  # steps between koppeling and the earliest move-in
    market: npt.NDArray[np.intp]  # (R,) index into `markets`
    markets: tuple[GemeenteMarket, ...]
    turnover: F64  # (R,) lettings per dwelling per step
    stock: F64  # (R,) corporation dwellings at the start
    urgent_quota: F64  # (R,)
    persons_per_dwelling: F64  # (R,)
    urgent_rate: F64  # (R,) other urgent seekers per step
    regular_rate: F64  # (R,) regular seekers per step
    regular_wait0: F64  # (R,) steps: registration time at the regular head at start
    urgent_wait0: F64  # (R,) steps: waiting time of other urgent seekers at start
    backlog_spread: F64  # (R,) steps over which the initial backlog was linked
    links_cum: F64  # (offset+steps+1, R) statushouders entering the queue, cumulative
    urgent_cum: F64  # (offset+steps+1, R) other urgent seekers, cumulative
    direct: F64  # (steps, R) statushouders housed without a letting
    links: F64  # (steps, R) statushouders linked (whole persons; direct + queue)
    direct_share: F64  # (R,) share of the linked housed without a letting
    lettings: F64  # (steps, R) dwellings let from the existing stock
    taakstelling: F64  # (R, half-years) persons, x the run's link multiplier
    backlog: F64  # (R,) statushouders waiting at the start
    scale: F64  # (R,) multiplier of the settings' tussenvoorziening and new-build
    cost_per_step: F64  # (R,) euro per COA place per step

    @property
    def runs(self) -> int:
        return int(self.market.size)

    @property
    def half_steps(self) -> int:
        return self.steps_per_year // 2


def market_seed_key(market: GemeenteMarket) -> int:
    """Spawn key of a market's random stream: its CBS number, or a CRC of a region."""
    digits = market.code[2:]
    return (
        int(digits)
        if market.code.startswith("GM") and digits.isdigit()
        else (zlib.crc32(market.code.encode()) + 10_000)
    )


def _history_steps(values: Mapping[str, float], steps_per_year: int) -> int:
    """Steps of pre-start history needed for the backlog and urgent-queue ramps."""
    wait = default_parameters()["urgent_initial_wait_weeks"]
    upper = min(
        wait.maximum or 104,
        wait.high + values["urgent_initial_wait_weeks"] - wait.value,
    )
    weeks = max(values["backlog_spread_weeks"], values["offer_delay_weeks"], upper)
    return int(math.ceil(weeks * steps_per_year / WEEKS_PER_YEAR)) + 2


def _ramp(total: F64, length: F64, offset: int) -> F64:
    """Cumulative arrivals on the pre-start grid -offset..0: a linear ramp to `total`."""
    tau = np.arange(-offset, 1, dtype=np.float64)[:, None]
    length = np.maximum(length, 1e-9)[None, :]
    return np.asarray(total[None, :] * np.clip((tau + length) / length, 0.0, 1.0))


NORMAL_FROM = 10.0  # mean count per step from which the normal approximation is used


def counts(rng: np.random.Generator, mean: F64, spread: bool) -> F64:
    """Whole-number counts per step (time, R) with the given means.

    Poisson; where every mean is at least 10 the normal approximation, rounded (the
    numpy Poisson sampler is several times slower there, and the difference is far
    below the other uncertainties).
    """
    if not spread:
        return np.array(mean, dtype=np.float64)
    if float(mean.min(initial=np.inf)) >= NORMAL_FROM:
        noise = rng.standard_normal(mean.shape)
        return np.asarray(np.maximum(np.rint(mean + np.sqrt(mean) * noise), 0.0))
    return np.asarray(rng.poisson(mean), dtype=np.float64)


def _priority_used(
    values: Mapping[str, float], v: Mapping[str, F64], links: F64, base: F64
) -> F64:
    """Dwellings per step that statushouders take at the current policy: the priority
    share, or less when the taakstelling needs less (the rest flows back to the others).
    The other queues are calibrated against what is left, so that they are in balance at
    today's policy (see the utilisation parameters)."""
    need = (
        (1 - v["direct_housing_share"]) * links.mean(axis=0) / v["persons_per_dwelling"]
    )
    return np.asarray(np.minimum(values["current_priority_share"] * base, need))


@dataclass(frozen=True, slots=True, eq=False)
class _Block:
    """One market's runs, before the blocks are stacked."""

    arrays: dict[str, F64]


def _market_block(
    market: GemeenteMarket,
    runs: int,
    values: Mapping[str, float],
    seed: int,
    spread: bool,
    steps: int,
    steps_per_year: int,
    offset: int,
) -> _Block:
    rng = np.random.default_rng(
        np.random.SeedSequence(entropy=seed, spawn_key=(market_seed_key(market),))
    )
    v = draw_values(values, rng, runs, spread)
    spy, half = steps_per_year, steps_per_year // 2
    turnover = v["turnover_per_year"] / spy
    base = turnover * market.corporation_stock
    taak = np.asarray(market.taakstelling[: steps // half], dtype=np.float64)
    rate = np.repeat(taak / half, half)[:, None] * v["link_multiplier"][None, :]
    links = counts(rng, rate, spread)
    u = v["urgent_quota_share"]
    left = base - _priority_used(values, v, rate, base)
    urgent_rate = v["urgent_utilisation"] * u * left
    if (
        market.urgent_inflow_per_year is not None
    ):  # a local figure replaces the calibration
        urgent_rate = np.full(runs, market.urgent_inflow_per_year / spy)
    urgent = counts(rng, np.broadcast_to(urgent_rate[None, :], (steps, runs)), spread)
    lettings = counts(rng, np.broadcast_to(base[None, :], (steps, runs)), spread)
    delta = v["direct_housing_share"][None, :]
    backlog = np.full(
        runs, values["initial_backlog_national"] * market.population_share
    )
    spread_steps = np.full(runs, values["backlog_spread_weeks"] * spy / WEEKS_PER_YEAR)
    wait_u0 = v["urgent_initial_wait_weeks"] * spy / WEEKS_PER_YEAR
    queue = (1 - delta) * links
    links_cum = np.concatenate(
        [
            _ramp(backlog, spread_steps, offset),
            backlog[None, :] + np.cumsum(queue, axis=0),
        ]
    )
    u0 = urgent_rate * wait_u0
    urgent_cum = np.concatenate(
        [_ramp(u0, wait_u0, offset), u0[None, :] + np.cumsum(urgent, axis=0)]
    )
    return _Block(
        {
            "turnover": turnover,
            "stock": np.full(runs, market.corporation_stock),
            "urgent_quota": u,
            "persons_per_dwelling": v["persons_per_dwelling"],
            "urgent_rate": urgent_rate,
            "regular_rate": v["regular_utilisation"] * (1 - u) * left,
            "regular_wait0": v[f"regular_initial_wait_years_{market.urbanity}"] * spy,
            "urgent_wait0": wait_u0,
            "backlog_spread": spread_steps,
            "links_cum": links_cum,
            "urgent_cum": urgent_cum,
            "direct": delta * links,
            "links": links,
            "direct_share": v["direct_housing_share"],
            "lettings": lettings,
            # the multiplier is uncertainty in vg, so obligation and links move together
            "taakstelling": taak[None, :] * v["link_multiplier"][:, None],
            "backlog": backlog,
            "cost_per_step": np.full(runs, values["coa_cost_per_place_year"] / spy),
        }
    )


def build_lanes(
    markets: Sequence[GemeenteMarket],
    runs: int,
    values: Mapping[str, float],
    *,
    seed: int = 0,
    spread: bool = True,
    years: int = 10,
    steps_per_year: int = 52,
    scales: Sequence[float] | None = None,
) -> Lanes:
    """`runs` Monte Carlo runs per market, stacked on the run axis (market-major)."""
    if steps_per_year not in STEPS_PER_YEAR:
        raise WoningmarktError("Kies een tijdstap per week (52) of per maand (12).")
    if runs < 1 or years < 1:
        raise WoningmarktError("Aantal runs en jaren moeten minstens 1 zijn.")
    steps = years * steps_per_year
    for m in markets:
        if len(m.taakstelling) < 2 * years:
            raise WoningmarktError(
                f"{m.name}: taakstelling voor {len(m.taakstelling)} halfjaren, "
                f"nodig {2 * years}."
            )
    offset = _history_steps(values, steps_per_year)
    blocks = [
        _market_block(m, runs, values, seed, spread, steps, steps_per_year, offset)
        for m in markets
    ]
    stacked = {
        k: np.ascontiguousarray(
            np.concatenate(
                [b.arrays[k] for b in blocks], axis=1 if k in TIME_MAJOR else 0
            )
        )
        for k in blocks[0].arrays
    }
    scale = np.repeat(
        np.asarray(scales if scales is not None else [1.0] * len(markets)), runs
    )
    return Lanes(
        steps=steps,
        steps_per_year=steps_per_year,
        offset=offset,
        offer_delay=int(
            round(values["offer_delay_weeks"] * steps_per_year / WEEKS_PER_YEAR)
        ),
        market=np.repeat(np.arange(len(markets), dtype=np.intp), runs),
        markets=tuple(markets),
        scale=scale.astype(np.float64),
        **stacked,
    )
