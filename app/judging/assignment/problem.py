# SPDX-License-Identifier: Apache-2.0
"""From a round in the workspace to the solver's matrices, and from the solver's answer back to words.

``RoundContext`` is everything the rules look at, read in one session; ``build`` turns it into a
``solver.Problem``; ``shortfalls`` explains an ``Unservable`` case by case and group by group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.glossary import Term, language
from app.glossary.assignment import SHORTFALL
from app.glossary.terms import NO_THEME, THEME, round_term
from app.judging.assignment.solver import NOISE, Problem, Unservable
from app.judging.conflicts import (
    CaseFacts,
    ConflictIndex,
    JudgeFacts,
    SoftRules,
    case_facts,
    judge_facts,
    load_conflicts,
)
from app.models import Assignment, Competition, ExpertiseMode, Round, Score
from app.rounds.service import Settings, round_case_ids, round_judge_ids, settings_row

#: Penalty of a pair whose case is outside the judge's themes (when expertise is preferred).
W_EXPERTISE = 10 * NOISE
#: Penalty of a pair in the same region (when the round avoids it).
W_REGION = 100 * NOISE
#: Penalty of a pair in the same province (when the round avoids it).
W_PROVINCE = 1000 * NOISE


@dataclass(frozen=True, slots=True)
class Held:
    """An assignment row already in the round."""

    id: int
    judge_id: int
    case_id: int
    recused: bool
    submitted: bool
    scored: bool  # has score rows (a draft or submitted)


@dataclass
class RoundContext:
    """A round's cases, judges, conflicts, settings and current assignment, read in one session."""

    round_id: int
    round_key: str
    round_name: Term  #: said in the reader's language, as the season's notice words it
    settings: Settings
    rules: SoftRules
    cases: list[CaseFacts]
    judges: list[JudgeFacts]
    index: ConflictIndex
    held: list[Held] = field(default_factory=list)

    def active_counts(self) -> Counter[int]:
        """Judges per case who are on it and did not recuse."""
        return Counter(h.case_id for h in self.held if not h.recused)

    def loads(self) -> Counter[int]:
        """Cases per judge, recusals not counted."""
        return Counter(h.judge_id for h in self.held if not h.recused)


def load_context(s: Session, rnd: Round) -> RoundContext:
    """Read the round as the assignment rules need it."""
    settings = settings_row(s, rnd)
    rules = SoftRules(settings.avoid_same_province, settings.avoid_same_region, settings.expertise)
    cases = case_facts(s, round_case_ids(s, rnd))
    judges = judge_facts(s, round_judge_ids(s, rnd))
    index = load_conflicts(s)
    scored = set(
        s.scalars(
            select(Score.assignment_id)
            .join(Assignment, Assignment.id == Score.assignment_id)
            .where(Assignment.round_id == rnd.id)
        )
    )
    held = [
        Held(aid, jid, cid, recused, submitted is not None, aid in scored)
        for aid, jid, cid, recused, submitted in s.execute(
            select(
                Assignment.id,
                Assignment.judge_id,
                Assignment.case_id,
                Assignment.recused,
                Assignment.submitted_at,
            ).where(Assignment.round_id == rnd.id)
        )
    ]
    return RoundContext(
        rnd.id,
        rnd.key,
        round_term(rnd.key, s.scalar(select(Competition.season_id))),
        Settings(
            settings.judges_per_case,
            settings.avoid_same_province,
            settings.avoid_same_region,
            settings.expertise,
            settings.max_per_judge,
            settings.seed,
        ),
        rules,
        cases,
        judges,
        index,
        held,
    )


def _ids(values: Iterable[int | None], missing: int) -> np.ndarray:
    return np.array([missing if v is None else v for v in values], dtype=np.int64)


