# SPDX-License-Identifier: Apache-2.0
"""From judges' marks to a round's score per case: weighted totals, then the round's method.

- A judge's **total** is the sum of each criterion's mark times its weight (the rubric of the round).
- **mean**: the average of the judges' totals. Averages, never sums: a recusal does not cost a case.
- **trimmed**: with at least ``trim_min_judges`` totals (5 by default), one highest and one lowest are
  dropped and the rest averaged; with fewer, the plain mean.
- **zscore**: each judge's totals become z-scores over every case that judge scored in the round
  (population standard deviation), mapped back onto the rubric's scale with the mean and standard
  deviation of all totals of the round (x' = M + S·z, kept within 0…max), then averaged per case. A
  judge whose totals do not vary (or who scored one case) says nothing about differences: z = 0, the
  mark counts as the round's average M. For rounds where judges see different cases.

Mean, trimmed mean, median and the tie-break criterion's mean are exact (fractions of decimal marks)
and rounded once, half up, to ``PLACES`` decimals; the z-score path uses floats in a fixed order, so the
same marks always give the same score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from app.results.types import PLACES, CaseScore, CriterionSpec, JudgeInfo, Mark, ScoreSheet

_QUANTUM = Decimal(1).scaleb(-PLACES)


def rounded(value: Fraction | Decimal | float) -> Decimal:
    """``value`` rounded half up to PLACES decimals, as every score is shown and compared."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def max_total(rubric: Sequence[CriterionSpec]) -> Decimal:
    """The highest total a judge can give: every criterion at its maximum, weighted."""
    return sum((c.max * c.weight for c in rubric), Decimal(0))


def weighted_total(rubric: Sequence[CriterionSpec], values: Mapping[str, Decimal]) -> Decimal:
    """Σ mark × weight over the rubric's criteria (a criterion without a mark counts 0)."""
    return sum((values.get(c.key, Decimal(0)) * c.weight for c in rubric), Decimal(0))


def trimmed_mean(totals: Sequence[Fraction], trim_min: int) -> Fraction:
    """Mean after dropping one highest and one lowest when there are at least ``trim_min`` totals."""
    if len(totals) >= trim_min:
        ordered = sorted(totals)[1:-1]
        return sum(ordered, Fraction(0)) / len(ordered)
    return sum(totals, Fraction(0)) / len(totals)


def median(values: Sequence[Fraction]) -> Fraction:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def dropped_judges(marks: Sequence[tuple[str, Decimal]], trim_min: int) -> frozenset[str]:
    """The two judges whose marks a trimmed mean leaves out (ties: the lower judge code goes first)."""
    if len(marks) < trim_min:
        return frozenset()
    low = min(marks, key=lambda m: (m[1], m[0]))
    high = min((m for m in marks if m is not low), key=lambda m: (-m[1], m[0]))
    return frozenset({low[0], high[0]})


def _pstdev(values: Sequence[float]) -> float:
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def zscore_marks(totals: dict[tuple[str, int], Decimal], ceiling: Decimal) -> dict[tuple[str, int], float]:
    """Every (judge, case) total normalised per judge and mapped back onto 0…``ceiling``."""
    if not totals:
        return {}
    keys = sorted(totals)
    pooled = [float(totals[k]) for k in keys]
    big_m = math.fsum(pooled) / len(pooled)
    big_s = _pstdev(pooled)
    by_judge: dict[str, list[float]] = defaultdict(list)
    for judge, case in keys:
        by_judge[judge].append(float(totals[(judge, case)]))
    stats = {j: (math.fsum(v) / len(v), _pstdev(v)) for j, v in by_judge.items()}
    out: dict[tuple[str, int], float] = {}
    for key in keys:
        mu, sigma = stats[key[0]]
        z = (float(totals[key]) - mu) / sigma if sigma > 0 else 0.0
        out[key] = min(float(ceiling), max(0.0, big_m + big_s * z))
    return out


def score_cases(
    case_ids: Iterable[int],
    judges: Sequence[JudgeInfo],
    rubric: Sequence[CriterionSpec],
    sheets: Sequence[ScoreSheet],
    method: str,
    trim_min: int,
    tie_criterion: str | None,
) -> dict[int, CaseScore]:
    """Each case's marks and score by ``method`` (a case with no sheet gets score None)."""
    names = {j.code: j.name for j in judges}
    totals = {(s.judge_code, s.case_id): weighted_total(rubric, s.values) for s in sheets}
    crit = {(s.judge_code, s.case_id): s.values.get(tie_criterion) for s in sheets} if tie_criterion else {}
    normalised = zscore_marks(totals, max_total(rubric)) if method == "zscore" else {}
    by_case: dict[int, list[str]] = defaultdict(list)
    for judge, case in sorted(totals):
        by_case[case].append(judge)
    out: dict[int, CaseScore] = {}
    for case_id in case_ids:
        codes = by_case.get(case_id, [])
        if not codes:
            out[case_id] = CaseScore(case_id, (), None, None, None, None, None, 0)
            continue
        raw = [(code, totals[(code, case_id)]) for code in codes]
        fractions = [Fraction(t) for _, t in raw]
        dropped = dropped_judges(raw, trim_min) if method == "trimmed" else frozenset()
        marks = tuple(
            Mark(
                code,
                names.get(code, code),
                total,
                dropped=code in dropped,
                normalised=rounded(normalised[(code, case_id)]) if normalised else None,
            )
            for code, total in raw
        )
        mean = sum(fractions, Fraction(0)) / len(fractions)
        trimmed = trimmed_mean(fractions, trim_min)
        score: Fraction | float = mean
        used = len(raw)
        if method == "trimmed":
            score, used = trimmed, len(raw) - len(dropped)
        elif method == "zscore":
            score = math.fsum(normalised[(code, case_id)] for code in codes) / len(codes)
        crit_values = [Fraction(v) for v in (crit.get((code, case_id)) for code in codes) if v is not None]
        out[case_id] = CaseScore(
            case_id=case_id,
            marks=marks,
            score=rounded(score),
            mean=rounded(mean),
            trimmed=rounded(trimmed),
            median=rounded(median(fractions)),
            criterion=rounded(sum(crit_values, Fraction(0)) / len(crit_values)) if crit_values else None,
            used=used,
        )
    return out
