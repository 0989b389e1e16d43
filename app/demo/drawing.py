# SPDX-License-Identifier: Apache-2.0
"""Drawing the demo's files side by side: each case's slide deck (and video) is one job of the media
worker pool, one process per core.

Drawing is most of a demo's time (PyMuPDF's text layout, H.264 encoding) and a case's files depend on
its plan alone (its own seed), so the cases need not wait for one another; drawn in parallel, the demo
pays for the intake checks it now runs (``app.demo.generate_demo``) and is still made quickly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from app.demo.content import CasePlan
from app.demo.inputs import DemoData, load_demo_data
from app.demo.slides import DeckText, render_deck
from app.demo.video import render_video
from app.media import Job, Outcome, WorkerPool, default_workers
from app.seasons import SeasonRules, load_season

#: Far more than a deck (a tenth of a second) or a short video (a second) takes, even on a busy machine.
DRAW_TIMEOUT = 300.0
#: Characters that may not appear in a file name on some system.
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@functools.cache
def _inputs(season: int) -> tuple[SeasonRules, DemoData, DeckText]:
    """What every case of a season is drawn from, read once per worker."""
    rules = load_season(season)
    data = load_demo_data()
    return rules, data, DeckText.from_data(data.slides, rules)


def draw_case(folder: str, plan: CasePlan, season: int) -> tuple[str, str]:
    """Draw one case's deck (and video) into ``folder/<code>/`` (in a worker); their paths relative to
    ``folder``, the video's "" when it has none."""
    rules, data, text = _inputs(season)
    root = Path(folder)
    (root / plan.code).mkdir()
    stem = f"{plan.code}/" + _UNSAFE.sub("_", f"{plan.hospital.name}-{plan.title}")
    render_deck(plan, rules, text, root / f"{stem}.pdf")
    video = ""
    if plan.video_seconds is not None:
        video = f"{stem}.mp4"
        render_video(plan, text, data.slides["video"], root / video)
    return f"{stem}.pdf", video


def draw_cases(
    folder: Path, plans: Sequence[CasePlan], season: int, report: Callable[[int, int], None]
) -> dict[str, tuple[str, str]]:
    """Every case's files drawn into ``folder``, by case code; ``report(done, 2 × cases)`` after each
    (an exception it raises stops the workers and comes out of here)."""
    jobs = [Job(draw_case, (str(folder), plan, season), DRAW_TIMEOUT) for plan in plans]
    done = 0

    def on_outcome(index: int, outcome: Outcome) -> None:
        nonlocal done
        if not outcome.ok:  # a bug of the generator, not of anything the user gave it
            raise RuntimeError(f"drawing demo case {plans[index].code} failed: {outcome.message}")
        done += 1
        report(done, 2 * len(plans))

    # No memory bound: the bound is against hostile files, and H.264's encoder threads reserve a lot of
    # address space on a machine with many cores.
    with WorkerPool(min(default_workers(), len(jobs)), memory_bytes=None, preload=(__name__,)) as pool:
        outcomes = pool.run(jobs, on_outcome)
    return {plan.code: outcome.value for plan, outcome in zip(plans, outcomes, strict=True)}
