# SPDX-License-Identifier: Apache-2.0
"""A simple round-robin assignment, used until the assignment issue brings the real one.

Each eligible case goes to the next judges in turn, skipping a judge with a conflict of interest (own
hospital, declared tie, or that case), so packages can be built for a round nobody has assigned yet.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app import audit
from app.errors import DomainError
from app.judging import DEFAULT_JUDGES_PER_CASE
from app.models import Assignment, Case, CaseStatus, Conflict, Judge, Round
from app.workspace import Workspace


def ensure_round_robin(
    ws: Workspace, round_key: str, judges_per_case: int = DEFAULT_JUDGES_PER_CASE, actor: str = "organizer"
) -> int:
    """Assign the round's cases round-robin if the round has no assignment yet; returns rows created.

    Eligible cases are the approved ones; while screening has approved none, every case not rejected.
    Each case goes to the least-loaded judges without a conflict with it, taking turns among equals.
    """
    with ws.sessions.begin() as s:
        rnd = s.scalars(select(Round).where(Round.key == round_key)).first()
        if rnd is None:
            raise DomainError("unknown_round", round=round_key)
        existing = s.scalar(select(func.count()).select_from(Assignment).where(Assignment.round_id == rnd.id))
        if existing:
            return 0
        judges = list(s.scalars(select(Judge).order_by(Judge.code)))
        if not judges:
            raise DomainError("no_judges")
        cases = list(
            s.scalars(select(Case).where(Case.status == CaseStatus.APPROVED.value).order_by(Case.code))
        )
        if not cases:
            cases = list(
                s.scalars(select(Case).where(Case.status != CaseStatus.REJECTED.value).order_by(Case.code))
            )
        conflicts = {(c.judge_id, c.hospital_id, c.case_id) for c in s.scalars(select(Conflict))}
        blocked_hospital = {(j, h) for j, h, _ in conflicts if h is not None}
        blocked_case = {(j, c) for j, _, c in conflicts if c is not None}
        per_case = max(1, min(judges_per_case, len(judges)))
        load = [0] * len(judges)
        created = 0
        for turn, case in enumerate(cases):
            free = [
                i
                for i, judge in enumerate(judges)
                if (judge.id, case.hospital_id) not in blocked_hospital
                and (judge.id, case.id) not in blocked_case
            ]
            # the least-loaded judges first; among equals, the next ones in turn
            free.sort(key=lambda i: (load[i], (i - turn * per_case) % len(judges)))
            chosen = [judges[i] for i in free[:per_case]]
            for i in free[:per_case]:
                load[i] += 1
            for judge in chosen:
                s.add(Assignment(round_id=rnd.id, judge_id=judge.id, case_id=case.id))
                created += 1
        audit.record(s, "assignment.round_robin", round_key, actor=actor, rows=created, per_case=per_case)
        return created
