# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read regional agreements (art. 29 lid 2) and mergers (art. 30 Huisvestingswet 2014)
from a small YAML file, so the CLI and the API can apply them to a taakstelling run.

Format:
    regionale_afspraken:
      - naam: Regio Holland Rijnland 2025-1
        wijzigingen: {GM0626: -3, GM0546: 3}
    herindelingen:
      - code: GM1992
        naam: Voorne aan Zee
        delen: [GM0501, GM0530, GM0614]
        inwoners_gs: 71000      # optional: the number GS fixed (art. 30)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from migratieketen.rules.huisvestingswet import Merger, RegionalAgreement


class AfsprakenError(ValueError):
    """The agreements file is invalid (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class Afspraken:
    agreements: tuple[RegionalAgreement, ...]
    mergers: tuple[Merger, ...]
    merger_names: dict[str, str]


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AfsprakenError(f"{where}: '{value}' is geen geheel getal.")
    return value


def parse_afspraken(raw: Any) -> Afspraken:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise AfsprakenError("Het afsprakenbestand moet een YAML-mapping zijn.")
    unknown = set(raw) - {"regionale_afspraken", "herindelingen"}
    if unknown:
        raise AfsprakenError(f"Onbekende sleutel(s): {', '.join(sorted(unknown))}.")
    agreements = []
    for i, item in enumerate(raw.get("regionale_afspraken") or [], start=1):
        where = f"regionale_afspraken[{i}]"
        if not isinstance(item, dict) or "wijzigingen" not in item:
            raise AfsprakenError(f"{where}: 'wijzigingen' ontbreekt.")
        changes = item["wijzigingen"]
        if not isinstance(changes, dict) or not changes:
            raise AfsprakenError(f"{where}: 'wijzigingen' moet code: aantal bevatten.")
        deltas = {str(c): _int(v, f"{where} {c}") for c, v in changes.items()}
        agreements.append(RegionalAgreement(str(item.get("naam", where)), deltas))
    mergers = []
    names = {}
    for i, item in enumerate(raw.get("herindelingen") or [], start=1):
        where = f"herindelingen[{i}]"
        if not isinstance(item, dict) or "code" not in item or "delen" not in item:
            raise AfsprakenError(f"{where}: 'code' en 'delen' zijn verplicht.")
        parts = item["delen"]
        if not isinstance(parts, list) or len(parts) < 2:
            raise AfsprakenError(
                f"{where}: 'delen' moet minstens twee gemeenten noemen."
            )
        fixed = item.get("inwoners_gs")
        code = str(item["code"])
        mergers.append(
            Merger(
                code,
                tuple(str(p) for p in parts),
                None if fixed is None else _int(fixed, f"{where} inwoners_gs"),
            )
        )
        names[code] = str(item.get("naam", code))
    return Afspraken(tuple(agreements), tuple(mergers), names)


def load_afspraken(path: Path) -> Afspraken:
    if not path.is_file():
        raise AfsprakenError(f"Afsprakenbestand ontbreekt: {path}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AfsprakenError(f"{path.name} is geen geldige YAML: {exc}") from exc
    return parse_afspraken(raw)
