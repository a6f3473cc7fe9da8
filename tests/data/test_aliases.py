# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: common names, former gemeenten and suggestions, one implementation in the
core (`migratieketen.data.aliases`) for the command line and the web search."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from migratieketen.data import DataSet, load_dataset
from migratieketen.data.aliases import COMMON_NAMES, aliases, find_aliases, suggest
from migratieketen.data.lookup import GemeenteLookupError, find_gemeente
from migratieketen_cli import gemeente_commands


@pytest.fixture(scope="module")
def dataset(shared_data_dir: Path) -> DataSet:
    return load_dataset(shared_data_dir)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("den haag", "GM0518"),
        ("Den Haag", "GM0518"),
        ("DEN BOSCH", "GM0796"),
        ("den-bosch", "GM0796"),
        ("Nuenen", "GM0820"),
        ("Tietjerksteradeel", "GM0737"),
    ],
)
def test_common_names_find_the_cbs_gemeente(
    dataset: DataSet, query: str, code: str
) -> None:
    assert find_gemeente(dataset, query).code == code


def test_every_common_name_points_at_an_existing_code_with_its_cbs_name(
    dataset: DataSet,
) -> None:
    gemeenten = {g.code: g.name for g in dataset.gemeenten}
    provinces = {p.code: p.name for p in dataset.provinces}
    for _name, code, official in COMMON_NAMES:
        assert {**gemeenten, **provinces}[code] == official


def test_a_province_name_is_not_a_gemeente(dataset: DataSet) -> None:
    with pytest.raises(GemeenteLookupError, match="is een provincie.*Fryslân.*PV21"):
        find_gemeente(dataset, "Friesland")


def test_former_gemeenten_come_from_the_merger_table(dataset: DataSet) -> None:
    (weesp,) = find_aliases("weesp")
    assert weesp.codes == ("GM0363",) and "opgegaan in Amsterdam" in weesp.note
    (haaren,) = find_aliases("Haaren")
    assert len(haaren.codes) == 4 and "verdeeld over 4 gemeenten" in haaren.note
    current = {g.code for g in dataset.gemeenten}
    for alias in aliases():
        assert set(alias.codes) <= current | {"PV21", "PV30"}, alias


def test_unknown_gives_suggestions_with_aliases(dataset: DataSet) -> None:
    with pytest.raises(GemeenteLookupError) as exc_info:
        find_gemeente(dataset, "den hag")
    message = str(exc_info.value)
    assert message.startswith("Geen gemeente gevonden voor 'den hag'. Bedoelt u: ")
    assert "Den Haag ('s-Gravenhage, GM0518)" in message
    assert "Den Helder (GM0400)" in message
    assert [g.code for g in exc_info.value.candidates][:1] == ["GM0518"]


@given(st.sampled_from([name for name, _code, _official in COMMON_NAMES]))
def test_a_common_name_suggests_itself(name: str) -> None:
    assert suggest(name, [])[0] == name


def test_cli_finds_den_haag_and_suggests_on_no_match(shared_data_dir: Path) -> None:
    app = typer.Typer()
    gemeente_commands.register(app)
    app.command(name="_")(lambda: None)  # a group, as the real `migratieketen`
    runner = CliRunner()
    args = ["--data-dir", str(shared_data_dir)]
    found = runner.invoke(app, ["gemeente", "den haag", *args], env={"COLUMNS": "200"})
    assert found.exit_code == 0, found.output
    assert "'s-Gravenhage (GM0518)" in found.output
    missing = runner.invoke(app, ["gemeente", "den hag", *args], env={"COLUMNS": "200"})
    assert missing.exit_code == 1
    assert "Bedoelt u: Den Haag ('s-Gravenhage, GM0518)" in missing.output