def build(
    ctx: RoundContext,
    per_case: int,
    seed: int,
    *,
    only_cases: set[int] | None = None,
    clamp: bool = False,
) -> Problem:
    """The solver's problem: what each case still lacks of ``per_case``, given what the round holds.

    ``only_cases`` limits who may get new judges (the others keep what they have); ``clamp`` asks of
    each case no more judges than it has eligible (the stand-in behaviour package building relies on).
    """
    m, n = len(ctx.judges), len(ctx.cases)
    judge_pos = {j.id: i for i, j in enumerate(ctx.judges)}
    case_pos = {c.id: i for i, c in enumerate(ctx.cases)}
    eligible = np.ones((m, n), dtype=np.bool_)
    by_hospital: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(ctx.cases):
        by_hospital[c.hospital_id].append(i)
    for jid, blocked in ctx.index.hospitals.items():
        j = judge_pos.get(jid)
        if j is not None:
            for hid in blocked:
                eligible[j, by_hospital.get(hid, [])] = False
    for jid, blocked_cases in ctx.index.cases.items():
        j = judge_pos.get(jid)
        if j is not None:
            eligible[j, [case_pos[cid] for cid in blocked_cases if cid in case_pos]] = False
    themes = _ids((c.theme for c in ctx.cases), -1)
    for j, judge in enumerate(ctx.judges):
        if ctx.rules.expertise == ExpertiseMode.REQUIRE:
            eligible[j] &= np.isin(themes, list(judge.expertise))
    for h in ctx.held:  # a pair already in the round (held or recused) is never added again
        jh, ch = judge_pos.get(h.judge_id), case_pos.get(h.case_id)
        if jh is not None and ch is not None:
            eligible[jh, ch] = False
    if only_cases is not None:
        eligible[:, [i for i, case in enumerate(ctx.cases) if case.id not in only_cases]] = False

    cost = np.zeros((m, n), dtype=np.int64)
    judge_prov = _ids((j.province_id for j in ctx.judges), -1)
    case_prov = _ids((c.province_id for c in ctx.cases), -2)
    judge_region = _ids((j.region_id for j in ctx.judges), -1)
    case_region = _ids((c.region_id for c in ctx.cases), -2)
    if ctx.rules.avoid_same_province:
        cost += W_PROVINCE * (judge_prov[:, None] == case_prov[None, :])
    if ctx.rules.avoid_same_region:
        cost += W_REGION * (judge_region[:, None] == case_region[None, :])
    if ctx.rules.expertise == ExpertiseMode.PREFER:
        for j, judge in enumerate(ctx.judges):
            cost[j] += W_EXPERTISE * ~np.isin(themes, list(judge.expertise))

    active = ctx.active_counts()
    need = np.array([max(0, per_case - active[c.id]) for c in ctx.cases], dtype=np.int64)
    if only_cases is not None:
        need = np.array(
            [need[i] if c.id in only_cases else 0 for i, c in enumerate(ctx.cases)], dtype=np.int64
        )
    if clamp:
        need = np.minimum(need, eligible.sum(axis=0))
    loads = ctx.loads()
    base = np.array([loads[j.id] for j in ctx.judges], dtype=np.int64)
    return Problem(eligible, cost, need, base, ctx.settings.max_per_judge, seed)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why some cases cannot get their judges; ``text()`` says it in the current language.

    ``kind`` "too_few_eligible": ``cases`` each have only ``eligible`` eligible judges (``excluded``
    counts why the others are out, summed over those cases' most common reasons); "capacity": the
    cases together need ``needed`` places and their ``judges`` can take at most ``available``.
    """

    kind: str
    cases: tuple[str, ...]
    per_case: int
    theme: int | None = None
    eligible: int = 0
    needed: int = 0
    available: int = 0
    judges: int = 0
    max_per_judge: int = 0
    excluded: dict[str, int] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        """One line: the group, the numbers, and why judges are excluded."""
        if self.kind == "capacity":
            return SHORTFALL["capacity"].text(
                lang,
                cases=len(self.cases),
                needed=self.needed,
                judges=self.judges,
                available=self.available,
                max_per_judge=self.max_per_judge,
            )
        head = SHORTFALL["too_few_eligible"].text(
            lang,
            group=NO_THEME.text(lang) if self.theme is None else THEME.text(lang, number=self.theme),
            cases=len(self.cases),
            eligible=self.eligible,
            per_case=self.per_case,
        )
        if not self.excluded:
            return head
        why = SHORTFALL["excluded"].text(lang, **{k: self.excluded.get(k, 0) for k in _EXCLUDED})
        return f"{head} ({why})" if (lang or language()) == "en" else f"{head}（{why}）"


_EXCLUDED = ("judges", "institution", "declared", "recused", "expertise")


def shortfalls(ctx: RoundContext, problem: Problem, why: Unservable, per_case: int) -> list[Shortfall]:
    """Group the unservable cases by theme and eligible count, each group with the reasons."""
    out: list[Shortfall] = []
    groups: dict[tuple[int | None, int], list[CaseFacts]] = defaultdict(list)
    for c, count in sorted(why.short.items()):
        groups[(ctx.cases[c].theme, count)].append(ctx.cases[c])
    for (theme, count), cases in sorted(groups.items(), key=lambda kv: (kv[0][0] or 99, kv[0][1])):
        first = cases[0]
        reasons: Counter[str] = Counter()
        for judge in ctx.judges:
            kind = ctx.index.hard(judge, first, ctx.rules)
            if kind is not None:
                reasons["declared" if kind.startswith("declared") else kind] += 1
        reasons["judges"] = len(ctx.judges)
        out.append(
            Shortfall(
                "too_few_eligible",
                tuple(c.code for c in cases),
                per_case,
                theme=theme,
                eligible=count,
                excluded=dict(reasons),
            )
        )
    if why.crowded:
        out.append(
            Shortfall(
                "capacity",
                tuple(ctx.cases[c].code for c in why.crowded),
                per_case,
                needed=why.needed,
                available=why.available,
                judges=len(why.judges),
                max_per_judge=problem.max_per_judge or 0,
            )
        )
    return out
