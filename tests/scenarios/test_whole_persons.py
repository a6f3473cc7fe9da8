# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Per-gemeente figures of a run are whole persons that add up to the total."""

from __future__ import annotations

import math
import re

from django.test import Client

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen_web.scenarios.models import ScenarioRun
from migratieketen_web.scenarios.services import whole_persons

figures = st.dictionaries(
    st.from_regex(r"GM\d{4}", fullmatch=True),
    st.floats(min_value=0, max_value=5e4, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=400,
)


@given(figures)
def test_whole_persons_keep_the_rounded_total(values: dict[str, float]) -> None:
    rounded = whole_persons(values)
    assert set(rounded) == set(values)
    assert all(isinstance(n, int) and n >= 0 for n in rounded.values())
    exact = sum(round(v * 1000) for v in values.values()) / 1000
    assert sum(rounded.values()) == math.floor(exact + 0.5)
    for code, value in values.items():
        assert abs(rounded[code] - value) < 1 + 1e-3


def test_a_share_of_a_small_figure_is_not_a_fraction_of_a_person() -> None:
    # 342 gemeenten sharing 100 places: each gets 0 or 1, and the 100 stay 100.
    values = {f"GM{i:04d}": 100 / 342 for i in range(342)}
    rounded = whole_persons(values)
    assert sum(rounded.values()) == 100
    assert set(rounded.values()) == {0, 1}


@pytest.mark.django_db
def test_scenario_map_shows_whole_places_that_add_up(client: Client) -> None:
    response = client.post("/scenarios", {"preset": "piek2015"}, follow=True)
    html = response.content.decode()
    section = html.split('id="per-gemeente"', 1)[1]
    assert not re.search(r"\d,\d plaatsen", section)
    labels = re.findall(r'aria-label="[^"]+: ([\d.]+) plaatsen"', section)
    assert len(labels) == 342
    total = sum(int(n.replace(".", "")) for n in labels)
    # The parts add up to the rounded sum of the gemeenten's own medians.
    run = ScenarioRun.objects.get()
    exact = sum(g["crisis_places_peak"]["p50"] for g in run.result["gemeenten"])
    assert abs(total - exact) < 1
