# SPDX-License-Identifier: Apache-2.0
"""Rounds as the organizer sees them: state, cases, judges and assignment settings, each change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.errors import DomainError
from app.glossary.terms import round_term
from app.models import (
    Admission,
    Assignment,
    Case,
    CaseStatus,
    Competition,
    ExpertiseMode,
    Hospital,
    Judge,
    JudgeStatus,
    Round,
    RoundCase,
    RoundJudge,
    RoundSettings,
    Score,
    Theme,
)
from app.models.base import utcnow
from app.refs import judge_by_ref
from app.workspace import Workspace

#: The most judges per case a round may ask for (a live final seats a dozen; more is a typo).
MAX_PER_CASE = 50


@dataclass(frozen=True, slots=True)
class Settings:
    """How a round is assigned."""

    judges_per_case: int
    avoid_same_province: bool
    avoid_same_region: bool
    expertise: str  # app.models.ExpertiseMode
    max_per_judge: int | None
    seed: int | None


@dataclass(frozen=True, slots=True)
class RoundView:
    """A round with its state and counts (status: a key of app.glossary.assignment.ROUND_STATUS)."""

    id: int
    key: str
    name: str
    position: int
    starts_on: date | None
    ends_on: date | None
    live: bool
    rubric: str | None
    status: str
    cases: int
    judges: int  # judges who may be assigned (named for the round, or every active judge)
    judges_named: bool
    assignments: int
    submitted: int
    settings: Settings
    closed_at: datetime | None
    scored: int = 0  # assignments with at least one score (draft or submitted)


@dataclass(frozen=True, slots=True)
class MemberCase:
    """A case of a round, with how and why it came in."""

    case_id: int
    code: str
    title: str
    hospital: str
    theme: int | None
    admission: str  # app.models.Admission
    reason: str
    actor: str
    at: datetime


def round_by_key(s: Session, key: str) -> Round:
    """The round with this key; DomainError if the season has none."""
    rnd = s.scalars(select(Round).where(Round.key == key).options(selectinload(Round.rubric))).first()
    if rnd is None:
        raise DomainError("unknown_round", round=key)
    return rnd


def settings_row(s: Session, rnd: Round) -> RoundSettings:
    """The round's settings row, made with the defaults the first time it is needed."""
    row = s.get(RoundSettings, rnd.id)
    if row is None:
        row = RoundSettings(round_id=rnd.id)
        row.judges_per_case = 3
        row.avoid_same_province = True
        row.avoid_same_region = False
        row.expertise = ExpertiseMode.PREFER.value
        s.add(row)
        s.flush()
    return row


def _settings(row: RoundSettings) -> Settings:
    return Settings(
        row.judges_per_case,
        row.avoid_same_province,
        row.avoid_same_region,
        row.expertise,
        row.max_per_judge,
        row.seed,
    )


def ensure_open(s: Session, rnd: Round) -> None:
    """Refuse a change to a closed round."""
    if settings_row(s, rnd).closed_at is not None:
        season = s.scalar(select(Competition.season_id))
        raise DomainError("round_closed", round=round_term(rnd.key, season))


def round_case_ids(s: Session, rnd: Round) -> list[int]:
    """The round's cases, by case code."""
    return list(
        s.scalars(
            select(RoundCase.case_id)
            .join(Case, Case.id == RoundCase.case_id)
            .where(RoundCase.round_id == rnd.id)
            .order_by(Case.code)
        )
    )


def named_judge_ids(s: Session, rnd: Round) -> list[int]:
    """Judges named for the round (empty: the round uses every active judge)."""
    return list(s.scalars(select(RoundJudge.judge_id).where(RoundJudge.round_id == rnd.id)))


def round_judge_ids(s: Session, rnd: Round) -> list[int]:
    """The active judges who may be assigned in the round, by judge code."""
    named = set(named_judge_ids(s, rnd))
    query = select(Judge.id).where(Judge.status == JudgeStatus.ACTIVE).order_by(Judge.code)
    return [jid for jid in s.scalars(query) if not named or jid in named]


def _view(s: Session, rnd: Round) -> RoundView:
    row = settings_row(s, rnd)
    cases = s.scalar(select(func.count()).select_from(RoundCase).where(RoundCase.round_id == rnd.id)) or 0
    assigned = s.execute(
        select(func.count(), func.count(Assignment.submitted_at)).where(Assignment.round_id == rnd.id)
    ).one()
    scored = s.scalar(
        select(func.count(func.distinct(Score.assignment_id)))
        .join(Assignment, Assignment.id == Score.assignment_id)
        .where(Assignment.round_id == rnd.id)
    )
    status = (
        "closed"
        if row.closed_at is not None
        else "assigned"
        if assigned[0]
        else "unassigned"
        if cases
        else "empty"
    )
    return RoundView(
        id=rnd.id,
        key=rnd.key,
        name=rnd.name,
        position=rnd.position,
        starts_on=rnd.starts_on,
        ends_on=rnd.ends_on,
        live=rnd.live,
        rubric=rnd.rubric.name if rnd.rubric else None,
        status=status,
        cases=cases,
        judges=len(round_judge_ids(s, rnd)),
        judges_named=bool(named_judge_ids(s, rnd)),
        assignments=int(assigned[0]),
        submitted=int(assigned[1]),
        settings=_settings(row),
        closed_at=row.closed_at,
        scored=int(scored or 0),
    )


