# SPDX-License-Identifier: Apache-2.0
"""Benchmark of judge packages and score bundles (issue 4), against raw baselines in the same run.

1. Packages. Writes ≥ 2 GB of media (random-looking, made fast from repeated random blocks) straight into
   a workspace's content store, assigns every case to one judge, then, three rounds each, interleaved:
   ``sha256sum`` over the same store files (one process, all files), ``build_packages`` (stream each file
   into the package: SHA-256 + CRC-32 + write) and ``verify_package`` (container, signature, SHA-256 of
   every file). Throughput ratios against sha256sum: higher is better; target ≥ 0.8.
2. Merge. A workspace with 100 judges × 75 cases × 4 criteria: 100 signed bundles of 300 scores each,
   exported in the judge's format with each judge's real package key, and like a real home's: every case
   with the time it was last changed, a third with a comment. Times ``merge_paths`` over the folder (each
   bundle read, checked in full, merged in its own transaction, audited) against a raw ``sqlite3``
   ``executemany`` of the same 30 000 score rows into a copy of the same database, one transaction per
   bundle like the merge. Printed too: the single-transaction figure; against a raw replay of every row
   the merge writes (scores, the judge's 75 assignment rows, bundle record, kept file, audit event), which
   separates the merge's own work from the rows the format obliges it to write
   (``merge_vs_sqlite_all_rows``); and revision 2 of every bundle merged over the first
   (``remerge_seconds``). Medians of five rounds, merge and raw interleaved, each on a fresh copy of the
   database, the disk settled (``sync``) before each timed run.

Everything lives in a temporary folder that is deleted at the end.
Last line: ``build_vs_sha256sum=… verify_vs_sha256sum=… merge_seconds=… merge_vs_sqlite=…``.
``--merge-only`` runs part 2 alone (no 2 GB of media); its last line has only the merge figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from app.bundles import keys
from app.bundles.bundle import write_bundle
from app.bundles.canonical import decimal_text, utc_text
from app.bundles.merge import merge_paths
from app.bundles.package import build_packages
from app.bundles.package_check import verify_package
from app.casebook import NewCase, add_case
from app.judge_home import JudgeHome
from app.judging.assignment import ensure_assigned
from app.judging.roster import NewJudge, add_judge
from app.models import Case, CaseFile
from app.workspace import Workspace

MEDIA_BYTES = int(float(os.environ.get("LEITAI_BENCH_GB", "2.1")) * 1e9)
VIDEO_BYTES = 350_000_000
ROUNDS = 3
MERGE_ROUNDS = 5
JUDGES = 100
CASES_PER_JUDGE = 75
PASS = "bench passphrase"
COMMENT = (
    "案例选题贴近临床需求，改进措施具体可行，数据收集较为完整；建议补充对照组资料，"
    "说明指标的统计方法，并进一步评估推广到其他科室的可行性与成本。"
)


def _write_into_store(ws: Workspace, size: int, seed: int) -> tuple[str, int]:
    """A file of ``size`` random-looking bytes, hashed while written, placed in the store by its hash."""
    rng = random.Random(seed)
    block = rng.randbytes(8 << 20)
    h = hashlib.sha256()
    tmp = ws.store.root / f".bench-{seed}"
    with tmp.open("wb") as f:
        left = size
        n = 0
        while left:
            # vary each block a little so no two blocks of the file are the same
            chunk = n.to_bytes(8, "little") + block[8 : min(len(block), left)]
            chunk = chunk[: min(len(block), left)]
            f.write(chunk)
            h.update(chunk)
            left -= len(chunk)
            n += 1
    sha = h.hexdigest()
    final = ws.store.path_for(sha)
    final.parent.mkdir(exist_ok=True)
    os.replace(tmp, final)
    return sha, size


def _median_seconds(fn: object, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_packages(tmp: Path) -> tuple[float, float]:
    ws = Workspace.create(tmp / "media-ws", passphrase=PASS)
    files: list[tuple[str, int, str]] = []
    total = 0
    n = 0
    while total < MEDIA_BYTES:
        size = min(VIDEO_BYTES, MEDIA_BYTES - total)
        sha, size = _write_into_store(ws, size, n)
        pdf_sha, pdf_size = _write_into_store(ws, 9_000_000, 10_000 + n)
        files.append((sha, size, "video"))
        files.append((pdf_sha, pdf_size, "pdf"))
        total += size + pdf_size
        n += 1
    for i in range(n):
        case_id = add_case(
            ws, NewCase(code=f"M{i:03d}", hospital=f"医院{i}", province="北京", theme=1, title="t")
        )
        with ws.sessions.begin() as s:
            case = s.get(Case, case_id)
            assert case is not None
            for sha, size, kind in files[2 * i : 2 * i + 2]:
                name = "slides.pdf" if kind == "pdf" else "video.mp4"
                case.files.append(CaseFile(kind=kind, sha256=sha, size=size, original_name=name))
    add_judge(ws, NewJudge(name="评委"))
    ensure_assigned(ws, "review", 1)
    store_paths = [str(ws.store.path_for(sha)) for sha, _, _ in files]
    print(f"media: {len(files)} files, {total / 1e9:.2f} GB", file=sys.stderr)

    out = tmp / "pkg-out"
    results: dict[str, list[float]] = {"sha256sum": [], "build": [], "verify": []}
    subprocess.run(["sha256sum", *store_paths], check=True, capture_output=True)  # warm the page cache
    for _ in range(ROUNDS):
        t = time.perf_counter()
        subprocess.run(["sha256sum", *store_paths], check=True, capture_output=True)
        results["sha256sum"].append(time.perf_counter() - t)
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        built = build_packages(ws, "review", None, out, PASS)
        results["build"].append(time.perf_counter() - t)
        t = time.perf_counter()
        check = verify_package(built[0].path)
        results["verify"].append(time.perf_counter() - t)
        assert check.ok, check.reason
    ws.close()
    # for the record: Python's hashlib (OpenSSL, SHA-NI where the CPU has it) over the same files
    t = time.perf_counter()
    for p in store_paths:
        digest = hashlib.sha256()
        with open(p, "rb") as f:
            while block := f.read(4 << 20):
                digest.update(block)
    print(f"hashlib sha256 alone: {total / (time.perf_counter() - t) / 1e9:.2f} GB/s", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in results.items()}
    for k, v in med.items():
        print(f"{k}: {v:.2f} s = {total / v / 1e9:.2f} GB/s", file=sys.stderr)
    return med["sha256sum"] / med["build"], med["sha256sum"] / med["verify"]


def _make_bundles(tmp: Path) -> tuple[Path, Path, Path]:
    """A workspace whose 100 judges each hold a package of 75 cases, and two signed bundles per judge.

    Revision 1 (folder ``bundles``) scores every case; revision 2 (folder ``revised``) is the same judge's
    next export, a few scores and comments changed: what a live event merges all day.
    """
    old_n = keys.SCRYPT_N
    keys.SCRYPT_N = 2**10  # set-up only: the sealed keys record their cost, so opening them still works
    try:
        root = tmp / "merge-ws"
        ws = Workspace.create(root, passphrase=PASS)
        cases = JUDGES * CASES_PER_JUDGE // 50
        for i in range(cases):
            add_case(
                ws,
                NewCase(code=f"S{i:04d}", hospital=f"医院{i}", province="上海", theme=1 + i % 10, title="t"),
            )
        for i in range(JUDGES):
            add_judge(ws, NewJudge(name=f"评委{i}"))
        ensure_assigned(ws, "review", 50)
        built = build_packages(ws, "review", None, tmp / "pkgs", PASS)
        bundles = tmp / "bundles"
        bundles.mkdir()
        revised = tmp / "revised"
        revised.mkdir()
        rng = random.Random(4)
        start = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
        for b in built:
            with JudgeHome.open_package(b.path, tmp / "homes" / b.judge_code, b.access_code) as home:
                criteria = home.info().criteria
                doc = home.bundle_document(revision=1)
                for case in doc["cases"]:
                    # as a real home writes them: every submitted case has the time it was last changed,
                    # and about a third carry a comment
                    case["scores"] = {
                        c.key: decimal_text(Decimal(str(c.step)) * rng.randint(0, int(c.max / c.step)))
                        for c in criteria
                    }
                    case["state"] = "submitted"
                    case["updated_at"] = utc_text(start + timedelta(seconds=rng.randint(0, 3 * 86400)))
                    if rng.random() < 1 / 3:
                        case["comment"] = COMMENT[: rng.randint(20, len(COMMENT))]
                key = home.signing_key()  # the judge's real key, unlocked in this session
                write_bundle(bundles / f"{b.judge_code}.leitai-scores", doc, key)
                doc["revision"] = 2
                later = utc_text(start + timedelta(days=4))
                for case in rng.sample(doc["cases"], 5):
                    case["scores"][criteria[0].key] = "0"
                    case["updated_at"] = later
                for case in rng.sample(doc["cases"], 3):
                    case["comment"] = COMMENT[:30]
                    case["updated_at"] = later
                write_bundle(revised / f"{b.judge_code}.leitai-scores", doc, key)
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.close()
    finally:
        keys.SCRYPT_N = old_n
    return root, bundles, revised


def _settle() -> None:
    """Before a timed run: the files written so far go to disk now, not while the next run is timed."""
    if hasattr(os, "sync"):
        os.sync()


#: One transaction of a raw replay: (SQL, the rows ``executemany`` runs it with), in order.
Transaction = list[tuple[str, list[tuple[Any, ...]]]]
_RAW_SCORE = "INSERT INTO score (assignment_id, criterion_id, value) VALUES (?, ?, ?)"


def _written_rows(ws: Workspace) -> list[Transaction]:
    """Every row the first merge wrote, bundle by bundle, as plain SQL that writes them again."""
    with ws.engine.connect() as conn:

        def q(sql: str) -> list[Any]:
            return list(conn.exec_driver_sql(sql).all())

        bundles = q(
            "SELECT id, judge_id, round_id, package_id, revision, sha256, file_name, outcome, reason,"
            " received_at FROM imported_bundle ORDER BY id"
        )
        kept = {r[0]: tuple(r) for r in q("SELECT imported_bundle_id, serial, data FROM bundle_content")}
        audits = q(
            "SELECT at, actor, action, target, detail FROM audit_event"
            " WHERE action = 'bundle.merge' ORDER BY id"
        )
        scores: dict[int, list[tuple[Any, ...]]] = {}
        for r in q("SELECT assignment_id, criterion_id, value, bundle_id FROM score ORDER BY id"):
            scores.setdefault(r[3], []).append(tuple(r))
        assignments: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
        for r in q(
            "SELECT comment, recused, recuse_reason, submitted_at, id, judge_id, round_id FROM assignment"
        ):
            assert r[3] is not None  # every one was submitted, so the merge rewrote every row
            assignments.setdefault((r[5], r[6]), []).append(tuple(r[:5]))
    assert len(bundles) == len(audits) == JUDGES
    return [
        [
            (
                "INSERT INTO imported_bundle (id, judge_id, round_id, package_id, revision, sha256,"
                " file_name, outcome, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [tuple(b)],
            ),
            ("INSERT INTO bundle_content (imported_bundle_id, serial, data) VALUES (?, ?, ?)", [kept[b[0]]]),
            (
                "INSERT INTO score (assignment_id, criterion_id, value, bundle_id) VALUES (?, ?, ?, ?)",
                scores[b[0]],
            ),
            (
                "UPDATE assignment SET comment = ?, recused = ?, recuse_reason = ?, submitted_at = ?"
                " WHERE id = ?",
                assignments[(b[1], b[2])],
            ),
            (
                "INSERT INTO audit_event (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                [tuple(a)],
            ),
        ]
        for b, a in zip(bundles, audits, strict=True)
    ]


def bench_merge(tmp: Path) -> tuple[float, float, float]:
    root, bundles, revised = _make_bundles(tmp)
    pristine = (root / "leitai.db").read_bytes()
    times: dict[str, list[float]] = {"merge": [], "remerge": [], "raw": [], "raw_single": [], "raw_all": []}
    per_bundle: list[Transaction] = []
    single: list[Transaction] = []
    all_rows: list[Transaction] = []

    def raw(path: Path, transactions: list[Transaction]) -> float:
        """Plain sqlite3 with the workspace's pragmas: each transaction's executemany calls, then COMMIT."""
        path.write_bytes(pristine)
        conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
            conn.execute(f"PRAGMA {pragma}")
        _settle()
        t = time.perf_counter()
        for steps in transactions:
            conn.execute("BEGIN")
            for sql, rows in steps:
                conn.executemany(sql, rows)
            conn.execute("COMMIT")
        seconds = time.perf_counter() - t
        conn.close()
        return seconds

    # interleaved rounds, each on fresh copies, so that a change of load on the machine hits both sides
    for r in range(MERGE_ROUNDS):
        copy = tmp / f"merge-run-{r}"
        copy.mkdir()
        (copy / "leitai.db").write_bytes(pristine)
        ws = Workspace.open(copy)
        _settle()
        t = time.perf_counter()
        outcomes = merge_paths(ws, [bundles])
        times["merge"].append(time.perf_counter() - t)
        assert [o.code for o in outcomes] == ["merged"] * JUDGES, {o.code for o in outcomes}
        if not all_rows:
            all_rows = _written_rows(ws)
            # the baseline of the issue: the same score rows, the same transactions, nothing else
            per_bundle = [[(_RAW_SCORE, [row[:3] for row in steps[2][1]])] for steps in all_rows]
            single = [[(_RAW_SCORE, [row for steps in per_bundle for row in steps[0][1]])]]
            assert len(single[0][0][1]) == JUDGES * CASES_PER_JUDGE * 4
        t = time.perf_counter()
        outcomes = merge_paths(ws, [revised])
        times["remerge"].append(time.perf_counter() - t)
        assert [o.code for o in outcomes] == ["merged"] * JUDGES, {o.code for o in outcomes}
        ws.close()
        times["raw"].append(raw(tmp / f"raw-{r}.db", per_bundle))
        times["raw_single"].append(raw(tmp / f"raw-single-{r}.db", single))
        times["raw_all"].append(raw(tmp / f"raw-all-{r}.db", all_rows))

    med = {k: statistics.median(v) for k, v in times.items()}
    rounds = {k: ", ".join(f"{x:.3f}" for x in v) for k, v in times.items()}
    print(
        f"merge: {med['merge']:.3f} s for {JUDGES} bundles × {CASES_PER_JUDGE * 4} scores "
        f"(rounds: {rounds['merge']}); raw executemany of the scores "
        f"{med['raw']:.3f} s (one transaction per bundle; rounds: {rounds['raw']}), "
        f"{med['raw_single']:.3f} s (one transaction); raw executemany of every row the merge writes "
        f"(scores, assignment rows, bundle record, kept file, audit event) {med['raw_all']:.3f} s; "
        f"revision 2 of every bundle merged over them: {med['remerge']:.3f} s",
        file=sys.stderr,
    )
    print(f"remerge_seconds={med['remerge']:.3f}")
    print(f"merge_vs_sqlite_all_rows={med['merge'] / med['raw_all']:.2f}")
    return med["merge"], med["merge"] / med["raw"], med["merge"] / med["raw_single"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--merge-only", action="store_true", help="only the merge part (no media)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="leitai-bench-") as name:
        tmp = Path(name)
        if args.merge_only:
            merge, vs_sqlite, vs_single = bench_merge(tmp)
            print(f"merge_vs_sqlite_single_transaction={vs_single:.2f}")
            print(f"merge_seconds={merge:.3f} merge_vs_sqlite={vs_sqlite:.2f}")
            return
        build_ratio, verify_ratio = bench_packages(tmp)
        shutil.rmtree(tmp / "media-ws", ignore_errors=True)
        shutil.rmtree(tmp / "pkg-out", ignore_errors=True)
        merge, vs_sqlite, vs_single = bench_merge(tmp)
    print(f"merge_vs_sqlite_single_transaction={vs_single:.2f}")
    print(
        f"build_vs_sha256sum={build_ratio:.2f} verify_vs_sha256sum={verify_ratio:.2f} "
        f"merge_seconds={merge:.3f} merge_vs_sqlite={vs_sqlite:.2f}"
    )


if __name__ == "__main__":
    main()
