# SPDX-License-Identifier: Apache-2.0
"""The organizer's manual changes to an assignment — add, remove, swap a judge on a case — checked by the
solver's rules: a hard conflict, a dropped or foreign judge, a scored assignment are refused; a soft
conflict, a case left short, loads drifting apart, a package to rebuild are reported as warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import DomainError
from app.judging.assignment.problem import RoundContext, load_context
from app.judging.conflicts import CaseFacts, JudgeFacts, conflict_error, judge_facts, soft_conflict
from app.models import Assignment, Case, IssuedPackage, Score
from app.refs import judge_by_ref
from app.rounds.service import ensure_open, round_by_key
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class EditWarning:
    """Something the edit allowed but the organizer should know (kind: a key of
    ``app.glossary.assignment.EDIT_WARNINGS``; params fill its text)."""

    kind: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit changed, and its warnings."""

    action: str  # add | remove | swap
    case: str
    added: str | None  # judge code
    removed: str | None
    warnings: tuple[EditWarning, ...]


def _case(s: Session, ctx: RoundContext, code: str) -> CaseFacts:
    cid = s.scalar(select(Case.id).where(Case.code == code))
    if cid is None:
        raise DomainError("case_unknown", cases=code)
    for c in ctx.cases:
        if c.id == cid:
            return c
    raise DomainError("case_not_in_round", case=code, round=ctx.round_name)


def _incoming(s: Session, ctx: RoundContext, ref: str, case: CaseFacts) -> JudgeFacts:
    """The judge to put on a case, refused for every reason the solver would not pick them."""
    judge = judge_by_ref(s, ref)
    facts = judge_facts(s, [judge.id])[0]
    if not facts.active:
        raise DomainError("judge_dropped", judge=judge.code)
    if all(j.id != judge.id for j in ctx.judges):
        raise DomainError("judge_not_in_round", judge=judge.code, round=ctx.round_name)
    if any(h.judge_id == judge.id and h.case_id == case.id and not h.recused for h in ctx.held):
        raise DomainError("already_assigned", judge=judge.code, case=case.code)
    kind = ctx.index.hard(facts, case, ctx.rules)
    if kind is not None:
        raise conflict_error(facts, case, kind, ctx.index)
    return facts


def _outgoing(s: Session, ctx: RoundContext, ref: str, case: CaseFacts) -> tuple[int, str]:
    """The assignment row to take off a case; refused once the judge has submitted its score."""
    judge = judge_by_ref(s, ref)
    for h in ctx.held:
        if h.judge_id == judge.id and h.case_id == case.id:
            if h.submitted:
                raise DomainError("assignment_scored", judge=judge.code, case=case.code)
            return h.id, judge.code
    raise DomainError("not_assigned", judge=judge.code, case=case.code)


def _warnings(
    s: Session, ctx: RoundContext, case: CaseFacts, incoming: JudgeFacts | None, touched: list[int]
) -> list[EditWarning]:
    """Warnings about the round as it stands after the edit (read back from the session)."""
    out: list[EditWarning] = []
    if incoming is not None:
        kind = soft_conflict(incoming, case, ctx.rules)
        if kind is not None:
            out.append(EditWarning(kind, {"judge": incoming.code, "case": case.code}))
    rows = s.execute(
        select(Assignment.judge_id, Assignment.case_id, Assignment.recused).where(
            Assignment.round_id == ctx.round_id
        )
    ).all()
    active = sum(1 for _, cid, recused in rows if cid == case.id and not recused)
    if active < ctx.settings.judges_per_case:
        out.append(
            EditWarning(
                "case_short", {"case": case.code, "judges": active, "per_case": ctx.settings.judges_per_case}
            )
        )
    loads = {j.id: 0 for j in ctx.judges}
    for jid, _, recused in rows:
        if jid in loads and not recused:
            loads[jid] += 1
    if loads and max(loads.values()) - min(loads.values()) > 1:
        out.append(EditWarning("loads_apart", {"spread": max(loads.values()) - min(loads.values())}))
    issued = set(
        s.scalars(
            select(IssuedPackage.judge_id).where(
                IssuedPackage.round_id == ctx.round_id, IssuedPackage.judge_id.in_(touched)
            )
        )
    )
    codes = sorted(j.code for j in judge_facts(s, issued)) if issued else []
    if codes:
        out.append(EditWarning("package_outdated", {"judges": "、".join(codes)}))
    return out


