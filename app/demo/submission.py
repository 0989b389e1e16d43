# SPDX-License-Identifier: Apache-2.0
"""The demo as the hospitals submit it: a folder of files and a ``cases.xlsx``, with a few planted mistakes.

``generate_demo`` writes this folder and imports it with ``app.intake``, so a demo's cases are checked
and stored exactly like an organizer's import (findings, submission history, hospital spellings). So that
screening has something to do, a few cases carry a mistake that real sheets carry (``plant``): a hospital
that writes its name with a space on one of its cases, a recommendation that runs past the notice's limit,
votes written with a unit. Each planted case names the finding it earns in ``CasePlan.planted``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.demo.content import CasePlan
from app.exports.workbook import Sheet, write_workbook
from app.intake.columns import COLUMN_BY_KEY
from app.seasons import SeasonRules

#: The sheet's name inside the folder (the intake looks for it first).
SHEET_NAME = "cases.xlsx"
#: Columns of the demo's sheet, as the competition's website exports them.
SHEET_COLUMNS = (
    "case_id",
    "hospital",
    "province",
    "tier",
    "category",
    "theme",
    "title",
    "recommendation",
    "pdf",
    "video",
    "votes",
    "submitted_at",
)
#: The mistakes a demo plants, each named by the finding code the intake gives it.
SPELLING, LONG_RECOMMENDATION, VOTES_WITH_UNIT = (
    "hospital_name_inconsistent",
    "recommendation_too_long",
    "votes_invalid",
)
#: One case of each kind per this many cases; smaller demos (under ``PLANT_FROM`` cases) plant none.
CASES_PER_PLANT = 30
PLANT_FROM = 10


def plant(plans: Sequence[CasePlan], seed: int) -> list[CasePlan]:
    """The plans with a few cases marked to carry a planted mistake (the same ones for the same seed)."""
    out = list(plans)
    if len(out) < PLANT_FROM:
        return out
    rng = random.Random(f"{seed}-planted")
    per_kind = max(1, round(len(out) / CASES_PER_PLANT))
    # A misspelt name needs the hospital's right name on another case: the later case of a hospital
    # that entered more than once.
    seen: set[str] = set()
    repeats: list[int] = []
    for i, plan in enumerate(out):
        if plan.hospital.name in seen:
            repeats.append(i)
        seen.add(plan.hospital.name)
    spelt: set[str] = set()
    for i in rng.sample(repeats, len(repeats)):
        if len(spelt) == per_kind:
            break
        if out[i].hospital.name not in spelt:  # one misspelt case per hospital: the right name stays main
            spelt.add(out[i].hospital.name)
            out[i] = replace(out[i], planted=SPELLING)
    free = [i for i, plan in enumerate(out) if not plan.planted]
    chosen = rng.sample(free, min(len(free), 2 * per_kind))
    for k, i in enumerate(chosen):
        out[i] = replace(out[i], planted=LONG_RECOMMENDATION if k < per_kind else VOTES_WITH_UNIT)
    return out


def hospital_as_written(plan: CasePlan) -> str:
    """The hospital's name in the sheet: its full name, or with a space in it when that is the mistake."""
    hospital = plan.hospital
    if plan.planted != SPELLING:
        return hospital.name
    return f"{hospital.place.prefix}{hospital.place.name} {hospital.kind.suffix}"


def recommendation_as_written(plan: CasePlan, rules: SeasonRules) -> str:
    """The recommendation, or for that mistake the same followed by the case's values until it is too long."""
    if plan.planted != LONG_RECOMMENDATION:
        return plan.recommendation
    limit = rules.limits.recommendation_max_chars
    text = plan.recommendation
    extra = [*plan.values, *plan.background, *plan.goals]
    while len(text) <= limit and extra:
        text += extra.pop(0).rstrip("。") + "。"
    return text


def write_submission(
    folder: Path, plans: Sequence[CasePlan], files: dict[str, tuple[str, str]], rules: SeasonRules
) -> Path:
    """Write the sheet of ``plans`` into ``folder``; ``files`` gives each case's PDF and video paths
    relative to the folder ("" for none). Returns the sheet's path."""
    themes = {t.number: t.title for t in rules.themes}
    tiers = {t.code: t.name for t in rules.tiers}
    categories = {c.code: c.name for c in rules.categories}
    rows = []
    for plan in plans:
        pdf, video = files[plan.code]
        values = {
            "case_id": plan.code,
            "hospital": hospital_as_written(plan),
            "province": plan.hospital.province,
            "tier": tiers.get(plan.tier or "", ""),
            "category": categories.get(plan.category or "", ""),
            "theme": themes[plan.theme_number],
            "title": plan.title,
            "recommendation": recommendation_as_written(plan, rules),
            "pdf": pdf,
            "video": video,
            "votes": f"{plan.votes}票" if plan.planted == VOTES_WITH_UNIT else str(plan.votes),
            "submitted_at": plan.submitted_at.strftime("%Y-%m-%d %H:%M"),
        }
        rows.append([values[key] for key in SHEET_COLUMNS])
    header = [COLUMN_BY_KEY[key].header for key in SHEET_COLUMNS]
    return write_workbook(folder / SHEET_NAME, [Sheet("案例", header, rows)])
