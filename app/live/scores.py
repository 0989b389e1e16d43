# SPDX-License-Identifier: Apache-2.0
"""The marks a live session shows, read from the merged bundles, and the group's scores and ranking.

A judge's mark for a case is the weighted total of the scores they *submitted* (drafts never count,
issue 11). ``group_results`` is the one place the live session turns marks into a case's score and a
ranking; it calls the results engine (for now its stand-in, ``app.live.standin_results``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.live import standin_results as results
from app.models import Assignment, Criterion, Judge, Round, Score
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Mark:
    """One judge's mark on one case, shown as 评委N (``seat``, from 1)."""

    seat: int
    judge: str
    value: float | None  # None until the judge's submitted score arrives
    struck: bool  # dropped by the trim (highest or lowest), once every seat has its mark


@dataclass(frozen=True, slots=True)
class CaseBoard:
    """The scoring scene of one case: every seat's mark, and the case's score once every mark is in."""

    case_id: int
    marks: tuple[Mark, ...]
    received: int
    expected: int
    score: float | None  # the round's score for the case (the results engine's), None before any mark

    @property
    def complete(self) -> bool:
        return self.received >= self.expected > 0


@dataclass(frozen=True, slots=True)
class RankRow:
    """A case's place on the live ranking board."""

    case_id: int
    rank: int
    score: float
    tie_break: str


@dataclass(frozen=True, slots=True)
class GroupResults:
    """Every case's board, the ranking of the cases scored so far, and the stage awards when complete."""

    boards: dict[int, CaseBoard]
    ranking: tuple[RankRow, ...]
    awards: dict[str, tuple[int, ...]]  # award key → case ids (only when every case is complete)

    @property
    def complete(self) -> bool:
        return bool(self.boards) and all(b.complete for b in self.boards.values())


def load_marks(
    ws: Workspace, round_key: str, case_ids: Sequence[int]
) -> dict[int, dict[str, tuple[float, float | None]]]:
    """Submitted, complete marks: case id → judge code → (weighted total, 效果 score)."""
    with ws.sessions() as s:
        rnd = s.scalars(select(Round).where(Round.key == round_key)).one()
        n_criteria = len(s.scalars(select(Criterion.id).where(Criterion.rubric_id == rnd.rubric_id)).all())
        rows = s.execute(
            select(Assignment.case_id, Judge.code, Criterion.key, Criterion.weight, Score.value)
            .join(Judge, Assignment.judge_id == Judge.id)
            .join(Score, Score.assignment_id == Assignment.id)
            .join(Criterion, Score.criterion_id == Criterion.id)
            .where(
                Assignment.round_id == rnd.id,
                Assignment.case_id.in_(list(case_ids)),
                Assignment.submitted_at.is_not(None),
                Assignment.recused.is_(False),
            )
        ).all()
        totals: dict[tuple[int, str], float] = defaultdict(float)
        counts: dict[tuple[int, str], int] = defaultdict(int)
        effect: dict[tuple[int, str], float] = {}
        for case_id, judge, key, weight, value in rows:
            totals[case_id, judge] += value * weight
            counts[case_id, judge] += 1
            if key == results.EFFECT_CRITERION:
                effect[case_id, judge] = value
    out: dict[int, dict[str, tuple[float, float | None]]] = {cid: {} for cid in case_ids}
    for (case_id, judge), total in totals.items():
        if counts[case_id, judge] == n_criteria:
            out[case_id][judge] = (total, effect.get((case_id, judge)))
    return out


def group_results(
    ws: Workspace,
    round_key: str,
    order: Sequence[int],
    seats: Sequence[str],
    tiers: Sequence[tuple[str, int]],
) -> GroupResults:
    """Boards, ranking and stage awards of a live group (``order``: case ids in presenting order).

    Seats are the judges present in seat order; a mark from a judge not seated (a late change) still
    counts, as it does in the results, and takes the next seat.
    """
    marks = load_marks(ws, round_key, order)
    draw_position = {cid: i for i, cid in enumerate(order)}
    boards: dict[int, CaseBoard] = {}
    scores: list[results.CaseScore] = []
    for cid in order:
        got = marks[cid]
        seated = list(seats) + sorted(j for j in got if j not in seats)
        cm = results.CaseMarks(
            cid, tuple((j, got[j][0], got[j][1]) for j in seated if j in got), draw_position[cid]
        )
        score = results.case_score(cm)
        scores.append(score)
        expected = max(len(seats), len(cm.marks))
        complete = len(cm.marks) >= expected > 0  # strike only when the highest and lowest are final
        boards[cid] = CaseBoard(
            case_id=cid,
            marks=tuple(
                Mark(i + 1, j, got[j][0] if j in got else None, complete and j in score.dropped)
                for i, j in enumerate(seated)
            ),
            received=len(cm.marks),
            expected=expected,
            score=score.score,
        )
    ranking = results.rank(scores, draw_position)
    rows = tuple(RankRow(r.case_id, r.rank, r.score, r.tie_break) for r in ranking)
    complete = all(b.complete for b in boards.values())
    awards = results.stage_awards(ranking, tiers) if complete else {}
    return GroupResults(boards, rows, awards)
