# SPDX-License-Identifier: Apache-2.0
"""What arrived and what changed: imported score bundles and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class ImportedBundle(Base):
    """A judge's signed score bundle that was merged (or refused, with its reason)."""

    __tablename__ = "imported_bundle"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int | None] = mapped_column(ForeignKey("judge.id"), index=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id"))
    package_id: Mapped[str] = mapped_column(String(64), default="")
    revision: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Who changed what, and when; every organizer action that changes data writes one."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60), default="organizer")
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
