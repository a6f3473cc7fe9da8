# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #13: the OpenAPI document passes the NL API Design Rules (Spectral with
the repository's .spectral.yaml): no error and no warning. The ruleset itself is
checked on a copy of the document with the faults the official linter reported
(no servers, contact without e-mail, a problem member 'code', undefined tags)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from migratieketen_web.api.openapi_document import DOCUMENT_PATH

REPO = Path(__file__).resolve().parents[2]
SPECTRAL = REPO / "node_modules" / ".bin" / "spectral"
RULESET = REPO / ".spectral.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SPECTRAL.exists(), reason="run npm ci (bin/test does)"),
]


def _lint(document: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(SPECTRAL),
            "lint",
            "--ruleset",
            str(RULESET),
            "--fail-severity=warn",
            "--format",
            "text",
            str(document),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_committed_document_has_no_error_and_no_warning():
    result = _lint(DOCUMENT_PATH)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ruleset_finds_the_faults_the_official_linter_found(tmp_path):
    document = yaml.safe_load(DOCUMENT_PATH.read_text(encoding="utf-8"))
    del document["servers"]
    del document["info"]["contact"]["email"]
    document["components"]["schemas"]["Fout"]["properties"]["code"] = {"type": "string"}
    document["tags"] = []
    broken = tmp_path / "openapi.yaml"
    broken.write_text(yaml.safe_dump(document), encoding="utf-8")
    result = _lint(broken)
    assert result.returncode != 0
    for rule in (
        "oas3-api-servers",
        "mk-contact-fields",
        "mk-problem-members",
        "operation-tag-defined",
    ):
        assert rule in result.stdout, rule
