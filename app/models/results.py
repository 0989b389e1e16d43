# SPDX-License-Identifier: Apache-2.0
"""What the organizer decided about results beyond the rules: award overrides and recorded tie draws."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped


class AwardOverride(Base, Timestamped):
    """The organizer grants or withdraws one award of one case (or hospital), with a reason.

    Applied after the rules, in id order (the last word on an award and a case counts). Each row has an
    ``results.override`` audit event naming its id; ``leitai results verify`` accepts a difference from the
    rules only when such an event exists.
    """

    __tablename__ = "award_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_key: Mapped[str] = mapped_column(String(20), index=True)  # or "voting" / "season"
    award_key: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    hospital_id: Mapped[int | None] = mapped_column(ForeignKey("hospital.id"))
    grant: Mapped[bool]
    reason: Mapped[str]
    actor: Mapped[str] = mapped_column(String(60), default="organizer")


class TieDraw(Base, Timestamped):
    """A recorded draw (抽签) that orders cases still tied after every tie-break step.

    ``order`` follows from ``seed`` and ``case_ids`` (app/results/ranking.py ``draw_order``), so anyone can
    redo it; each row has a ``results.draw`` audit event naming its id.
    """

    __tablename__ = "tie_draw"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_key: Mapped[str] = mapped_column(String(20), index=True)
    group_key: Mapped[str] = mapped_column(String(120))
    case_ids: Mapped[list[Any]]  # the tied cases, ascending
    seed: Mapped[int]
    order: Mapped[list[Any]]  # the same cases as drawn, first place first
    actor: Mapped[str] = mapped_column(String(60), default="organizer")
