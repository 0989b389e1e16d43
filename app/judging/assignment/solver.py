# SPDX-License-Identifier: Apache-2.0
"""The assignment as a min-cost flow (OR-Tools): proven balanced, proven impossible when it is.

Network: each case is a source of ``need`` units (the judges it still lacks); an arc of capacity 1 runs
from a case to each judge eligible for it (no hard conflict, not already on the case), costing the
pair's soft penalties plus a seeded tie-break of less than one penalty step; each judge drains into the
sink through arcs whose unit cost rises with the judge's load (convex: −(d+1)·B below the balanced load
L, 0 up to L+1 when the loads cannot be equal, +d·B above). B is larger than any difference the
pair costs can make, so the solver first makes the loads as equal as the conflicts allow — equal within
one whenever that is possible, since a convex separable cost with a fixed total is least at the
balanced vector — and only then avoids soft conflicts and prefers expertise. Integral capacities give
an integral optimum: a real assignment, not a rounding.

"No solution" is decided before the flow: a case with fewer eligible judges than it needs cannot be
served (its count is the proof), and with a per-judge cap, a max-flow's min cut names the set of cases
whose eligible judges cannot take them all (Hall's condition).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from ortools.graph.python import max_flow, min_cost_flow

#: Unit tiers of the load cost either side of the balanced load; beyond them one flat tier.
TIERS = 8
#: The seeded tie-break per pair is drawn from [0, NOISE); every penalty below is a multiple of it.
NOISE = 10

BoolMatrix = npt.NDArray[np.bool_]
IntMatrix = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Problem:
    """Who may score what, what each pair costs, what each case needs and what each judge already has.

    Matrices are judges × cases. ``cost`` holds the soft penalties (≥ 0) of eligible pairs.
    """

    eligible: BoolMatrix
    cost: IntMatrix
    need: npt.NDArray[np.int64]  # per case
    base: npt.NDArray[np.int64]  # per judge: cases already held in the round
    max_per_judge: int | None = None
    seed: int = 0

    @property
    def shape(self) -> tuple[int, int]:
        m, n = self.eligible.shape
        return int(m), int(n)


@dataclass(frozen=True, slots=True)
class Solution:
    """Pairs (judge index, case index) to add, and each judge's load after adding them."""

    pairs: tuple[tuple[int, int], ...]
    loads: tuple[int, ...]
    cost: int
    seconds: float  # the flow solve alone


@dataclass(frozen=True, slots=True)
class Unservable:
    """Cases that cannot each get what they need, and the proof."""

    #: cases with fewer eligible judges than they need: case index → eligible count
    short: dict[int, int]
    #: with a per-judge cap: a set of cases (indices) that together need more than their eligible
    #: judges can take, with the places needed and the most they can get
    crowded: tuple[int, ...] = ()
    needed: int = 0
    available: int = 0
    judges: tuple[int, ...] = ()


def _capacity(problem: Problem) -> npt.NDArray[np.int64]:
    """The most new cases each judge can take."""
    cap: npt.NDArray[np.int64] = problem.eligible.sum(axis=1).astype(np.int64)
    if problem.max_per_judge is not None:
        cap = np.minimum(cap, np.maximum(0, problem.max_per_judge - problem.base))
    return cap


def check(problem: Problem) -> Unservable | None:
    """Why the problem has no solution, or None when it has one."""
    counts = problem.eligible.sum(axis=0)
    short = {int(c): int(counts[c]) for c in np.flatnonzero(counts < problem.need)}
    if short:
        return Unservable(short)
    if problem.max_per_judge is None:
        return None  # every judge can take any number: the per-case counts decide alone
    return _hall_violation(problem)


def _hall_violation(problem: Problem) -> Unservable | None:
    m, n = problem.shape
    flow = max_flow.SimpleMaxFlow()
    source, sink = n + m, n + m + 1
    total = int(problem.need.sum())
    cases = np.arange(n, dtype=np.int64)
    flow.add_arcs_with_capacity(np.full(n, source, dtype=np.int64), cases, problem.need.astype(np.int64))
    jj, cc = np.nonzero(problem.eligible)
    flow.add_arcs_with_capacity(
        cc.astype(np.int64), (jj + n).astype(np.int64), np.ones(len(jj), dtype=np.int64)
    )
    judges = np.arange(m, dtype=np.int64)
    flow.add_arcs_with_capacity(judges + n, np.full(m, sink, dtype=np.int64), _capacity(problem))
    if flow.solve(source, sink) != flow.OPTIMAL:  # pragma: no cover - only on a malformed network
        raise RuntimeError("max flow failed")
    if flow.optimal_flow() >= total:
        return None
    side = set(flow.get_source_side_min_cut())
    crowded = tuple(c for c in range(n) if c in side)
    outside = sum(int(problem.need[c]) for c in range(n) if c not in side)
    needed = sum(int(problem.need[c]) for c in crowded)
    their_judges = tuple(int(j) for j in np.flatnonzero(problem.eligible[:, list(crowded)].any(axis=1)))
    return Unservable({}, crowded, needed, int(flow.optimal_flow()) - outside, their_judges)


