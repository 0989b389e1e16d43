# SPDX-License-Identifier: Apache-2.0
"""Results services: compute a round, change its scoring method, record draws, override awards.

Each call is one user action: one session, and a change writes its audit event in the same
transaction. What comes back is frozen values (``app.results.types``), never rows.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from sqlalchemy import select

from app import audit
from app.errors import DomainError
from app.glossary.terms import round_name
from app.models import AwardOverride, Case, Hospital, TieDraw
from app.results import frame
from app.results.awards import hospital_awards, round_award_keys, season_award_keys
from app.results.compute import compute_round, compute_votes
from app.results.ranking import draw_order
from app.results.types import (
    METHODS,
    SEASON_ROUND,
    VOTES_METHOD,
    VOTES_ROUND,
    Draw,
    GroupResult,
    HospitalAward,
    Override,
    RoundResults,
)
from app.rounds.advance import RankedCase as AdvanceRanked
from app.workspace import Workspace

#: The longest reason an override keeps (it is shown in every export).
MAX_REASON = 500


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """A round the results view can show: key, name, scoring method, whether it is live."""

    key: str
    name: str
    method: str
    live: bool


def result_rounds(ws: Workspace) -> tuple[RoundChoice, ...]:
    """Rounds with assignments (so with results), in order; plus public voting if the season awards votes."""
    with ws.sessions() as s:
        out = [RoundChoice(r.key, r.name, r.scoring_method, r.live) for r in frame.rounds_with_assignments(s)]
    if any(a.basis == "votes" for a in ws.rules.awards):
        out.append(RoundChoice(VOTES_ROUND, round_name(VOTES_ROUND, ws.season_year), VOTES_METHOD, False))
    return tuple(out)


def round_results(ws: Workspace, round_key: str) -> RoundResults:
    """A round's results from the merged, submitted scores (``voting``: the public-vote ranking)."""
    if round_key == VOTES_ROUND:
        return vote_results(ws)
    with ws.sessions() as s:
        inp = frame.round_input(s, round_key)
    return compute_round(ws.rules, inp)


def vote_results(ws: Workspace) -> RoundResults:
    """The public-vote ranking of every case not rejected, and the awards whose basis is votes."""
    with ws.sessions() as s:
        cases = frame.case_infos(s, None)
        drawn = frame.draws(s, VOTES_ROUND)
        overridden = frame.overrides(s, VOTES_ROUND)
    result = compute_votes(ws.rules, cases, drawn, overridden)
    return replace(result, round_name=round_name(VOTES_ROUND, ws.season_year))


def advance_ranking(ws: Workspace) -> Callable[[str], list[AdvanceRanked]]:
    """The results engine as ``app.rounds.advance`` asks for it: ``ranking(round_key)`` → every ranked
    case best first, group by group, with its rank and the awards it holds (overrides applied: the
    proposal sends on the holders of the admitting award); ``tied`` when a draw decided its place or
    the tie is still open."""

    def ranking(round_key: str) -> list[AdvanceRanked]:
        results = round_results(ws, round_key)
        return [
            AdvanceRanked(
                c.case.id,
                float(c.result.score),
                c.tied or c.decided_by == "draw",
                rank=c.rank,
                awards=c.awards,
            )
            for g in results.groups
            for c in g.cases
            if c.result.score is not None
        ]

    return ranking


def season_awards(ws: Workspace) -> tuple[HospitalAward, ...]:
    """Hospital awards of the season (最佳组织奖 …): counted over every case entered, overrides applied."""
    with ws.sessions() as s:
        cases = frame.case_infos(s, [cid for cid in s.scalars(select(Case.id))])
        overridden = frame.overrides(s, SEASON_ROUND)
    return hospital_awards(ws.rules, cases, overridden)


def set_method(ws: Workspace, round_key: str, method: str, actor: str = "organizer") -> None:
    """Change how a round's marks become its score (mean, trimmed, zscore); audited."""
    if method not in METHODS:
        raise DomainError("unknown_method", method=method, known="、".join(METHODS))
    with ws.sessions.begin() as s:
        rnd = frame.get_round(s, round_key)
        before = rnd.scoring_method
        if before == method:
            return
        rnd.scoring_method = method
        audit.record(s, frame.METHOD_ACTION, round_key, actor=actor, before=before, after=method)


