# SPDX-License-Identifier: Apache-2.0
"""Every check a score bundle passes before it is merged (bundle-format.md §4.3), reading only.

``check`` runs them in order inside the merge's write transaction and returns the rows the merge will
write, or raises ``Refused`` with the first failing outcome; ``read_file`` does the part that needs no
database (reading, parsing, compressing, a first signature check), so a merge may run it in another
thread while the previous bundle commits.
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bundles import keys
from app.bundles.bundle import BundleError, BundleFile, read_bundle
from app.bundles.canonical import b64, decimal_text, on_step
from app.bundles.manifest import BundleDoc, PackageCriterion
from app.bundles.merge_sql import MergeSql
from app.glossary import Phrase
from app.glossary.bundles import MERGE
from app.glossary.terms import round_term
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Plan:
    """A bundle that passed every check, with the rows its merge writes."""

    bundle: BundleFile
    judge_id: int
    round_id: int
    serial: int
    public_key: bytes
    replaces: bool  # a bundle of this judge and round was merged before
    score_rows: list[tuple[int, int, Any]]  # assignment id, criterion id, value as stored; in index order
    assignment_rows: list[tuple[Any, ...]]  # as MergeSql.update_assignments takes them; only rows that change


class Refused(Exception):
    """A bundle that will not merge: its outcome ``code``, why (``app.glossary.bundles.MERGE[why]`` filled
    from ``said``) and the facts the outcome reports (judge, round, revision…)."""

    def __init__(self, code: str, facts: dict[str, Any], why: str | None = None, **said: Any) -> None:
        super().__init__(code)
        self.code = code
        self.why = Phrase(MERGE, why or code, {**_fills(facts), **said})
        self.facts = facts


def _fills(facts: dict[str, Any]) -> dict[str, Any]:
    """What of the facts a reason may name: the judge and the revision."""
    return {"judge": facts.get("judge", ""), "revision": facts.get("revision", 0)}


@dataclass(frozen=True, slots=True)
class Loaded:
    """A bundle read from disk and parsed, with its bytes compressed as the workspace keeps them.

    ``verified`` is (public key, whether the signature verifies with it) when the reader already checked
    the signature with the key a package of that id had when the merge began. The merge uses it only if
    the key it reads inside its transaction is byte for byte the same; otherwise it checks again.
    """

    bundle: BundleFile
    compressed: bytes
    verified: tuple[bytes, bool] | None = None


#: A bundle read, or the reason it could not be.
Read = Loaded | BundleError


def read_file(path: Path, package_keys: dict[str, bytes] | None = None) -> Read:
    """Everything about a bundle that needs no database (so it may run in another thread)."""
    try:
        bundle = read_bundle(path)
    except BundleError as exc:
        return exc
    key = package_keys.get(bundle.doc.package_id) if package_keys else None
    verified = None if key is None else (key, keys.verify(key, bundle.signature, bundle.payload))
    return Loaded(bundle, zlib.compress(bundle.data, 1), verified)


#: A criterion row's id, its rule as a package states it (exact decimals, the limits a judge's home
#: checked), and the bundle values already found on its steps, each as the database stores it.
_Checked = tuple[int, PackageCriterion, dict[Decimal, Any]]


class Memo:
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


def check(db: sqlite3.Connection, ws: Workspace, path: Path, read: Read, memo: Memo) -> Plan:
    """Every check of §4.3, reading only; raises Refused with the first failing outcome."""
    if isinstance(read, BundleError):
        raise Refused(read.code, {}, problem=read.problem)
    bundle = read.bundle
    doc = bundle.doc
    facts: dict[str, Any] = dict(
        judge=doc.judge_code,
        round=doc.round_key,
        package_id=doc.package_id,
        revision=doc.revision,
        sha256=bundle.sha256,
    )
    judge_id, round_id, serial, public_key, rubric_id = _issued_to(db, ws, read, memo.sql, facts)
    # (case id, assignment id, comment, recused, reason, submitted_at) as stored now
    assigned = memo.sql.assignments.run(db, round_id, judge_id).fetchall()
    score_rows = _score_rows(db, doc, assigned, rubric_id, memo, facts)
    assignment_rows = _assignment_rows(doc, assigned, memo)
    replaces = _ordering(db, bundle, judge_id, round_id, serial, memo.sql, facts)
    return Plan(bundle, judge_id, round_id, serial, public_key, replaces, score_rows, assignment_rows)


def _issued_to(
    db: sqlite3.Connection, ws: Workspace, read: Loaded, sql: MergeSql, facts: dict[str, Any]
) -> tuple[int, int, int, bytes, int | None]:
    """The bundle's judge and package, checked: (judge id, round id, serial, key, the round's rubric id)."""
    bundle = read.bundle
    doc = bundle.doc
    if doc.competition_uid != ws.competition_uid:
        raise Refused("wrong_competition", facts)
    row = sql.judge_id.run(db, doc.judge_code).fetchone()
    if row is None:
        raise Refused("unknown_judge", facts)
    judge_id: int = row[0]
    pkg = sql.package.run(db, doc.package_id).fetchone()
    if pkg is None or pkg[0] != judge_id or pkg[4] != doc.package_sha256:
        raise Refused("unknown_judge", facts, "unknown_judge.package")
    round_id: int = pkg[1]
    public_key: bytes = pkg[3]
    facts["judge_public_key"] = b64(public_key)
    if read.verified is not None and read.verified[0] == public_key:
        signature_ok = read.verified[1]
    else:
        signature_ok = keys.verify(public_key, bundle.signature, bundle.payload)
    if not signature_ok:
        raise Refused("bad_signature", facts)
    rnd = sql.round.run(db, round_id).fetchone()
    if rnd is None or rnd[0] != doc.round_key:
        raise Refused("wrong_round", facts, round=round_term(doc.round_key))
    return judge_id, round_id, pkg[2], public_key, rnd[1]


def _score_rows(
    db: sqlite3.Connection,
    doc: BundleDoc,
    assigned: list[Any],
    rubric_id: int | None,
    memo: Memo,
    facts: dict[str, Any],
) -> list[tuple[int, int, Any]]:
    """The bundle's scores as rows of the score table, each on its criterion's scale, in index order."""
    current: dict[int, int] = {r[0]: r[1] for r in assigned}  # case id → assignment id
    for case in doc.cases:
        if case.id not in current:
            raise Refused("unassigned_case", facts, case=case.id)
    criteria = {r[1]: memo.criterion(r) for r in memo.sql.criteria.run(db, rubric_id)}
    to_db = memo.sql.score_value
    score_rows: list[tuple[int, int, Any]] = []
    add = score_rows.append
    for case in doc.cases:
        aid = current[case.id]
        for key, value in case.scores.items():  # the hot loop of a merge: no per-score f-strings
            checked = criteria.get(key)
            if checked is None:
                raise Refused("malformed", facts, "malformed.criterion", criterion=key)
            cid, rule, ok = checked
            as_stored = ok.get(value)  # most values were met before: one dict look-up
            if as_stored is None:
                if not on_step(value, rule.max, rule.step):
                    raise Refused(
                        "out_of_range",
                        facts,
                        case=case.id,
                        criterion=rule.name,
                        value=str(value),
                        max=str(rule.max),
                        step=str(rule.step),
                    )
                as_stored = ok[value] = to_db(float(value))
            add((aid, cid, as_stored))
        if case.state == "submitted" and len(case.scores) != len(criteria):
            raise Refused("malformed", facts, "malformed.incomplete", case=case.id)
    score_rows.sort()  # index order: fewer pages touched
    return score_rows


def _assignment_rows(doc: BundleDoc, assigned: list[Any], memo: Memo) -> list[tuple[Any, ...]]:
    """The assignments' comment, recusal and submission time that change; rows already right are not
    rewritten. Compared as the database stores them (SQLAlchemy's conversions) with what it holds now."""
    in_bundle = {c.id: c for c in doc.cases}
    stamp = memo.stamp
    recused, not_recused = memo.sql.recused(True), memo.sql.recused(False)
    rows: list[tuple[Any, ...]] = []
    for r in assigned:
        c = in_bundle.get(r[0])
        if c is None:
            new: tuple[Any, ...] = ("", not_recused, "", None)  # not in the bundle: cleared
        else:
            submitted = stamp(c.updated_at or doc.exported_at) if c.state == "submitted" else None
            new = (c.comment, recused if c.state == "recused" else not_recused, c.recuse_reason, submitted)
        if new != r[2:]:
            rows.append((*new, r[1]))
    return rows


def _ordering(
    db: sqlite3.Connection,
    bundle: BundleFile,
    judge_id: int,
    round_id: int,
    serial: int,
    sql: MergeSql,
    facts: dict[str, Any],
) -> bool:
    """Whether the bundle is the newest of its judge and round (else Refused: duplicate or superseded);
    True when it replaces a bundle merged before. A newer package retires the older one's bundles."""
    doc = bundle.doc
    newest = sql.newest_serial.run(db, judge_id, round_id).fetchone()[0]
    merged = sql.merged.run(db, judge_id, round_id).fetchall()
    if any(sha == bundle.sha256 for sha, _, _ in merged):
        raise Refused("duplicate", facts)
    if newest is not None and serial < newest:
        raise Refused("superseded", facts, "superseded.package")
    winner = max(((s, rev) for _, s, rev in merged), default=None)
    if winner is not None and (serial, doc.revision) < winner:
        raise Refused("superseded", facts, newer=winner[1])
    if winner is not None and (serial, doc.revision) == winner:
        raise Refused("duplicate", facts, "duplicate.revision")
    return bool(merged)
