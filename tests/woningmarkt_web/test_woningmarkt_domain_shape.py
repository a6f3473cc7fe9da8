# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The woningmarkt app follows the domain template: services.py alone calls the core.

Other modules may take types from the core (a `FrontierPoint` to draw), never a
function or a whole module. No models: a setting is computed on request and cached.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import migratieketen_web.woningmarkt as app

APP = Path(app.__file__).parent
TEMPLATE = [
    "services.py",
    "views.py",
    "forms.py",
    "urls.py",
    "api/routes.py",
    "api/views.py",
    "api/serializers.py",
    "api/filters.py",
    "templates/woningmarkt",
]


def _modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if p.name != "services.py")


def _core_imports(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [
                (a.name, "") for a in node.names if a.name.startswith("migratieketen.")
            ]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "migratieketen."
        ):
            found += [(node.module or "", a.name) for a in node.names]
    return found


def test_the_app_has_the_template_files() -> None:
    assert [name for name in TEMPLATE if not (APP / name).exists()] == []


@pytest.mark.parametrize(
    "path", _modules(), ids=lambda p: p.relative_to(APP).as_posix()
)
def test_only_services_calls_the_core(path: Path) -> None:
    for module, name in _core_imports(path):
        assert name, f"imports the core module {module} as a whole"
        value = getattr(importlib.import_module(module), name)
        assert isinstance(value, type) or not callable(value), f"{module}.{name}"
        assert not hasattr(value, "__file__"), f"{module}.{name} is a module"
