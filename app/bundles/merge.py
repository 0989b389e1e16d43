# SPDX-License-Identifier: Apache-2.0
"""Merging judges' score bundles into the workspace (bundle-format.md §4.3).

Each bundle is checked in full before anything is written and merged in one transaction. The winner
for a judge and round is the bundle with the highest (package serial, revision), and a merge replaces
that judge's whole round by the winner's content, so any order of merging ends in the same scores.
A refusal, a duplicate and a superseded bundle write nothing at all.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from app.bundles import keys
from app.bundles.bundle import BUNDLE_SUFFIX, BundleError, BundleFile, read_bundle
from app.bundles.canonical import b64, decimal_text, on_step
from app.models import (
    Base,
    IssuedPackage,
)
from app.workspace import Workspace

#: Outcomes in the order the checks run; ``ok`` is what ``verify`` says of a bundle that would merge.
REFUSALS = (
    "malformed",
    "wrong_competition",
    "unknown_judge",
    "bad_signature",
    "wrong_round",
    "unassigned_case",
    "out_of_range",
)
NO_CHANGE = ("duplicate", "superseded")


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """What happened to one bundle, with a sentence for a person."""

    path: Path
    code: str  # merged | duplicate | superseded | ok (verify only) | one of REFUSALS
    message: str
    judge: str = ""
    round: str = ""
    package_id: str = ""
    revision: int = 0
    cases: int = 0
    scores: int = 0
    recused: int = 0
    submitted: int = 0
    sha256: str = ""
    judge_public_key: str = ""  # base64, for outside verification (bundle-format.md §6)

    @property
    def refused(self) -> bool:
        return self.code in REFUSALS

    @property
    def changed(self) -> bool:
        return self.code == "merged"


@dataclass(frozen=True, slots=True)
class _Plan:
    """A bundle that passed every check, with the ids its rows will use."""

    bundle: BundleFile
    judge_id: int
    round_id: int
    serial: int
    assignment_ids: dict[int, int]  # case id → assignment id (every assignment of the judge in the round)
    score_rows: list[tuple[int, int, float]]  # assignment id, criterion id, value
    assignment_rows: list[tuple[str, bool, str, Any, int]]  # comment, recused, reason, submitted_at, id


class _Refused(Exception):
    def __init__(self, code: str, message: str, **facts: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.facts = facts


#: How SQLAlchemy writes a DateTime column on SQLite, so rows written here read back like any other.
_DATETIME_BIND = Base.metadata.tables["assignment"].c.submitted_at.type.bind_processor(sqlite_dialect())


def _stamp(moment: datetime | None) -> Any:
    if moment is None or _DATETIME_BIND is None:
        return moment
    return _DATETIME_BIND(moment)


#: A bundle already read (by ``merge_paths``' read-ahead), or the reason it could not be.
Preread = BundleFile | BundleError


def _read(path: Path) -> Preread:
    try:
        return read_bundle(path)
    except BundleError as exc:
        return exc


def _check(conn: Connection, ws: Workspace, path: Path, preread: Preread | None = None) -> _Plan:
    """Every check of §4.3, reading only; raises _Refused with the first failing outcome.

    Runs on a Core connection: a merge is the hot path of a live event (bench/bundles.py).
    """
    bundle = _read(path) if preread is None else preread
    if isinstance(bundle, BundleError):
        raise _Refused(bundle.code, f"文件格式不正确，拒绝合并：{bundle.reason}")
    doc = bundle.doc
    facts: dict[str, Any] = dict(
        judge=doc.judge_code,
        round=doc.round_key,
        package_id=doc.package_id,
        revision=doc.revision,
        sha256=bundle.sha256,
    )
    if doc.competition_uid != ws.competition_uid:
        raise _Refused("wrong_competition", "这是另一个比赛（工作区）的评分包，拒绝合并。", **facts)
    judge_id = conn.exec_driver_sql("SELECT id FROM judge WHERE code = ?", (doc.judge_code,)).scalar()
    if judge_id is None:
        raise _Refused("unknown_judge", f"本工作区没有评委 {doc.judge_code}，拒绝合并。", **facts)
    pkg = conn.exec_driver_sql(
        "SELECT judge_id, round_id, serial, public_key, manifest_sha256 FROM issued_package"
        " WHERE package_id = ?",
        (doc.package_id,),
    ).first()
    if pkg is None or pkg.judge_id != judge_id or pkg.manifest_sha256 != doc.package_sha256:
        raise _Refused(
            "unknown_judge",
            f"评分包所称的评审包不是本工作区发给评委 {doc.judge_code} 的，拒绝合并。",
            **facts,
        )
    facts["judge_public_key"] = b64(pkg.public_key)
    if not keys.verify(pkg.public_key, bundle.signature, bundle.payload):
        raise _Refused("bad_signature", "评委签名无效：评分包被改动过或不是该评委导出的，拒绝合并。", **facts)
    rnd = conn.exec_driver_sql("SELECT key, rubric_id FROM round WHERE id = ?", (pkg.round_id,)).first()
    if rnd is None or rnd.key != doc.round_key:
        raise _Refused("wrong_round", f"评分包的轮次 {doc.round_key} 与评审包的轮次不符，拒绝合并。", **facts)
    assignment_ids: dict[int, int] = {
        case_id: aid
        for case_id, aid in conn.exec_driver_sql(
            "SELECT case_id, id FROM assignment WHERE round_id = ? AND judge_id = ?", (pkg.round_id, judge_id)
        )
    }
    for case in doc.cases:
        if case.id not in assignment_ids:
            raise _Refused(
                "unassigned_case",
                f"案例 {case.id} 没有分配给评委 {doc.judge_code}（本轮），拒绝合并。",
                **facts,
            )
    # key → (id, name, max, step), the limits as exact decimals
    criteria = {
        key: (cid, name, Decimal(decimal_text(maximum)), Decimal(decimal_text(step)))
        for cid, key, name, maximum, step in conn.exec_driver_sql(
            "SELECT id, key, name, max, step FROM criterion WHERE rubric_id = ?", (rnd.rubric_id,)
        )
    }
    score_rows: list[tuple[int, int, float]] = []
    for case in doc.cases:
        aid = assignment_ids[case.id]
        for key, value in case.scores.items():
            criterion = criteria.get(key)
            if criterion is None:
                raise _Refused("malformed", f"评分细则中没有“{key}”这一项，拒绝合并。", **facts)
            cid, name, maximum, step = criterion
            if not on_step(value, maximum, step):
                raise _Refused(
                    "out_of_range",
                    f"案例 {case.id} 的“{name}”分数 {value} 超出 0–{maximum}（步长 {step}），拒绝合并。",
                    **facts,
                )
            score_rows.append((aid, cid, float(value)))
        if case.state == "submitted" and len(case.scores) != len(criteria):
            raise _Refused("malformed", f"案例 {case.id} 标为已提交，但评分不完整，拒绝合并。", **facts)
    in_bundle = {c.id: c for c in doc.cases}
    assignment_rows = []
    for case_id, assignment_id in assignment_ids.items():
        c = in_bundle.get(case_id)
        submitted = (c.updated_at or doc.exported_at) if c and c.state == "submitted" else None
        assignment_rows.append(
            (
                c.comment if c else "",
                bool(c and c.state == "recused"),
                c.recuse_reason if c else "",
                _stamp(submitted),
                assignment_id,
            )
        )
    # ordering: a newer package of the same judge and round retires the older one's bundles
    newest = conn.exec_driver_sql(
        "SELECT max(serial) FROM issued_package WHERE judge_id = ? AND round_id = ?", (judge_id, pkg.round_id)
    ).scalar()
    merged = conn.exec_driver_sql(
        "SELECT b.sha256, c.serial, b.revision FROM imported_bundle b"
        " JOIN bundle_content c ON c.imported_bundle_id = b.id"
        " WHERE b.judge_id = ? AND b.round_id = ? AND b.outcome = 'merged'",
        (judge_id, pkg.round_id),
    ).all()
    if any(sha == bundle.sha256 for sha, _, _ in merged):
        raise _Refused("duplicate", "这份评分包已经合并过，没有变化。", **facts)
    if newest is not None and pkg.serial < newest:
        raise _Refused("superseded", "此评分包所属的评审包已被更新的评审包取代，没有变化。", **facts)
    winner = max(((serial, rev) for _, serial, rev in merged), default=None)
    if winner is not None and (pkg.serial, doc.revision) < winner:
        raise _Refused(
            "superseded", f"已合并该评委更新的版本（修订号 {winner[1]}），此旧版本没有带来变化。", **facts
        )
    if winner is not None and (pkg.serial, doc.revision) == winner:
        raise _Refused("duplicate", f"已合并过修订号 {doc.revision} 的另一份文件，没有变化。", **facts)
    return _Plan(bundle, judge_id, pkg.round_id, pkg.serial, assignment_ids, score_rows, assignment_rows)


def _outcome(path: Path, code: str, message: str, plan: _Plan | None = None, **facts: Any) -> MergeOutcome:
    if plan is not None:
        doc = plan.bundle.doc
        facts.update(
            judge=doc.judge_code,
            round=doc.round_key,
            package_id=doc.package_id,
            revision=doc.revision,
            sha256=plan.bundle.sha256,
            cases=len(doc.cases),
            scores=len(plan.score_rows),
            recused=sum(1 for c in doc.cases if c.state == "recused"),
            submitted=sum(1 for c in doc.cases if c.state == "submitted"),
        )
    return MergeOutcome(path=path, code=code, message=message, **facts)


def verify_bundle(ws: Workspace, path: Path) -> MergeOutcome:
    """Run every check without writing; ``ok`` means merging now would give ``merged``."""
    path = Path(path)
    with ws.engine.connect() as conn:
        try:
            plan = _check(conn, ws, path)
        except _Refused as r:
            return _outcome(path, r.code, r.message, **r.facts)
        pkg_id = plan.bundle.doc.package_id
        pub = conn.execute(
            select(IssuedPackage.public_key).where(IssuedPackage.package_id == pkg_id)
        ).scalar()
    return _outcome(
        path, "ok", "评分包完整，签名有效，可以合并。", plan, judge_public_key=b64(pub) if pub else ""
    )


#: Rows whose values do not change are not rewritten: a re-merge touches only what changed.
_UPDATE_ASSIGNMENT = (
    "UPDATE assignment SET comment = ?1, recused = ?2, recuse_reason = ?3, submitted_at = ?4 WHERE id = ?5"
    " AND NOT (comment IS ?1 AND recused IS ?2 AND recuse_reason IS ?3 AND submitted_at IS ?4)"
)
_INSERT_SCORE = "INSERT INTO score (assignment_id, criterion_id, value, bundle_id) VALUES (?, ?, ?, ?)"


def merge_bundle(
    ws: Workspace, path: Path, actor: str = "organizer", *, preread: Preread | None = None
) -> MergeOutcome:
    """Check one bundle and, if it is the newest of its judge and round, merge it in one transaction.

    The checks and the writes share one transaction; on any outcome but ``merged`` it is rolled back
    having written nothing, so the database file stays byte-identical.
    """
    path = Path(path)
    with ws.engine.connect() as conn:
        tx = conn.begin()
        try:
            plan = _check(conn, ws, path, preread)
        except _Refused as r:
            tx.rollback()
            return _outcome(path, r.code, r.message, **r.facts)
        try:
            doc = plan.bundle.doc
            now = datetime.now(UTC)
            imported_id = conn.exec_driver_sql(
                "INSERT INTO imported_bundle (judge_id, round_id, package_id, revision, sha256, file_name,"
                " outcome, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, 'merged', '', ?)",
                (
                    plan.judge_id,
                    plan.round_id,
                    doc.package_id,
                    doc.revision,
                    plan.bundle.sha256,
                    path.name[:300],
                    _stamp(now),
                ),
            ).lastrowid
            conn.exec_driver_sql(
                "INSERT INTO bundle_content (imported_bundle_id, serial, data) VALUES (?, ?, ?)",
                (imported_id, plan.serial, zlib.compress(plan.bundle.data, 1)),
            )
            ids = list(plan.assignment_ids.values())
            conn.exec_driver_sql(
                f"DELETE FROM score WHERE assignment_id IN ({','.join('?' * len(ids))})", tuple(ids)
            )
            if plan.score_rows:  # the bulk of a merge: one executemany of the bundle's scores
                rows = sorted((*row, imported_id) for row in plan.score_rows)  # index order: fewer pages
                conn.exec_driver_sql(_INSERT_SCORE, rows)
            if plan.assignment_rows:
                conn.exec_driver_sql(_UPDATE_ASSIGNMENT, plan.assignment_rows)
            # the audit event, with what app.audit.record would write, in the same transaction
            detail = {
                "round": doc.round_key,
                "package_id": doc.package_id,
                "revision": doc.revision,
                "sha256": plan.bundle.sha256,
                "file": path.name,
                "scores": len(plan.score_rows),
            }
            conn.exec_driver_sql(
                "INSERT INTO audit_event (at, actor, action, target, detail)"
                " VALUES (?, ?, 'bundle.merge', ?, ?)",
                (_stamp(now), actor, doc.judge_code[:120], json.dumps(detail, ensure_ascii=False)),
            )
            tx.commit()
        except BaseException:
            tx.rollback()
            raise
    return _outcome(
        path,
        "merged",
        f"已合并评委 {doc.judge_code} 的评分（修订号 {doc.revision}，{len(plan.score_rows)} 项分数）。",
        plan,
    )


def bundle_paths(items: Iterable[Path]) -> list[Path]:
    """Files as given, folders expanded to their ``*.leitai-scores`` files (sorted by name)."""
    out: list[Path] = []
    for item in items:
        item = Path(item)
        if item.is_dir():
            out.extend(sorted(p for p in item.iterdir() if p.name.endswith(BUNDLE_SUFFIX) and p.is_file()))
        else:
            out.append(item)
    return out


def merge_paths(
    ws: Workspace,
    items: Iterable[Path],
    progress: Callable[[int, int], None] | None = None,
    actor: str = "organizer",
) -> list[MergeOutcome]:
    """Merge many bundles (files or folders), each in its own transaction; one outcome per file.

    The next file is read and parsed in a worker thread while the current one is written to the
    database (parsing needs no database; SQLite releases the GIL while it writes).
    """
    paths = bundle_paths(items)
    outcomes = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-read") as pool:
        ahead: Future[Preread] | None = pool.submit(_read, paths[0]) if paths else None
        for i, path in enumerate(paths, start=1):
            assert ahead is not None
            preread = ahead.result()
            ahead = pool.submit(_read, paths[i]) if i < len(paths) else None
            outcomes.append(merge_bundle(ws, path, actor, preread=preread))
            if progress is not None:
                progress(i, len(paths))
    return outcomes


def watch(
    ws: Workspace,
    folder: Path,
    on_outcome: Callable[[MergeOutcome], None],
    *,
    interval: float = 2.0,
    stop: Callable[[], bool] = lambda: False,
    actor: str = "organizer",
) -> None:
    """Merge every bundle that appears in ``folder`` (live events, LAN share), until ``stop()``.

    A file is taken once its size and modification time have stayed the same for one interval, so a
    bundle still being copied is not read half-way; a file that changes later is looked at again.
    """
    seen: dict[Path, tuple[int, int]] = {}
    pending: dict[Path, tuple[int, int]] = {}
    while True:
        for path in bundle_paths([folder]):
            try:
                st = path.stat()
            except OSError:
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if seen.get(path) == sig:
                continue
            if pending.get(path) == sig:
                pending.pop(path)
                seen[path] = sig
                on_outcome(merge_bundle(ws, path, actor))
            else:
                pending[path] = sig
        if stop():
            return
        time.sleep(interval)
