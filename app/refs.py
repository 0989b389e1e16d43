# SPDX-License-Identifier: Apache-2.0
"""What a user means by a reference typed at the CLI or picked in the GUI: the row it names, or a
DomainError that says nothing matched. Shared by every service (rounds, judging, results, live), so it
sits below them all."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import Judge


def judge_by_ref(s: Session, ref: str | int) -> Judge:
    """The judge a user means by a code (J001) or an id; DomainError if none."""
    text = str(ref).strip()
    cond = [Judge.code == text]
    if text.isdigit():
        cond.append(Judge.id == int(text))
    judge = s.scalars(select(Judge).where(or_(*cond)).order_by(Judge.id)).first()
    if judge is None:
        raise DomainError("unknown_judge", judge=text)
    return judge
