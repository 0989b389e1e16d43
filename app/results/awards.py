# SPDX-License-Identifier: Apache-2.0
"""The awards engine: the ``[[awards]]`` and ``[final_tickets]`` of a season file applied to ranked cases.

- An award with ``count`` takes that many places of each group of its ``scope``; with ``fraction``, that
  share of the group's cases (all of them, scored or not: 小组案例总数), rounded as the file says and at
  least ``min_places``; with neither, every ranked case of the group.
- ``follows`` continues a ladder: silver's places start after gold's.
- ``category`` limits who competes (2020's medals are for daily cases only).
- Places are taken in rank order. A tie that straddles an award's boundary is not broken here: its
  cases get none of the award's places they compete for, which stay *pending* until a draw is recorded.
- National-final tickets (2022): the winner of each group of the round before the final, then the
  ``extra`` best of the others across all groups, by the same chain of scores.
- Overrides are applied last, in order: the organizer's word on an award of a case is final.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.results.ranking import NATIONAL_KEY, Placed, dimensions, group_key, rank_group
from app.results.types import (
    FINAL_TICKET,
    SEASON_ROUND,
    CaseInfo,
    CaseScore,
    Draw,
    HospitalAward,
    Override,
    Pending,
)
from app.seasons import AwardRule, SeasonRules

#: Award bases decided by a judged round's scores.
ROUND_BASES = frozenset({"review", "semifinal", "final"})


@dataclass(frozen=True, slots=True)
class Allocation:
    """Who got which award by the rules, what waits for a draw, and each award's boundary per group."""

    winners: dict[str, set[int]]
    pending: list[Pending]
    #: (award key, group key) → (ranked cases of that group, end position of the award's places)
    boundaries: dict[tuple[str, str], tuple[list[Placed], int]]


def take_places(placed: Sequence[Placed], start: int, end: int) -> tuple[list[int], list[int]]:
    """Cases whose whole tie run lies in positions [start, end) win; runs crossing a boundary wait."""
    ranked = [p for p in placed if p.rank is not None]
    runs: list[list[int]] = []  # positions of each run of one shared rank
    for i, p in enumerate(ranked):
        if runs and ranked[runs[-1][0]].rank == p.rank:
            runs[-1].append(i)
        else:
            runs.append([i])
    won: list[int] = []
    waiting: list[int] = []
    for run in runs:
        inside = [i for i in run if start <= i < end]
        if not inside:
            continue
        ids = [ranked[i].case.id for i in run]
        (won if len(inside) == len(run) else waiting).extend(ids)
    return won, waiting


def allocate(
    award_rules: Sequence[AwardRule],
    cases: Sequence[CaseInfo],
    scores: dict[int, CaseScore],
    draws: Sequence[Draw],
) -> Allocation:
    """Apply ``award_rules`` (in the file's order, so a ladder's earlier award is placed first)."""
    winners: dict[str, set[int]] = defaultdict(set)
    pending: list[Pending] = []
    boundaries: dict[tuple[str, str], tuple[list[Placed], int]] = {}
    ends: dict[tuple[str, str], int] = {}
    for rule in award_rules:
        eligible = [c for c in cases if rule.category is None or c.category_code == rule.category]
        for key, members in groups_of(eligible, rule.scope).items():
            placed = rank_group([(c, scores[c.id]) for c in members], key, draws)
            ranked = sum(1 for p in placed if p.rank is not None)
            start = ends.get((rule.follows, key), 0) if rule.follows else 0
            end = start + rule.places(len(members), ranked)
            ends[(rule.key, key)] = end
            won, waiting = take_places(placed, start, end)
            winners[rule.key].update(won)
            if waiting:
                pending.append(Pending(rule.key, key, tuple(waiting), _open(start, end, ranked, won)))
            if rule.count is not None or rule.fraction is not None:
                boundaries[(rule.key, key)] = (placed, end)
    return Allocation(dict(winners), pending, boundaries)


def _open(start: int, end: int, ranked: int, won: Sequence[int]) -> int:
    """Places of [start, end) that exist (the group has that many ranked cases) and nobody won yet."""
    return max(0, min(end, ranked) - start - len(won))


def allocate_round(
    rules: SeasonRules,
    round_key: str,
    cases: Sequence[CaseInfo],
    scores: dict[int, CaseScore],
    draws: Sequence[Draw],
) -> Allocation:
    """Apply every award of ``round_key`` (and the final tickets, if this round grants them)."""
    award_rules = [r for r in rules.awards if r.round == round_key and r.basis in ROUND_BASES]
    alloc = allocate(award_rules, cases, scores, draws)
    if ticket_round(rules) == round_key:
        _tickets(rules, cases, scores, draws, alloc)
    return alloc


def ticket_round(rules: SeasonRules) -> str | None:
    """The round whose results hand out national-final tickets: the one just before the final."""
    keys = [r.key for r in rules.rounds]
    if rules.final_tickets is None or "final" not in keys or keys.index("final") == 0:
        return None
    return keys[keys.index("final") - 1]


