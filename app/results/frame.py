# SPDX-License-Identifier: Apache-2.0
"""Reading a round from the workspace: its cases, judges and rubric, the submitted sheets as merged,
the progress counts, and the organizer's draws and overrides (each marked audited or not).

A round's cases are its members (``round_case``, issue #10) and any case assigned in it (a case assigned
but not a member is still shown, so no merged score goes missing).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.errors import DomainError
from app.glossary.terms import round_term
from app.models import (
    Assignment,
    AuditEvent,
    AwardOverride,
    Case,
    CaseStatus,
    Criterion,
    Hospital,
    Judge,
    Round,
    RoundCase,
    Score,
    TieDraw,
)
from app.results.types import (
    CaseInfo,
    CriterionSpec,
    Draw,
    JudgeInfo,
    Override,
    RoundInput,
    ScoreSheet,
    SheetCounts,
)

#: Audit actions of the results area.
OVERRIDE_ACTION = "results.override"
DRAW_ACTION = "results.draw"
METHOD_ACTION = "results.method"
VOTES_ACTION = "results.votes_import"


def exact(value: float) -> Decimal:
    """A stored float as the decimal it was merged from (marks are short decimals: repr round-trips)."""
    return Decimal(repr(value))


def get_round(s: Session, round_key: str) -> Round:
    """The round with this key, or ``unknown_round``."""
    rnd = s.scalars(select(Round).where(Round.key == round_key).options(selectinload(Round.rubric))).first()
    if rnd is None:
        known = "、".join(s.scalars(select(Round.key).order_by(Round.position)))
        raise DomainError("unknown_round", round=round_key, known=known)
    return rnd


def case_infos(s: Session, case_ids: Iterable[int] | None) -> tuple[CaseInfo, ...]:
    """Cases as results show them, by code; ``None``: every case not rejected in screening."""
    query = select(Case).options(
        selectinload(Case.hospital).selectinload(Hospital.province),
        selectinload(Case.theme),
        selectinload(Case.region),
        selectinload(Case.tier),
        selectinload(Case.category),
    )
    if case_ids is None:
        query = query.where(Case.status != CaseStatus.REJECTED.value)
    else:
        query = query.where(Case.id.in_(list(case_ids)))
    return tuple(
        CaseInfo(
            id=c.id,
            code=c.code,
            title=c.title,
            hospital_id=c.hospital_id,
            hospital=c.hospital.name,
            province=c.hospital.province.name if c.hospital.province else "",
            region_code=c.region.code if c.region else "",
            region=c.region.name if c.region else "",
            theme_number=c.theme.number if c.theme else None,
            theme_title=c.theme.title if c.theme else "",
            tier_code=c.tier.code if c.tier else "",
            tier=c.tier.name if c.tier else "",
            category_code=c.category.code if c.category else "",
            category=c.category.name if c.category else "",
            votes=c.votes,
        )
        for c in s.scalars(query.order_by(Case.code))
    )


def rubric_specs(rnd: Round) -> tuple[CriterionSpec, ...]:
    """The round's rubric; a round without one has no results (``no_rubric``)."""
    if rnd.rubric is None or not rnd.rubric.criteria:
        raise DomainError("no_rubric", round=rnd.key, round_name=round_term(rnd.key))
    return tuple(CriterionSpec(c.key, c.name, exact(c.max), exact(c.weight)) for c in rnd.rubric.criteria)


def _audited_ids(s: Session, action: str, field: str) -> set[int]:
    ids: set[int] = set()
    for detail in s.scalars(select(AuditEvent.detail).where(AuditEvent.action == action)):
        value = detail.get(field) if isinstance(detail, dict) else None
        if isinstance(value, int):
            ids.add(value)
    return ids


def draws(s: Session, round_key: str) -> tuple[Draw, ...]:
    """The round's recorded draws, oldest first."""
    audited = _audited_ids(s, DRAW_ACTION, "draw_id")
    return tuple(
        Draw(
            d.id,
            d.round_key,
            d.group_key,
            tuple(d.case_ids),
            d.seed,
            tuple(d.order),
            d.created_at,
            d.actor,
            d.id in audited,
        )
        for d in s.scalars(select(TieDraw).where(TieDraw.round_key == round_key).order_by(TieDraw.id))
    )


