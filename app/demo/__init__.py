# SPDX-License-Identifier: Apache-2.0
"""A demo competition: a workspace full of plausible cases and judges, made from nothing.

``generate_demo`` plans the cases from ``data/demo/`` and the season's rules (``content``), plants a few
realistic mistakes (``submission``), draws each case's slide deck (``slides``) and a few videos
(``video``) side by side in worker processes (``drawing``) into a submission folder inside the target,
imports it as an organizer would (``app.intake``: every check run, every finding stored), enrols the
judges (``roster.add_judge``) and screens most clean cases into the expert review, ready for its
assignment. The same seed gives the same competition.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.demo.content import CasePlan, JudgePlan, Planner
from app.demo.drawing import draw_cases
from app.demo.inputs import load_demo_data
from app.demo.submission import plant, write_submission
from app.errors import DomainError
from app.intake import Progress
from app.intake.importer import import_source
from app.intake.screening import approve, screening_rows
from app.judging.roster import NewJudge, add_judge
from app.rounds.service import admit_approved, first_judged_round
from app.seasons import load_season
from app.workspace import Workspace

__all__ = ["CasePlan", "JudgePlan", "default_videos", "generate_demo", "plan_demo"]

#: Share of the clean cases the demo's organizer has approved so far (the earliest submitted); the
#: newest stay waiting, so "approve all clean" has work to show. A small demo has them all approved.
SCREENED_SHARE = 0.8


def default_videos(cases: int) -> int:
    """How many cases get a video when not told: one in ten (6 of the default 60), at least one."""
    return max(1, round(cases / 10)) if cases > 0 else 0


def plan_demo(
    season: int = 2022, cases: int = 60, judges: int = 10, videos: int | None = None, seed: int = 2022
) -> tuple[list[CasePlan], list[JudgePlan]]:
    """The demo's cases and judges as plans, without making any file (what ``generate_demo`` stores)."""
    return _plans(Planner(load_season(season), load_demo_data(), seed), cases, judges, videos, seed)


def _plans(
    planner: Planner, cases: int, judges: int, videos: int | None, seed: int
) -> tuple[list[CasePlan], list[JudgePlan]]:
    case_plans = planner.plan_cases(cases, default_videos(cases) if videos is None else videos)
    judge_plans = planner.plan_judges(judges, case_plans)
    return plant(case_plans, seed), judge_plans


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

    ``progress(done, total)`` is called as the cases are made (the first half) and then checked and
    stored (the second); an exception raised from it (a cancel) stops the generation and, like any
    failure, leaves the folder as it was before.
    """
    root = Path(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DomainError("demo_folder_not_empty", path=str(root))
    if cases < 1 or judges < 0 or (videos is not None and videos < 0):
        raise DomainError("bad_demo_size")
    rules = load_season(season)  # an unknown season is refused before anything is written
    data = load_demo_data()
    case_plans, judge_plans = _plans(Planner(rules, data, seed), cases, judges, videos, seed)
    report = progress or (lambda _done, _total: None)

    created = not root.exists()
    ws = Workspace.create(root, season)
    try:
        # The submission is made next to the store (same disk, nothing left elsewhere), imported, removed.
        with tempfile.TemporaryDirectory(prefix=".demo-", dir=root) as tmp:
            folder = Path(tmp)
            files = draw_cases(folder, case_plans, season, report)
            write_submission(folder, case_plans, files, rules)
            import_source(ws, folder, progress=_second_half(report, len(case_plans)), actor="demo")
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
        _screen_so_far(ws)
    except BaseException:
        # Half a demo is no use: leave the folder as it was (it was empty or missing) and re-raise.
        ws.close()
        _clear(root, created)
        raise
    return ws


def _screen_so_far(ws: Workspace) -> None:
    """Screening part-way done: the earliest submitted clean cases approved and in the expert review,
    ready for its assignment; the newest clean ones (``SCREENED_SHARE``) and those that broke a rule
    still wait for the organizer."""
    clean = [r.code for r in screening_rows(ws) if r.checked and not r.counts.violations]  # by code
    approved = clean[: len(clean) - int(len(clean) * (1 - SCREENED_SHARE))]
    if approved:
        approve(ws, approved, actor="demo")
        admit_approved(ws, first_judged_round(ws), actor="demo")


def _clear(root: Path, created: bool) -> None:
    if created:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _second_half(report: Callable[[int, int], None], n: int) -> Callable[[Progress], None]:
    """The import's progress as the demo's second half: its checks, then storing the cases."""
    last = n

    def on(p: Progress) -> None:
        nonlocal last
        if p.total <= 0:
            return
        half = n // 2
        done = (
            n + p.done * half // p.total if p.phase == "check" else n + half + p.done * (n - half) // p.total
        )
        if done > last:
            last = done
            report(done, 2 * n)

    return on
