# SPDX-License-Identifier: Apache-2.0
"""Rounds, rubrics, judges, conflicts of interest, assignments and the scores judges give."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped
from app.models.cases import Case
from app.models.reference import Hospital, Province


class Rubric(Base):
    """评分细则: a named set of criteria, editable by the organizer."""

    __tablename__ = "rubric"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="rubric", cascade="all, delete-orphan", order_by="Criterion.position"
    )


class Criterion(Base):
    """One line of a rubric: a range ``0..max`` in steps of ``step``, weighted into the total.

    The database's criterion, which the organizer edits; the one type of the three kept for the
    workspace's boundary (the season file's is ``app.seasons.Criterion``, a package's on the wire and in
    the judge's home and the merge ``app.bundles.manifest.PackageCriterion``).
    """

    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("rubric_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id"))
    key: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(default="")
    max: Mapped[float]
    step: Mapped[float] = mapped_column(default=0.5)
    weight: Mapped[float] = mapped_column(default=1.0)
    position: Mapped[int] = mapped_column(default=0)

    rubric: Mapped[Rubric] = relationship(back_populates="criteria")


class Round(Base):
    """轮次: screening, voting, review, semifinal, final — in the season's order."""

    __tablename__ = "round"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    position: Mapped[int]
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    live: Mapped[bool] = mapped_column(default=False)
    blind: Mapped[bool] = mapped_column(default=False)
    #: How judges' marks become the round's score: mean | trimmed | zscore (app/results/scoring.py).
    scoring_method: Mapped[str] = mapped_column(String(20), default="mean")
    rubric_id: Mapped[int | None] = mapped_column(ForeignKey("rubric.id"))

    rubric: Mapped[Rubric | None] = relationship()


class JudgeStatus(StrEnum):
    """Whether a judge still takes part."""

    ACTIVE = "active"
    #: Dropped out (退出): never assigned again; what they scored stays.
    DROPPED = "dropped"


class ConflictKind(StrEnum):
    """Why a conflict row exists."""

    #: The judge's own institution, recorded at enrolment (also matched by name at assignment).
    INSTITUTION = "institution"
    #: Declared by the judge or the organizer: a hospital or one case.
    DECLARED = "declared"


class Judge(Base, Timestamped):
    """评审专家, enrolled by the organizer; ``public_key`` binds their signed score bundles."""

    __tablename__ = "judge"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    institution: Mapped[str] = mapped_column(String(200), default="")
    province_id: Mapped[int | None] = mapped_column(ForeignKey("province.id"))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    expertise: Mapped[list[Any]] = mapped_column(default=list)  # theme numbers
    public_key: Mapped[bytes | None]
    status: Mapped[str] = mapped_column(String(10), default=JudgeStatus.ACTIVE.value)
    dropped_at: Mapped[datetime | None]
    drop_reason: Mapped[str] = mapped_column(default="")

    province: Mapped[Province | None] = relationship()


class Conflict(Base, Timestamped):
    """A judge may not score a hospital's cases (their own institution, a declared tie) or one case."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"), index=True)
    hospital_id: Mapped[int | None] = mapped_column(ForeignKey("hospital.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    kind: Mapped[str] = mapped_column(String(12), default=ConflictKind.DECLARED.value)
    reason: Mapped[str] = mapped_column(default="")

    judge: Mapped[Judge] = relationship()
    hospital: Mapped[Hospital | None] = relationship()


class Assignment(Base, Timestamped):
    """A case given to a judge in a round; also holds that judge's comment and any recusal."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("round_id", "judge_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    comment: Mapped[str] = mapped_column(default="")
    recused: Mapped[bool] = mapped_column(default=False)
    recuse_reason: Mapped[str] = mapped_column(default="")
    submitted_at: Mapped[datetime | None]

    round: Mapped[Round] = relationship()
    judge: Mapped[Judge] = relationship()
    case: Mapped[Case] = relationship()


class Score(Base):
    """One judge's value for one criterion of one case in one round, as merged from a bundle."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("assignment_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    value: Mapped[float]
    bundle_id: Mapped[int | None] = mapped_column(ForeignKey("imported_bundle.id"))

    assignment: Mapped[Assignment] = relationship()
    criterion: Mapped[Criterion] = relationship()
