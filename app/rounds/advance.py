# SPDX-License-Identifier: Apache-2.0
"""Advancing cases into a round by the season's rule: a proposal from the ranking, adjusted by the
organizer (each change with a reason), then written as the round's cases and audited.

The season file says how each round is entered (``[[rounds]] entry``): ``approved`` — every case that
passed screening; ``award`` — the tickets of an award of an earlier round (``entry_award``: its count or
fraction per group of its scope, among its category), e.g. 2022's "advance" (20 % of each theme group
go to the theme final) or 2020's "finalist" (3 per region and theme); ``final_tickets`` — each group's
winner of the previous round plus ``extra`` more (2022: 10 theme winners + 4).

The proposal reads the results (a ``Ranking``: ``app.results.service.advance_ranking``): each group's
order, and who holds the admitting award — the results engine decided it, with its draws and the
organizer's audited overrides, so there is one rule for who advances, not two. Only an award without a
number (2020's 赛区优秀案例: every ranked case) leaves the number to the organizer (``count`` /
``fraction``), taken from the top of each group. An explicit list of cases is always possible.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import DomainError
from app.glossary.assignment import GROUP
from app.glossary.terms import theme_label
from app.models import (
    Admission,
    Assignment,
    Case,
    CaseStatus,
    Category,
    Hospital,
    Region,
    Round,
    RoundCase,
    Theme,
)
from app.rounds.service import ensure_open, round_by_key, round_case_ids
from app.seasons import FINAL_TICKET_AWARD, AwardRule, RoundRule, SeasonRules
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class RankedCase:
    """A case in a round's ranking: best first; ``tied`` when its place was decided by a draw or is
    still an unresolved tie (the proposal flags a group whose boundary falls on one); ``rank`` its place
    in its group as the results show it (shared by a tie); ``awards`` the award keys it holds in that
    round, overrides applied (the holders of the admitting award are the proposal)."""

    case_id: int
    score: float | None = None
    tied: bool = False
    rank: int | None = None
    awards: tuple[str, ...] = ()


#: The results engine's view of a round: ``ranking(round_key)`` → every ranked case, best first, each
#: group's order kept (cases of different groups may interleave). Only submitted scores count.
Ranking = Callable[[str], Sequence[RankedCase]]


@dataclass(frozen=True, slots=True)
class ProposedCase:
    """A case of the source round and whether the rule sends it on."""

    case_id: int
    code: str
    title: str
    hospital: str
    theme: int | None
    region: str
    rank: int | None  # within its group, 1 = best; None without a ranking
    score: float | None
    tied: bool
    proposed: bool


@dataclass(frozen=True, slots=True)
class ProposalGroup:
    """A group the rule counts in (a theme, a region and theme, or everything)."""

    key: str
    name: str
    quota: int | None  # how many the rule sends on (None: as listed)
    boundary_tie: bool
    cases: tuple[ProposedCase, ...]


@dataclass(frozen=True, slots=True)
class AdvanceProposal:
    """What the rule proposes for entering ``target``; ``apply_advance`` writes it with adjustments."""

    source: str
    target: str
    entry: str  # app.seasons.ENTRY_RULES
    award: str | None
    ranked: bool
    groups: tuple[ProposalGroup, ...]

    @property
    def proposed(self) -> tuple[int, ...]:
        return tuple(c.case_id for g in self.groups for c in g.cases if c.proposed)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """The organizer's change to a proposal: add (include) or drop a case, always with a reason."""

    case: str  # case code
    include: bool
    reason: str


@dataclass(frozen=True, slots=True)
class AdvanceResult:
    """The cases now in the target round."""

    target: str
    admitted: tuple[str, ...]
    adjustments: tuple[Adjustment, ...]


def _source_rule(rules: SeasonRules, target: RoundRule) -> tuple[str, AwardRule | None]:
    """The round whose cases compete for entry into ``target``, and the award that admits."""
    if target.entry == "none":
        raise DomainError("round_has_no_entry", round=target.name)
    if target.entry == "approved":
        return "screening", None
    if target.entry == "award":
        assert target.entry_award is not None  # the loader checks it
        award = rules.award(target.entry_award)
        assert award.round is not None
        return award.round, award
    keys = [r.key for r in rules.rounds]
    return keys[keys.index(target.key) - 1], None