def _open(s: Session, round_key: str) -> RoundContext:
    rnd = round_by_key(s, round_key)
    ensure_open(s, rnd)
    return load_context(s, rnd)


def add_judge_to_case(
    ws: Workspace, round_key: str, case_code: str, judge_ref: str, reason: str = "", actor: str = "organizer"
) -> EditResult:
    """Put one more judge on a case; refused on a case that already has K judges (swap instead)."""
    with ws.sessions.begin() as s:
        ctx = _open(s, round_key)
        case = _case(s, ctx, case_code)
        judge = _incoming(s, ctx, judge_ref, case)
        if ctx.active_counts()[case.id] >= ctx.settings.judges_per_case:
            raise DomainError("case_full", case=case.code, per_case=ctx.settings.judges_per_case)
        s.add(Assignment(round_id=ctx.round_id, judge_id=judge.id, case_id=case.id))
        s.flush()
        warnings = _warnings(s, ctx, case, judge, [judge.id])
        audit.record(
            s, "assignment.add", case.code, actor=actor, round=round_key, judge=judge.code, reason=reason
        )
        return EditResult("add", case.code, judge.code, None, tuple(warnings))


def remove_judge_from_case(
    ws: Workspace, round_key: str, case_code: str, judge_ref: str, reason: str = "", actor: str = "organizer"
) -> EditResult:
    """Take a judge off a case (not once they submitted its score); drafts on it go with it."""
    with ws.sessions.begin() as s:
        ctx = _open(s, round_key)
        case = _case(s, ctx, case_code)
        aid, code = _outgoing(s, ctx, judge_ref, case)
        s.execute(delete(Score).where(Score.assignment_id == aid))
        s.execute(delete(Assignment).where(Assignment.id == aid))
        s.flush()
        judge_id = judge_by_ref(s, judge_ref).id
        warnings = _warnings(s, ctx, case, None, [judge_id])
        audit.record(
            s, "assignment.remove", case.code, actor=actor, round=round_key, judge=code, reason=reason
        )
        return EditResult("remove", case.code, None, code, tuple(warnings))


def swap_judge(
    ws: Workspace,
    round_key: str,
    case_code: str,
    out_ref: str,
    in_ref: str,
    reason: str = "",
    actor: str = "organizer",
) -> EditResult:
    """Replace one judge of a case by another, both checked as for remove and add."""
    with ws.sessions.begin() as s:
        ctx = _open(s, round_key)
        case = _case(s, ctx, case_code)
        out_judge, in_judge = judge_by_ref(s, out_ref), judge_by_ref(s, in_ref)
        if out_judge.id == in_judge.id:
            raise DomainError("same_judge", judge=out_judge.code)
        aid, out_code = _outgoing(s, ctx, out_ref, case)
        incoming = _incoming(s, ctx, in_ref, case)
        s.execute(delete(Score).where(Score.assignment_id == aid))
        s.execute(delete(Assignment).where(Assignment.id == aid))
        s.add(Assignment(round_id=ctx.round_id, judge_id=incoming.id, case_id=case.id))
        s.flush()
        warnings = _warnings(s, ctx, case, incoming, [out_judge.id, incoming.id])
        audit.record(
            s,
            "assignment.swap",
            case.code,
            actor=actor,
            round=round_key,
            removed=out_code,
            added=incoming.code,
            reason=reason,
        )
        return EditResult("swap", case.code, incoming.code, out_code, tuple(warnings))
