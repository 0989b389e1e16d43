# SPDX-License-Identifier: Apache-2.0
"""Groups that rank together, and the rank of each case in its group, with ties shown and explained.

A case ranks by its round score. Cases with the same score are separated, in order, by the higher
trimmed mean, the higher median, the higher mean mark on the season's tie-break criterion (效果), and
finally by a recorded draw (抽签) among the cases still tied. Without a draw they keep one shared rank
(1, 2, 2, 4) and are marked ``tied``: a tie is shown, never broken silently. ``decided_by`` names the
step that separated a case from a neighbour with the same score.

A draw orders its cases by SHA-256 of ``"<seed>:<case id>"`` (hex, ascending), so anyone can redo it
with any SHA-256 tool.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.results.types import TIE_STEPS, CaseInfo, CaseScore, Draw

#: What a grouping may split on, and how each dimension reads a case.
DIMENSIONS: dict[str, Callable[[CaseInfo], str]] = {
    "region": lambda c: c.region_code,
    "theme": lambda c: str(c.theme_number) if c.theme_number is not None else "",
    "tier": lambda c: c.tier_code,
    "category": lambda c: c.category_code,
}
#: Scopes that put every case in one group.
WHOLE = frozenset({"national", "season", ""})
#: Key of the one group of a national scope.
NATIONAL_KEY = "national"


def dimensions(scope: str | None) -> tuple[str, ...]:
    """The dimensions of a scope or group_by: ``region_theme`` → (region, theme); national → ()."""
    if scope is None or scope in WHOLE:
        return ()
    dims = tuple(scope.split("_"))
    unknown = [d for d in dims if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown grouping {scope!r}")
    return dims


def group_key(case: CaseInfo, dims: Sequence[str]) -> str:
    """A stable key for a case's group: ``region=east|theme=5``; ``national`` for no dimension."""
    if not dims:
        return NATIONAL_KEY
    return "|".join(f"{d}={DIMENSIONS[d](case)}" for d in dims)


def key_dims(key: str) -> tuple[str, ...]:
    """The dimensions a group key was made from (``region=east|theme=5`` → (region, theme))."""
    if key == NATIONAL_KEY:
        return ()
    return tuple(part.split("=", 1)[0] for part in key.split("|"))


def draw_order(seed: int, case_ids: Iterable[int]) -> tuple[int, ...]:
    """The order a draw with ``seed`` gives these cases: ascending SHA-256 of ``"<seed>:<id>"``."""
    return tuple(sorted(set(case_ids), key=lambda cid: hashlib.sha256(f"{seed}:{cid}".encode()).hexdigest()))


@dataclass(frozen=True, slots=True)
class Placed:
    """A case's place as ranking computes it (before awards)."""

    case: CaseInfo
    result: CaseScore
    rank: int | None
    decided_by: str | None
    tied: bool


def _keys(r: CaseScore) -> tuple[Decimal, ...]:
    low = Decimal("-Infinity")
    return tuple(low if v is None else v for v in (r.score, r.trimmed, r.median, r.criterion))


def _first_difference(a: tuple[Decimal, ...], b: tuple[Decimal, ...]) -> int | None:
    """Index into TIE_STEPS of the first step after the score where ``a`` and ``b`` differ."""
    for i in range(1, len(a)):
        if a[i] != b[i]:
            return i - 1
    return None


def _draw_for(draws: Sequence[Draw], key: str, ids: set[int]) -> Draw | None:
    """The latest draw of this group that covers every one of ``ids``."""
    found = [d for d in draws if d.group_key == key and ids <= set(d.case_ids)]
    return max(found, key=lambda d: d.id) if found else None


def rank_group(
    items: Sequence[tuple[CaseInfo, CaseScore]], key: str, draws: Sequence[Draw] = ()
) -> list[Placed]:
    """Rank one group's cases; cases without a score come last, unranked, by code."""
    scored = [(c, r) for c, r in items if r.score is not None]
    unscored = sorted(((c, r) for c, r in items if r.score is None), key=lambda cr: cr[0].code)
    scored.sort(key=lambda cr: (tuple(-k for k in _keys(cr[1])), cr[0].code))
    # runs of cases equal on every step: a draw may order them; otherwise they share a rank
    runs: list[list[tuple[CaseInfo, CaseScore]]] = []
    for item in scored:
        if runs and _keys(runs[-1][-1][1]) == _keys(item[1]):
            runs[-1].append(item)
        else:
            runs.append([item])
    placed: list[Placed] = []
    position = 1
    for run in runs:
        draw = _draw_for(draws, key, {c.id for c, _ in run}) if len(run) > 1 else None
        if draw is not None:
            order = {cid: i for i, cid in enumerate(draw.order)}
            run.sort(key=lambda cr: order[cr[0].id])
            for i, (case, result) in enumerate(run):
                placed.append(Placed(case, result, position + i, "draw", False))
        else:
            tied = len(run) > 1
            placed.extend(Placed(case, result, position, None, tied) for case, result in run)
        position += len(run)
    placed = _explain(placed)
    placed.extend(Placed(c, r, None, None, False) for c, r in unscored)
    return placed


def _explain(placed: list[Placed]) -> list[Placed]:
    """Name, for each case, the deepest step that separated it from a neighbour with the same score."""
    out = []
    for i, p in enumerate(placed):
        if p.decided_by == "draw" or p.tied:
            out.append(p)
            continue
        steps = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(placed) and placed[j].result.score == p.result.score:
                step = _first_difference(_keys(p.result), _keys(placed[j].result))
                steps.append(TIE_STEPS.index("draw") if step is None else step)
        decided = TIE_STEPS[max(steps)] if steps else None
        out.append(Placed(p.case, p.result, p.rank, decided, p.tied))
    return out