def _natural(key: str) -> tuple[tuple[int, str], ...]:
    """Sort key that reads numbers as numbers: theme:2 before theme:10."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", key))


def _group_key(scope: str, theme: int | None, region: str) -> tuple[str, str]:
    if scope == "theme":
        return f"theme:{theme}", theme_label(theme)
    if scope == "region_theme":
        return f"{region}:{theme}", f"{region} {theme_label(theme)}"
    if scope == "region":
        return f"region:{region}", region
    return "all", GROUP["all"].text()


def admitting_award(rules: SeasonRules, target: RoundRule) -> str | None:
    """The award whose holders enter ``target`` (the final tickets for ``entry = "final_tickets"``), or
    None when the rule gives no number of its own and the organizer's number decides."""
    if target.entry == "final_tickets":
        return FINAL_TICKET_AWARD
    if target.entry == "award" and target.entry_award is not None:
        award = rules.award(target.entry_award)
        if award.count is not None or award.fraction is not None:
            return award.key
    return None


def _quota(size: int, count: int | None, fraction: float | None) -> int | None:
    """The organizer's number for an award that has none: ``count`` per group, or ``fraction`` of it
    rounded half up (a group that has cases sends at least one on)."""
    if count is not None:
        return min(count, size)
    if fraction is not None:
        return min(size, max(1, math.floor(size * fraction + 0.5))) if size else 0
    return None


def _members(s: Session, source: Round | None, category: str | None) -> list[ProposedCase]:
    query = (
        select(Case.id, Case.code, Case.title, Hospital.name, Theme.number, Region.name, Category.code)
        .join(Hospital, Hospital.id == Case.hospital_id)
        .outerjoin(Theme, Theme.id == Case.theme_id)
        .outerjoin(Region, Region.id == Case.region_id)
        .outerjoin(Category, Category.id == Case.category_id)
        .order_by(Case.code)
    )
    if source is None:
        query = query.where(Case.status == CaseStatus.APPROVED.value)
    else:
        query = query.where(Case.id.in_(round_case_ids(s, source)))
    return [
        ProposedCase(cid, code, title, hospital, theme, region or "", None, None, False, False)
        for cid, code, title, hospital, theme, region, cat in s.execute(query)
        if category is None or cat == category
    ]


def propose_advance(
    ws: Workspace,
    target_key: str,
    *,
    ranking: Ranking | None = None,
    explicit: Sequence[str] | None = None,
    count: int | None = None,
    fraction: float | None = None,
) -> AdvanceProposal:
    """The season rule's proposal for entering ``target_key``.

    With ``explicit`` (case codes) the list is the proposal; otherwise ``ranking`` (the results) orders
    each group and its holders of the admitting award are proposed — or, for an award without a number
    of its own, the top ``count`` / ``fraction`` of each group.
    """
    rules = ws.rules
    try:
        target_rule = rules.round(target_key)
    except KeyError:
        raise DomainError("unknown_round", round=target_key) from None
    source_key, award = _source_rule(rules, target_rule)
    with ws.sessions() as s:
        round_by_key(s, target_key)
        source = None if target_rule.entry == "approved" else round_by_key(s, source_key)
        members = _members(s, source, award.category if award else None)
        source_name = source.name if source else rules.round(source_key).name
    scope = (
        "theme"
        if target_rule.entry == "approved"
        else award.scope
        if award
        else rules.round(source_key).group_by or "national"
    )
    by_id = {m.case_id: m for m in members}
    if explicit is not None:
        wanted = _codes_to_ids(members, explicit, source_name)
        return _proposal(source_key, target_rule, award, scope, members, None, wanted, None, None)
    if target_rule.entry == "approved":
        return _proposal(source_key, target_rule, None, scope, members, None, set(by_id), None, None)
    if ranking is None:
        raise DomainError("advance_needs_ranking", round=source_name)
    ranked = [r for r in ranking(source_key) if r.case_id in by_id]
    admitting = admitting_award(rules, target_rule)
    if admitting is not None:
        holders = {r.case_id for r in ranked if admitting in r.awards}
        return _proposal(source_key, target_rule, award, scope, members, ranked, holders, None, None)
    if count is None and fraction is None:
        raise DomainError("advance_needs_number", award=award.name if award else target_rule.name)
    return _proposal(source_key, target_rule, award, scope, members, ranked, None, count, fraction)


def _codes_to_ids(members: list[ProposedCase], codes: Sequence[str], source_name: str) -> set[int]:
    by_code = {m.code: m.case_id for m in members}
    missing = [c for c in codes if c not in by_code]
    if missing:
        raise DomainError("advance_case_not_in_round", case=missing[0], round=source_name)
    return {by_code[c] for c in codes}


