# SPDX-License-Identifier: Apache-2.0
"""Writing cases into a workspace: hospitals by name, region by province, files into the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import DomainError
from app.models import Case, CaseFile, CaseStatus, Category, Hospital, Province, Region, Theme, Tier
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class NewCase:
    """A case as it arrives (from a sheet row or the demo generator), before it is stored."""

    code: str
    hospital: str
    province: str
    theme: int | None
    title: str
    recommendation: str = ""
    tier: str | None = None  # tier code or name
    category: str | None = None  # category code or name
    votes: int | None = None
    pdf: Path | None = None
    video: Path | None = None
    submitted_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def add_case(
    ws: Workspace, new: NewCase, progress: Callable[[int], None] | None = None, actor: str = "organizer"
) -> int:
    """Store one case and its files; returns the case id. Files are streamed into the store first,
    so a failed copy leaves the database untouched."""
    stored = []
    for kind, path in (("pdf", new.pdf), ("video", new.video)):
        if path is not None:
            if not path.is_file():
                raise DomainError("file_missing", path=str(path))
            sf = ws.store.add_file(path, progress)
            stored.append(CaseFile(kind=kind, sha256=sf.sha256, size=sf.size, original_name=path.name))
    rules = ws.rules
    with ws.sessions.begin() as s:
        if s.scalar(select(Case.id).where(Case.code == new.code)) is not None:
            raise DomainError("case_exists", case_code=new.code)
        resolved = rules.resolve_province(new.province)
        province = _province(s, resolved.name if resolved else None)
        hospital = hospital_by_name(s, new.hospital, province)
        case = Case(
            code=new.code,
            hospital=hospital,
            theme=_by(s, Theme, number=new.theme) if new.theme is not None else None,
            region_id=province.region_id if province else None,
            tier=_code_or_name(s, Tier, new.tier),
            category=_code_or_name(s, Category, new.category),
            title=new.title,
            recommendation=new.recommendation,
            votes=new.votes,
            status=CaseStatus.SUBMITTED.value,
            submitted_at=new.submitted_at,
            extra=dict(new.extra),
        )
        case.files = stored
        s.add(case)
        s.flush()
        audit.record(s, "case.add", new.code, actor=actor, hospital=new.hospital)
        return case.id


def hospital_by_name(s: Session, name: str, province: Province | None) -> Hospital:
    """The hospital with exactly this name, created if new."""
    hospital = s.scalars(select(Hospital).where(Hospital.name == name)).first()
    if hospital is None:
        hospital = Hospital(name=name, province=province)
        s.add(hospital)
    elif hospital.province is None and province is not None:
        hospital.province = province
    return hospital


def _province(s: Session, name: str | None) -> Province | None:
    if name is None:
        return None
    return s.scalars(select(Province).join(Region).where(Province.name == name)).first()


def _by(s: Session, model: type[Theme], **where: Any) -> Theme | None:
    return s.scalars(select(model).filter_by(**where)).first()


def _code_or_name(s: Session, model: type[Tier] | type[Category], value: str | None) -> Any:
    if not value:
        return None
    return s.scalars(select(model).where((model.code == value) | (model.name == value))).first()
