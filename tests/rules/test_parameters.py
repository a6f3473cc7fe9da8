# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every parameter file is valid against the JSON Schema and loads with a reference."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from migratieketen.rules.parameters import (
    PARAMETER_ROOT,
    SCHEMA_PATH,
    ParameterError,
    load_parameter,
    parameter_files,
    parse_parameter,
    read_raw,
)

FILES = parameter_files()


def _jsonable(value: Any) -> Any:
    """YAML turns date keys into date objects; JSON Schema sees them as strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_schema_is_valid_json_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_there_are_parameter_files() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_parameter_file_valid(path: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    raw = read_raw(path)
    jsonschema.validate(_jsonable(raw), schema)
    assert path.read_text(encoding="utf-8").startswith(
        "# SPDX-License-Identifier: EUPL-1.2"
    )
    name = path.relative_to(PARAMETER_ROOT).with_suffix("").as_posix()
    param = load_parameter(name)
    first = param.values[0][0]
    assert param.reference_at(first).href.startswith("https://")


def test_schema_rejects_value_without_reference() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    bad = {"description": "no reference here", "metadata": {"unit": "x"}, "values": {}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_dated_values_keep_history() -> None:
    """A later value does not change what an earlier period gets."""
    raw = {
        "description": "test parameter",
        "metadata": {
            "unit": "x",
            "reference": {"2020-01-01": {"title": "t", "href": "h"}},
        },
        "values": {date(2020, 1, 1): {"value": 1}, date(2026, 1, 1): {"value": 2}},
    }
    p = parse_parameter("test", raw)
    assert p.value_at(date(2025, 12, 31)) == 1
    assert p.value_at(date(2026, 1, 1)) == 2
    with pytest.raises(ParameterError):
        p.value_at(date(2019, 12, 31))
    with pytest.raises(ParameterError):
        p.entry_exact(date(2021, 1, 1))


def test_malformed_parameter_is_rejected() -> None:
    with pytest.raises(ParameterError, match="verplicht"):
        parse_parameter("x", {"values": {}})
    with pytest.raises(ParameterError, match="datum"):
        parse_parameter(
            "x",
            {
                "metadata": {"reference": {"2020-01-01": {"title": "t", "href": "h"}}},
                "values": {"gisteren": {"value": 1}},
            },
        )
