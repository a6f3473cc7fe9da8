# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The README's first commands, bin/ and .ci/run tell the same story.

A new user types the README's first two commands; CI runs .ci/run. If they drift
apart, CI tests something other than what users run.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def first_commands(readme: str) -> list[str]:
    """Commands of the README's first fenced block, without comments and env vars."""
    match = FENCE.search(readme)
    assert match, "README.md has no fenced code block"
    commands = []
    for line in match.group(1).splitlines():
        words = shlex.split(line, comments=True)
        while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
            words.pop(0)  # a leading VAR=value assignment
        if words:
            commands.append(" ".join(words))
    return commands


def ci_command(ci_run: str) -> str:
    """The command .ci/run hands over to with exec."""
    execs = [
        line.strip()[len("exec ") :]
        for line in ci_run.splitlines()
        if line.strip().startswith("exec ")
    ]
    assert len(execs) == 1, ".ci/run must end in exactly one exec"
    return execs[0]


def test_readme_opens_with_run_then_test(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    # The block comes right after the title: nothing but blank lines in between.
    before_block = readme.split("```", 1)[0].strip().splitlines()
    assert before_block[0].startswith("# ")
    assert all(not line.strip() for line in before_block[1:])
    assert first_commands(readme) == ["bin/run", "bin/test"]


def test_readme_run_command_names_a_data_folder(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    block = FENCE.search(readme).group(1)
    assert "MIGRATIEKETEN_DATA_DIR=../shared/data bin/run" in block


def test_ci_runs_exactly_the_readme_test_command(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    ci_run = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_command(ci_run) == first_commands(readme)[1]


def test_commands_are_executable_scripts(repo_root: Path):
    for script in ("bin/run", "bin/test", ".ci/run"):
        path = repo_root / script
        assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
        assert os.access(path, os.X_OK), f"{script} is not executable"


def test_parser_ignores_comments_and_assignments():
    readme = (
        "# T\n\n```sh\nA_B=1 C=../x bin/run --port 1   # start\n# only a comment\n"
        "bin/test\n```\n"
    )
    assert first_commands(readme) == ["bin/run --port 1", "bin/test"]
