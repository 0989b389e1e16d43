# SPDX-License-Identifier: Apache-2.0
"""A judge drops out mid-round: one action keeps what they scored, hands their other cases to the
remaining judges (balanced, conflict-free, by the round's solver) and rebuilds the packages that changed.

All of it is one transaction: if some released case can find no judge, nothing changes and the error
names the case and why. Packages are rebuilt after the commit (with the organizer's passphrase); without
one, the report lists the judges who need a new package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app import audit
from app.bundles.package import BuiltPackage, build_packages
from app.errors import DomainError
from app.judging.assignment.service import fill_session, release_unscored
from app.models import Assignment, Case, Judge, JudgeStatus, Round
from app.models.base import utcnow
from app.refs import judge_by_ref
from app.rounds.service import settings_row
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RoundHandover:
    """What happened to a dropped judge's cases in one round."""

    round: str
    kept: tuple[str, ...]  # case codes they submitted scores for: stay theirs
    released: tuple[str, ...]  # case codes taken from them
    reassigned: tuple[tuple[str, str], ...]  # (case code, new judge code)
    judges_changed: tuple[str, ...]  # judges who got new cases


@dataclass(frozen=True, slots=True)
class DropOutReport:
    """The whole drop-out: each round's handover and the packages rebuilt (or still to build)."""

    judge: str
    reason: str
    rounds: tuple[RoundHandover, ...]
    rebuilt: tuple[BuiltPackage, ...]
    needs_package: tuple[tuple[str, str], ...]  # (round key, judge code) without a new package yet


def drop_out(
    ws: Workspace,
    judge_ref: str,
    reason: str,
    *,
    seed: int = 0,
    packages_dir: Path | None = None,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    actor: str = "organizer",
) -> DropOutReport:
    """Mark a judge dropped out and hand their unscored cases over, in every round not closed."""
    if not reason.strip():
        raise DomainError("drop_reason_required")
    handovers: list[RoundHandover] = []
    with ws.sessions.begin() as s:
        judge = judge_by_ref(s, judge_ref)
        if judge.status == JudgeStatus.DROPPED:
            raise DomainError("judge_already_dropped", judge=judge.code)
        judge.status = JudgeStatus.DROPPED.value
        judge.dropped_at = utcnow()
        judge.drop_reason = reason.strip()
        s.flush()
        rounds = s.scalars(
            select(Round)
            .where(Round.id.in_(select(Assignment.round_id).where(Assignment.judge_id == judge.id)))
            .order_by(Round.position)
        ).all()
        codes = dict(s.execute(select(Case.id, Case.code)).all())
        judge_codes = dict(s.execute(select(Judge.id, Judge.code)).all())
        for rnd in rounds:
            if settings_row(s, rnd).closed_at is not None:
                continue
            kept = s.scalars(
                select(Assignment.case_id).where(
                    Assignment.round_id == rnd.id,
                    Assignment.judge_id == judge.id,
                    Assignment.submitted_at.is_not(None),
                )
            ).all()
            released = release_unscored(s, rnd.id, judge.id)
            added: list[tuple[int, int]] = []
            if released:
                _, _, added = fill_session(s, rnd.key, seed, only_cases=set(released), actor=actor)
            handovers.append(
                RoundHandover(
                    rnd.key,
                    tuple(sorted(codes[c] for c in kept)),
                    tuple(sorted(codes[c] for c in released)),
                    tuple(sorted((codes[c], judge_codes[j]) for j, c in added)),
                    tuple(sorted({judge_codes[j] for j, _ in added})),
                )
            )
        audit.record(
            s,
            "judge.drop_out",
            judge.code,
            actor=actor,
            reason=judge.drop_reason,
            rounds={h.round: {"kept": list(h.kept), "released": list(h.released)} for h in handovers},
        )
        code = judge.code
    rebuilt, pending = _rebuild(ws, handovers, packages_dir, passphrase, progress, cancel, actor)
    return DropOutReport(code, reason.strip(), tuple(handovers), tuple(rebuilt), tuple(pending))


def _rebuild(
    ws: Workspace,
    handovers: list[RoundHandover],
    packages_dir: Path | None,
    passphrase: str | None,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
    actor: str,
) -> tuple[list[BuiltPackage], list[tuple[str, str]]]:
    """New packages for the judges whose cases changed, or the list of them when no passphrase."""
    wanted = [(h.round, code) for h in handovers for code in h.judges_changed]
    if packages_dir is None or passphrase is None or not wanted:
        return [], wanted
    built: list[BuiltPackage] = []
    with ws.sessions() as s:
        ids = dict(s.execute(select(Judge.code, Judge.id)).all())
    for h in handovers:
        if h.judges_changed:
            built += build_packages(
                ws,
                h.round,
                [ids[c] for c in h.judges_changed],
                packages_dir,
                passphrase,
                progress=progress,
                cancel=cancel,
                actor=actor,
            )
    return built, []


def reinstate(ws: Workspace, judge_ref: str, actor: str = "organizer") -> None:
    """Take a drop-out back: the judge may be assigned again (their released cases stay reassigned)."""
    with ws.sessions.begin() as s:
        judge = judge_by_ref(s, judge_ref)
        if judge.status != JudgeStatus.DROPPED:
            raise DomainError("judge_not_dropped", judge=judge.code)
        judge.status = JudgeStatus.ACTIVE.value
        judge.dropped_at = None
        audit.record(s, "judge.reinstate", judge.code, actor=actor, reason=judge.drop_reason)
        judge.drop_reason = ""
