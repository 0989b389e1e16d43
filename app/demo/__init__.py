# SPDX-License-Identifier: Apache-2.0
"""A demo competition: a workspace full of plausible, rule-abiding cases and judges, made from nothing.

``generate_demo`` plans the cases from ``data/demo/`` and the season's rules (``content``), draws each
case's slide deck (``slides``) and a few videos (``video``) into a temporary folder inside the target,
and stores them through the same services an organizer's import uses (``casebook.add_case``,
``roster.add_judge``). The same seed gives the same competition.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.casebook import NewCase, add_case
from app.demo.content import CasePlan, JudgePlan, Planner, load_demo_data
from app.demo.slides import DeckText, render_deck
from app.demo.video import render_video
from app.errors import DomainError
from app.intake.screening import approve
from app.judging.roster import NewJudge, add_judge
from app.rounds.service import admit_approved, first_judged_round
from app.seasons import load_season
from app.workspace import Workspace

__all__ = ["CasePlan", "JudgePlan", "default_videos", "generate_demo", "plan_demo"]

#: Characters that may not appear in a file name on some system.
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_videos(cases: int) -> int:
    """How many cases get a video when not told: one in ten (6 of the default 60), at least one."""
    return max(1, round(cases / 10)) if cases > 0 else 0


def plan_demo(
    season: int = 2022, cases: int = 60, judges: int = 10, videos: int | None = None, seed: int = 2022
) -> tuple[list[CasePlan], list[JudgePlan]]:
    """The demo's cases and judges as plans, without making any file (what ``generate_demo`` stores)."""
    rules = load_season(season)
    planner = Planner(rules, load_demo_data(), seed)
    case_plans = planner.plan_cases(cases, default_videos(cases) if videos is None else videos)
    return case_plans, planner.plan_judges(judges, case_plans)


def generate_demo(
    root: Path,
    season: int = 2022,
    cases: int = 60,
    judges: int = 10,
    videos: int | None = None,
    seed: int = 2022,
    progress: Callable[[int, int], None] | None = None,
) -> Workspace:
    """Create a demo competition workspace in ``root`` (a new or empty folder) and return it open.

    ``progress(done, total)`` is called after each case is stored; an exception raised from it (a
    cancel) stops the generation and, like any failure, leaves the folder as it was before.
    """
    root = Path(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DomainError("demo_folder_not_empty", path=str(root))
    if cases < 1 or judges < 0 or (videos is not None and videos < 0):
        raise DomainError("bad_demo_size")
    rules = load_season(season)  # an unknown season is refused before anything is written
    data = load_demo_data()
    planner = Planner(rules, data, seed)
    case_plans = planner.plan_cases(cases, default_videos(cases) if videos is None else videos)
    judge_plans = planner.plan_judges(judges, case_plans)
    text = DeckText.from_data(data.slides, rules)

    created = not root.exists()
    ws = Workspace.create(root, season)
    try:
        # Files are made next to the store (same disk, nothing left elsewhere) and removed at the end.
        with tempfile.TemporaryDirectory(prefix=".demo-", dir=root) as tmp:
            for done, plan in enumerate(case_plans, start=1):
                folder = Path(tmp) / plan.code
                folder.mkdir()
                stem = _UNSAFE.sub("_", f"{plan.hospital.name}-{plan.title}")
                pdf = folder / f"{stem}.pdf"
                render_deck(plan, rules, text, pdf)
                video = None
                if plan.video_seconds is not None:
                    video = folder / f"{stem}.mp4"
                    render_video(plan, text, data.slides["video"], video)
                add_case(ws, _new_case(plan, pdf, video), actor="demo")
                pdf.unlink()
                if video is not None:
                    video.unlink()
                if progress is not None:
                    progress(done, len(case_plans))
        for judge in judge_plans:
            add_judge(
                ws,
                NewJudge(
                    name=judge.name,
                    institution=judge.institution,
                    province=judge.province,
                    phone=judge.phone,
                    email=judge.email,
                    expertise=judge.expertise,
                ),
                actor="demo",
            )
        # Ready for the expert review's assignment: the demo's cases are clean by construction (the
        # tests check every rule), so screening approves them all and they enter the review round.
        approve(ws, [plan.code for plan in case_plans], actor="demo")
        admit_approved(ws, first_judged_round(ws), actor="demo")
    except BaseException:
        # Half a demo is no use: leave the folder as it was (it was empty or missing) and re-raise.
        ws.close()
        _clear(root, created)
        raise
    return ws


def _clear(root: Path, created: bool) -> None:
    if created:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _new_case(plan: CasePlan, pdf: Path, video: Path | None) -> NewCase:
    return NewCase(
        code=plan.code,
        hospital=plan.hospital.name,
        province=plan.hospital.province,
        theme=plan.theme_number,
        title=plan.title,
        recommendation=plan.recommendation,
        tier=plan.tier,
        category=plan.category,
        votes=plan.votes,
        pdf=pdf,
        video=video,
        submitted_at=plan.submitted_at,
    )
