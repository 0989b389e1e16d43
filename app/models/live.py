# SPDX-License-Identifier: Apache-2.0
"""A live round's session (现场赛): its setup, presentation order and progress, kept across a restart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, utcnow
from app.models.cases import Case
from app.models.judging import Round


class LiveSession(Base, Timestamped):
    """One live group of a round (e.g. 主题五 theme final): setup, draw and where the show stands.

    Progress (scene, case on stage, slide page, reveal step, timer) is written on every operator action,
    so the organizer's laptop can restart mid-event and pick up where the hall is.
    """

    __tablename__ = "live_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"), index=True)
    group_key: Mapped[str] = mapped_column(String(40), default="")  # "" = the whole round
    title: Mapped[str] = mapped_column(String(200), default="")
    judges: Mapped[list[Any]] = mapped_column(default=list)  # judge codes present, in seat order
    talk_seconds: Mapped[int] = mapped_column(default=480)
    questions_seconds: Mapped[int] = mapped_column(default=120)
    warnings: Mapped[list[Any]] = mapped_column(default=list)  # seconds left that raise a warning
    order_source: Mapped[str] = mapped_column(String(10), default="draw")  # draw | manual
    draw_seed: Mapped[int | None]
    bind: Mapped[str] = mapped_column(String(64), default="")
    port: Mapped[int] = mapped_column(default=0)
    stealth: Mapped[bool] = mapped_column(default=False)
    # progress
    scene: Mapped[str] = mapped_column(String(20), default="welcome")
    position: Mapped[int] = mapped_column(default=0)  # index into the order of the case on stage
    slides_page: Mapped[int] = mapped_column(default=0)
    show_slides: Mapped[bool] = mapped_column(default=False)
    reveal_step: Mapped[int] = mapped_column(default=0)
    timer_phase: Mapped[int] = mapped_column(default=0)
    timer_elapsed: Mapped[float] = mapped_column(default=0.0)  # seconds into the phase, when last saved
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    round: Mapped[Round] = relationship()
    slots: Mapped[list[LiveSlot]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="LiveSlot.position"
    )


class LiveSlot(Base):
    """A case's place in a session's presentation order (抽签)."""

    __tablename__ = "live_slot"
    __table_args__ = (UniqueConstraint("session_id", "position"), UniqueConstraint("session_id", "case_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_session.id"), index=True)
    position: Mapped[int]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"))

    session: Mapped[LiveSession] = relationship(back_populates="slots")
    case: Mapped[Case] = relationship()
