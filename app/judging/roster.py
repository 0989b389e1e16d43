# SPDX-License-Identifier: Apache-2.0
"""The judge roster: enrol, list, edit judges; their institution is recorded as a conflict of interest.

A judge's drop-out lives in ``app.judging.dropout`` (it reassigns cases and rebuilds packages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.errors import DomainError
from app.models import Conflict, ConflictKind, Hospital, Judge, JudgeStatus, Province
from app.refs import judge_by_ref
from app.seasons import SeasonRules
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class NewJudge:
    """A judge as enrolled from a roster sheet or the demo generator."""

    name: str
    institution: str = ""
    province: str = ""
    phone: str = ""
    email: str = ""
    expertise: tuple[int, ...] = field(default=())
    code: str | None = None


@dataclass(frozen=True, slots=True)
class JudgeRow:
    """A judge as the roster table shows them."""

    id: int
    code: str
    name: str
    institution: str
    province: str
    expertise: tuple[int, ...]
    phone: str = ""
    email: str = ""
    status: str = JudgeStatus.ACTIVE.value
    dropped_at: datetime | None = None
    drop_reason: str = ""
    conflicts: int = 0  # conflict rows (institution and declared)

    @property
    def active(self) -> bool:
        return self.status == JudgeStatus.ACTIVE.value


@dataclass(frozen=True, slots=True)
class JudgeEdit:
    """Fields to change on a judge; None leaves a field as it is."""

    name: str | None = None
    institution: str | None = None
    province: str | None = None
    phone: str | None = None
    email: str | None = None
    expertise: tuple[int, ...] | None = None


def _province(s: Session, rules: SeasonRules, text: str) -> Province | None:
    if not text.strip():
        return None
    resolved = rules.resolve_province(text)
    if resolved is None:
        raise DomainError("province_unknown", province=text)
    return s.scalars(select(Province).where(Province.name == resolved.name)).first()


def _check_themes(rules: SeasonRules, themes: Sequence[int]) -> list[int]:
    known = {t.number for t in rules.themes}
    for number in themes:
        if number not in known:
            raise DomainError("theme_unknown", theme=str(number))
    return sorted(set(themes))


def _institution_conflict(s: Session, judge: Judge) -> None:
    """(Re)record the judge's own institution as a conflict when it is a competing hospital."""
    s.execute(
        delete(Conflict).where(Conflict.judge_id == judge.id, Conflict.kind == ConflictKind.INSTITUTION)
    )
    if judge.institution:
        hospital = s.scalars(select(Hospital).where(Hospital.name == judge.institution)).first()
        if hospital is not None:
            s.add(
                Conflict(
                    judge_id=judge.id,
                    hospital_id=hospital.id,
                    kind=ConflictKind.INSTITUTION,
                    reason="",  # the kind's name says it (本单位 / Own institution), in the reader's language
                )
            )


def add_judge(ws: Workspace, new: NewJudge, actor: str = "organizer") -> int:
    """Enrol a judge; a judge working at a competing hospital gets a conflict with it at once."""
    rules = ws.rules
    if not new.name.strip():
        raise DomainError("judge_name_required")
    resolved = rules.resolve_province(new.province) if new.province else None
    with ws.sessions.begin() as s:
        count = s.scalar(select(func.count()).select_from(Judge)) or 0
        code = new.code or f"J{count + 1:03d}"
        if s.scalar(select(Judge.id).where(Judge.code == code)) is not None:
            raise DomainError("judge_exists", judge_code=code)
        province = (
            s.scalars(select(Province).where(Province.name == resolved.name)).first() if resolved else None
        )
        judge = Judge(
            code=code,
            name=new.name.strip(),
            institution=new.institution.strip(),
            province=province,
            phone=new.phone.strip(),
            email=new.email.strip(),
            expertise=list(new.expertise),
        )
        s.add(judge)
        s.flush()
        _institution_conflict(s, judge)
        audit.record(s, "judge.add", code, actor=actor, name=judge.name)
        return judge.id


def _row(j: Judge, conflicts: int) -> JudgeRow:
    return JudgeRow(
        id=j.id,
        code=j.code,
        name=j.name,
        institution=j.institution,
        province=j.province.name if j.province else "",
        expertise=tuple(j.expertise),
        phone=j.phone,
        email=j.email,
        status=j.status,
        dropped_at=j.dropped_at,
        drop_reason=j.drop_reason,
        conflicts=conflicts,
    )


def list_judges(ws: Workspace, *, active_only: bool = False) -> list[JudgeRow]:
    """Every enrolled judge (or only those still active), by code."""
    with ws.sessions() as s:
        counts = dict(s.execute(select(Conflict.judge_id, func.count()).group_by(Conflict.judge_id)).all())
        query = select(Judge).options(selectinload(Judge.province)).order_by(Judge.code)
        if active_only:
            query = query.where(Judge.status == JudgeStatus.ACTIVE)
        return [_row(j, counts.get(j.id, 0)) for j in s.scalars(query)]


def get_judge(ws: Workspace, ref: str | int) -> JudgeRow:
    """One judge by code or id."""
    with ws.sessions() as s:
        judge = judge_by_ref(s, ref)
        count = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.judge_id == judge.id))
        return _row(judge, count or 0)


def edit_judge(ws: Workspace, ref: str | int, edit: JudgeEdit, actor: str = "organizer") -> JudgeRow:
    """Change a judge's details; every changed field is audited with its old and new value.

    A new institution replaces the institution conflict (the assignment also matches it by name through
    the merged hospital spellings, ``app.judging.conflicts``).
    """
    rules = ws.rules
    with ws.sessions.begin() as s:
        judge = judge_by_ref(s, ref)
        changes: dict[str, list[object]] = {}

        def change(attr: str, new: object) -> None:
            old = getattr(judge, attr)
            if old != new:
                changes[attr] = [old, new]
                setattr(judge, attr, new)

        if edit.name is not None:
            if not edit.name.strip():
                raise DomainError("judge_name_required")
            change("name", edit.name.strip())
        for attr in ("institution", "phone", "email"):
            value = getattr(edit, attr)
            if value is not None:
                change(attr, value.strip())
        if edit.province is not None:
            province = _province(s, rules, edit.province)
            old = judge.province.name if judge.province else ""
            new = province.name if province else ""
            if old != new:
                changes["province"] = [old, new]
                judge.province = province
        if edit.expertise is not None:
            change("expertise", _check_themes(rules, edit.expertise))
        if "institution" in changes:
            _institution_conflict(s, judge)
        if changes:
            audit.record(s, "judge.edit", judge.code, actor=actor, changes=changes)
        s.flush()
        count = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.judge_id == judge.id))
        return _row(judge, count or 0)