def _proposal(
    source_key: str,
    target: RoundRule,
    award: AwardRule | None,
    scope: str,
    members: list[ProposedCase],
    ranked: list[RankedCase] | None,
    wanted: set[int] | None,
    count: int | None,
    fraction: float | None,
) -> AdvanceProposal:
    """``wanted``: the cases proposed (an explicit list, every approved case, or the award's holders);
    None: the top ``count`` / ``fraction`` of each group by ``ranked``."""
    by_id = {m.case_id: m for m in members}
    groups: dict[tuple[str, str], list[ProposedCase]] = defaultdict(list)
    order = [r.case_id for r in ranked] if ranked is not None else [m.case_id for m in members]
    facts = {r.case_id: r for r in ranked or ()}
    for cid in order + [m.case_id for m in members if ranked is not None and m.case_id not in facts]:
        m = by_id[cid]
        groups[_group_key(scope, m.theme, m.region)].append(m)
    out: list[ProposalGroup] = []
    for (key, name), cases in sorted(groups.items(), key=lambda item: _natural(item[0][0])):
        quota: int | None = None
        if wanted is not None:
            chosen = {c.case_id for c in cases if c.case_id in wanted}
            if ranked is not None:
                quota = len(chosen)  # the holders: as many as the results gave this group
        else:
            quota = _quota(len(cases), count, fraction)
            chosen = {c.case_id for c in cases[: quota or 0]}
        rows = tuple(
            _ranked(c, i, facts, c.case_id in chosen, ranked is not None) for i, c in enumerate(cases)
        )
        # a tie on the boundary (or one still waiting for its draw) is flagged for a second look
        tie = quota is not None and any(r.tied for r in rows[max(0, quota - 1) : quota + 1])
        out.append(ProposalGroup(key, name, quota, tie, rows))
    return AdvanceProposal(
        source_key, target.key, target.entry, award.key if award else None, ranked is not None, tuple(out)
    )


def _ranked(
    c: ProposedCase, i: int, facts: dict[int, RankedCase], chosen: bool, ranked: bool
) -> ProposedCase:
    fact = facts.get(c.case_id)
    return ProposedCase(
        c.case_id,
        c.code,
        c.title,
        c.hospital,
        c.theme,
        c.region,
        _rank(fact, i) if ranked and fact is not None else None,
        fact.score if fact else None,
        fact.tied if fact else False,
        chosen,
    )


def _rank(fact: RankedCase, position: int) -> int:
    """The results' rank (shared by a tie), else the place in the ranking's order."""
    return fact.rank if fact.rank is not None else position + 1


def apply_advance(
    ws: Workspace, proposal: AdvanceProposal, adjustments: Sequence[Adjustment] = (), actor: str = "organizer"
) -> AdvanceResult:
    """Write the proposal, adjusted, as the target round's cases; every adjustment needs a reason.

    Refused once the target round has an assignment (its cases can no longer change).
    """
    for adj in adjustments:
        if not adj.reason.strip():
            raise DomainError("advance_reason_required", case=adj.case)
    members = {c.code: c for g in proposal.groups for c in g.cases}
    with ws.sessions.begin() as s:
        target = round_by_key(s, proposal.target)
        ensure_open(s, target)
        if s.scalar(select(Assignment.id).where(Assignment.round_id == target.id).limit(1)) is not None:
            raise DomainError("round_already_assigned", round=target.name)
        chosen = {c.case_id: _admission(proposal) for g in proposal.groups for c in g.cases if c.proposed}
        reasons: dict[int, str] = {}
        for adj in adjustments:
            case = members.get(adj.case)
            if case is None:
                raise DomainError("advance_case_not_in_round", case=adj.case, round=proposal.source)
            if adj.include:
                chosen[case.case_id] = Admission.ADJUSTED.value
                reasons[case.case_id] = adj.reason.strip()
            else:
                chosen.pop(case.case_id, None)
        if not chosen:
            raise DomainError("advance_empty", round=target.name)
        source = s.scalars(select(Round.id).where(Round.key == proposal.source)).first()
        s.execute(delete(RoundCase).where(RoundCase.round_id == target.id))
        for cid, admission in chosen.items():
            s.add(
                RoundCase(
                    round_id=target.id,
                    case_id=cid,
                    admission=admission,
                    reason=reasons.get(cid, ""),
                    actor=actor,
                    from_round_id=source,
                )
            )
        for adj in adjustments:
            audit.record(
                s,
                "round.advance.adjust",
                adj.case,
                actor=actor,
                source=proposal.source,
                into=proposal.target,
                include=adj.include,
                reason=adj.reason.strip(),
            )
        codes = sorted(c.code for g in proposal.groups for c in g.cases if c.case_id in chosen)
        audit.record(
            s,
            "round.advance",
            proposal.target,
            actor=actor,
            source=proposal.source,
            entry=proposal.entry,
            award=proposal.award,
            ranked=proposal.ranked,
            admitted=len(codes),
            adjustments=len(adjustments),
        )
    return AdvanceResult(proposal.target, tuple(codes), tuple(adjustments))


def _admission(proposal: AdvanceProposal) -> str:
    if proposal.entry == "approved":
        return Admission.APPROVED.value
    return Admission.RULE.value if proposal.ranked else Admission.LIST.value
