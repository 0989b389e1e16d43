# SPDX-License-Identifier: Apache-2.0
"""Intake and screening records: findings per case, the history of resubmissions, merged hospital
spellings, and the screening decisions that ``undo`` can take back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, utcnow


class Finding(Base, Timestamped):
    """One problem the intake checks found with one revision of a case (a rule broken, or advisory)."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(default=1)
    code: Mapped[str] = mapped_column(String(40), index=True)
    severity: Mapped[str] = mapped_column(String(10))  # "violation" | "warning"
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: Depends on other cases too (duplicate theme, hospital spelling): recomputed over the workspace.
    cross_case: Mapped[bool] = mapped_column(default=False)


class CaseRevision(Base):
    """A version of a case as it was submitted: the sheet's fields and the files' hashes, kept when a
    hospital resubmits (same 案例编号, newer content) so nothing submitted is ever lost."""

    __tablename__ = "case_revision"
    __table_args__ = (UniqueConstraint("case_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the snapshot, to spot repeats
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source: Mapped[str] = mapped_column(default="")
    submitted_at: Mapped[datetime | None]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class HospitalAlias(Base, Timestamped):
    """A spelling merged into a hospital: later imports under that spelling land on the hospital."""

    __tablename__ = "hospital_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    hospital_id: Mapped[int] = mapped_column(ForeignKey("hospital.id", ondelete="CASCADE"), index=True)


class ScreeningAction(Base):
    """One screening step (approve, reject, bulk approve) with each case's status before and after, so
    ``undo`` restores exactly what was there."""

    __tablename__ = "screening_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60), default="organizer")
    action: Mapped[str] = mapped_column(String(30))
    #: [{"case_id", "code", "from_status", "from_reason", "to_status", "to_reason"}]
    changes: Mapped[list[Any]] = mapped_column(default=list)
    undone: Mapped[bool] = mapped_column(default=False)
