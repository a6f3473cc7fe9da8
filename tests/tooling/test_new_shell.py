# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""After `bin/run`, the README's `uv run migratieketen gemeente Venray` works in a new
shell, from a clean HOME whose PATH does not hold the folder uv is installed into.

This runs the real bin/run (its install steps, then `serve --help` instead of the
server) with an empty HOME: uv is found nowhere, so bin/run installs it with
`pip install --user` into that HOME and adds its folder to the shell profiles. Then a
new login shell and a new interactive shell run the README's command as typed.
A second bin/run must find that uv and not install it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

README_COMMAND = "uv run migratieketen gemeente Venray"


def _path_without_uv() -> str:
    """The current PATH minus every folder with a uv (e.g. ~/.local/bin) and minus
    the project's virtualenv (pytest runs inside it; a new user's shell does not)."""
    venv = Path(sys.prefix)
    kept = [
        d
        for d in os.environ["PATH"].split(os.pathsep)
        if d and not (Path(d) / "uv").exists() and Path(d).parent != venv
    ]
    return os.pathsep.join(kept)


def _clean_env(home: Path, var_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MIGRATIEKETEN_", "VIRTUAL_ENV", "UV_", "DJANGO_"))
    }
    real_home = Path.home()
    env.update(
        HOME=str(home),
        PATH=_path_without_uv(),
        # Downloads are cached in the real HOME, so a rerun needs no network.
        PIP_CACHE_DIR=str(real_home / ".cache" / "pip"),
        UV_CACHE_DIR=os.environ.get("UV_CACHE_DIR", str(real_home / ".cache" / "uv")),
        # The runtime folder is the test's, so bin/run leaves the checkout alone.
        MIGRATIEKETEN_VAR_DIR=str(var_dir),
    )
    return env


def test_readme_command_works_in_a_new_shell_after_bin_run(repo_root, tmp_path):
    data_dir = os.environ["MIGRATIEKETEN_DATA_DIR"]
    home = tmp_path / "home"
    home.mkdir()
    env = _clean_env(home, tmp_path / "var")
    if shutil.which("python3", path=env["PATH"]) is None:
        pytest.fail("python3 is only on PATH next to uv; cannot test a clean PATH")
    assert shutil.which("uv", path=env["PATH"]) is None

    # Before bin/run, the README's command fails as the issue describes.
    before = subprocess.run(
        ["bash", "-lc", README_COMMAND],
        cwd=repo_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert before.returncode == 127, before.stderr

    first = subprocess.run(
        ["bin/run", "--help"],
        cwd=repo_root,
        env={**env, "MIGRATIEKETEN_DATA_DIR": data_dir},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert first.returncode == 0, first.stdout + first.stderr
    assert "uv installeren" in first.stdout
    assert "aan PATH toegevoegd" in first.stderr

    # A new shell: nothing of bin/run's environment, only HOME's profile files.
    for shell in (["bash", "-lc"], ["bash", "-ic"]):
        after = subprocess.run(
            [*shell, README_COMMAND],
            cwd=repo_root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert after.returncode == 0, after.stdout + after.stderr
        assert "Venray (GM0984)" in after.stdout
        assert "CBS" in after.stdout  # the source line of every figure

    second = subprocess.run(
        ["bin/run", "--help"],
        cwd=repo_root,
        env={**env, "MIGRATIEKETEN_DATA_DIR": data_dir},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "uv installeren" not in second.stdout
    assert "aan PATH toegevoegd" not in second.stderr
    # The profile block is written once, however often bin/run runs.
    for profile in (".profile", ".bashrc"):
        text = (home / profile).read_text(encoding="utf-8")
        assert text.count("added by Migratieketen bin/run") == 1
