# SPDX-License-Identifier: Apache-2.0
"""The judge roster: enrol judges, with their institution recorded as a conflict of interest."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app import audit
from app.errors import DomainError
from app.models import Conflict, Hospital, Judge, Province
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
    id: int
    code: str
    name: str
    institution: str
    province: str
    expertise: tuple[int, ...]


def add_judge(ws: Workspace, new: NewJudge, actor: str = "organizer") -> int:
    """Enrol a judge; a judge working at a competing hospital gets a conflict with it at once."""
    rules = ws.rules
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
            name=new.name,
            institution=new.institution,
            province=province,
            phone=new.phone,
            email=new.email,
            expertise=list(new.expertise),
        )
        s.add(judge)
        s.flush()
        if new.institution:
            hospital = s.scalars(select(Hospital).where(Hospital.name == new.institution)).first()
            if hospital is not None:
                s.add(Conflict(judge_id=judge.id, hospital_id=hospital.id, reason="评委所在单位"))
        audit.record(s, "judge.add", code, actor=actor, name=new.name)
        return judge.id


def list_judges(ws: Workspace) -> list[JudgeRow]:
    with ws.sessions() as s:
        return [
            JudgeRow(
                j.id, j.code, j.name, j.institution, j.province.name if j.province else "", tuple(j.expertise)
            )
            for j in s.scalars(select(Judge).order_by(Judge.code))
        ]
