# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen data check` and `migratieketen gemeente` through typer."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from data_support import column_index, rewrite_line
from typer.testing import CliRunner

from migratieketen.data import load_dataset
from migratieketen.data.lookup import GemeenteLookupError, find_gemeente
from migratieketen_cli import data_commands, gemeente_commands


@pytest.fixture
def app() -> typer.Typer:
    """Only this area's command modules, so other areas' modules cannot break these."""
    app = typer.Typer()
    data_commands.register(app)
    gemeente_commands.register(app)
    return app


def test_data_check_ok(app: typer.Typer, shared_data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["data", "check", str(shared_data_dir)])
    assert result.exit_code == 0, result.output
    assert "in orde" in result.output
    assert "gemeenten: 342" in result.output


def test_data_check_lists_issues(app: typer.Typer, data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.csv"
    col = column_index(path, "inwoners_2024")

    def edit(cells: list[str]) -> None:
        cells[col] = "abc"

    rewrite_line(path, 12, edit)
    result = CliRunner().invoke(app, ["data", "check", str(data_copy)])
    assert result.exit_code == 1
    assert (
        "gemeenten_2024.csv, rij 12, kolom inwoners_2024: 'abc' is geen geheel getal"
        in result.output
    )


def test_gemeente_shows_figures_with_sources(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    result = CliRunner().invoke(
        app,
        ["gemeente", "voorne aan zee", "--data-dir", str(shared_data_dir)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "Voorne aan Zee (GM1992)" in result.output
    assert "74.304" in result.output
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022 (tabel 85318NED)" in (
        result.output
    )
    assert "Brielle (GM0501)" in result.output  # the 2022 figures were combined


def test_gemeente_ambiguous_and_unknown(
    app: typer.Typer, shared_data_dir: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["gemeente", "Bergen", "--data-dir", str(shared_data_dir)]
    )
    assert result.exit_code == 1
    assert "meer gemeenten" in result.output
    assert "GM0373" in result.output and "GM0893" in result.output
    result = runner.invoke(
        app, ["gemeente", "xyzzy", "--data-dir", str(shared_data_dir)]
    )
    assert result.exit_code == 1
    assert "Geen gemeente gevonden" in result.output


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("amsterdam", "GM0363"),
        ("GM0363", "GM0363"),
        ("363", "GM0363"),
        ("Hengelo", "GM0164"),
        ("sudwest fryslan", "GM1900"),
        ("Bergen (NH.)", "GM0373"),
        ("Amsterdm", "GM0363"),
        ("'s-gravenhage", "GM0518"),
    ],
)
def test_find_gemeente(shared_data_dir: Path, query: str, code: str) -> None:
    assert find_gemeente(load_dataset(shared_data_dir), query).code == code


def test_find_gemeente_unknown_code(shared_data_dir: Path) -> None:
    with pytest.raises(GemeenteLookupError, match="GM9999"):
        find_gemeente(load_dataset(shared_data_dir), "GM9999")


def test_dissolved_gemeente_points_to_its_successor(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    with pytest.raises(GemeenteLookupError) as exc_info:
        find_gemeente(ds, "GM0457")
    assert str(exc_info.value) == (
        "Weesp (GM0457) bestaat niet meer: is opgegaan in Amsterdam (GM0363) "
        "(herindeling 2022-03-24)."
    )
    with pytest.raises(GemeenteLookupError, match="verdeeld over Oisterwijk"):
        find_gemeente(ds, "Haaren")
    with pytest.raises(GemeenteLookupError, match="opgegaan in Voorne aan Zee"):
        find_gemeente(ds, "hellevoetsluis")
