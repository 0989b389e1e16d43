# SPDX-License-Identifier: Apache-2.0
"""A round's results from its input: scores, ranking per group, awards, overrides, consistency, cusp.

Pure: the same ``RoundInput`` (from the database, or rebuilt from the signed bundles) gives the same
``RoundResults``. Nothing here reads the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

from app.glossary.results import GROUP_JOIN, NATIONAL
from app.glossary.terms import theme_label
from app.results.awards import (
    Allocation,
    allocate,
    allocate_round,
    apply_overrides,
    primary_scope,
    round_award_keys,
)
from app.results.consistency import cusp_cases, judge_consistency
from app.results.ranking import NATIONAL_KEY, Placed, dimensions, group_key, key_dims, rank_group
from app.results.scoring import max_total, score_cases
from app.results.types import (
    VOTES_METHOD,
    VOTES_ROUND,
    CaseInfo,
    CaseScore,
    Consistency,
    ConsistencyChart,
    CuspCase,
    Draw,
    GroupResult,
    Override,
    RankedCase,
    RoundInput,
    RoundResults,
    SheetCounts,
)
from app.seasons import SeasonRules


def group_name(rules: SeasonRules, case: CaseInfo | None, dims: Sequence[str]) -> str:
    """A group's name as people say it: 华东赛区 · 主题5; 全国 for a national group."""
    if case is None or not dims:
        return NATIONAL.text()
    parts = []
    for dim in dims:
        if dim == "region":
            try:
                parts.append(rules.region(case.region_code).full_name)
            except KeyError:
                parts.append(case.region or "—")
        elif dim == "theme":
            parts.append(theme_label(case.theme_number))
        elif dim == "tier":
            parts.append(case.tier or "—")
        else:
            parts.append(case.category or "—")
    return GROUP_JOIN.join(parts)


def _group_order(rules: SeasonRules, dims: Sequence[str]) -> Callable[[CaseInfo], tuple[int, ...]]:
    regions = {r.code: i for i, r in enumerate(rules.regions)}
    tiers = {t.code: i for i, t in enumerate(rules.tiers)}

    def order(case: CaseInfo) -> tuple[int, ...]:
        out = []
        for dim in dims:
            if dim == "region":
                out.append(regions.get(case.region_code, 99))
            elif dim == "theme":
                out.append(case.theme_number if case.theme_number is not None else 99)
            elif dim == "tier":
                out.append(tiers.get(case.tier_code, 99))
        return tuple(out)

    return order


def _ranked_groups(
    rules: SeasonRules,
    scope: str,
    cases: Sequence[CaseInfo],
    scores: dict[int, CaseScore],
    draws: Sequence[Draw],
    rule_awards: dict[int, set[str]],
    awards: dict[int, set[str]],
    award_order: Sequence[str],
) -> list[tuple[GroupResult, list[Placed]]]:
    dims = dimensions(scope)
    members: dict[str, list[CaseInfo]] = defaultdict(list)
    for case in cases:
        members[group_key(case, dims)].append(case)
    order = _group_order(rules, dims)
    out = []
    for key, group_cases in sorted(members.items(), key=lambda kv: (order(kv[1][0]), kv[0])):
        placed = rank_group([(c, scores[c.id]) for c in group_cases], key, draws)
        rank_of = {k: i for i, k in enumerate(award_order)}
        ranked = tuple(
            RankedCase(
                case=p.case,
                result=p.result,
                rank=p.rank,
                decided_by=p.decided_by,
                tied=p.tied,
                awards=tuple(sorted(awards.get(p.case.id, ()), key=lambda k: rank_of.get(k, 99))),
                rule_awards=tuple(sorted(rule_awards.get(p.case.id, ()), key=lambda k: rank_of.get(k, 99))),
            )
            for p in placed
        )
        judges = sorted({m.judge_code for p in placed for m in p.result.marks})
        out.append((GroupResult(key, group_name(rules, group_cases[0], dims), ranked, tuple(judges)), placed))
    return out


