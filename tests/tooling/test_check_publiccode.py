# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""bin/check_publiccode.py accepts our publiccode.yml and names what a broken one lacks."""

from __future__ import annotations

import copy

import pytest
import yaml


@pytest.fixture
def checker(bin_script):
    return bin_script("check_publiccode")


@pytest.fixture
def document(repo_root):
    return yaml.safe_load((repo_root / "publiccode.yml").read_text(encoding="utf-8"))


def test_repository_file_passes(checker, repo_root):
    assert checker.main(["check_publiccode.py", str(repo_root / "publiccode.yml")]) == 0


def test_version_follows_pyproject(checker, document, repo_root):
    assert checker.problems(document, checker.project_version(repo_root)) == []
    assert checker.problems(document, "9.9.9") == [
        f"softwareVersion {document['softwareVersion']} differs from pyproject.toml 9.9.9"
    ]


def test_each_broken_rule_is_reported(checker, document):
    broken = copy.deepcopy(document)
    del broken["legal"]
    del broken["maintenance"]["contacts"]
    broken["developmentStatus"] = "finished"
    broken["description"]["en"]["shortDescription"] = "x" * 151
    del broken["description"]["nl"]
    found = checker.problems(broken, None)
    assert "missing key: legal.license" in found
    assert "maintenance.contacts is required for internal/community" in found
    assert any(p.startswith("developmentStatus must be one of") for p in found)
    assert "description.en.shortDescription needs 1-150 characters" in found
    assert "description.nl is missing" in found


def test_unreadable_file_fails(checker, tmp_path):
    path = tmp_path / "publiccode.yml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    assert checker.main(["check_publiccode.py", str(path)]) == 1
