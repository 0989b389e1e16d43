# SPDX-License-Identifier: Apache-2.0
"""Who takes part in a round and how it is assigned: its cases (with who admitted them and why), its
judges, and its assignment settings (judges per case, soft conflicts to avoid, expertise)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, utcnow


class Admission(StrEnum):
    """How a case came into a round."""

    #: Passed screening (初筛通过): the entry of the first judged rounds.
    APPROVED = "approved"
    #: Proposed by the season's advance rule from the previous round's ranking, kept as proposed.
    RULE = "rule"
    #: Added by the organizer against the proposal (with a reason).
    ADJUSTED = "adjusted"
    #: From an explicit list the organizer gave (before the results engine ranks).
    LIST = "list"


class ExpertiseMode(StrEnum):
    """How a judge's themes of expertise weigh in assignment."""

    PREFER = "prefer"  # preferred, never required
    REQUIRE = "require"  # a judge only gets cases of their themes
    IGNORE = "ignore"


class RoundSettings(Base):
    """How a round is assigned; one row per round, made with the defaults when first needed."""

    __tablename__ = "round_settings"

    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    judges_per_case: Mapped[int] = mapped_column(default=3)
    avoid_same_province: Mapped[bool] = mapped_column(default=True)
    avoid_same_region: Mapped[bool] = mapped_column(default=False)
    expertise: Mapped[str] = mapped_column(String(10), default=ExpertiseMode.PREFER.value)
    #: At most this many cases per judge (None: no limit beyond balance).
    max_per_judge: Mapped[int | None]
    #: The seed of the last solved assignment, so it can be reproduced.
    seed: Mapped[int | None]
    #: When the organizer closed the round (no more changes to its assignment).
    closed_at: Mapped[datetime | None]


class RoundCase(Base, Timestamped):
    """A case taking part in a round, with who admitted it, how, and why."""

    __tablename__ = "round_case"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    admission: Mapped[str] = mapped_column(String(20), default=Admission.RULE.value)
    reason: Mapped[str] = mapped_column(default="")
    actor: Mapped[str] = mapped_column(String(60), default="organizer")
    from_round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id"))


class RoundJudge(Base):
    """A judge named for a round; a round with none named uses every active judge."""

    __tablename__ = "round_judge"
    __table_args__ = (UniqueConstraint("round_id", "judge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"), index=True)
    actor: Mapped[str] = mapped_column(String(60), default="organizer")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
