# SPDX-License-Identifier: Apache-2.0
"""Merging judges' score bundles into the workspace (bundle-format.md §4.3).

Each bundle is checked in full before anything is written and merged in one transaction. The winner
for a judge and round is the bundle with the highest (package serial, revision), and a merge replaces
that judge's whole round by the winner's content, so any order of merging ends in the same scores.
A refusal, a duplicate and a superseded bundle write nothing at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app import audit
from app.bundles import keys
from app.bundles.bundle import BUNDLE_SUFFIX, BundleError, BundleFile, read_bundle
from app.bundles.canonical import b64, decimal_text, on_step
from app.models import (
    Assignment,
    BundleContent,
    Criterion,
    ImportedBundle,
    IssuedPackage,
    Judge,
    Round,
    Score,
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
    score_rows: list[dict[str, Any]]
    assignment_rows: list[dict[str, Any]]


class _Refused(Exception):
    def __init__(self, code: str, message: str, **facts: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.facts = facts


def _check(s: Session, ws: Workspace, path: Path) -> _Plan:
    """Every check of §4.3, reading only; raises _Refused with the first failing outcome."""
    try:
        bundle = read_bundle(path)
    except BundleError as exc:
        raise _Refused(exc.code, f"文件格式不正确，拒绝合并：{exc.reason}") from exc
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
    judge = s.scalars(select(Judge).where(Judge.code == doc.judge_code)).first()
    if judge is None:
        raise _Refused("unknown_judge", f"本工作区没有评委 {doc.judge_code}，拒绝合并。", **facts)
    pkg = s.scalars(select(IssuedPackage).where(IssuedPackage.package_id == doc.package_id)).first()
    if pkg is None or pkg.judge_id != judge.id or pkg.manifest_sha256 != doc.package_sha256:
        raise _Refused(
            "unknown_judge",
            f"评分包所称的评审包不是本工作区发给评委 {doc.judge_code} 的，拒绝合并。",
            **facts,
        )
    facts["judge_public_key"] = b64(pkg.public_key)
    if not keys.verify(pkg.public_key, bundle.signature, bundle.payload):
        raise _Refused("bad_signature", "评委签名无效：评分包被改动过或不是该评委导出的，拒绝合并。", **facts)
    rnd = s.get(Round, pkg.round_id)
    if rnd is None or rnd.key != doc.round_key:
        raise _Refused("wrong_round", f"评分包的轮次 {doc.round_key} 与评审包的轮次不符，拒绝合并。", **facts)
    assignment_ids = dict(
        s.execute(
            select(Assignment.case_id, Assignment.id).where(
                Assignment.round_id == rnd.id, Assignment.judge_id == judge.id
            )
        ).all()
    )
    for case in doc.cases:
        if case.id not in assignment_ids:
            raise _Refused(
                "unassigned_case",
                f"案例 {case.id} 没有分配给评委 {doc.judge_code}（本轮），拒绝合并。",
                **facts,
            )
    criteria = {c.key: c for c in s.scalars(select(Criterion).where(Criterion.rubric_id == rnd.rubric_id))}
    score_rows: list[dict[str, Any]] = []
    for case in doc.cases:
        for key, value in case.scores.items():
            criterion = criteria.get(key)
            if criterion is None:
                raise _Refused("malformed", f"评分细则中没有“{key}”这一项，拒绝合并。", **facts)
            maximum, step = Decimal(decimal_text(criterion.max)), Decimal(decimal_text(criterion.step))
            if not on_step(value, maximum, step):
                raise _Refused(
                    "out_of_range",
                    f"案例 {case.id} 的“{criterion.name}”分数 {value} 超出 0–{maximum}"
                    f"（步长 {step}），拒绝合并。",
                    **facts,
                )
            row = {
                "assignment_id": assignment_ids[case.id],
                "criterion_id": criterion.id,
                "value": float(value),
            }
            score_rows.append(row)
        if case.state == "submitted" and set(case.scores) != set(criteria):
            raise _Refused("malformed", f"案例 {case.id} 标为已提交，但评分不完整，拒绝合并。", **facts)
    in_bundle = {c.id: c for c in doc.cases}
    assignment_rows = []
    for case_id, assignment_id in assignment_ids.items():
        c = in_bundle.get(case_id)
        assignment_rows.append(
            {
                "id": assignment_id,
                "comment": c.comment if c else "",
                "recused": bool(c and c.state == "recused"),
                "recuse_reason": c.recuse_reason if c else "",
                "submitted_at": (c.updated_at or doc.exported_at) if c and c.state == "submitted" else None,
            }
        )
    # ordering: a newer package of the same judge and round retires the older one's bundles
    newest = s.scalar(
        select(func.max(IssuedPackage.serial)).where(
            IssuedPackage.judge_id == judge.id, IssuedPackage.round_id == rnd.id
        )
    )
    merged = s.execute(
        select(ImportedBundle.sha256, BundleContent.serial, ImportedBundle.revision)
        .join(BundleContent, BundleContent.imported_bundle_id == ImportedBundle.id)
        .where(
            ImportedBundle.judge_id == judge.id,
            ImportedBundle.round_id == rnd.id,
            ImportedBundle.outcome == "merged",
        )
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
    return _Plan(bundle, judge.id, rnd.id, pkg.serial, assignment_ids, score_rows, assignment_rows)


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
    with ws.sessions() as s:
        try:
            plan = _check(s, ws, path)
        except _Refused as r:
            return _outcome(path, r.code, r.message, **r.facts)
        pkg_id = plan.bundle.doc.package_id
        pub = s.scalar(select(IssuedPackage.public_key).where(IssuedPackage.package_id == pkg_id))
    return _outcome(
        path, "ok", "评分包完整，签名有效，可以合并。", plan, judge_public_key=b64(pub) if pub else ""
    )


def merge_bundle(ws: Workspace, path: Path, actor: str = "organizer") -> MergeOutcome:
    """Check one bundle and, if it is the newest of its judge and round, merge it in one transaction."""
    path = Path(path)
    with ws.sessions() as s:
        try:
            plan = _check(s, ws, path)
        except _Refused as r:
            s.rollback()
            return _outcome(path, r.code, r.message, **r.facts)
        doc = plan.bundle.doc
        imported = ImportedBundle(
            judge_id=plan.judge_id,
            round_id=plan.round_id,
            package_id=doc.package_id,
            revision=doc.revision,
            sha256=plan.bundle.sha256,
            file_name=path.name[:300],
            outcome="merged",
            reason="",
            received_at=datetime.now(UTC),
        )
        s.add(imported)
        s.flush()
        s.add(BundleContent(imported_bundle_id=imported.id, serial=plan.serial, data=plan.bundle.data))
        ids = list(plan.assignment_ids.values())
        s.execute(delete(Score).where(Score.assignment_id.in_(ids)))
        if plan.score_rows:
            s.execute(insert(Score), [{**row, "bundle_id": imported.id} for row in plan.score_rows])
        if plan.assignment_rows:
            s.execute(update(Assignment), plan.assignment_rows)
        audit.record(
            s,
            "bundle.merge",
            doc.judge_code,
            actor=actor,
            round=doc.round_key,
            package_id=doc.package_id,
            revision=doc.revision,
            sha256=plan.bundle.sha256,
            file=path.name,
            scores=len(plan.score_rows),
        )
        s.commit()
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
    """Merge many bundles (files or folders), each in its own transaction; one outcome per file."""
    paths = bundle_paths(items)
    outcomes = []
    for i, path in enumerate(paths, start=1):
        outcomes.append(merge_bundle(ws, path, actor))
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
