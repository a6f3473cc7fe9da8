# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Load the scripts in bin/ as modules: they are tools, not an installed package."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    path = REPO_ROOT / "bin" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bin_{name}", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bin_script() -> Callable[[str], ModuleType]:
    return _load


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT
