# SPDX-License-Identifier: Apache-2.0
"""Merging judges' score bundles into the workspace (bundle-format.md §4.3).

Each bundle is checked in full before anything is written and merged in one transaction. The winner
for a judge and round is the bundle with the highest (package serial, revision), and a merge replaces
that judge's whole round by the winner's content, so any order of merging ends in the same scores.
A refusal, a duplicate and a superseded bundle write nothing at all.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bundles import keys
from app.bundles.bundle import BUNDLE_SUFFIX, BundleError, BundleFile, read_bundle
from app.bundles.canonical import b64, decimal_text, on_step
from app.bundles.manifest import PackageCriterion
from app.bundles.merge_sql import MergeSql
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
    """A bundle that passed every check, with the rows its merge writes."""

    bundle: BundleFile
    judge_id: int
    round_id: int
    serial: int
    public_key: bytes
    replaces: bool  # a bundle of this judge and round was merged before
    score_rows: list[tuple[int, int, Any]]  # assignment id, criterion id, value as stored; in index order
    assignment_rows: list[tuple[Any, ...]]  # as MergeSql.update_assignments takes them; only rows that change


class _Refused(Exception):
    def __init__(self, code: str, message: str, **facts: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.facts = facts


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A bundle read from disk and parsed, with its bytes compressed as the workspace keeps them.

    ``verified`` is (public key, whether the signature verifies with it) when the reader already checked
    the signature with the key a package of that id had when the merge began. The merge uses it only if
    the key it reads inside its transaction is byte for byte the same; otherwise it checks again.
    """

    bundle: BundleFile
    compressed: bytes
    verified: tuple[bytes, bool] | None = None


#: A bundle read, or the reason it could not be.
_Read = _Loaded | BundleError


def _read(path: Path, package_keys: dict[str, bytes] | None = None) -> _Read:
    """Everything about a bundle that needs no database (so it may run in another thread)."""
    try:
        bundle = read_bundle(path)
    except BundleError as exc:
        return exc
    key = package_keys.get(bundle.doc.package_id) if package_keys else None
    verified = None if key is None else (key, keys.verify(key, bundle.signature, bundle.payload))
    return _Loaded(bundle, zlib.compress(bundle.data, 1), verified)


#: A criterion row's id, its rule as a package states it (exact decimals, the limits a judge's home
#: checked), and the bundle values already found on its steps, each as the database stores it.
_Checked = tuple[int, PackageCriterion, dict[Decimal, Any]]


class _Memo:
    """What stays true from one bundle to the next of a merge: its statements, checked values, timestamps.

    Values are keyed by the database rows they come from, which every bundle reads again in its own
    transaction, so a rubric edited between two bundles is never judged by its old limits.
    """

    def __init__(self, ws: Workspace) -> None:
        self.sql = MergeSql(ws.engine.dialect)
        self.criteria: dict[tuple[Any, ...], _Checked] = {}
        self.stamps: dict[datetime, Any] = {}

    def criterion(self, row: tuple[Any, ...]) -> _Checked:
        """A criterion row (``MergeSql.criteria``) with the values of its steps met so far."""
        c = self.criteria.get(row)
        if c is None:
            cid, key, name, description, maximum, step, weight = row
            rule = PackageCriterion(
                key, name, description, *(Decimal(decimal_text(x)) for x in (maximum, step, weight))
            )
            c = self.criteria[row] = (cid, rule, {})
        return c

    def stamp(self, moment: datetime) -> Any:
        """A submission time as the database stores it (SQLAlchemy's DateTime processing)."""
        text = self.stamps.get(moment)
        if text is None:
            text = self.stamps[moment] = self.sql.submitted_at(moment)
        return text


@contextmanager
def _connection(ws: Workspace) -> Iterator[sqlite3.Connection]:
    """The workspace's SQLite connection with its transactions under our control.

    ``isolation_level=None`` so that a merge can say ``BEGIN IMMEDIATE`` itself: its checks then read
    inside the same write transaction as its writes, and no other merge can slip in between.
    A merge is the hot path of a live event (bench/bundles.py): plain sqlite3, no SQL layer per row, but
    SQLAlchemy's statements and conversions (app/bundles/merge_sql.py).
    """
    with ws.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        level = raw.isolation_level
        raw.isolation_level = None
        try:
            yield raw
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raw.isolation_level = level


def _check(db: sqlite3.Connection, ws: Workspace, path: Path, read: _Read, memo: _Memo) -> _Plan:
    """Every check of §4.3, reading only; raises _Refused with the first failing outcome."""
    if isinstance(read, BundleError):
        raise _Refused(read.code, f"文件格式不正确，拒绝合并：{read.reason}")
    bundle = read.bundle
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
    sql = memo.sql
    row = sql.judge_id.run(db, doc.judge_code).fetchone()
    if row is None:
        raise _Refused("unknown_judge", f"本工作区没有评委 {doc.judge_code}，拒绝合并。", **facts)
    judge_id: int = row[0]
    pkg = sql.package.run(db, doc.package_id).fetchone()
    if pkg is None or pkg[0] != judge_id or pkg[4] != doc.package_sha256:
        raise _Refused(
            "unknown_judge",
            f"评分包所称的评审包不是本工作区发给评委 {doc.judge_code} 的，拒绝合并。",
            **facts,
        )
    round_id: int = pkg[1]
    serial: int = pkg[2]
    public_key: bytes = pkg[3]
    facts["judge_public_key"] = b64(public_key)
    if read.verified is not None and read.verified[0] == public_key:
        signature_ok = read.verified[1]
    else:
        signature_ok = keys.verify(public_key, bundle.signature, bundle.payload)
    if not signature_ok:
        raise _Refused("bad_signature", "评委签名无效：评分包被改动过或不是该评委导出的，拒绝合并。", **facts)
    rnd = sql.round.run(db, round_id).fetchone()
    if rnd is None or rnd[0] != doc.round_key:
        raise _Refused("wrong_round", f"评分包的轮次 {doc.round_key} 与评审包的轮次不符，拒绝合并。", **facts)
    # (case id, assignment id, comment, recused, reason, submitted_at) as stored now
    assigned = sql.assignments.run(db, round_id, judge_id).fetchall()
    current: dict[int, int] = {r[0]: r[1] for r in assigned}  # case id → assignment id
    for case in doc.cases:
        if case.id not in current:
            raise _Refused(
                "unassigned_case",
                f"案例 {case.id} 没有分配给评委 {doc.judge_code}（本轮），拒绝合并。",
                **facts,
            )
    criteria = {r[1]: memo.criterion(r) for r in sql.criteria.run(db, rnd[1])}
    to_db = sql.score_value
    score_rows: list[tuple[int, int, Any]] = []
    add = score_rows.append
    for case in doc.cases:
        aid = current[case.id]
        for key, value in case.scores.items():  # the hot loop of a merge: no per-score f-strings
            checked = criteria.get(key)
            if checked is None:
                raise _Refused("malformed", f"评分细则中没有“{key}”这一项，拒绝合并。", **facts)
            cid, rule, ok = checked
            as_stored = ok.get(value)  # most values were met before: one dict look-up
            if as_stored is None:
                if not on_step(value, rule.max, rule.step):
                    raise _Refused(
                        "out_of_range",
                        f"案例 {case.id} 的“{rule.name}”分数 {value} 超出 0–{rule.max}"
                        f"（步长 {rule.step}），拒绝合并。",
                        **facts,
                    )
                as_stored = ok[value] = to_db(float(value))
            add((aid, cid, as_stored))
        if case.state == "submitted" and len(case.scores) != len(criteria):
            raise _Refused("malformed", f"案例 {case.id} 标为已提交，但评分不完整，拒绝合并。", **facts)
    score_rows.sort()  # index order: fewer pages touched
    # the assignments' comment, recusal and submission time; rows already right are not rewritten
    # compared as the database stores them (SQLAlchemy's conversions), with what it holds now
    in_bundle = {c.id: c for c in doc.cases}
    stamp = memo.stamp
    recused, not_recused = sql.recused(True), sql.recused(False)
    assignment_rows: list[tuple[Any, ...]] = []
    for r in assigned:
        c = in_bundle.get(r[0])
        if c is None:
            new: tuple[Any, ...] = ("", not_recused, "", None)  # not in the bundle: cleared
        else:
            submitted = stamp(c.updated_at or doc.exported_at) if c.state == "submitted" else None
            new = (c.comment, recused if c.state == "recused" else not_recused, c.recuse_reason, submitted)
        if new != r[2:]:
            assignment_rows.append((*new, r[1]))
    # ordering: a newer package of the same judge and round retires the older one's bundles
    newest = sql.newest_serial.run(db, judge_id, round_id).fetchone()[0]
    merged = sql.merged.run(db, judge_id, round_id).fetchall()
    if any(sha == bundle.sha256 for sha, _, _ in merged):
        raise _Refused("duplicate", "这份评分包已经合并过，没有变化。", **facts)
    if newest is not None and serial < newest:
        raise _Refused("superseded", "此评分包所属的评审包已被更新的评审包取代，没有变化。", **facts)
    winner = max(((s, rev) for _, s, rev in merged), default=None)
    if winner is not None and (serial, doc.revision) < winner:
        raise _Refused(
            "superseded", f"已合并该评委更新的版本（修订号 {winner[1]}），此旧版本没有带来变化。", **facts
        )
    if winner is not None and (serial, doc.revision) == winner:
        raise _Refused("duplicate", f"已合并过修订号 {doc.revision} 的另一份文件，没有变化。", **facts)
    return _Plan(
        bundle,
        judge_id,
        round_id,
        serial,
        public_key,
        bool(merged),
        score_rows,
        assignment_rows,
    )


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
            judge_public_key=b64(plan.public_key),
        )
    return MergeOutcome(path=path, code=code, message=message, **facts)


def verify_bundle(ws: Workspace, path: Path) -> MergeOutcome:
    """Run every check without writing; ``ok`` means merging now would give ``merged``."""
    path = Path(path)
    read = _read(path)
    with _connection(ws) as db:
        db.execute("BEGIN")  # one snapshot for every check
        try:
            plan = _check(db, ws, path, read, _Memo(ws))
        except _Refused as r:
            return _outcome(path, r.code, r.message, **r.facts)
        finally:
            db.execute("ROLLBACK")
    return _outcome(path, "ok", "评分包完整，签名有效，可以合并。", plan)


def _merge(
    db: sqlite3.Connection,
    ws: Workspace,
    path: Path,
    read: _Read,
    actor: str,
    memo: _Memo,
    on_commit: Callable[[], None] | None = None,
) -> MergeOutcome:
    """Check and merge one bundle in one ``BEGIN IMMEDIATE`` transaction; anything but merged writes nothing.

    The checks run inside the write transaction, so what they read is still true when the rows are
    written; on any outcome but ``merged`` it is rolled back having written nothing, so the database
    file stays byte-identical.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        try:
            plan = _check(db, ws, path, read, memo)
        except _Refused as r:
            db.execute("ROLLBACK")
            return _outcome(path, r.code, r.message, **r.facts)
        assert isinstance(read, _Loaded)
        doc = plan.bundle.doc
        sql = memo.sql
        now = datetime.now(UTC)
        imported_id = sql.insert_bundle.run(
            db,
            plan.judge_id,
            plan.round_id,
            doc.package_id,
            doc.revision,
            plan.bundle.sha256,
            path.name[:300],
            "merged",
            "",
            now,
        ).lastrowid
        sql.insert_content.run(db, imported_id, plan.serial, read.compressed)
        rows = [(a, c, v, imported_id) for a, c, v in plan.score_rows]
        if plan.replaces:
            # a newer revision: its scores are mostly there already, so they are updated in place (their
            # index entries stay as they are), then the scores it no longer has are deleted
            sql.upsert_scores.many(db, rows)
            sql.delete_other_scores.run(db, plan.round_id, plan.judge_id, imported_id)
        else:
            sql.delete_scores.run(db, plan.round_id, plan.judge_id)
            sql.insert_scores.many(db, rows)  # the bulk of a first merge: one executemany
        sql.update_assignments.many(db, plan.assignment_rows)
        # the audit event, with what app.audit.record would write, in the same transaction
        detail = {
            "round": doc.round_key,
            "package_id": doc.package_id,
            "revision": doc.revision,
            "sha256": plan.bundle.sha256,
            "file": path.name,
            "scores": len(plan.score_rows),
        }
        sql.insert_audit.run(db, now, actor, "bundle.merge", doc.judge_code[:120], detail)
        if on_commit is not None and not plan.replaces:
            # a first merge of the judge's round adds index entries all over the score table and rewrites
            # every assignment row: its commit outlasts reading the next bundle, which on_commit starts.
            # A later revision commits quickly; a thread then only adds hand-offs (measured).
            on_commit()
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return _outcome(
        path,
        "merged",
        f"已合并评委 {doc.judge_code} 的评分（修订号 {doc.revision}，{len(plan.score_rows)} 项分数）。",
        plan,
    )


def merge_bundle(ws: Workspace, path: Path, actor: str = "organizer") -> MergeOutcome:
    """Check one bundle and, if it is the newest of its judge and round, merge it in one transaction."""
    path = Path(path)
    read = _read(path)
    with _connection(ws) as db:
        return _merge(db, ws, path, read, actor, _Memo(ws))


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

    One connection for all. While a first merge of a judge's round commits (one long call in which
    SQLite releases the GIL), a worker thread reads, parses and compresses the next file and checks its
    signature with the key its package had when the merge began (used only if the key read inside that
    bundle's own transaction is the same). It starts only then: as a plain read-ahead it was measured
    slower (bench/bundles.py), the writer waiting for the GIL each time one of its many short SQLite
    calls returned. A file not read ahead (the first, or after a refusal or a quick commit) is read in
    this thread, outside the write lock.
    """
    paths = bundle_paths(items)
    outcomes = []
    memo = _Memo(ws)
    ahead: list[Future[_Read]] = []  # the next file, being read while this one commits
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-read") as pool, _connection(ws) as db:
        package_keys: dict[str, bytes] = dict(memo.sql.package_keys.run(db).fetchall())
        for i, path in enumerate(paths, start=1):

            def read_next(i: int = i) -> None:
                if i < len(paths):
                    ahead.append(pool.submit(_read, paths[i], package_keys))

            read = ahead.pop().result() if ahead else _read(path, package_keys)
            outcomes.append(_merge(db, ws, path, read, actor, memo, read_next))
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
