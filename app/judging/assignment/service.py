# SPDX-License-Identifier: Apache-2.0
"""Assign a round: every case gets K judges, loads balanced, conflicts respected; proven or refused.

``assign_round`` solves a round from scratch (or anew with ``replace``), ``fill_round`` adds judges to
the cases that lack some (after recusals, a drop-out, late cases) keeping every assignment already made,
``ensure_assigned`` is the quiet version package building uses. Each is one transaction and one audit
event; each takes ``progress(done, total)`` and ``cancel()`` like the other long services.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import DomainError
from app.judging import DEFAULT_JUDGES_PER_CASE
from app.judging.assignment.problem import RoundContext, Shortfall, build, load_context, shortfalls
from app.judging.assignment.solver import Solution, solve
from app.judging.conflicts import soft_conflict
from app.models import Admission, Assignment, Case, CaseStatus, ExpertiseMode, RoundCase, Score
from app.rounds.service import check_per_case, ensure_open, round_by_key, round_case_ids, settings_row
from app.workspace import Workspace

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
#: Steps reported through ``progress``: read the round, solve, write.
STEPS = 3


class AssignmentInfeasible(DomainError):
    """No assignment exists; ``shortfalls`` name every case that cannot be served and why."""

    def __init__(self, code: str, /, *, shortfalls: Sequence[Shortfall] = (), **params: Any) -> None:
        super().__init__(code, **params)
        self.shortfalls = tuple(shortfalls)


def _infeasible(per_case: int, found: list[Shortfall]) -> AssignmentInfeasible:
    codes = sorted(code for sf in found for code in sf.cases)
    shown = codes[:10] + (["…"] if len(codes) > 10 else [])
    return AssignmentInfeasible(
        "assignment_infeasible", shortfalls=found, per_case=per_case, count=len(codes), cases=shown
    )


@dataclass(frozen=True, slots=True)
class JudgeLoad:
    """A judge's cases in the round after the assignment (recusals not counted)."""

    judge_id: int
    code: str
    name: str
    load: int


@dataclass(frozen=True, slots=True)
class SoftPair:
    """An assignment the round's soft rules would rather avoid (kind: same_province / same_region)."""

    case: str
    judge: str
    kind: str


@dataclass(frozen=True, slots=True)
class AssignmentReport:
    """What an assignment did and how good it is."""

    round: str
    per_case: int
    seed: int
    cases: int
    judges: int
    created: int
    removed: int
    loads: tuple[JudgeLoad, ...]
    soft: tuple[SoftPair, ...]
    expertise_misses: int
    solver_seconds: float
    seconds: float

    @property
    def spread(self) -> int:
        """Most minus fewest cases per judge."""
        values = [j.load for j in self.loads]
        return max(values) - min(values) if values else 0


def _step(progress: Progress | None, cancel: Cancel | None, done: int) -> None:
    if progress is not None:
        progress(done, STEPS)
    if cancel is not None and cancel():
        raise DomainError("cancelled")


def _solve(
    ctx: RoundContext, per_case: int, seed: int, only_cases: set[int] | None = None, clamp: bool = False
) -> Solution:
    if not ctx.judges and ctx.cases:
        raise DomainError("round_no_judges", round=ctx.round_name)
    problem = build(ctx, per_case, seed, only_cases=only_cases, clamp=clamp)
    result = solve(problem)
    if not isinstance(result, Solution):
        raise _infeasible(per_case, shortfalls(ctx, problem, result, per_case))
    return result


def _write(s: Session, ctx: RoundContext, solution: Solution) -> list[tuple[int, int]]:
    """Insert the new rows (Core, in one statement); returns (judge id, case id) pairs."""
    pairs = [(ctx.judges[j].id, ctx.cases[c].id) for j, c in solution.pairs]
    if pairs:
        s.execute(
            insert(Assignment), [{"round_id": ctx.round_id, "judge_id": j, "case_id": c} for j, c in pairs]
        )
    return pairs


def _report(
    ctx: RoundContext,
    per_case: int,
    seed: int,
    added: list[tuple[int, int]],
    removed: int,
    solver_seconds: float,
    started: float,
) -> AssignmentReport:
    """Describe the round's assignment as it now stands (held rows plus the added ones)."""
    kept = [(h.judge_id, h.case_id) for h in ctx.held if not h.recused]
    now = kept + added
    loads = Counter(j for j, _ in now)
    judges = {j.id: j for j in ctx.judges}
    cases = {c.id: c for c in ctx.cases}
    soft: list[SoftPair] = []
    misses = 0
    for jid, cid in now:
        judge, case = judges.get(jid), cases.get(cid)
        if judge is None or case is None:
            continue
        kind = soft_conflict(judge, case, ctx.rules)
        if kind is not None:
            soft.append(SoftPair(case.code, judge.code, kind))
        if ctx.rules.expertise != ExpertiseMode.IGNORE and case.theme not in judge.expertise:
            misses += 1
    return AssignmentReport(
        round=ctx.round_key,
        per_case=per_case,
        seed=seed,
        cases=len(ctx.cases),
        judges=len(ctx.judges),
        created=len(added),
        removed=removed,
        loads=tuple(JudgeLoad(j.id, j.code, j.name, loads[j.id]) for j in ctx.judges),
        soft=tuple(sorted(soft, key=lambda p: (p.case, p.judge))),
        expertise_misses=misses,
        solver_seconds=solver_seconds,
        seconds=time.perf_counter() - started,
    )


