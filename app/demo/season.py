# SPDX-License-Identifier: Apache-2.0
"""A whole season in the demo: every judged round up to a given one, played by simulated judges.

``play_through`` approves the demo's cases, then for each judged round (a round with a rubric: expert
review, theme / regional final, national final) up to the one asked for:

1. the round's cases: every approved case for the first; afterwards the holders of the award that
   admits to the round (2022: ``advance`` to the theme finals, the final tickets to the national final;
   2020: the review's 赛区优秀案例, then the regional finals' ``finalist``);
2. assignment: the first round goes round-robin, K judges per case (``app.judging.round_robin``); a
   live round seats one panel per group (every judge of the panel scores every case of the group),
   judges with a conflict of interest left out, panels spread evenly over the judges;
3. each judge's signed package is built and opened in that judge's own home, where a simulated judge
   scores through the same service a real one uses and exports a signed bundle; every bundle is merged;
4. ties still open after the tie-break chain are drawn (recorded and audited, as an organizer would).

Simulated judges differ plausibly: each case has a quality (and, on stage, a presentation), each judge a
severity and a noise; one judge is clearly harsh, one lenient and one erratic, so the consistency chart
has something to show. The same seed gives the same season.

Until round membership lands (issue #10), a round's cases are those with assignments, and the award
that admits to each round is taken from ``[[rounds]] entry_award`` when the season file has it, else
from the stand-in table ``ENTRY_FALLBACK`` below.
"""

from __future__ import annotations

import random
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app import audit
from app.bundles import DEMO_PASSPHRASE
from app.bundles.merge import merge_paths
from app.bundles.package import build_packages
from app.errors import DomainError
from app.intake.screening import approve
from app.judge_home import JudgeHome, RubricCriterion
from app.judging.round_robin import ensure_round_robin
from app.models import Assignment, Case, CaseStatus, Conflict, Judge, Round
from app.results.awards import primary_scope
from app.results.ranking import dimensions, group_key
from app.results.service import record_draws, round_results
from app.results.types import FINAL_TICKET, CaseInfo
from app.workspace import Workspace

#: Judges per case in the first judged round (the expert review).
REVIEW_JUDGES = 5
#: Panel size of a live round's groups, and of the national final.
PANEL = {"semifinal": 7, "final": 9}
#: Stand-in until the season files say how each round is entered: the admitting award, by round.
ENTRY_FALLBACK: dict[str, tuple[str, ...]] = {
    "semifinal": ("advance", "region_excellent"),
    "final": (FINAL_TICKET, "finalist"),
}
#: Who the demo's organizer actions are recorded as.
ACTOR = "demo"


@dataclass(frozen=True, slots=True)
class PlayedRound:
    """One round of the played season: how many cases, judges, bundles merged, draws recorded."""

    key: str
    cases: int
    judges: int
    bundles: int
    draws: int


@dataclass(frozen=True, slots=True)
class Judging:
    """A simulated judge: how far from the others they score on average, and how much they scatter."""

    severity: float
    noise: float


def judged_rounds(ws: Workspace) -> list[str]:
    """The season's rounds that have a rubric, in order (what ``--play-through`` may name)."""
    with ws.sessions() as s:
        return list(s.scalars(select(Round.key).where(Round.rubric_id.is_not(None)).order_by(Round.position)))


