# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The domain template (ADR 0008) holds: checked on the source, not only agreed.

- In the web package only an app's `services.py` imports the core (`migratieketen`);
  the few exceptions are listed below, each with its reason.
- No `threading.Thread` in the web package: long work is a task (ADR 0009).
- No function in `src/` longer than 80 lines (migrations aside).
- An app's API lives in `<app>/api/`, with `routes.py`, `views.py` and `serializers.py`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
WEB = SRC / "migratieketen_web"
MAX_FUNCTION_LINES = 80

# Web modules other than `services.py` that may import the core, and why. Keep it short:
# a new entry needs a reason a reviewer accepts, and a stale entry fails the test below.
CORE_IMPORT_ALLOWLIST = {
    "monitor/models.py": (
        "field limits come from the core's realisation schema; services.py imports "
        "the models, so the models cannot import services.py"
    ),
    "inburgering/models.py": (
        "field choices come from the Wet inburgering enums; services.py imports the "
        "models, so the models cannot import services.py"
    ),
    "arbeidsmigranten/models.py": (
        "field choices come from the housing-norm and Wet BRP rules; services.py "
        "imports the models, so the models cannot import services.py"
    ),
    "lvv/models.py": (
        "field choices come from the LVV tracks and outcomes; services.py imports "
        "the models, so the models cannot import services.py"
    ),
    "inburgering/bsn_key.py": (
        "the keyed BSN hash normalises with the core's elfproef; services.py imports "
        "it, so it cannot import services.py"
    ),
    "monitor/spreiding.py": (
        "the Spreidingswet half of the monitor's services (the /spreiding page), kept "
        "apart from services.py (the Huisvestingswet monitor) to keep both small"
    ),
}

# Core modules that are infrastructure, not a domain: any web module may import them.
SHARED_CORE_MODULES = {
    "migratieketen.logs": (
        "the one logging setup (structlog, personal data masked): settings, workers "
        "and services log through it alike"
    ),
}

# Functions longer than MAX_FUNCTION_LINES, and why. Empty: split a long function into
# named steps instead of adding it here.
LONG_FUNCTION_ALLOWLIST: dict[str, str] = {}


def _python_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        if "migrations" not in path.relative_to(root).parts:
            yield path


def _imports_core(tree: ast.AST) -> list[int]:
    """Line numbers of imports of `migratieketen` or `migratieketen.*` (not `_web`),
    the shared infrastructure modules aside."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "migratieketen":
            modules = [f"migratieketen.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        if any(
            (m == "migratieketen" or m.startswith("migratieketen."))
            and m not in SHARED_CORE_MODULES
            for m in modules
        ):
            lines.append(node.lineno)
    return lines


def _core_importers() -> dict[str, list[int]]:
    found = {}
    for path in _python_files(WEB):
        lines = _imports_core(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[path.relative_to(WEB).as_posix()] = lines
    return found


def _is_services(relative: str) -> bool:
    parts = relative.split("/")
    return len(parts) == 2 and parts[1] == "services.py"


def test_only_services_import_the_core() -> None:
    offenders = {
        relative: lines
        for relative, lines in _core_importers().items()
        if not _is_services(relative) and relative not in CORE_IMPORT_ALLOWLIST
    }
    assert offenders == {}, (
        "Import core names through the app's services.py (re-export them there in "
        f"__all__), see docs/adr/0008-one-domain-template.md: {offenders}"
    )


def test_core_import_allowlist_has_no_stale_entries() -> None:
    importers = _core_importers()
    stale = [
        relative for relative in CORE_IMPORT_ALLOWLIST if relative not in importers
    ]
    assert stale == [], f"remove from CORE_IMPORT_ALLOWLIST: {stale}"
    assert all(reason.strip() for reason in CORE_IMPORT_ALLOWLIST.values())


def test_the_rule_sees_core_imports_and_ignores_the_web_package() -> None:
    tree = ast.parse(
        "import migratieketen.bsn\n"
        "from migratieketen_web.monitor import services\n"
        "def f():\n"
        "    from migratieketen.rules import monitor\n"
        "from . import models\n"
        "from migratieketen import logs\n"
        "from migratieketen import bsn\n"
    )
    assert sorted(_imports_core(tree)) == [1, 4, 7]


def _threads(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "Thread"
            and isinstance(node.value, ast.Name)
            and node.value.id == "threading"
        ):
            lines.append(node.lineno)
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "threading"
            and any(alias.name == "Thread" for alias in node.names)
        ):
            lines.append(node.lineno)
    return lines


def test_no_threads_in_the_web_package() -> None:
    offenders = {}
    for path in _python_files(WEB):
        lines = _threads(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[path.relative_to(WEB).as_posix()] = lines
    assert offenders == {}, f"run long work as a task (ADR 0009): {offenders}"


def test_the_thread_rule_sees_both_spellings() -> None:
    tree = ast.parse(
        "import threading\nthreading.Thread(target=print)\n"
        "from threading import Lock, Thread\n"
    )
    assert sorted(_threads(tree)) == [2, 3]


def _long_functions(tree: ast.AST) -> list[tuple[str, int, int]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                out.append((node.name, node.lineno, length))
    return out


def test_no_function_longer_than_80_lines() -> None:
    offenders = []
    for path in _python_files(SRC):
        relative = path.relative_to(SRC).as_posix()
        for name, line, length in _long_functions(ast.parse(path.read_text("utf-8"))):
            if f"{relative}:{name}" not in LONG_FUNCTION_ALLOWLIST:
                offenders.append(f"{relative}:{line} {name} ({length} lines)")
    assert offenders == [], "split into named functions: " + ", ".join(offenders)


def test_the_length_rule_counts_lines() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES - 1))
    assert _long_functions(ast.parse("def fits():\n" + body)) == []
    too_long = ast.parse("def long():\n" + body + "    return 1\n")
    assert _long_functions(too_long) == [("long", 1, MAX_FUNCTION_LINES + 1)]


def test_every_app_api_package_has_the_template_modules() -> None:
    for api in sorted(WEB.glob("*/api")):
        if api.parent.name == "api" or not (api / "__init__.py").exists():
            continue
        present = {p.name for p in api.glob("*.py")}
        missing = {"routes.py", "views.py", "serializers.py"} - present
        assert not missing, f"{api.relative_to(WEB)} lacks {sorted(missing)}"
