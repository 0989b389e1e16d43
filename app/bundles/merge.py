# SPDX-License-Identifier: Apache-2.0
"""Merging judges' score bundles into the workspace (bundle-format.md §4.3).

Each bundle is checked in full before anything is written and merged in one transaction. The winner
for a judge and round is the bundle with the highest (package serial, revision), and a merge replaces
that judge's whole round by the winner's content, so any order of merging ends in the same scores.
A refusal, a duplicate and a superseded bundle write nothing at all.

The checks are in ``merge_checks``, the statements (built from the ORM's tables) in ``merge_sql``; here
is the transaction around them, one bundle at a time, and the ways bundles arrive (files, folders, a
watched folder).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.bundles.bundle import BUNDLE_SUFFIX
from app.bundles.canonical import b64
from app.bundles.merge_checks import Loaded, Memo, Plan, Read, Refused, check, read_file
from app.glossary import Phrase
from app.glossary.bundles import MERGE
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
    """What happened to one bundle, and why (said in the reader's language by ``message``)."""

    path: Path
    code: str  # merged | duplicate | superseded | ok (verify only) | one of REFUSALS
    why: Phrase  # a key of app.glossary.bundles.MERGE and what fills it
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
    def message(self) -> str:
        """Why the bundle merged or not, in a sentence, in the current language."""
        return self.why.text()

    @property
    def refused(self) -> bool:
        return self.code in REFUSALS

    @property
    def changed(self) -> bool:
        return self.code == "merged"


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


def _outcome(path: Path, code: str, why: Phrase, plan: Plan | None = None, **facts: Any) -> MergeOutcome:
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
    return MergeOutcome(path=path, code=code, why=why, **facts)


def verify_bundle(ws: Workspace, path: Path) -> MergeOutcome:
    """Run every check without writing; ``ok`` means merging now would give ``merged``."""
    path = Path(path)
    read = read_file(path)
    with _connection(ws) as db:
        db.execute("BEGIN")  # one snapshot for every check
        try:
            plan = check(db, ws, path, read, Memo(ws))
        except Refused as r:
            return _outcome(path, r.code, r.why, **r.facts)
        finally:
            db.execute("ROLLBACK")
    return _outcome(path, "ok", Phrase(MERGE, "ok"), plan)


def _merge(
    db: sqlite3.Connection,
    ws: Workspace,
    path: Path,
    read: Read,
    actor: str,
    memo: Memo,
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
            plan = check(db, ws, path, read, memo)
        except Refused as r:
            db.execute("ROLLBACK")
            return _outcome(path, r.code, r.why, **r.facts)
        assert isinstance(read, Loaded)
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
    said = {"judge": doc.judge_code, "revision": doc.revision, "scores": len(plan.score_rows)}
    return _outcome(path, "merged", Phrase(MERGE, "merged", said), plan)


def merge_bundle(ws: Workspace, path: Path, actor: str = "organizer") -> MergeOutcome:
    """Check one bundle and, if it is the newest of its judge and round, merge it in one transaction."""
    path = Path(path)
    read = read_file(path)
    with _connection(ws) as db:
        return _merge(db, ws, path, read, actor, Memo(ws))


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
    memo = Memo(ws)
    ahead: list[Future[Read]] = []  # the next file, being read while this one commits
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-read") as pool, _connection(ws) as db:
        package_keys: dict[str, bytes] = dict(memo.sql.package_keys.run(db).fetchall())
        for i, path in enumerate(paths, start=1):

            def read_next(i: int = i) -> None:
                if i < len(paths):
                    ahead.append(pool.submit(read_file, paths[i], package_keys))

            read = ahead.pop().result() if ahead else read_file(path, package_keys)
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
