# SPDX-License-Identifier: Apache-2.0
"""Submitted cases and the files they carry (stored by SHA-256 in the workspace's file store)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped
from app.models.reference import Category, Hospital, Region, Theme, Tier


class CaseStatus(StrEnum):
    """Where a case stands in screening (初筛)."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class Case(Base, Timestamped):
    """案例: one hospital's submission to one theme."""

    __tablename__ = "case"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # 案例编号
    hospital_id: Mapped[int] = mapped_column(ForeignKey("hospital.id"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    title: Mapped[str] = mapped_column(String(300))
    recommendation: Mapped[str] = mapped_column(default="")
    votes: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(20), default=CaseStatus.SUBMITTED.value, index=True)
    status_reason: Mapped[str] = mapped_column(default="")
    submitted_at: Mapped[datetime | None]
    revision: Mapped[int] = mapped_column(default=1)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)  # unknown sheet columns, kept

    hospital: Mapped[Hospital] = relationship()
    theme: Mapped[Theme | None] = relationship()
    region: Mapped[Region | None] = relationship()
    tier: Mapped[Tier | None] = relationship()
    category: Mapped[Category | None] = relationship()
    files: Mapped[list[CaseFile]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseFile.id"
    )


class CaseFile(Base, Timestamped):
    """A file of a case (slides PDF or video); the bytes live in the content store under ``sha256``."""

    __tablename__ = "case_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "pdf" | "video"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    original_name: Mapped[str] = mapped_column(String(300))
    revision: Mapped[int] = mapped_column(default=1)
    current: Mapped[bool] = mapped_column(default=True)

    case: Mapped[Case] = relationship(back_populates="files")