def assign_round(
    ws: Workspace,
    round_key: str,
    per_case: int | None = None,
    seed: int = 0,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    actor: str = "organizer",
) -> AssignmentReport:
    """Give every case of the round ``per_case`` judges (default: the round's setting).

    A round already assigned is refused unless ``replace``; replacing is refused once any score has
    arrived (``fill_round`` and the manual edits work around scored assignments instead).
    """
    started = time.perf_counter()
    _step(progress, cancel, 0)
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, round_key)
        ensure_open(s, rnd)
        settings = settings_row(s, rnd)
        per_case = settings.judges_per_case if per_case is None else per_case
        check_per_case(per_case)
        ctx = load_context(s, rnd)
        if not ctx.cases:
            raise DomainError("round_no_cases", round=ctx.round_name)
        removed = 0
        if ctx.held:
            if not replace:
                raise DomainError("assignment_exists", round=ctx.round_name)
            scored = sum(1 for h in ctx.held if h.scored or h.submitted)
            if scored:
                raise DomainError("assignment_has_scores", round=ctx.round_name, count=scored)
            s.execute(delete(Assignment).where(Assignment.round_id == rnd.id, Assignment.recused.is_(False)))
            removed = sum(1 for h in ctx.held if not h.recused)
            ctx.held = [h for h in ctx.held if h.recused]
        _step(progress, cancel, 1)
        solution = _solve(ctx, per_case, seed)
        _step(progress, cancel, 2)
        added = _write(s, ctx, solution)
        settings.judges_per_case = per_case
        settings.seed = seed
        report = _report(ctx, per_case, seed, added, removed, solution.seconds, started)
        audit.record(
            s,
            "assignment.solve",
            round_key,
            actor=actor,
            per_case=per_case,
            seed=seed,
            rows=len(added),
            removed=removed,
            spread=report.spread,
            soft=len(report.soft),
        )
    _step(progress, None, 3)
    return report


def fill_session(
    s: Session,
    round_key: str,
    seed: int,
    *,
    only_cases: set[int] | None = None,
    actor: str = "organizer",
) -> tuple[RoundContext, AssignmentReport, list[tuple[int, int]]]:
    """``fill_round`` inside a caller's transaction (the drop-out runs it with its own changes)."""
    started = time.perf_counter()
    rnd = round_by_key(s, round_key)
    ensure_open(s, rnd)
    per_case = settings_row(s, rnd).judges_per_case
    ctx = load_context(s, rnd)
    solution = _solve(ctx, per_case, seed, only_cases)
    added = _write(s, ctx, solution)
    report = _report(ctx, per_case, seed, added, 0, solution.seconds, started)
    audit.record(
        s, "assignment.fill", round_key, actor=actor, seed=seed, rows=len(added), spread=report.spread
    )
    return ctx, report, added


def fill_round(
    ws: Workspace,
    round_key: str,
    seed: int = 0,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    actor: str = "organizer",
) -> AssignmentReport:
    """Add judges to every case of the round that has fewer than K who have not recused, keeping every
    assignment already made and balancing the loads over the whole round."""
    _step(progress, cancel, 0)
    with ws.sessions.begin() as s:
        _step(progress, cancel, 1)
        _, report, _ = fill_session(s, round_key, seed, actor=actor)
        _step(progress, cancel, 2)
    _step(progress, None, 3)
    return report


def ensure_assigned(
    ws: Workspace, round_key: str, per_case: int = DEFAULT_JUDGES_PER_CASE, actor: str = "organizer"
) -> int:
    """Assign the round if nobody has yet (what package building does first); returns rows created.

    A round with no cases takes the approved ones — while screening has approved none, every case not
    rejected. Each case gets ``per_case`` judges or as many as it has eligible, loads balanced.
    """
    started = time.perf_counter()
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, round_key)
        if s.scalar(select(Assignment.id).where(Assignment.round_id == rnd.id).limit(1)) is not None:
            return 0
        if not round_case_ids(s, rnd):
            _admit_for_packages(s, rnd.id, actor)
        ctx = load_context(s, rnd)
        if not ctx.judges:
            raise DomainError("no_judges")
        per_case = max(1, min(per_case, len(ctx.judges)))
        solution = _solve(ctx, per_case, 0, clamp=True)
        added = _write(s, ctx, solution)
        settings_row(s, rnd).judges_per_case = per_case
        report = _report(ctx, per_case, 0, added, 0, solution.seconds, started)
        audit.record(
            s,
            "assignment.solve",
            round_key,
            actor=actor,
            per_case=per_case,
            seed=0,
            rows=len(added),
            spread=report.spread,
        )
        return len(added)


def _admit_for_packages(s: Session, round_id: int, actor: str) -> None:
    approved = s.scalars(select(Case.id).where(Case.status == CaseStatus.APPROVED.value)).all()
    admission, reason = Admission.APPROVED.value, ""
    if not approved:
        approved = s.scalars(select(Case.id).where(Case.status != CaseStatus.REJECTED.value)).all()
        admission, reason = Admission.LIST.value, "尚无通过初筛的案例：所有未驳回的案例"
    for cid in approved:
        s.add(RoundCase(round_id=round_id, case_id=cid, admission=admission, reason=reason, actor=actor))
    s.flush()


def release_unscored(s: Session, round_id: int, judge_id: int) -> list[int]:
    """Delete a judge's assignments in a round that hold no submitted score (their draft scores with
    them; the bundles they came in stay stored); recusals stay as the record they are. Returns the
    case ids released."""
    rows = s.execute(
        select(Assignment.id, Assignment.case_id).where(
            Assignment.round_id == round_id,
            Assignment.judge_id == judge_id,
            Assignment.submitted_at.is_(None),
            Assignment.recused.is_(False),
        )
    ).all()
    ids = [aid for aid, _ in rows]
    if ids:
        s.execute(delete(Score).where(Score.assignment_id.in_(ids)))
        s.execute(delete(Assignment).where(Assignment.id.in_(ids)))
    return [cid for _, cid in rows]
