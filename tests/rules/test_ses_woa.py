# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SES-WOA file loader (CBS 85163NED CSV formats) and its use in the distribution.

No CBS SES-WOA file is in the open data folder, so the files here are small hand-made
fixtures in the CBS layout, written to tmp_path.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from migratieketen.data.ses_woa import SesWoaError, load_ses_woa
from migratieketen.rules import spreidingswet as sw

STATLINE = (
    '"Wijken en buurten";"Regiocode (gemeente)";"Perioden";'
    '"SES-WOA/Totaalscore/Gemiddelde score (Getal)"\n'
    '"Nederland";"NL01";"2021";"0,000"\n'
    '"Bloemendaal";"GM0377";"2021";"0,412"\n'
    '"Heerlen";"GM0917";"2021";"-0,301"\n'
    '"Wijk 00 Bloemendaal";"WK037700";"2021";"0,500"\n'
    '"Vlieland";"GM0096";"2021";"."\n'
    '"Bloemendaal";"GM0377";"2020";"0,400"\n'
)
ODATA = (
    "ID,WijkenEnBuurten,Gemeentenaam_1,Perioden,GemiddeldeScore_29\n"
    "1,GM0377    ,Bloemendaal,2021JJ00,0.412\n"
    "2,GM0917    ,Heerlen,2021JJ00,-0.301\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "ses.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_statline_format_latest_period(tmp_path: Path) -> None:
    s = load_ses_woa(_write(tmp_path, STATLINE))
    assert s.period == "2021"
    assert s.scores == {"GM0377": Fraction("0.412"), "GM0917": Fraction("-0.301")}
    assert s.suppressed == ("GM0096",)
    assert s.provenance.table_id == "85163NED"
    assert load_ses_woa(_write(tmp_path, STATLINE), "2020").scores == {
        "GM0377": Fraction("0.4")
    }


def test_odata_format(tmp_path: Path) -> None:
    s = load_ses_woa(_write(tmp_path, ODATA))
    assert s.period == "2021JJ00" and s.scores["GM0917"] == Fraction("-0.301")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a;b\n1;2\n", "totaalscore"),
        (
            '"Perioden";"SES-WOA/Totaalscore/Gemiddelde score"\n"2021";"1"\n',
            "geen gemeenten",
        ),
        (STATLINE.replace('"0,412"', '"hoog"'), "geen getal"),
        (STATLINE + '"Bloemendaal";"GM0377";"2021";"0,1"\n', "dubbel"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SesWoaError, match=message):
        load_ses_woa(_write(tmp_path, text))
    with pytest.raises(SesWoaError, match="ontbreekt"):
        load_ses_woa(tmp_path / "nope.csv")


def test_loaded_scores_drive_the_distribution(tmp_path: Path) -> None:
    s = load_ses_woa(_write(tmp_path, ODATA))
    pops = {"GM0377": 23922, "GM0917": 87122}
    res = sw.distribute(1000, pops, s.scores)
    assert res.ses_source == sw.SES_OFFICIAL and res.notes == (sw.FORM_NOTE,)
    plain = sw.distribute(1000, pops)
    assert res.places()["GM0377"] > plain.places()["GM0377"]