def _tiers(base: int, cap: int, low: int, high: int, big: int) -> list[tuple[int, int]]:
    """(capacity, unit cost) arcs for a judge's next ``cap`` cases, given ``base`` already held.

    The marginal cost of reaching load ℓ is −(min(L−ℓ, T)+1)·B for ℓ ≤ L, 0 for L < ℓ ≤ U, and
    min(ℓ−U, T+1)·B above U (T = TIERS): non-decreasing in ℓ, hence convex.
    """
    bands: list[tuple[int, int, int]] = [(-(10**12), low - TIERS, -(TIERS + 1))]
    bands += [(ell, ell, -(low - ell + 1)) for ell in range(low - TIERS + 1, low + 1)]
    bands.append((low + 1, high, 0))
    bands += [(ell, ell, ell - high) for ell in range(high + 1, high + TIERS + 1)]
    bands.append((high + TIERS + 1, 10**12, TIERS + 1))
    first, last = base + 1, base + cap
    arcs = []
    for lo, hi, mult in bands:
        width = min(hi, last) - max(lo, first) + 1
        if width > 0:
            arcs.append((width, mult * big))
    return arcs


def solve(problem: Problem) -> Solution | Unservable:
    """The balanced, least-penalty assignment, or the proof that none exists."""
    why = check(problem)
    if why is not None:
        return why
    m, n = problem.shape
    need = problem.need.astype(np.int64)
    total_need = int(need.sum())
    loads = problem.base.astype(np.int64).copy()
    if total_need == 0:
        return Solution((), tuple(int(x) for x in loads), 0, 0.0)
    jj, cc = np.nonzero(problem.eligible)
    rng = np.random.default_rng(problem.seed)
    noise = rng.integers(0, NOISE, size=(m, n), dtype=np.int64)
    arc_cost = problem.cost[jj, cc].astype(np.int64) + noise[jj, cc]
    big = int(arc_cost.max(initial=0) + 1) * total_need + 1
    total = int(problem.base.sum()) + total_need
    low = total // m
    high = low + (1 if total % m else 0)

    flow = min_cost_flow.SimpleMinCostFlow()
    sink = n + m
    case_arcs = flow.add_arcs_with_capacity_and_unit_cost(
        cc.astype(np.int64), (jj + n).astype(np.int64), np.ones(len(jj), dtype=np.int64), arc_cost
    )
    capacity = _capacity(problem)
    tails: list[int] = []
    caps: list[int] = []
    costs: list[int] = []
    for j in range(m):
        for width, unit in _tiers(int(problem.base[j]), int(capacity[j]), low, high, big):
            tails.append(n + j)
            caps.append(width)
            costs.append(unit)
    if tails:
        flow.add_arcs_with_capacity_and_unit_cost(
            np.array(tails, dtype=np.int64),
            np.full(len(tails), sink, dtype=np.int64),
            np.array(caps, dtype=np.int64),
            np.array(costs, dtype=np.int64),
        )
    flow.set_nodes_supplies(
        np.r_[np.arange(n), sink].astype(np.int64),
        np.r_[need, -total_need].astype(np.int64),
    )
    start = time.perf_counter()
    status = flow.solve()
    seconds = time.perf_counter() - start
    if status != flow.OPTIMAL:  # check() found every case servable: the flow must exist
        raise RuntimeError(f"min cost flow ended with {status}")
    used = flow.flows(case_arcs) > 0
    pairs = tuple(zip((int(j) for j in jj[used]), (int(c) for c in cc[used]), strict=True))
    np.add.at(loads, jj[used], 1)
    chosen_cost = int(problem.cost[jj[used], cc[used]].sum())
    return Solution(pairs, tuple(int(x) for x in loads), chosen_cost, seconds)
