# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One decimal rule per kind of figure, in Python and in templates alike."""

from __future__ import annotations

import re

from django.template import Context, Template
from django.utils import translation

from hypothesis import given
from hypothesis import strategies as st

from migratieketen_web.gemeenten.formatting import decimals_for, format_value

values = st.floats(min_value=0, max_value=1e6, allow_nan=False)


def _decimals(text: str) -> int:
    number = text.split(" ")[0]
    return len(number.split(",")[1]) if "," in number else 0


@given(values, values)
def test_same_unit_same_decimals(a: float, b: float) -> None:
    with translation.override("nl"):
        for unit in ("%", "personen", "km", "x 1000 euro", "klasse 1-5"):
            assert _decimals(format_value(a, unit)) == _decimals(format_value(b, unit))
            assert _decimals(format_value(a, unit)) == decimals_for(unit)


def test_shares_keep_one_decimal_even_when_whole() -> None:
    with translation.override("nl"):
        assert format_value(31, "%") == "31,0 %"
        assert format_value(39.75, "%") == "39,8 %"
        assert format_value(934526.0, "personen") == "934.526 personen"
        assert format_value(3.0, "klasse 1-5") == "3 (klasse 1-5)"


def test_template_filters_use_the_same_functions() -> None:
    template = Template(
        "{% load figures %}{{ a|with_unit:'%' }} {{ b|number }} {{ c|number:2 }}"
    )
    with translation.override("nl"):
        text = template.render(Context({"a": 31, "b": 1234567, "c": 0.8}))
    assert text == "31,0 % 1.234.567 0,80"
    assert not re.search(r"\d\.\d{3},", "0,80")
