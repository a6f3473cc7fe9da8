# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Quantile classes: balanced counts, ties merge, missing values have no class."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.maps.bins import bin_index, quantile_bins


def test_hundred_values_give_five_classes_of_twenty() -> None:
    bins = quantile_bins(range(100), classes=5)
    assert [b.count for b in bins] == [20, 20, 20, 20, 20]
    assert bins[0].lower == 0 and bins[-1].upper == 99
    assert bin_index(0, bins) == 0
    assert bin_index(99, bins) == 4
    assert bin_index(50, bins) == 2


def test_ties_merge_classes_and_none_is_ignored() -> None:
    bins = quantile_bins([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, None], classes=5)
    assert len(bins) < 5
    assert sum(b.count for b in bins) == 10
    assert bin_index(None, bins) is None


def test_single_value_and_empty() -> None:
    assert quantile_bins([None, None]) == []
    bins = quantile_bins([4.0, 4.0])
    assert len(bins) == 1 and bins[0].count == 2
    assert bin_index(4.0, bins) == 0


def test_classes_must_be_positive() -> None:
    with pytest.raises(ValueError):
        quantile_bins([1.0], classes=0)


@given(
    values=st.lists(
        st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)), max_size=400
    ),
    classes=st.integers(1, 7),
)
def test_every_known_value_falls_in_exactly_one_ordered_class(
    values: list[float | None], classes: int
) -> None:
    bins = quantile_bins(values, classes)
    known = [v for v in values if v is not None]
    assert sum(b.count for b in bins) == len(known)
    assert len(bins) <= classes
    for left, right in zip(bins, bins[1:], strict=False):
        assert left.upper == right.lower and left.lower < left.upper
    for value in known:
        index = bin_index(value, bins)
        assert index is not None
        b = bins[index]
        assert b.lower <= value <= b.upper