def play_through(
    ws: Workspace,
    root: Path,
    until: str,
    seed: int = 2022,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[PlayedRound]:
    """Play every judged round up to and including ``until``; files go under ``root/season/<round>``."""
    rounds = judged_rounds(ws)
    if until not in rounds:
        raise DomainError("unknown_round", round=until)
    with ws.sessions() as s:
        pending = list(s.scalars(select(Case.code).where(Case.status == CaseStatus.SUBMITTED.value)))
    if pending:
        approve(ws, pending, actor=ACTOR)  # the demo's cases are made to pass screening
    judges = _judges(ws, seed)
    played = []
    previous: str | None = None
    for i, key in enumerate(rounds[: rounds.index(until) + 1]):
        cases = _assign(ws, key, previous, seed + i)
        bundles = _score_round(ws, root / "season" / key, key, judges, seed + 100 * (i + 1), progress)
        outcomes = merge_paths(ws, bundles, actor=ACTOR)
        refused = [o for o in outcomes if o.refused]
        if refused:  # pragma: no cover - the simulated judges' bundles are the service's own
            raise RuntimeError(f"demo bundle refused: {refused[0].message}")
        draws = record_draws(ws, key, seed=seed + i, actor=ACTOR)
        played.append(PlayedRound(key, cases, _judge_count(ws, key), len(bundles), len(draws)))
        previous = key
    return played


def _judges(ws: Workspace, seed: int) -> dict[str, Judging]:
    """Each judge's severity and noise: most mild, one harsh, one lenient, one erratic."""
    rng = random.Random(seed * 7 + 1)
    with ws.sessions() as s:
        codes = list(s.scalars(select(Judge.code).order_by(Judge.code)))
    out = {c: Judging(rng.gauss(0, 2.0), rng.uniform(2.0, 4.0)) for c in codes}
    if len(codes) >= 6:
        out[codes[2]] = Judging(-12.0, 3.0)  # harsh
        out[codes[4]] = Judging(10.0, 3.0)  # lenient
        out[codes[5]] = Judging(0.0, 14.0)  # erratic: ranks cases unlike the others
    return out


def _entry_award(ws: Workspace, key: str) -> str:
    rule = ws.rules.round(key)
    named = getattr(rule, "entry_award", None)  # issue #10's season-file key, once it is there
    if getattr(rule, "entry", None) == "final_tickets":
        return FINAL_TICKET
    if isinstance(named, str):
        return named
    known = {a.key for a in ws.rules.awards} | ({FINAL_TICKET} if ws.rules.final_tickets else set())
    return next(k for k in ENTRY_FALLBACK.get(key, ()) if k in known)


def _assign(ws: Workspace, key: str, previous: str | None, seed: int) -> int:
    """Give the round its cases and judges; returns how many cases it has."""
    if previous is None:
        ensure_round_robin(ws, key, judges_per_case=REVIEW_JUDGES, actor=ACTOR)
        with ws.sessions() as s:
            rid = s.scalar(select(Round.id).where(Round.key == key))
            return len(set(s.scalars(select(Assignment.case_id).where(Assignment.round_id == rid))))
    results = round_results(ws, previous)
    entering = [r.case for g in results.groups for r in g.cases if _entry_award(ws, key) in r.awards]
    groups: dict[str, list[CaseInfo]] = defaultdict(list)
    dims = dimensions(primary_scope(ws.rules, key))
    for case in entering:
        groups[group_key(case, dims)].append(case)
    with ws.sessions.begin() as s:
        rnd = s.scalars(select(Round).where(Round.key == key)).one()
        judges = list(s.scalars(select(Judge.id).order_by(Judge.code)))
        blocked = {(j, h) for j, h in s.execute(select(Conflict.judge_id, Conflict.hospital_id)) if h}
        load = dict.fromkeys(judges, 0)
        rng = random.Random(seed)
        size = min(PANEL.get(key, 7), len(judges))
        rows = 0
        for gkey in sorted(groups):
            members = groups[gkey]
            free = [j for j in judges if not any((j, c.hospital_id) in blocked for c in members)]
            free.sort(key=lambda j: (load[j], rng.random()))
            for judge in free[:size]:
                load[judge] += 1
                for case in members:
                    s.add(Assignment(round_id=rnd.id, judge_id=judge, case_id=case.id))
                    rows += 1
        audit.record(s, "assignment.demo_panels", key, actor=ACTOR, rows=rows, panel=size)
    return len(entering)


def _judge_count(ws: Workspace, key: str) -> int:
    with ws.sessions() as s:
        rid = s.scalar(select(Round.id).where(Round.key == key))
        return len(set(s.scalars(select(Assignment.judge_id).where(Assignment.round_id == rid))))


def _quality(code: str, seed: int, salt: str, sigma: float, mean: float = 0.0) -> float:
    """A case's stable trait (quality, stage presence): the same for a case in every round."""
    rng = random.Random(zlib.crc32(f"{seed}:{salt}:{code}".encode()))
    return rng.gauss(mean, sigma)


def _score_round(
    ws: Workspace,
    folder: Path,
    key: str,
    judges: dict[str, Judging],
    seed: int,
    progress: Callable[[str, int, int], None] | None,
) -> list[Path]:
    """Build every judge's package for the round, score it in their home, export one bundle each."""
    built = build_packages(
        ws, key, None, folder / "packages", DEMO_PASSPHRASE, external_media=True, actor=ACTOR
    )
    live = ws.rules.round(key).live
    out = folder / "bundles"
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i, pkg in enumerate(built, start=1):
        judge = judges[pkg.judge_code]
        home_dir = folder / "judges" / pkg.judge_code
        with JudgeHome.open_package(
            pkg.path, home_dir, pkg.access_code, media_dir=folder / "packages" / "media"
        ) as home:
            criteria = home.info().criteria
            for case in home.cases():
                _judge_case(home, case.id, case.code, criteria, judge, live, rng, first=not live)
            paths.append(home.export_bundle(out).path)
        if progress is not None:
            progress(key, i, len(built))
    return paths


def _judge_case(
    home: JudgeHome,
    case_id: int,
    code: str,
    criteria: Sequence[RubricCriterion],
    judge: Judging,
    live: bool,
    rng: random.Random,
    first: bool,
) -> None:
    """One simulated judge's marks for one case; in the review a few are recused or left as drafts."""
    if first and rng.random() < 0.01:
        home.recuse(case_id, "与该医院有合作关系")
        return
    quality = 72 + _quality(code, 0, "quality", 9.0)
    stage = _quality(code, 0, "stage", 4.0) if live else 0.0
    share = (quality + stage + judge.severity + rng.gauss(0, judge.noise)) / 100
    for c in criteria:
        step, top = Decimal(str(c.step)), Decimal(str(c.max))
        steps = int(top / step)
        mark = min(1.0, max(0.05, share + rng.gauss(0, 0.04)))
        home.set_score(case_id, c.key, step * min(steps, max(0, round(steps * mark))))
    if first and rng.random() < 0.01:
        return  # entered but not submitted: a draft the results count and leave out
    home.submit(case_id)
