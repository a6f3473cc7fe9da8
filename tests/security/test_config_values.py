# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Settings read from the environment are checked at start: a value that cannot be
right (a zero session, a negative retention, no cell suppression) stops the start with
a message naming the variable, instead of running and silently doing the wrong thing."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from migratieketen_web.config import REGISTRY, ConfigError, config

REPO = Path(__file__).resolve().parents[2]
NAME = "MIGRATIEKETEN_TEST_ONLY_NUMBER"


@pytest.fixture(autouse=True)
def _forget_test_variable():
    yield
    REGISTRY.pop(NAME, None)


def test_a_number_below_its_minimum_is_refused_with_the_variable_named(monkeypatch):
    monkeypatch.setenv(NAME, "-1")
    with pytest.raises(ConfigError, match=rf"{NAME}='-1': .*ten minste 0"):
        config(NAME, 30, "test", minimum=0)


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("7", 7), (" 12 ", 12)])
def test_a_number_at_or_above_its_minimum_is_read(monkeypatch, raw, expected):
    monkeypatch.setenv(NAME, raw)
    assert config(NAME, 30, "test", minimum=0) == expected


def test_without_a_minimum_any_whole_number_is_read(monkeypatch):
    monkeypatch.setenv(NAME, "-5")
    assert config(NAME, 30, "test") == -5


def test_a_word_where_a_number_belongs_is_refused(monkeypatch):
    monkeypatch.setenv(NAME, "dertig")
    with pytest.raises(ConfigError, match="verwacht een geheel getal"):
        config(NAME, 30, "test", minimum=0)


def test_the_minimum_is_recorded_for_the_configuration_page():
    config(NAME, 30, "test", minimum=1)
    assert REGISTRY[NAME].minimum == 1


def test_every_numeric_setting_declares_its_minimum():
    """A new numeric setting must say which values make sense (docs/configuration.md
    shows the minimum next to the default)."""
    page = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    numeric = [
        line
        for line in page.splitlines()
        if line.startswith("| `") and re.match(r"\s*`\d+`", line.split("|")[2])
    ]
    assert numeric, "no numeric settings found on the configuration page"
    missing = [line.split("|")[1].strip() for line in numeric if "minimum" not in line]
    assert not missing, f"numeric settings without a minimum: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MIGRATIEKETEN_MIN_CELL", "0"),
        ("MIGRATIEKETEN_SESSION_IDLE_MINUTES", "0"),
        ("MIGRATIEKETEN_KOPPELING_INPUT_RETENTION_DAYS", "-3"),
    ],
)
def test_the_server_does_not_start_with_an_impossible_value(tmp_path, variable, value):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "migratieketen_web.conf.production",
        "MIGRATIEKETEN_VAR_DIR": str(tmp_path),
        "MIGRATIEKETEN_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "migratieketen.example.nl",
        "SECRET_KEY": secrets.token_urlsafe(50),
        variable: value,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert f"{variable}='{value}'" in result.stderr
    assert "ten minste" in result.stderr