def _tickets(
    rules: SeasonRules,
    cases: Sequence[CaseInfo],
    scores: dict[int, CaseScore],
    draws: Sequence[Draw],
    alloc: Allocation,
) -> None:
    """Each group's winner (if the file says so), then the ``extra`` best of the rest, nationally."""
    tickets = rules.final_tickets
    assert tickets is not None
    taken: set[int] = set()
    undecided: set[int] = set()
    if tickets.per_group_winner:
        for key, members in groups_of(cases, primary_scope(rules, ticket_round(rules) or "")).items():
            placed = rank_group([(c, scores[c.id]) for c in members], key, draws)
            won, waiting = take_places(placed, 0, 1)
            taken.update(won)
            undecided.update(waiting)
            if waiting:
                alloc.pending.append(Pending(FINAL_TICKET, key, tuple(waiting), 1))
    rest = [c for c in cases if c.id not in taken and c.id not in undecided]
    placed = rank_group([(c, scores[c.id]) for c in rest], NATIONAL_KEY, draws)
    ranked = sum(1 for p in placed if p.rank is not None)
    won, waiting = take_places(placed, 0, tickets.extra)
    taken.update(won)
    if waiting:
        alloc.pending.append(
            Pending(FINAL_TICKET, NATIONAL_KEY, tuple(waiting), _open(0, tickets.extra, ranked, won))
        )
    alloc.boundaries[(FINAL_TICKET, NATIONAL_KEY)] = (placed, tickets.extra)
    alloc.winners[FINAL_TICKET] = taken


def primary_scope(rules: SeasonRules, round_key: str) -> str:
    """How a round's results are grouped: its ``group_by``, else the scope of its first scored award,
    else national."""
    if rules.has_round(round_key):
        group_by = rules.round(round_key).group_by
        if group_by:
            return group_by
    for rule in rules.awards:
        if rule.round == round_key and rule.basis in ROUND_BASES:
            return rule.scope
    return NATIONAL_KEY


def groups_of(cases: Iterable[CaseInfo], scope: str) -> dict[str, list[CaseInfo]]:
    """Cases split by the dimensions of ``scope``, keyed by group key, in the cases' order."""
    dims = dimensions(scope)
    out: dict[str, list[CaseInfo]] = defaultdict(list)
    for case in cases:
        out[group_key(case, dims)].append(case)
    return dict(out)


def apply_overrides(
    rule_awards: dict[int, set[str]], overrides: Sequence[Override], round_key: str
) -> dict[int, set[str]]:
    """Awards per case after the round's overrides, applied in id order (the last word counts)."""
    out = {cid: set(keys) for cid, keys in rule_awards.items()}
    for o in sorted(overrides, key=lambda o: o.id):
        if o.round_key != round_key or o.case_id is None:
            continue
        held = out.setdefault(o.case_id, set())
        if o.grant:
            held.add(o.award_key)
        else:
            held.discard(o.award_key)
    return out


def round_award_keys(rules: SeasonRules, round_key: str) -> tuple[str, ...]:
    """The award keys a round decides, in the season file's order (tickets last)."""
    keys = [r.key for r in rules.awards if r.round == round_key and r.basis in ROUND_BASES]
    if ticket_round(rules) == round_key:
        keys.append(FINAL_TICKET)
    return tuple(keys)


def season_award_keys(rules: SeasonRules) -> tuple[str, ...]:
    """The season's awards to hospitals (basis ``case_count``: 最佳组织奖 …), which an override may change."""
    return tuple(a.key for a in rules.awards if a.basis == "case_count")


def hospital_awards(
    rules: SeasonRules, cases: Sequence[CaseInfo], overrides: Sequence[Override] = ()
) -> tuple[HospitalAward, ...]:
    """Awards to hospitals by how many cases they entered (最佳组织奖: the most).

    ``count`` places go to the hospitals with the most cases; hospitals level with the last place share
    it (every hospital with the most cases *is* the hospital with the most cases). Then the season's
    overrides (round ``season``), in order.
    """
    per_hospital: dict[int, list[CaseInfo]] = defaultdict(list)
    for case in cases:
        per_hospital[case.hospital_id].append(case)
    names = {hid: group[0].hospital for hid, group in per_hospital.items()}
    counts = {hid: len(group) for hid, group in per_hospital.items()}
    held: dict[tuple[str, int], bool] = {}
    order: list[tuple[str, int]] = []
    for rule in rules.awards:
        if rule.basis != "case_count" or not counts:
            continue
        ranked = sorted(counts.values(), reverse=True)
        cut = ranked[min(len(ranked), rule.count or 1) - 1]
        for hid in sorted(counts, key=lambda h: (-counts[h], names[h])):
            if counts[hid] >= cut:
                held[(rule.key, hid)] = True
                order.append((rule.key, hid))
    by_rule = set(held)
    for o in sorted(overrides, key=lambda o: o.id):
        if o.round_key != SEASON_ROUND or o.hospital_id is None:
            continue
        held[(o.award_key, o.hospital_id)] = o.grant
        if (o.award_key, o.hospital_id) not in order:
            order.append((o.award_key, o.hospital_id))
    return tuple(
        HospitalAward(key, hid, names.get(hid, ""), counts.get(hid, 0), by_rule=(key, hid) in by_rule)
        for key, hid in order
        if held.get((key, hid))
    )
