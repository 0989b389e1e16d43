# SPDX-License-Identifier: Apache-2.0
"""Season rules: ``load_season(2022)`` reads ``data/seasons/2022.toml`` into frozen, checked value types.

Everything a notice fixes (themes, regions and provinces, tiers, categories, file limits, rounds, awards,
default rubric) lives in the season file; nothing season-specific is written in Python.
"""

from app.seasons.errors import SeasonError
from app.seasons.loader import available_seasons, load_season, load_season_file, seasons_dir
from app.seasons.rules import (
    AWARD_BASES,
    AWARD_SCOPES,
    ENTRY_RULES,
    FINAL_TICKET_AWARD,
    GROUP_BY,
    ROUND_KEYS,
    ROUNDINGS,
    AwardRule,
    Category,
    Criterion,
    FileLimits,
    FinalTickets,
    PageSection,
    Province,
    Ranking,
    Region,
    RoundRule,
    SeasonRules,
    Theme,
    Tier,
    normalise,
)

__all__ = [
    "AWARD_BASES",
    "AWARD_SCOPES",
    "ENTRY_RULES",
    "FINAL_TICKET_AWARD",
    "GROUP_BY",
    "ROUNDINGS",
    "ROUND_KEYS",
    "AwardRule",
    "Category",
    "Criterion",
    "FileLimits",
    "FinalTickets",
    "PageSection",
    "Province",
    "Ranking",
    "Region",
    "RoundRule",
    "SeasonError",
    "SeasonRules",
    "Theme",
    "Tier",
    "available_seasons",
    "load_season",
    "load_season_file",
    "normalise",
    "seasons_dir",
]
