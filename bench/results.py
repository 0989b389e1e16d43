# SPDX-License-Identifier: Apache-2.0
"""Issue 11's acceptance at full size, and what computing results costs against raw baselines.

1. ``leitai demo D --cases 300 --judges 30 --play-through final`` (or ``--workspace`` to reuse one), then
   the acceptance checks: in the expert review every theme group of n cases has min(10, n)
   ``value_top10`` and 20 % of n ``advance`` (the season file: half up, at least one); in the theme
   finals every group of at least 6 cases has 1 gold, 2 silver, 3 bronze; the national final holds 14
   cases (the ten theme winners + 4); ``results verify`` passes; one stored mark changed in the
   database (on a copy) makes it fail and name that case.
2. Timing, medians of five runs each, interleaved: ``round_results`` of the review (1,500 sheets) against
   a raw baseline — one SQL query of the same submitted marks and a plain Python mean per case; and
   ``verify_workspace`` (every kept bundle decompressed, hashed, parsed, signature-checked, every round
   computed twice) against reading and SHA-256-hashing the same kept bundles.

Last line: ``review_ok=… semifinal_ok=… final_cases=… verify_ok=… tamper_named=… demo_seconds=…
rank_seconds=… rank_vs_sql=… verify_seconds=… verify_vs_hash=…``.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.cli import build_parser, run
from app.results.service import round_results
from app.results.types import RoundResults
from app.results.verify import problem_text, verify_workspace
from app.workspace import Workspace


def _awards(results: RoundResults) -> list[tuple[int, Counter[str]]]:
    return [(len(g.cases), Counter(a for c in g.cases for a in c.awards)) for g in results.groups]


def check(ws: Workspace) -> dict[str, object]:
    """The acceptance checks; each figure is 1 when it holds (or a count)."""
    review = round_results(ws, "review")
    review_ok = all(
        a["value_top10"] == min(10, n) and a["advance"] == max(1, math.floor(0.2 * n + 0.5))
        for n, a in _awards(review)
    )
    semifinal = round_results(ws, "semifinal")
    big = [(n, a) for n, a in _awards(semifinal) if n >= 6]
    semifinal_ok = bool(big) and all((a["gold"], a["silver"], a["bronze"]) == (1, 2, 3) for _, a in big)
    final = round_results(ws, "final")
    winners = {g.cases[0].case.id for g in semifinal.groups if g.cases and g.cases[0].rank == 1}
    in_final = {c.case.id for g in final.groups for c in g.cases}
    report = verify_workspace(ws)
    for p in report.problems:
        print("  ", problem_text(p))
    print(
        f"review groups {[n for n, _ in _awards(review)]}; theme finals {[n for n, _ in _awards(semifinal)]}"
    )
    return {
        "review_ok": int(review_ok),
        "semifinal_ok": int(semifinal_ok),
        "semifinal_groups_ge6": len(big),
        "final_cases": len(in_final),
        "final_has_winners": int(winners <= in_final),
        "verify_ok": int(report.ok),
    }


def tamper_named(root: Path, tmp: Path) -> int:
    """Change one stored mark of the theme finals on a copy; 1 if verify fails and names its case."""
    copy = tmp / "tampered"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("season", "files", "*-wal", "*-shm"))
    with sqlite3.connect(copy / "leitai.db") as db:
        score_id, code = db.execute(
            'SELECT s.id, c.code FROM score s JOIN assignment a ON a.id = s.assignment_id JOIN "case" c'
            " ON c.id = a.case_id JOIN round r ON r.id = a.round_id WHERE r.key = 'semifinal'"
            " AND s.value >= 0.5 ORDER BY s.id LIMIT 1"
        ).fetchone()
        db.execute("UPDATE score SET value = value - 0.5 WHERE id = ?", (score_id,))
    with Workspace.open(copy) as ws:
        report = verify_workspace(ws)
    return int(not report.ok and any(p.params.get("case") == code for p in report.problems))


def raw_rank(db_path: Path) -> int:
    """Baseline: the review's submitted marks in one query, each case's mean of weighted totals."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT a.case_id, a.judge_id, s.value * c.weight FROM score s JOIN assignment a ON a.id ="
            " s.assignment_id JOIN criterion c ON c.id = s.criterion_id JOIN round r ON r.id = a.round_id"
            " WHERE r.key = 'review' AND a.submitted_at IS NOT NULL AND a.recused = 0"
        ).fetchall()
    totals: dict[tuple[int, int], float] = defaultdict(float)
    for case, judge, value in rows:
        totals[(case, judge)] += value
    per_case: dict[int, list[float]] = defaultdict(list)
    for (case, _), total in totals.items():
        per_case[case].append(total)
    ranked = sorted(((sum(v) / len(v), c) for c, v in per_case.items()), reverse=True)
    return len(ranked)


def raw_hash(db_path: Path) -> int:
    """Baseline: read every kept bundle, decompress it and hash it."""
    with sqlite3.connect(db_path) as db:
        blobs = [row[0] for row in db.execute("SELECT data FROM bundle_content")]
    return sum(len(hashlib.sha256(zlib.decompress(b)).digest()) for b in blobs)


def _median(fn: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, help="a played demo to reuse (default: make one)")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--judges", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="leitai-bench-results-") as tmp_dir:
        tmp = Path(tmp_dir)
        root = args.workspace
        demo_seconds = 0.0
        if root is None:
            root = tmp / "demo"
            start = time.perf_counter()
            argv = ["demo", str(root), "--cases", str(args.cases), "--judges", str(args.judges)]
            assert run(build_parser().parse_args([*argv, "--play-through", "final"])) == 0
            demo_seconds = time.perf_counter() - start
        with Workspace.open(root) as ws:
            figures = check(ws)
            rank_s, sql_s = [], []
            for _ in range(5):  # interleaved, so both see the same machine
                rank_s.append(_median(lambda: round_results(ws, "review"), 1))
                sql_s.append(_median(lambda: raw_rank(ws.db_path), 1))
            verify_s, hash_s = [], []
            for _ in range(5):
                verify_s.append(_median(lambda: verify_workspace(ws), 1))
                hash_s.append(_median(lambda: raw_hash(ws.db_path), 1))
        figures["tamper_named"] = tamper_named(root, tmp)
    rank, sql = statistics.median(rank_s), statistics.median(sql_s)
    verify, hashed = statistics.median(verify_s), statistics.median(hash_s)
    figures.update(
        demo_seconds=f"{demo_seconds:.1f}",
        rank_seconds=f"{rank:.3f}",
        rank_vs_sql=f"{rank / sql:.1f}",
        verify_seconds=f"{verify:.2f}",
        verify_vs_hash=f"{verify / hashed:.1f}",
    )
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