def compute_round(rules: SeasonRules, inp: RoundInput) -> RoundResults:
    """Everything the results of one judged round show."""
    ranking = rules.ranking
    tie_key = ranking.tie_break_criterion
    tie_spec = next((c for c in inp.rubric if c.key == tie_key), None)
    scores = score_cases(
        [c.id for c in inp.cases],
        inp.judges,
        inp.rubric,
        inp.sheets,
        inp.method,
        ranking.trim_min_judges,
        tie_spec.key if tie_spec else None,
    )
    consistency = judge_consistency(inp.judges, scores)
    alloc = allocate_round(rules, inp.round_key, inp.cases, scores, inp.draws)
    rule_awards: dict[int, set[str]] = defaultdict(set)
    for award, ids in alloc.winners.items():
        for cid in ids:
            rule_awards[cid].add(award)
    awards = apply_overrides(rule_awards, inp.overrides, inp.round_key)
    keys = round_award_keys(rules, inp.round_key)
    scope = primary_scope(rules, inp.round_key)
    grouped = _ranked_groups(rules, scope, inp.cases, scores, inp.draws, rule_awards, awards, keys)
    groups = tuple(_with_pending(g, alloc) for g, _ in grouped)
    return RoundResults(
        round_key=inp.round_key,
        round_name=inp.round_name,
        method=inp.method,
        groups=groups,
        max_total=max_total(inp.rubric),
        trim_min_judges=ranking.trim_min_judges,
        tie_criterion=tie_spec.name if tie_spec else None,
        counts=inp.counts,
        consistency=consistency,
        cusp=tuple(_ordered_cusp(_cusp(rules, alloc, consistency.noise), groups, keys)),
        pending=tuple(alloc.pending),
        overrides=tuple(o for o in inp.overrides if o.round_key == inp.round_key),
        draws=tuple(d for d in inp.draws if d.round_key == inp.round_key),
        award_keys=keys,
        unscored=sum(1 for s in scores.values() if s.score is None),
    )


def _with_pending(group: GroupResult, alloc: Allocation) -> GroupResult:
    pending = tuple(p for p in alloc.pending if p.group_key == group.key)
    return GroupResult(group.key, group.name, group.cases, group.judges, pending)


def _cusp(rules: SeasonRules, alloc: Allocation, noise: float | None) -> list[CuspCase]:
    out: list[CuspCase] = []
    for (award, key), (placed, end) in alloc.boundaries.items():
        first = placed[0].case if placed else None
        name = group_name(rules, first, key_dims(key))
        out.extend(cusp_cases(award, key, name, placed, end, noise))
    return out


def _ordered_cusp(
    cusp: list[CuspCase], groups: Sequence[GroupResult], award_keys: Sequence[str]
) -> list[CuspCase]:
    """Cusp cases in the order the results show: by group, then award, then score (highest first)."""
    group_pos = {g.key: i for i, g in enumerate(groups)}
    award_pos = {k: i for i, k in enumerate(award_keys)}
    return sorted(
        cusp,
        key=lambda c: (group_pos.get(c.group_key, len(group_pos)), award_pos.get(c.award_key, 99), -c.score),
    )


def compute_votes(
    rules: SeasonRules,
    cases: Sequence[CaseInfo],
    draws: Sequence[Draw] = (),
    overrides: Sequence[Override] = (),
) -> RoundResults:
    """The public-vote ranking and the awards whose basis is votes; expert scores play no part."""
    scores = {
        c.id: CaseScore(c.id, (), None if c.votes is None else Decimal(c.votes), None, None, None, None, 0)
        for c in cases
    }
    vote_rules = [r for r in rules.awards if r.basis == "votes"]
    alloc = allocate(vote_rules, cases, scores, draws)
    winners: dict[int, set[str]] = defaultdict(set)
    for award, ids in alloc.winners.items():
        for cid in ids:
            winners[cid].add(award)
    awards = apply_overrides(winners, overrides, VOTES_ROUND)
    keys = tuple(r.key for r in vote_rules)
    scope = vote_rules[0].scope if vote_rules else NATIONAL_KEY
    grouped = _ranked_groups(rules, scope, cases, scores, draws, winners, awards, keys)
    empty = Consistency((), None, ConsistencyChart((), 5.0, None))
    return RoundResults(
        round_key=VOTES_ROUND,
        round_name="",
        method=VOTES_METHOD,
        groups=tuple(_with_pending(g, alloc) for g, _ in grouped),
        max_total=Decimal(0),
        trim_min_judges=rules.ranking.trim_min_judges,
        tie_criterion=None,
        counts=SheetCounts(),
        consistency=empty,
        pending=tuple(alloc.pending),
        overrides=tuple(o for o in overrides if o.round_key == VOTES_ROUND),
        draws=tuple(d for d in draws if d.round_key == VOTES_ROUND),
        award_keys=keys,
    )
