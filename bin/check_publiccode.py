#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Offline sanity check of publiccode.yml (standard version 0.4).

Catalogues such as developers.italia.it and the Dutch OSS catalogue read this file;
a missing key there makes the project unfindable. The official parser needs the
network, so this checks the keys and value rules the standard marks as required,
plus that the version agrees with pyproject.toml.

Usage: python bin/check_publiccode.py [PATH_TO_publiccode.yml]
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = [
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal.license",
    "maintenance.type",
    "localisation.localisationReady",
    "localisation.availableLanguages",
]
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPE = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPE = {"internal", "contract", "community", "none"}
DESCRIPTION_LANGUAGES = ("nl", "en")
SHORT_MAX = 150
LONG_MIN, LONG_MAX = 150, 10000
FEATURE_MAX = 100


def lookup(data: dict[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def problems(data: Any, project_version: str | None) -> list[str]:
    """Every rule the document breaks, in a readable sentence each."""
    if not isinstance(data, dict):
        return ["the document is not a YAML mapping"]
    found = [f"missing key: {key}" for key in REQUIRED if lookup(data, key) is None]
    if str(data.get("publiccodeYmlVersion")) != "0.4":
        found.append("publiccodeYmlVersion must be '0.4'")
    url = data.get("url")
    if url is not None and not str(url).startswith("https://"):
        found.append("url must be an https:// address")
    if data.get("developmentStatus") not in DEVELOPMENT_STATUS:
        found.append(f"developmentStatus must be one of {sorted(DEVELOPMENT_STATUS)}")
    if data.get("softwareType") not in SOFTWARE_TYPE:
        found.append(f"softwareType must be one of {sorted(SOFTWARE_TYPE)}")
    if lookup(data, "maintenance.type") not in MAINTENANCE_TYPE:
        found.append(f"maintenance.type must be one of {sorted(MAINTENANCE_TYPE)}")
    if lookup(data, "maintenance.type") in {"internal", "community"} and not lookup(
        data, "maintenance.contacts"
    ):
        found.append("maintenance.contacts is required for internal/community")
    for key in ("platforms", "categories", "localisation.availableLanguages"):
        value = lookup(data, key)
        if value is not None and (not isinstance(value, list) or not value):
            found.append(f"{key} must be a non-empty list")
    if lookup(data, "legal.license") != "EUPL-1.2":
        found.append("legal.license must be EUPL-1.2 (the LICENSE file)")
    found += _release_problems(data, project_version)
    found += _description_problems(data.get("description"))
    return found


def _release_problems(data: dict[str, Any], project_version: str | None) -> list[str]:
    found = []
    release = data.get("releaseDate")
    if release is not None and not isinstance(release, dt.date):
        try:
            dt.date.fromisoformat(str(release))
        except ValueError:
            found.append("releaseDate must be a date, YYYY-MM-DD")
    version = data.get("softwareVersion")
    if version is not None and release is None:
        found.append("releaseDate is required when softwareVersion is given")
    if project_version and version is not None and str(version) != project_version:
        found.append(
            f"softwareVersion {version} differs from pyproject.toml {project_version}"
        )
    return found


def _description_problems(description: Any) -> list[str]:
    if not isinstance(description, dict):
        return []
    found = []
    for lang in DESCRIPTION_LANGUAGES:
        text = description.get(lang)
        if not isinstance(text, dict):
            found.append(f"description.{lang} is missing")
            continue
        short = str(text.get("shortDescription") or "")
        long = str(text.get("longDescription") or "")
        features = text.get("features")
        if not short or len(short) > SHORT_MAX:
            found.append(
                f"description.{lang}.shortDescription needs 1-{SHORT_MAX} characters"
            )
        if not LONG_MIN <= len(long) <= LONG_MAX:
            found.append(
                f"description.{lang}.longDescription needs {LONG_MIN}-{LONG_MAX} "
                "characters"
            )
        if not isinstance(features, list) or not features:
            found.append(f"description.{lang}.features must be a non-empty list")
        else:
            found += [
                f"description.{lang}.features: longer than {FEATURE_MAX}: {item!r}"
                for item in features
                if len(str(item)) > FEATURE_MAX
            ]
    return found


def project_version(root: Path) -> str | None:
    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        return None
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else ROOT / "publiccode.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        print(f"{path}: cannot read: {exc}")
        return 1
    found = problems(data, project_version(path.resolve().parent))
    if found:
        print(f"{path}: {len(found)} problem(s):")
        for problem in found:
            print(f"  {problem}")
        return 1
    print(f"{path.name}: the required keys are present and valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