def record_draws(
    ws: Workspace,
    round_key: str,
    seed: int | None = None,
    actor: str = "organizer",
    group_keys: Collection[str] | None = None,
) -> tuple[Draw, ...]:
    """Draw lots for every tie the round still shows (in its groups and at its award boundaries);
    ``group_keys``: only in those groups (a live session settles its own group, no other).

    One seed for the whole call (a fresh random one unless given); each draw is stored with it and its
    order, and audited, so the result can be redone and checked by anyone.
    """
    results = round_results(ws, round_key)
    ties: dict[tuple[str, tuple[int, ...]], None] = {}
    for group in results.groups:
        for run in _group_ties(group):
            ties[(group.key, run)] = None
    for pending in results.pending:
        ties[(pending.group_key, tuple(sorted(pending.case_ids)))] = None
    if group_keys is not None:
        ties = {tie: None for tie in ties if tie[0] in group_keys}
    if not ties:
        return ()
    seed = secrets.randbelow(2**31) if seed is None else seed
    made = []
    with ws.sessions.begin() as s:
        for group_key, ids in ties:
            order = draw_order(seed, ids)
            row = TieDraw(
                round_key=round_key, group_key=group_key, case_ids=sorted(ids), seed=seed, order=list(order)
            )
            row.actor = actor
            s.add(row)
            s.flush()
            codes = dict(s.execute(select(Case.id, Case.code).where(Case.id.in_(ids))).all())
            audit.record(
                s,
                frame.DRAW_ACTION,
                round_key,
                actor=actor,
                draw_id=row.id,
                group=group_key,
                seed=seed,
                order=[codes.get(cid, str(cid)) for cid in order],
            )
            made.append(Draw(row.id, round_key, group_key, tuple(sorted(ids)), seed, order, None, actor))
    return tuple(made)


def _group_ties(group: GroupResult) -> list[tuple[int, ...]]:
    """The case ids of each run of a group still tied (sharing a rank, no draw yet)."""
    runs: dict[int, list[int]] = {}
    for c in group.cases:
        if c.tied and c.rank is not None:
            runs.setdefault(c.rank, []).append(c.case.id)
    return [tuple(sorted(ids)) for ids in runs.values()]


def override_award(
    ws: Workspace,
    round_key: str,
    award_key: str,
    *,
    grant: bool,
    reason: str,
    case_code: str | None = None,
    hospital: str | None = None,
    actor: str = "organizer",
) -> Override:
    """Grant or withdraw an award of a case (or, for a season award, a hospital), with a reason; audited."""
    reason = reason.strip()
    if not reason:
        raise DomainError("override_needs_reason")
    if len(reason) > MAX_REASON:
        raise DomainError("override_reason_too_long", limit=MAX_REASON)
    rules = ws.rules
    if round_key == SEASON_ROUND:
        allowed = season_award_keys(rules)
    elif round_key == VOTES_ROUND:
        allowed = tuple(a.key for a in rules.awards if a.basis == "votes")
    else:
        allowed = round_award_keys(rules, round_key)
    if award_key not in allowed:
        raise DomainError("award_not_in_round", award=award_key, round=round_key, known="、".join(allowed))
    with ws.sessions.begin() as s:
        if round_key not in (SEASON_ROUND, VOTES_ROUND):
            frame.get_round(s, round_key)
        case_id = hospital_id = None
        subject = ""
        if round_key == SEASON_ROUND:
            h = s.scalars(select(Hospital).where(Hospital.name == (hospital or ""))).first()
            if h is None:
                raise DomainError("override_unknown_hospital", hospital=hospital or "")
            hospital_id, subject = h.id, h.name
        else:
            c = s.scalars(select(Case).where(Case.code == (case_code or ""))).first()
            if c is None:
                raise DomainError("override_unknown_case", case=case_code or "")
            case_id, subject = c.id, f"{c.code} {c.title}"
        row = AwardOverride(
            round_key=round_key,
            award_key=award_key,
            case_id=case_id,
            hospital_id=hospital_id,
            grant=grant,
            reason=reason,
            actor=actor,
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            frame.OVERRIDE_ACTION,
            subject[:120],
            actor=actor,
            override_id=row.id,
            round=round_key,
            award=award_key,
            grant=grant,
            reason=reason,
        )
        return Override(
            id=row.id,
            round_key=round_key,
            award_key=award_key,
            case_id=case_id,
            hospital_id=hospital_id,
            grant=grant,
            reason=reason,
            actor=actor,
            at=row.created_at,
            subject=subject,
        )
