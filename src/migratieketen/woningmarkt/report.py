# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Plain, JSON-ready dictionaries of results (Dutch keys, as at the API boundary)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migratieketen.woningmarkt.result import WoningmarktResult

FRONTIER_LABEL = (
    "SCHATTING met een wachtrijmodel; geen voorspelling. Gemiddelden over Monte Carlo-runs "
    "met gemeenschappelijke toevalsgetallen per instelling. Wachttijden in maanden."
)
LABEL = (
    "SCHATTING met een wachtrijmodel; geen voorspelling. Medianen over Monte Carlo-runs "
    "met 90 %-band (p5-p95). Wachttijden in maanden."
)


def policy_dict(result: WoningmarktResult) -> dict[str, Any]:
    p = result.policy
    return {
        "omschrijving": p.describe(),
        "voorrang_aandeel": p.priority_share,
        "urgentiecategorie": p.urgency_category,
        "tussenvoorziening_plaatsen": p.tussenvoorziening_places,
        "personen_per_woning": p.persons_per_dwelling,
        "extra_nieuwbouw_per_jaar": p.extra_new_build_per_year,
    }


def result_dict(result: WoningmarktResult) -> dict[str, Any]:
    return {
        "label": LABEL,
        "gemeente": {"code": result.code, "naam": result.name},
        "beleid": policy_dict(result),
        "runs": result.runs,
        "seed": result.seed,
        "jaren": result.years,
        "stappen_per_jaar": result.steps_per_year,
        "wachttijden": {k: g.to_dict() for k, g in result.groups.items()},
        "coa": {k: b.to_dict() for k, b in result.coa.items()},
        "taakstelling": [
            {
                "halfjaar": row.half_year,
                "taakstelling": row.taakstelling,
                "opgave": row.opgave.to_dict(),
                "gerealiseerd": row.realised.to_dict(),
                "realisatie_aandeel": row.share.to_dict(),
                "saldo_achterstand": row.carry_out.to_dict(),
            }
            for row in result.half_years
        ],
        "verdringing": {
            "toelichting": (
                "Extra maanden wachten, opgeteld over alle andere woningzoekenden binnen de "
                "looptijd, per statushouder die met voorrang is gehuisvest; vergeleken met "
                "dezelfde runs zonder voorrang."
            ),
            **{k: b.to_dict() for k, b in result.verdringing.items()},
        },
        "controles": {
            "behoud_max_relatieve_afwijking": result.checks,
            "little_max_relatieve_afwijking": result.little,
        },
        "bronnen": list(result.sources),
        "aannames": list(result.assumptions),
        "rekentijd_seconden": round(result.elapsed_seconds, 3),
    }
