# SPDX-License-Identifier: Apache-2.0
"""Benchmark: assign 3,000 cases to 120 judges, K = 5, 10 % of judges from crowded provinces.

Runs ``assign_round`` (the whole service: read the round, build the matrices, solve, write 15,000 rows,
audit) several times with ``--replace``, and as the raw baseline the min-cost flow alone on the same
problem (``solver.solve``). Hard conflicts are counted by an independent check of the stored rows
(``tests/assign_world.count_hard_conflicts``: its own SQL and spelling folding, no code of the solver),
the load spread from the stored rows too. Targets (issue 10): under 30 s, 0 hard conflicts, spread ≤ 1.

    .venv/bin/python bench/assign.py [--cases 3000] [--judges 120] [--per-case 5] [--runs 3]

The last line: ``seconds=… hard_conflicts=… load_spread=… solver_seconds=… ratio_vs_solver=…``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from assign_world import build_world, count_hard_conflicts, load_spread  # noqa: E402

from app.judging.assignment import assign_round  # noqa: E402
from app.judging.assignment.problem import build, load_context  # noqa: E402
from app.judging.assignment.solver import Solution, solve  # noqa: E402
from app.rounds.service import round_by_key  # noqa: E402
from app.workspace import Workspace  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--judges", type=int, default=120)
    ap.add_argument("--per-case", type=int, default=5)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Workspace.create(Path(tmp) / "ws") as ws:
        key = build_world(ws, args.cases, args.judges, crowded_share=0.1)
        service: list[float] = []
        raw: list[float] = []
        hard: list[int] = []
        spreads: list[int] = []
        soft = 0
        for run in range(args.runs):
            start = time.perf_counter()
            report = assign_round(ws, key, args.per_case, seed=run, replace=run > 0)
            service.append(time.perf_counter() - start)
            hard.append(count_hard_conflicts(ws.db_path, key))
            low, high = load_spread(ws.db_path, key)
            spreads.append(high - low)
            soft = len(report.soft)
            # the raw baseline: the flow alone, on the same matrices, nothing read or written
            with ws.sessions() as s:
                ctx = load_context(s, round_by_key(s, key))
            ctx.held = []
            problem = build(ctx, args.per_case, run)
            start = time.perf_counter()
            result = solve(problem)
            raw.append(time.perf_counter() - start)
            assert isinstance(result, Solution)
            print(
                f"run {run}: service {service[-1]:.2f} s, solver alone {raw[-1]:.2f} s, "
                f"hard conflicts {hard[-1]}, loads {low}-{high}, soft conflicts {soft}",
                file=sys.stderr,
            )
    seconds, solver = statistics.median(service), statistics.median(raw)
    print(
        f"seconds={seconds:.2f} hard_conflicts={max(hard)} load_spread={max(spreads)} "
        f"solver_seconds={solver:.2f} ratio_vs_solver={seconds / solver:.2f} "
        f"cases={args.cases} judges={args.judges} per_case={args.per_case} soft_conflicts={soft}"
    )


if __name__ == "__main__":
    main()
