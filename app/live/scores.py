# SPDX-License-Identifier: Apache-2.0
"""What a live session shows of the scores: each judge's mark as it arrives, the case's score, the
group's ranking and its stage awards — all read from the results engine (``app.results``).

There is one way a case is scored and ranked: the engine's, on the submitted sheets as merged (drafts
never count). The live session only picks out its own cases, seats the marks as 评委1…N, and strikes
the marks the round's method leaves out once every seat has its mark. The award holders are the
engine's too, overrides applied, so an organizer's audited override reaches the projector's reveal.

A tie the chain cannot break is shown as a tie until every mark is in; then ``settle_ties`` records a
draw for the session's groups the way the results view would (seeded, audited, checkable by anyone),
so the ranking on stage and the results agree and the reveal has its winners.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from app.results.service import record_draws, round_results
from app.results.types import RankedCase, RoundResults
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Mark:
    """One judge's mark on one case, shown as 评委N (``seat``, from 1)."""

    seat: int
    judge: str
    value: float | None  # None until the judge's submitted score arrives
    struck: bool  # left out by the round's method (trimmed: highest, lowest), once every seat has a mark


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
    """A case's place on the live ranking board, as the results rank it in its group."""

    case_id: int
    rank: int
    score: float
    tie_break: str  # the tie-break step that placed it among equal scores (app.results TIE_STEPS) or ""
    tied: bool = False  # shares its rank: no step separated it and no draw is recorded yet


@dataclass(frozen=True, slots=True)
class GroupResults:
    """Every case's board, the ranking of the cases scored so far, and the stage awards when complete."""

    boards: dict[int, CaseBoard]
    ranking: tuple[RankRow, ...]
    awards: dict[str, tuple[int, ...]]  # award key → case ids (only when every case is complete)
    #: Keys of the results' groups the session's cases are ranked in.
    group_keys: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return bool(self.boards) and all(b.complete for b in self.boards.values())

    @property
    def tied(self) -> bool:
        """A tie is still open among the session's cases (no step separated it, no draw yet)."""
        return any(r.tied for r in self.ranking)


def _session_cases(results: RoundResults, ids: Collection[int]) -> tuple[list[RankedCase], tuple[str, ...]]:
    """The session's cases as the results rank them (group by group), and the keys of those groups."""
    cases: list[RankedCase] = []
    keys: list[str] = []
    for group in results.groups:
        mine = [c for c in group.cases if c.case.id in ids]
        if mine:
            cases.extend(mine)
            keys.append(group.key)
    return cases, tuple(keys)


def _board(ranked: RankedCase | None, case_id: int, seats: Sequence[str]) -> CaseBoard:
    """Seats are the judges present in seat order; a mark from a judge not seated (a late change) still
    counts, as it does in the results, and takes the next seat."""
    marks = {m.judge_code: m for m in ranked.result.marks} if ranked is not None else {}
    seated = list(seats) + sorted(j for j in marks if j not in seats)
    expected = max(len(seats), len(marks))
    complete = len(marks) >= expected > 0  # strike only once the highest and lowest are final
    score = ranked.result.score if ranked is not None else None
    return CaseBoard(
        case_id=case_id,
        marks=tuple(
            Mark(
                i + 1,
                j,
                float(marks[j].total) if j in marks else None,
                complete and j in marks and marks[j].dropped,
            )
            for i, j in enumerate(seated)
        ),
        received=len(marks),
        expected=expected,
        score=float(score) if score is not None else None,
    )


def group_results(
    ws: Workspace,
    round_key: str,
    order: Sequence[int],
    seats: Sequence[str],
    tiers: Sequence[tuple[str, int]],
) -> GroupResults:
    """Boards, ranking and stage awards of a live group (``order``: case ids in presenting order).

    ``tiers`` names the stage awards (best first); who holds them is the results' word, read only once
    every case has every mark.
    """
    results = round_results(ws, round_key)
    cases, keys = _session_cases(results, set(order))
    by_id = {c.case.id: c for c in cases}
    boards = {cid: _board(by_id.get(cid), cid, seats) for cid in order}
    ranking = tuple(
        RankRow(c.case.id, c.rank, float(c.result.score), c.decided_by or "", c.tied)
        for c in cases
        if c.rank is not None and c.result.score is not None
    )
    complete = bool(boards) and all(b.complete for b in boards.values())
    awards: dict[str, tuple[int, ...]] = {}
    if complete:
        awards = {key: tuple(c.case.id for c in cases if key in c.awards) for key, _ in tiers}
    return GroupResults(boards, ranking, awards, keys)


def settle_ties(ws: Workspace, round_key: str, results: GroupResults, seed: int | None) -> bool:
    """Once every mark is in, draw lots for the ties still open in the session's groups (the results'
    ``record_draws``: seeded — with the session's own draw seed when it has one — and audited).
    True when a draw was recorded."""
    if not (results.complete and results.tied):
        return False
    return bool(record_draws(ws, round_key, seed=seed, group_keys=results.group_keys, actor="live"))
