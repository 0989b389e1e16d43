# SPDX-License-Identifier: Apache-2.0
"""Judge consistency and the cusp list: who scores harsher or softer than the others, who ranks cases
differently, and which cases a single judge's noise could move across an award boundary.

For each judge and each case they scored that others scored too, the *offset* is the judge's total
minus the mean of the other judges' totals on that case (leave-one-out, so a judge is never compared
with themselves).

- **severity**: the judge's mean offset (negative: harsher than the others).
- **noise**: the spread of the judge's offsets around their severity; the round's pooled noise is
  √(Σ squared deviations / Σ (cases − 1)) over every judge with at least two such cases.
- **agreement**: Spearman's rank correlation between the judge's totals and the others' means (at
  least 3 cases; average ranks for ties).
- **flags**: ``harsh`` / ``lenient`` when severity is further from the judges' median severity than
  both ``SEVERITY_MIN`` points and ``OUTLIER_K`` robust standard deviations (1.4826 × MAD);
  ``disagrees`` when agreement is below ``AGREEMENT_MIN`` over at least ``AGREEMENT_CASES`` cases.

A case is on the **cusp** of an award when the gap between its score and the nearest score on the
other side of the award's boundary is at most the pooled noise divided by the number of marks its
score averages — what one judge's typical deviation would move it by.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence

from app.results.ranking import Placed
from app.results.types import (
    CaseScore,
    ChartPoint,
    Consistency,
    ConsistencyChart,
    CuspCase,
    JudgeInfo,
    JudgeStat,
)

#: A severity this many robust standard deviations from the median is flagged…
OUTLIER_K = 2.0
#: …provided it is also at least this many points away (a tight panel is not a problem).
SEVERITY_MIN = 3.0
#: Agreement below this is flagged…
AGREEMENT_MIN = 0.3
#: …when measured over at least this many cases.
AGREEMENT_CASES = 5
#: Consistency chart axes are multiples of this many points.
AXIS_STEP = 5.0


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties given their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rank correlation, or None when either side has no variation."""
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = math.fsum(rx) / len(rx), math.fsum(ry) / len(ry)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = math.fsum((a - mx) ** 2 for a in rx)
    syy = math.fsum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def judge_consistency(judges: Sequence[JudgeInfo], scores: dict[int, CaseScore]) -> Consistency:
    """Severity, agreement, noise and flags of every judge with marks in the round."""
    offsets: dict[str, list[tuple[float, float, float]]] = defaultdict(list)  # (total, others, offset)
    for result in scores.values():
        if len(result.marks) < 2:
            continue
        totals = [float(m.total) for m in result.marks]
        whole = math.fsum(totals)
        for mark, total in zip(result.marks, totals, strict=True):
            others = (whole - total) / (len(totals) - 1)
            offsets[mark.judge_code].append((total, others, total - others))
    stats: list[JudgeStat] = []
    squares, dof = 0.0, 0
    for judge in sorted(judges, key=lambda j: j.code):
        rows = offsets.get(judge.code, [])
        if not rows:
            stats.append(JudgeStat(judge.code, judge.name, 0, None, None, None))
            continue
        severity = math.fsum(r[2] for r in rows) / len(rows)
        deviations = math.fsum((r[2] - severity) ** 2 for r in rows)
        noise = math.sqrt(deviations / (len(rows) - 1)) if len(rows) >= 2 else None
        if len(rows) >= 2:
            squares += deviations
            dof += len(rows) - 1
        agreement = spearman([r[0] for r in rows], [r[1] for r in rows]) if len(rows) >= 3 else None
        stats.append(JudgeStat(judge.code, judge.name, len(rows), severity, agreement, noise))
    pooled = math.sqrt(squares / dof) if dof else None
    flagged = _flag(stats)
    return Consistency(tuple(flagged), pooled, _chart(flagged, pooled))


def _flag(stats: list[JudgeStat]) -> list[JudgeStat]:
    severities = [s.severity for s in stats if s.severity is not None]
    if not severities:
        return stats
    middle = statistics.median(severities)
    mad = statistics.median(abs(v - middle) for v in severities)
    threshold = max(SEVERITY_MIN, OUTLIER_K * 1.4826 * mad)
    out = []
    for s in stats:
        flags = []
        if s.severity is not None and len(severities) >= 3:
            if s.severity - middle <= -threshold:
                flags.append("harsh")
            elif s.severity - middle >= threshold:
                flags.append("lenient")
        if s.agreement is not None and s.cases >= AGREEMENT_CASES and s.agreement < AGREEMENT_MIN:
            flags.append("disagrees")
        out.append(JudgeStat(s.code, s.name, s.cases, s.severity, s.agreement, s.noise, tuple(flags)))
    return out


def _chart(stats: Sequence[JudgeStat], noise: float | None) -> ConsistencyChart:
    points = tuple(
        ChartPoint(f"{s.code} {s.name}".strip(), s.severity, s.agreement, bool(s.flags))
        for s in stats
        if s.severity is not None
    )
    widest = max((abs(p.severity) for p in points), default=0.0)
    limit = max(AXIS_STEP, math.ceil(widest / AXIS_STEP) * AXIS_STEP)
    return ConsistencyChart(points, limit, noise)


def cusp_cases(
    award_key: str, group_key: str, group_name: str, placed: Sequence[Placed], end: int, noise: float | None
) -> list[CuspCase]:
    """Cases of one group within one judge's noise of the boundary after position ``end``."""
    ranked = [p for p in placed if p.rank is not None and p.result.score is not None]
    if noise is None or not 0 < end < len(ranked):
        return []
    last_in = ranked[end - 1].result.score
    first_out = ranked[end].result.score
    assert last_in is not None
    assert first_out is not None
    out = []
    for i, p in enumerate(ranked):
        score = p.result.score
        assert score is not None
        inside = i < end
        boundary = first_out if inside else last_in
        gap = float(abs(score - boundary))
        margin = noise / max(1, p.result.used)
        if gap <= margin:
            out.append(
                CuspCase(group_key, group_name, p.case, award_key, inside, score, boundary, gap, margin)
            )
    return out
