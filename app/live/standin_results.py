# SPDX-License-Identifier: Apache-2.0
"""STAND-IN for app/results (issue 11) until it lands on main: a case's score, the ranking, stage awards.

The live session calls these in exactly one place (``app.live.scores.group_results``). When the results
engine is merged, that function calls it instead and this module is deleted: there must never be two
implementations of how a case is scored or ranked.

Rules it follows (issue 11): a judge's mark is the weighted total of the criteria; across judges the mean,
trimmed by one highest and one lowest mark when a case has at least ``TRIM_FROM`` judges; ranking by the
trimmed mean, then the median, then the mean score on the season's 效果 (``results``) criterion, then the
recorded draw (the presentation order), so no tie is broken silently.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

#: From this many marks on, one highest and one lowest are dropped (the custom at live rounds).
TRIM_FROM = 5
#: The criterion whose score breaks a tie after the median (the season's 效果).
EFFECT_CRITERION = "results"


@dataclass(frozen=True, slots=True)
class CaseMarks:
    """The submitted marks of one case: (judge code, weighted total, 效果 score) in seat order."""

    case_id: int
    marks: tuple[tuple[str, float, float | None], ...]
    draw_position: int


@dataclass(frozen=True, slots=True)
class CaseScore:
    """A case's score: the marks dropped (judge codes) and the round's score (None before any mark)."""

    case_id: int
    score: float | None
    dropped: tuple[str, ...]  # (highest, lowest) judge codes when trimmed
    median: float | None
    effect: float | None


@dataclass(frozen=True, slots=True)
class Ranked:
    """A case's place in its group; ``tie_break`` names the step that separated it from the one above."""

    case_id: int
    rank: int
    score: float
    tie_break: str  # "" | median | effect | draw


def case_score(cm: CaseMarks) -> CaseScore:
    """The trimmed (or plain) mean of the marks, and which marks the trim dropped."""
    if not cm.marks:
        return CaseScore(cm.case_id, None, (), None, None)
    values = [m[1] for m in cm.marks]
    dropped: tuple[str, ...] = ()
    kept = list(cm.marks)
    if len(values) >= TRIM_FROM:
        # one highest and one lowest; among equal marks the later seat is dropped (any choice gives the
        # same mean, and a fixed one shows the same strike-through on every screen)
        hi = max(range(len(kept)), key=lambda i: (kept[i][1], i))
        lo = min(range(len(kept)), key=lambda i: (kept[i][1], -i))
        if lo == hi:
            lo = next(i for i in range(len(kept)) if i != hi)
        dropped = (kept[hi][0], kept[lo][0])
        kept = [m for i, m in enumerate(kept) if i not in (hi, lo)]
    effects = [m[2] for m in cm.marks if m[2] is not None]
    return CaseScore(
        cm.case_id,
        statistics.fmean(m[1] for m in kept),
        dropped,
        statistics.median(values),
        statistics.fmean(effects) if effects else None,
    )


def rank(scores: Sequence[CaseScore], draw_position: dict[int, int]) -> list[Ranked]:
    """Rank the scored cases by the tie-break chain; equal on every step but the draw is still a tie shown."""

    def key(s: CaseScore) -> tuple[float, float, float, int]:
        assert s.score is not None
        return (
            -round(s.score, 9),
            -round(s.median or 0.0, 9),
            -round(s.effect or 0.0, 9),
            draw_position[s.case_id],
        )

    ordered = sorted((s for s in scores if s.score is not None), key=key)
    out: list[Ranked] = []
    for i, s in enumerate(ordered):
        step = ""
        if i:
            a, b = key(ordered[i - 1]), key(s)
            step = "" if a[0] != b[0] else "median" if a[1] != b[1] else "effect" if a[2] != b[2] else "draw"
        assert s.score is not None
        out.append(Ranked(s.case_id, i + 1, s.score, step))
    return out


def stage_awards(ranking: Sequence[Ranked], tiers: Sequence[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    """Award key → case ids, handing out ``tiers`` (best first, e.g. gold 1, silver 2, bronze 3) by rank."""
    out: dict[str, tuple[int, ...]] = {}
    at = 0
    for key, count in tiers:
        out[key] = tuple(r.case_id for r in ranking[at : at + count])
        at += count
    return out
