# SPDX-License-Identifier: Apache-2.0
"""A whole season in the demo: every judged round up to a given one, played by simulated judges.

``play_through`` approves the demo's cases, then for each judged round (a round with a rubric: expert
review, theme / regional final, national final) up to the one asked for:

1. the round's cases: every approved case for the first (the demo admits them); afterwards the season's
   advance rule (``app.rounds.advance``) proposes from the results engine's ranking, and the demo's
   organizer adjusts the proposal, with a reason, wherever a draw gave the admitting award to another
   of the tied cases (2022: ``advance`` to the theme finals, the final tickets to the national final;
   2020: the review's 赛区优秀案例 — as many per group as the regional final has places — then the
   regional finals' ``finalist``);
2. assignment: the first round by the solver, K judges per case (``app.judging.assignment``); a live
   round seats one panel per group (every judge of the panel scores every case of the group), judges
   with a conflict of interest left out, panels spread evenly over the judges;
3. each judge's signed package is built and opened in that judge's own home, where a simulated judge
   scores through the same service a real one uses and exports a signed bundle; every bundle is merged;
4. ties still open after the tie-break chain are drawn (recorded and audited, as an organizer would).

Simulated judges differ plausibly: each case has a quality (and, on stage, a presentation), each judge a
severity and a noise; one judge is clearly harsh, one lenient and one erratic, so the consistency chart
has something to show. The same seed gives the same season.

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
from app.bundles.manifest import PackageCriterion
from app.bundles.merge import merge_paths
from app.bundles.package import build_packages
from app.errors import DomainError
from app.intake.screening import approve
from app.judge_home import JudgeHome
from app.judging.assignment import assign_round
from app.models import Assignment, Case, CaseStatus, Conflict, Judge, Round, RoundCase
from app.results.awards import primary_scope
from app.results.frame import case_infos
from app.results.ranking import dimensions, group_key
from app.results.service import advance_ranking, record_draws
from app.results.types import CaseInfo
from app.rounds.advance import admitting_award, apply_advance, propose_advance
from app.rounds.service import admit_approved, first_judged_round, settings_row
from app.workspace import Workspace

#: Judges per case in the first judged round (the expert review).
REVIEW_JUDGES = 5
#: Panel size of a live round's groups, and of the national final.
PANEL = {"semifinal": 7, "final": 9}
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
    if pending:  # the demo's cases are made to pass screening, and all enter the first judged round
        approve(ws, pending, actor=ACTOR)
        admit_approved(ws, first_judged_round(ws), actor=ACTOR)
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


def _places(ws: Workspace, key: str) -> int | None:
    """Places a round's ladder of awards gives per group (2020's regional final: 3 + 3 + 4 = 10)."""
    counts = [a.count for a in ws.rules.awards if a.round == key and a.count is not None]
    return sum(counts) if counts else None


def _admit(ws: Workspace, key: str) -> None:
    """Enter the round by the season's rule from the results of the previous round: the holders of the
    admitting award (draws included); an award without a number takes as many as the round's ladder."""
    numbered = admitting_award(ws.rules, ws.rules.round(key)) is not None
    proposal = propose_advance(
        ws, key, ranking=advance_ranking(ws), count=None if numbered else _places(ws, key)
    )
    apply_advance(ws, proposal, actor=ACTOR)


def _assign(ws: Workspace, key: str, previous: str | None, seed: int) -> int:
    """Give the round its cases and judges; returns how many cases it has."""
    if previous is None:
        with ws.sessions() as s:
            rnd = s.scalars(select(Round).where(Round.key == key)).one()
            assigned = s.scalar(select(Assignment.id).where(Assignment.round_id == rnd.id).limit(1))
        if assigned is None:
            assign_round(ws, key, per_case=REVIEW_JUDGES, seed=seed, actor=ACTOR)
    else:
        _admit(ws, key)
        _seat_panels(ws, key, seed)
    with ws.sessions() as s:
        rid = s.scalar(select(Round.id).where(Round.key == key))
        return len(set(s.scalars(select(RoundCase.case_id).where(RoundCase.round_id == rid))))


def _seat_panels(ws: Workspace, key: str, seed: int) -> None:
    """One panel per group of a live round: every judge of it scores every case of the group."""
    rules = ws.rules
    dims = dimensions(primary_scope(rules, key))
    with ws.sessions.begin() as s:
        rnd = s.scalars(select(Round).where(Round.key == key)).one()
        members = case_infos(s, s.scalars(select(RoundCase.case_id).where(RoundCase.round_id == rnd.id)))
        groups: dict[str, list[CaseInfo]] = defaultdict(list)
        for case in members:
            groups[group_key(case, dims)].append(case)
        judges = list(s.scalars(select(Judge.id).order_by(Judge.code)))
        blocked = {(j, h) for j, h in s.execute(select(Conflict.judge_id, Conflict.hospital_id)) if h}
        load = dict.fromkeys(judges, 0)
        rng = random.Random(seed)
        size = min(PANEL.get(key, 7), len(judges))
        rows = 0
        for gkey in sorted(groups):
            cases = groups[gkey]
            free = [j for j in judges if not any((j, c.hospital_id) in blocked for c in cases)]
            free.sort(key=lambda j: (load[j], rng.random()))
            for judge in free[:size]:
                load[judge] += 1
                for case in cases:
                    s.add(Assignment(round_id=rnd.id, judge_id=judge, case_id=case.id))
                    rows += 1
        settings_row(s, rnd).judges_per_case = size
        audit.record(s, "assignment.demo_panels", key, actor=ACTOR, rows=rows, panel=size)


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
    criteria: Sequence[PackageCriterion],
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
