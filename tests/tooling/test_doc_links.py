# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every relative link in the Markdown documentation points at a file that exists.

The README and docs promise files (ADRs, the OpenAPI document, the configuration
reference); a renamed or missing file should fail here, not in a reader's browser.
"""

from __future__ import annotations

import re
from pathlib import Path

LINK = re.compile(r"\]\(([^)\s]+)\)")
ROOT_DOCS = ["README.md", "CONTRIBUTING.md", "SECURITY.md", "CODE_OF_CONDUCT.md"]


def markdown_files(repo_root: Path) -> list[Path]:
    files = [repo_root / name for name in ROOT_DOCS + ["CHANGELOG.md"]]
    files += sorted((repo_root / "docs").rglob("*.md"))
    return [path for path in files if path.exists()]


def broken_links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a web address, mailto: or an anchor on the same page
        file_part = target.split("#", 1)[0]
        if not (path.parent / file_part).exists():
            broken.append(target)
    return broken


def test_root_documents_exist(repo_root):
    for name in ROOT_DOCS + ["LICENSE", "AUTHORS", "CHANGELOG.md", "publiccode.yml"]:
        assert (repo_root / name).is_file(), name


def test_links_in_every_doc_resolve(repo_root):
    found = {
        str(path.relative_to(repo_root)): broken
        for path in markdown_files(repo_root)
        if (broken := broken_links(path))
    }
    assert found == {}


def test_checker_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    page.write_text(
        "[a](there.md) [b](missing.md#x) [c](https://example.org) [d](#top)",
        encoding="utf-8",
    )
    assert broken_links(page) == ["missing.md#x"]
