# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The settings wire migratieketen.logs: JSON lines in production, readable lines in
development, a BSN masked in both (a real `manage.py` process per settings module)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from migratieketen import logs

REPO = Path(__file__).resolve().parents[2]
VALID = "111222333"
SNIPPET = (
    "import logging; from migratieketen import logs; "
    f"logs.get_logger('migratieketen_web.test').warning('gevonden', bsn='{VALID}', "
    f"detail='rij {VALID}'); "
    f"logging.getLogger('django.request').warning('Not Found: /x/%s', '{VALID}')"
)


def _log_lines(tmp_path: Path, settings: str) -> list[str]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "MIGRATIEKETEN_VAR_DIR": str(tmp_path),
        "MIGRATIEKETEN_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "migratieketen.example.nl",
        "SECRET_KEY": secrets.token_urlsafe(50),
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SNIPPET],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_production_settings_write_json_lines_without_the_bsn(tmp_path: Path) -> None:
    lines = _log_lines(tmp_path, "migratieketen_web.conf.production")
    records = [json.loads(line) for line in lines]
    assert [r["event"] for r in records] == [
        "gevonden",
        f"Not Found: /x/{logs.BSN_MASK}",
    ]
    assert records[0]["detail"] == f"rij {logs.BSN_MASK}" and "bsn" not in records[0]
    assert all(VALID not in line for line in lines)


def test_development_settings_write_readable_lines_without_the_bsn(
    tmp_path: Path,
) -> None:
    lines = _log_lines(tmp_path, "migratieketen_web.conf.dev")
    assert len(lines) == 2
    for line in lines:
        with pytest.raises(json.JSONDecodeError):
            json.loads(line)
        assert VALID not in line
    assert "[warning" in lines[0] and f"detail='rij {logs.BSN_MASK}'" in lines[0]
    assert f"Not Found: /x/{logs.BSN_MASK}" in lines[1]