def list_rounds(ws: Workspace) -> list[RoundView]:
    """Every round of the season, in order."""
    with ws.sessions.begin() as s:
        rounds = s.scalars(select(Round).options(selectinload(Round.rubric)).order_by(Round.position)).all()
        return [_view(s, r) for r in rounds]


def get_round(ws: Workspace, key: str) -> RoundView:
    """One round by key."""
    with ws.sessions.begin() as s:
        return _view(s, round_by_key(s, key))


def update_settings(
    ws: Workspace,
    key: str,
    *,
    judges_per_case: int | None = None,
    avoid_same_province: bool | None = None,
    avoid_same_region: bool | None = None,
    expertise: str | None = None,
    max_per_judge: int | None = None,
    actor: str = "organizer",
) -> Settings:
    """Change a round's assignment settings (None: unchanged; ``max_per_judge=0``: no cap); audited."""
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, key)
        ensure_open(s, rnd)
        row = settings_row(s, rnd)
        before = _settings(row)
        if judges_per_case is not None:
            check_per_case(judges_per_case)
            row.judges_per_case = judges_per_case
        if avoid_same_province is not None:
            row.avoid_same_province = avoid_same_province
        if avoid_same_region is not None:
            row.avoid_same_region = avoid_same_region
        if expertise is not None:
            if expertise not in {m.value for m in ExpertiseMode}:
                raise DomainError("bad_expertise_mode", mode=expertise)
            row.expertise = expertise
        if max_per_judge is not None:
            if max_per_judge < 0:
                raise DomainError("bad_max_per_judge", max_per_judge=max_per_judge)
            row.max_per_judge = max_per_judge or None
        after = _settings(row)
        if after != before:
            changed = {
                f: [getattr(before, f), getattr(after, f)]
                for f in Settings.__slots__
                if getattr(before, f) != getattr(after, f)
            }
            audit.record(s, "round.settings", key, actor=actor, changes=changed)
        return after


def check_per_case(per_case: int) -> None:
    """Refuse a number of judges per case that makes no sense."""
    if not 1 <= per_case <= MAX_PER_CASE:
        raise DomainError("bad_per_case", per_case=per_case)


def set_round_judges(
    ws: Workspace, key: str, judge_refs: Sequence[str] | None, actor: str = "organizer"
) -> list[str]:
    """Name the judges of a round (None or empty: every active judge); returns their codes; audited."""
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, key)
        ensure_open(s, rnd)
        judges = [judge_by_ref(s, ref) for ref in judge_refs or ()]
        s.execute(delete(RoundJudge).where(RoundJudge.round_id == rnd.id))
        for judge in {j.id: j for j in judges}.values():
            s.add(RoundJudge(round_id=rnd.id, judge_id=judge.id, actor=actor))
        codes = sorted({j.code for j in judges})
        audit.record(s, "round.judges", key, actor=actor, judges=codes)
        return codes


def member_cases(ws: Workspace, key: str) -> list[MemberCase]:
    """The round's cases with how each came in, by case code."""
    with ws.sessions() as s:
        rnd = round_by_key(s, key)
        rows = s.execute(
            select(RoundCase, Case.code, Case.title, Hospital.name, Theme.number)
            .join(Case, Case.id == RoundCase.case_id)
            .join(Hospital, Hospital.id == Case.hospital_id)
            .outerjoin(Theme, Theme.id == Case.theme_id)
            .where(RoundCase.round_id == rnd.id)
            .order_by(Case.code)
        ).all()
        return [
            MemberCase(
                rc.case_id, code, title, hospital, theme, rc.admission, rc.reason, rc.actor, rc.created_at
            )
            for rc, code, title, hospital, theme in rows
        ]


def set_closed(ws: Workspace, key: str, closed: bool, actor: str = "organizer") -> RoundView:
    """Close a round (its assignment can no longer change) or open it again; audited."""
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, key)
        row = settings_row(s, rnd)
        row.closed_at = utcnow() if closed else None
        audit.record(s, "round.close" if closed else "round.reopen", key, actor=actor)
        s.flush()
        return _view(s, rnd)


def admit_approved(ws: Workspace, key: str, actor: str = "organizer") -> int:
    """Put every case that passed screening into a round (its entry after screening); returns how many
    were added. Cases already in the round stay as they are."""
    with ws.sessions.begin() as s:
        rnd = round_by_key(s, key)
        ensure_open(s, rnd)
        present = set(round_case_ids(s, rnd))
        approved = s.scalars(
            select(Case.id).where(Case.status == CaseStatus.APPROVED.value).order_by(Case.code)
        ).all()
        added = [cid for cid in approved if cid not in present]
        for cid in added:
            s.add(RoundCase(round_id=rnd.id, case_id=cid, admission=Admission.APPROVED, actor=actor))
        if added:
            audit.record(s, "round.admit_approved", key, actor=actor, cases=len(added))
        return len(added)


def first_judged_round(ws: Workspace) -> str:
    """The first round entered by passing screening that has a rubric (the expert review)."""
    keys = {r.key for r in ws.rules.rounds if r.entry == "approved"}
    with ws.sessions() as s:
        rounds = s.scalars(select(Round).where(Round.rubric_id.is_not(None)).order_by(Round.position)).all()
        for rnd in rounds:
            if rnd.key in keys:
                return rnd.key
    raise DomainError("unknown_round", round="review")
