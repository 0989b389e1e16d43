# SPDX-License-Identifier: Apache-2.0
"""Read-only views of a round's assignment for the desk: the cases × judges matrix with each cell's
state and conflict, and each judge's load and progress."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.judging.assignment.problem import RoundContext, load_context
from app.judging.conflicts import soft_conflict
from app.models import ImportedBundle, Judge
from app.rounds.service import round_by_key
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class MatrixCase:
    """A row of the matrix."""

    case_id: int
    code: str
    hospital: str
    theme: int | None
    judges: int  # assigned and not recused


@dataclass(frozen=True, slots=True)
class MatrixJudge:
    """A column of the matrix, with the judge's progress in the round."""

    judge_id: int
    code: str
    name: str
    expertise: tuple[int, ...]
    assigned: int  # not recused
    scored: int  # with at least one score (draft or submitted)
    submitted: int
    recused: int
    last_bundle_revision: int | None
    last_bundle_at: datetime | None


@dataclass(frozen=True, slots=True)
class Cell:
    """A judge on a case: state is a key of ``app.glossary.terms.SCORE_STATES`` (not_started, draft,
    submitted, recused); soft: a soft-conflict kind."""

    case_id: int
    judge_id: int
    state: str
    soft: str | None


@dataclass(frozen=True, slots=True)
class HardPair:
    """A judge who may never score a case of the round (kind: institution, declared_*, recused)."""

    case_id: int
    judge_id: int
    kind: str


@dataclass(frozen=True, slots=True)
class SoftCell:
    """A pair the round's soft rules avoid (kind: same_province / same_region), assigned or not: the
    desk tints it so the organizer sees it before an edit puts the judge there."""

    case_id: int
    judge_id: int
    kind: str


@dataclass(frozen=True, slots=True)
class AssignmentMatrix:
    """The whole round as the desk's matrix shows it."""

    round: str
    per_case: int
    cases: tuple[MatrixCase, ...]
    judges: tuple[MatrixJudge, ...]
    cells: tuple[Cell, ...]
    hard: tuple[HardPair, ...]
    soft: tuple[SoftCell, ...] = ()

    @property
    def spread(self) -> int:
        loads = [j.assigned for j in self.judges]
        return max(loads) - min(loads) if loads else 0


def assignment_matrix(ws: Workspace, round_key: str) -> AssignmentMatrix:
    """Cases × judges of a round: who scores what, in which state, and which pairs conflict."""
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, round_key)
        ctx = load_context(s, rnd)
        bundles = _last_bundles(s, rnd.id)
        # columns: the round's judges, plus any judge still holding rows (a drop-out keeps scored ones)
        holders = {h.judge_id for h in ctx.held} - {j.id for j in ctx.judges}
        extra = s.execute(
            select(Judge.id, Judge.code, Judge.name, Judge.expertise).where(Judge.id.in_(holders))
        ).all()
    cells, per = _cells(ctx)
    on_case = Counter(c.case_id for c in cells if c.state != "recused")
    columns = [(j.id, j.code, j.name, tuple(sorted(j.expertise))) for j in ctx.judges]
    columns += [(jid, code, name, tuple(expertise)) for jid, code, name, expertise in extra]
    return AssignmentMatrix(
        soft=_soft_cells(ctx),
        round=rnd.key,
        per_case=ctx.settings.judges_per_case,
        cases=tuple(MatrixCase(c.id, c.code, c.hospital, c.theme, on_case[c.id]) for c in ctx.cases),
        judges=tuple(
            MatrixJudge(
                jid,
                code,
                name,
                expertise,
                per["assigned"][jid],
                per["scored"][jid],
                per["submitted"][jid],
                per["recused"][jid],
                bundles.get(jid, (None, None))[0],
                bundles.get(jid, (None, None))[1],
            )
            for jid, code, name, expertise in columns
        ),
        cells=tuple(sorted(cells, key=lambda c: (c.case_id, c.judge_id))),
        hard=tuple(_hard_pairs(ctx)),
    )


def _last_bundles(s: Session, round_id: int) -> dict[int | None, tuple[int, datetime]]:
    """Per judge, the highest revision merged in the round and when the last bundle arrived."""
    return {
        jid: (revision, at)
        for jid, revision, at in s.execute(
            select(
                ImportedBundle.judge_id,
                func.max(ImportedBundle.revision),
                func.max(ImportedBundle.received_at),
            )
            .where(ImportedBundle.round_id == round_id, ImportedBundle.outcome == "merged")
            .group_by(ImportedBundle.judge_id)
        )
    }


def _cells(ctx: RoundContext) -> tuple[list[Cell], dict[str, Counter[int]]]:
    """A cell per assignment row the round holds, and per judge the rows in each state."""
    cases = {c.id: c for c in ctx.cases}
    judges = {j.id: j for j in ctx.judges}
    cells: list[Cell] = []
    per = {k: Counter[int]() for k in ("assigned", "scored", "submitted", "recused")}
    for held in ctx.held:
        jid, cid = held.judge_id, held.case_id
        state = _state(held.recused, held.submitted, held.scored)
        judge, case = judges.get(jid), cases.get(cid)
        soft = soft_conflict(judge, case, ctx.rules) if judge and case else None
        cells.append(Cell(cid, jid, state, soft))
        per["recused" if held.recused else "assigned"][jid] += 1
        if state in ("draft", "submitted"):
            per["scored"][jid] += 1
        if state == "submitted":
            per["submitted"][jid] += 1
    return cells, per


def _hard_pairs(ctx: RoundContext) -> list[HardPair]:
    """Every judge–case pair of the round that a hard conflict forbids."""
    cases = {c.id for c in ctx.cases}
    by_hospital: dict[int, list[int]] = {}
    for c in ctx.cases:
        by_hospital.setdefault(c.hospital_id, []).append(c.id)
    hard: list[HardPair] = []
    for judge in ctx.judges:  # the index's entries, not every pair: a 3,000 × 120 round stays quick
        for hid, kind in ctx.index.hospitals.get(judge.id, {}).items():
            hard += [HardPair(cid, judge.id, kind) for cid in by_hospital.get(hid, [])]
        for cid, kind in ctx.index.cases.get(judge.id, {}).items():
            if cid in cases:
                hard.append(HardPair(cid, judge.id, kind))
    return hard


def _state(recused: bool, submitted: bool, scored: bool) -> str:
    """The cell's key in ``SCORE_STATES``: what the judge's own laptop would call it."""
    if recused:
        return "recused"
    if submitted:
        return "submitted"
    return "draft" if scored else "not_started"


def _soft_cells(ctx: RoundContext) -> tuple[SoftCell, ...]:
    """Every pair of the round a soft rule avoids, the most specific kind first (as ``soft_conflict``),
    found through the cases of each province and region rather than by trying every pair."""
    by_province: dict[int, list[int]] = defaultdict(list)
    by_region: dict[int, list[int]] = defaultdict(list)
    for c in ctx.cases:
        if c.province_id is not None:
            by_province[c.province_id].append(c.id)
        if c.region_id is not None:
            by_region[c.region_id].append(c.id)
    out: list[SoftCell] = []
    for judge in ctx.judges:
        near: set[int] = set()
        if ctx.rules.avoid_same_province and judge.province_id is not None:
            near = set(by_province.get(judge.province_id, ()))
            out += [SoftCell(cid, judge.id, "same_province") for cid in sorted(near)]
        if ctx.rules.avoid_same_region and judge.region_id is not None:
            region = [cid for cid in by_region.get(judge.region_id, ()) if cid not in near]
            out += [SoftCell(cid, judge.id, "same_region") for cid in region]
    return tuple(out)