def overrides(s: Session, round_key: str) -> tuple[Override, ...]:
    """The round's award overrides, oldest first, with who they concern."""
    audited = _audited_ids(s, OVERRIDE_ACTION, "override_id")
    rows = s.scalars(
        select(AwardOverride).where(AwardOverride.round_key == round_key).order_by(AwardOverride.id)
    ).all()
    cases = {
        c.id: c for c in s.scalars(select(Case).where(Case.id.in_([o.case_id for o in rows if o.case_id])))
    }
    hospitals = {
        h.id: h.name
        for h in s.scalars(
            select(Hospital).where(Hospital.id.in_([o.hospital_id for o in rows if o.hospital_id]))
        )
    }
    out = []
    for o in rows:
        if o.case_id is not None and o.case_id in cases:
            subject = f"{cases[o.case_id].code} {cases[o.case_id].title}"
        else:
            subject = hospitals.get(o.hospital_id or 0, "")
        out.append(
            Override(
                o.id,
                o.round_key,
                o.award_key,
                o.case_id,
                o.hospital_id,
                o.grant,
                o.reason,
                o.actor,
                o.created_at,
                o.id in audited,
                subject,
            )
        )
    return tuple(out)


def db_sheets(s: Session, round_id: int) -> tuple[ScoreSheet, ...]:
    """Submitted, non-recused sheets of the round as merged into the score table."""
    rows = s.execute(
        select(Judge.code, Assignment.case_id, Criterion.key, Score.value)
        .select_from(Score)
        .join(Assignment, Score.assignment_id == Assignment.id)
        .join(Judge, Assignment.judge_id == Judge.id)
        .join(Criterion, Score.criterion_id == Criterion.id)
        .where(
            Assignment.round_id == round_id,
            Assignment.submitted_at.is_not(None),
            Assignment.recused.is_(False),
        )
    ).all()
    values: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
    for judge, case_id, key, value in rows:
        values[(judge, case_id)][key] = exact(value)
    return tuple(ScoreSheet(j, c, v) for (j, c), v in sorted(values.items()))


def sheet_counts(s: Session, round_id: int) -> SheetCounts:
    """Submitted / draft / not started / recused assignments of the round."""
    scored = set(
        s.scalars(
            select(Score.assignment_id)
            .join(Assignment, Score.assignment_id == Assignment.id)
            .where(Assignment.round_id == round_id)
            .distinct()
        )
    )
    counts: Counter[str] = Counter()
    for aid, submitted, recused in s.execute(
        select(Assignment.id, Assignment.submitted_at, Assignment.recused).where(
            Assignment.round_id == round_id
        )
    ):
        if recused:
            counts["recused"] += 1
        elif submitted is not None:
            counts["submitted"] += 1
        elif aid in scored:
            counts["drafts"] += 1
        else:
            counts["not_started"] += 1
    return SheetCounts(counts["submitted"], counts["drafts"], counts["not_started"], counts["recused"])


def round_input(s: Session, round_key: str, sheets: tuple[ScoreSheet, ...] | None = None) -> RoundInput:
    """The round as the database holds it; ``sheets`` replaces the merged ones (verify)."""
    rnd = get_round(s, round_key)
    rubric = rubric_specs(rnd)
    case_ids = set(s.scalars(select(Assignment.case_id).where(Assignment.round_id == rnd.id)))
    case_ids |= set(s.scalars(select(RoundCase.case_id).where(RoundCase.round_id == rnd.id)))
    judges = tuple(
        JudgeInfo(code, name)
        for code, name in s.execute(
            select(Judge.code, Judge.name)
            .where(Judge.id.in_(select(Assignment.judge_id).where(Assignment.round_id == rnd.id)))
            .order_by(Judge.code)
        )
    )
    return RoundInput(
        round_key=rnd.key,
        round_name=rnd.name,
        live=rnd.live,
        method=rnd.scoring_method,
        rubric=rubric,
        cases=case_infos(s, case_ids),
        judges=judges,
        sheets=db_sheets(s, rnd.id) if sheets is None else sheets,
        counts=sheet_counts(s, rnd.id),
        draws=draws(s, rnd.key),
        overrides=overrides(s, rnd.key),
    )


def rounds_with_assignments(s: Session) -> list[Round]:
    """Judged rounds (with a rubric) that have an assignment or a member, in the season's order."""
    assigned = select(Assignment.round_id).group_by(Assignment.round_id).having(func.count() > 0)
    members = select(RoundCase.round_id).group_by(RoundCase.round_id).having(func.count() > 0)
    return list(
        s.scalars(
            select(Round)
            .where(Round.rubric_id.is_not(None), Round.id.in_(assigned) | Round.id.in_(members))
            .order_by(Round.position)
        )
    )
