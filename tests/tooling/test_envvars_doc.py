# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""docs/configuration.md is exactly what bin/envvars_doc.py generates from config()."""

from __future__ import annotations

import subprocess
import sys


def _generate(repo_root) -> str:
    # A separate process: the generator imports every settings module afresh.
    result = subprocess.run(
        [sys.executable, str(repo_root / "bin" / "envvars_doc.py")],
        cwd=repo_root,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def test_configuration_page_matches_the_declarations(repo_root):
    committed = (repo_root / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert _generate(repo_root) == committed, (
        "docs/configuration.md is out of date; regenerate it with "
        "`uv run python bin/envvars_doc.py > docs/configuration.md`."
    )


def test_every_declared_variable_is_documented(repo_root):
    page = _generate(repo_root)
    for name in (
        "MIGRATIEKETEN_DATABASE_URL",
        "MIGRATIEKETEN_DATA_DIR",
        "SECRET_KEY",
        "SECURE_HSTS_SECONDS",  # declared only by the production settings
    ):
        assert f"| `{name}` |" in page
