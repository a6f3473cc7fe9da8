#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Check that every tracked source file carries the EUPL-1.2 SPDX header.

A machine-readable licence line per file is what the Standard for Public Code asks
for (style-anchors A1); checking it in CI keeps a new file from slipping through.
Only files tracked by git count, so build output and vendored packages are skipped.

Usage: python bin/check_spdx.py [REPO_ROOT]   (exit 1 and a list of offenders)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePosixPath

HEADER = "SPDX-License-Identifier: EUPL-1.2"
# The header must sit near the top: after a shebang, a template tag or a doctype.
HEAD_LINES = 5
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".mjs", ".sh"}
SCRIPT_DIRS = {"bin", ".ci"}
YAML_SUFFIXES = {".yaml", ".yml"}
# Generated or vendored files under a tracked folder that carry their own licence.
SKIP_PARTS = {"node_modules", "vendor", "migrations"}


def needs_header(path: str) -> bool:
    """Whether a repository-relative path is a source file that must carry the header."""
    pure = PurePosixPath(path)
    if SKIP_PARTS.intersection(pure.parts[:-1]):
        return False
    if pure.suffix in SOURCE_SUFFIXES:
        return True
    if len(pure.parts) == 2 and pure.parts[0] in SCRIPT_DIRS:
        return True  # bin/run, bin/test, .ci/run: scripts without a suffix
    return pure.suffix in YAML_SUFFIXES and pure.parts[0] == "src"


def tracked_files(root: Path) -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return [name for name in result.stdout.split("\0") if name]


def has_header(file: Path) -> bool:
    """True when the header is near the top; an empty file has nothing to license."""
    try:
        if file.stat().st_size == 0:
            return True  # e.g. an empty package __init__.py
        with file.open(encoding="utf-8", errors="replace") as handle:
            head = [handle.readline() for _ in range(HEAD_LINES)]
    except FileNotFoundError:
        return True  # deleted in the working tree but still in the index
    return any(HEADER in line for line in head)


def offenders(root: Path) -> list[str]:
    return sorted(
        name
        for name in tracked_files(root)
        if needs_header(name) and not has_header(root / name)
    )


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    missing = offenders(root)
    if missing:
        print(
            f"{len(missing)} file(s) without '{HEADER}' in the first {HEAD_LINES} lines:"
        )
        for name in missing:
            print(f"  {name}")
        return 1
    print(f"SPDX: every tracked source file carries '{HEADER}'.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
