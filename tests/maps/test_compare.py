# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Comparable gemeenten: the documented standardised Euclidean distance."""

from __future__ import annotations

import math

import pytest

from migratieketen.compare import nearest, standardise

KEYS = (("population", "log10"), ("share", "identity"))


def test_nearest_follows_standardised_distance() -> None:
    features = {
        "A": {"population": 1000.0, "share": 10.0},
        "B": {"population": 1100.0, "share": 11.0},
        "C": {"population": 100000.0, "share": 40.0},
        "D": {"population": 90000.0, "share": 38.0},
    }
    vectors, used = standardise(features, KEYS)
    assert used == ["population", "share"]
    assert [n.code for n in nearest(vectors, "A", 3)] == ["B", "D", "C"]
    assert [n.code for n in nearest(vectors, "C", 1)] == ["D"]
    # Symmetric and never the gemeente itself.
    ab = nearest(vectors, "A", 1)[0].distance
    ba = nearest(vectors, "B", 1)[0].distance
    assert ab == pytest.approx(ba)
    assert all(n.code != "A" for n in nearest(vectors, "A", 10))


def test_z_scores_and_missing_values_count_as_mean() -> None:
    features = {
        "A": {"share": 0.0},
        "B": {"share": 10.0},
        "C": {"share": None},
    }
    vectors, used = standardise(features, (("share", "identity"),))
    sd = math.sqrt(((0 - 5) ** 2 + (10 - 5) ** 2) / 1)
    assert vectors["A"] == [pytest.approx(-5 / sd)]
    assert vectors["C"] == [0.0]


def test_constant_or_absent_features_are_skipped() -> None:
    features = {"A": {"share": 1.0}, "B": {"share": 1.0}}
    vectors, used = standardise(features, KEYS)
    assert used == []
    with pytest.raises(KeyError):
        nearest(vectors, "Z")
