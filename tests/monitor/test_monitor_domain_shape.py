# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The monitor app follows the domain template (issue 8): services.py calls the core.

Every other module of the app may take types and constants from the core (a
`HalfYear`, an `Explanation`, a legal reference, a limit of the realisation schema)
but no function and no whole module: a rule is run only through `services`, so one
module shows everything the app asks of the core.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import migratieketen_web.monitor as app

APP = Path(app.__file__).parent
# The Spreidingswet part of the app is being reworked separately; its module is the
# spreiding counterpart of services.py.
CALLERS = {"services.py", "spreiding.py"}
TEMPLATE = [
    "models.py",
    "services.py",
    "views.py",
    "forms.py",
    "urls.py",
    "admin.py",
    "api/routes.py",
    "api/views.py",
    "api/serializers.py",
    "api/filters.py",
    "templates/monitor",
]


def _modules() -> list[Path]:
    return sorted(
        p
        for p in APP.rglob("*.py")
        if "migrations" not in p.parts and p.relative_to(APP).as_posix() not in CALLERS
    )


def _core_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every name imported from the core `migratieketen`."""
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
    missing = [name for name in TEMPLATE if not (APP / name).exists()]
    assert missing == []


@pytest.mark.parametrize(
    "path", _modules(), ids=lambda p: p.relative_to(APP).as_posix()
)
def test_only_services_calls_the_core(path: Path) -> None:
    for module, name in _core_imports(path):
        assert name, f"imports the core module {module} as a whole"
        value = getattr(importlib.import_module(module), name)
        is_type = isinstance(value, type)
        assert is_type or not callable(value), f"{module}.{name} is a function"
        assert not hasattr(value, "__path__") and not hasattr(value, "__file__"), (
            f"{module}.{name} is a module"
        )
