# SPDX-License-Identifier: Apache-2.0
"""``intake import``: check a source, then store its cases and files in a workspace.

Files go into the content store streamed and hashed once. Importing the same source again changes
nothing; a case whose 案例编号 is known but whose content is newer (a resubmission) becomes a new
revision: the old files and fields stay in the history, the case goes back to screening and its checks
are run again. Each case is stored in its own transaction, so a cancelled import keeps what it stored
and the next run continues from there.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.casebook import hospital_by_name
from app.errors import Cancelled, DomainError, storage_error
from app.intake.checks import parse_time, parse_votes, resolve_named
from app.intake.columns import read_sheet
from app.intake.cross_case import CaseKey, cross_case_findings
from app.intake.findings import CROSS_CASE_CODES, Finding, SourceProblem
from app.intake.leftovers import sweep_incoming
from app.intake.runner import (
    CancelFn,
    CaseReport,
    CheckOptions,
    CheckReport,
    Progress,
    ProgressFn,
    check_sheet,
)
from app.intake.source import open_regular, open_source
from app.models import (
    Case,
    CaseFile,
    CaseRevision,
    CaseStatus,
    Category,
    Hospital,
    HospitalAlias,
    Province,
    Region,
    Theme,
    Tier,
)
from app.models import Finding as FindingRow
from app.seasons import SeasonRules
from app.seasons.deadlines import COMPETITION_TZ
from app.store import iter_chunks
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: the check report, and which cases were added, resubmitted or unchanged."""

    report: CheckReport
    added: tuple[str, ...]
    resubmitted: tuple[str, ...]
    unchanged: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.report.to_json(),
            "imported": {
                "added": list(self.added),
                "resubmitted": list(self.resubmitted),
                "unchanged": list(self.unchanged),
            },
        }


def known_cases(s: Session, exclude: set[str]) -> tuple[list[CaseKey], dict[str, str]]:
    """The workspace's cases (other than ``exclude``) as the cross-case checks see them, and the
    merged spellings (alias → hospital name)."""
    rows = s.execute(
        select(Case.code, Hospital.name, Province.name, Theme.number)
        .join(Hospital, Case.hospital_id == Hospital.id)
        .outerjoin(Province, Hospital.province_id == Province.id)
        .outerjoin(Theme, Case.theme_id == Theme.id)
    ).all()
    keys = [CaseKey(code, hospital, province or "", theme) for code, hospital, province, theme in rows]
    aliases = {
        alias: name for alias, name in s.execute(select(HospitalAlias.name, Hospital.name).join(Hospital))
    }
    return [k for k in keys if k.case_id not in exclude], aliases


def import_source(
    ws: Workspace,
    src: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    actor: str = "organizer",
) -> ImportResult:
    """Check ``src`` against the workspace's season and store its cases (see the module docstring).

    Raises DomainError for a source that cannot be read, Cancelled when ``cancelled()`` turns true.
    """
    rules = ws.rules
    sweep_incoming(ws.store.root)  # partial files of an import that was killed
    with open_source(src) as source:
        sheet = read_sheet(source.sheet, mapping)
        codes = {row.get("case_id").strip() for row in sheet.rows}
        with ws.sessions() as s:
            known, aliases = known_cases(s, codes)
        report = check_sheet(
            source,
            sheet,
            rules,
            known=known,
            aliases=aliases,
            options=options,
            progress=progress,
            cancelled=cancelled,
        )
        added: list[str] = []
        resubmitted: list[str] = []
        unchanged: list[str] = []
        not_stored: list[SourceProblem] = []
        total = len(report.cases)
        for done, case in enumerate(report.cases, start=1):
            if cancelled is not None and cancelled():
                raise Cancelled()
            try:
                outcome = _store_case(ws, rules, case, str(src), actor)
            except (DomainError, Cancelled):  # a full disk, a read-only workspace, a cancel: stop
                raise
            except Exception as exc:
                not_stored.append(_not_stored(case.case_id, exc))
                continue
            {"added": added, "resubmitted": resubmitted, "unchanged": unchanged}[outcome].append(case.case_id)
            if progress is not None:
                progress(Progress("store", done, total, case.case_id))
    if not_stored:
        report = replace(report, problems=(*report.problems, *not_stored))
    with ws.sessions.begin() as s:
        refresh_cross_findings(s)
        audit.record(
            s,
            "intake.import",
            str(src),
            actor=actor,
            cases=total,
            added=len(added),
            resubmitted=len(resubmitted),
            unchanged=len(unchanged),
            clean=sum(1 for c in report.cases if c.clean),
        )
    return ImportResult(report, tuple(added), tuple(resubmitted), tuple(unchanged))


class SourceUnreadable(Exception):
    """A case's file could not be read while storing it (gone, changed or swapped since the check)."""


class _Reading:
    """A source file's stream whose read errors are told apart from the store's write errors."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except OSError as exc:
            raise SourceUnreadable(exc.strerror or str(exc)) from exc


def _not_stored(case_id: str, exc: Exception) -> SourceProblem:
    """The problem of a case that could not be stored (its transaction rolled back, nothing kept)."""
    if isinstance(exc, SourceUnreadable):
        detail = {"case_id": case_id, "reason": "unreadable", "error": str(exc)[:300]}
    else:
        detail = {"case_id": case_id, "error": f"{type(exc).__name__}: {exc}"[:300]}
    return SourceProblem("case_not_stored", detail)


def _file_entry(path: Path | None, current: CaseFile | None, ws: Workspace) -> dict[str, Any] | None:
    """Hash (and store, if new) one file; an unchanged file is only read once, never copied.

    The file is opened as a regular file only (a FIFO swapped in since the check never blocks). Raises
    SourceUnreadable when the source cannot be read, DomainError when the workspace cannot be written.
    """
    if path is None:
        return None
    try:
        stream = open_regular(path)
    except OSError as exc:
        raise SourceUnreadable(exc.strerror or str(exc)) from exc
    with stream:
        size = os.fstat(stream.fileno()).st_size
        reading = cast(BinaryIO, _Reading(stream))
        if current is not None and current.size == size:
            digest = hashlib.sha256()
            for block in iter_chunks(reading):
                digest.update(block)
            if digest.hexdigest() == current.sha256:
                return {"sha256": current.sha256, "size": size, "name": path.name}
            stream.seek(0)
        try:
            stored = ws.store.add_stream(reading)
        except OSError as exc:  # writing into files/: a full disk, a read-only workspace
            raise storage_error(exc, ws.root) or exc from exc
    return {"sha256": stored.sha256, "size": stored.size, "name": path.name}


def _snapshot(case: CaseReport, pdf: dict[str, Any] | None, video: dict[str, Any] | None) -> dict[str, Any]:
    f = case.fields
    return {
        "case_id": f.case_id,
        "hospital": f.hospital,
        "province": f.province,
        "tier": f.tier,
        "category": f.category,
        "theme": f.theme,
        "title": f.title,
        "recommendation": f.recommendation,
        "votes": f.votes,
        "submitted_at": f.submitted_at,
        "pdf": pdf,
        "video": video,
        "extra": dict(sorted(case.extra.items())),
    }


def _fingerprint(snapshot: Mapping[str, Any]) -> str:
    text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _current_files(ws: Workspace, code: str) -> dict[str, CaseFile]:
    with ws.sessions() as s:
        case = s.scalars(select(Case).options(selectinload(Case.files)).where(Case.code == code)).first()
        if case is None:
            return {}
        return {f.kind: f for f in case.files if f.current}


def _store_case(ws: Workspace, rules: SeasonRules, case: CaseReport, source: str, actor: str) -> str:
    """Store one checked case; returns "added", "resubmitted" or "unchanged"."""
    current = _current_files(ws, case.case_id)
    pdf = _file_entry(case.pdf.path, current.get("pdf"), ws)
    video = _file_entry(case.video.path, current.get("video"), ws)
    snapshot = _snapshot(case, pdf, video)
    fingerprint = _fingerprint(snapshot)
    submitted = _submitted_at(case.fields.submitted_at)
    with ws.sessions.begin() as s:
        row = s.scalars(
            select(Case).options(selectinload(Case.files)).where(Case.code == case.case_id)
        ).first()
        if row is None:
            row = Case(code=case.case_id, revision=1, status=CaseStatus.SUBMITTED.value)
            _apply_fields(s, rules, row, case, submitted)
            row.files = _new_files(pdf, video, 1)
            s.add(row)
            s.flush()
            _record_revision(s, row, snapshot, fingerprint, source, submitted)
            _store_findings(s, row, case.findings)
            audit.record(
                s, "case.add", case.case_id, actor=actor, hospital=case.fields.hospital, source=source
            )
            return "added"
        latest = s.scalars(
            select(CaseRevision).where(CaseRevision.case_id == row.id).order_by(CaseRevision.revision.desc())
        ).first()
        if latest is not None and latest.fingerprint == fingerprint:
            return "unchanged"
        if latest is None:  # stored by another path (the demo, add_case): keep that state as revision 1
            _record_revision(s, row, _snapshot_of_row(row), "", "", row.submitted_at)
        revision = row.revision + 1
        changed = sorted(k for k, v in snapshot.items() if (latest.snapshot if latest else {}).get(k) != v)
        for f in row.files:
            f.current = False
        row.files.extend(_new_files(pdf, video, revision))
        row.revision = revision
        _apply_fields(s, rules, row, case, submitted)
        row.status = CaseStatus.SUBMITTED.value  # newer content is screened again
        row.status_reason = ""
        _record_revision(s, row, snapshot, fingerprint, source, submitted)
        _store_findings(s, row, case.findings)
        audit.record(s, "case.resubmit", case.case_id, actor=actor, revision=revision, changed=changed)
        return "resubmitted"


def _new_files(pdf: dict[str, Any] | None, video: dict[str, Any] | None, revision: int) -> list[CaseFile]:
    return [
        CaseFile(kind=kind, sha256=e["sha256"], size=e["size"], original_name=e["name"], revision=revision)
        for kind, e in (("pdf", pdf), ("video", video))
        if e is not None
    ]


def _snapshot_of_row(row: Case) -> dict[str, Any]:
    files = {f.kind: {"sha256": f.sha256, "size": f.size, "name": f.original_name} for f in row.files}
    return {
        "case_id": row.code,
        "hospital": row.hospital.name if row.hospital else "",
        "title": row.title,
        "recommendation": row.recommendation,
        "pdf": files.get("pdf"),
        "video": files.get("video"),
    }


def _record_revision(
    s: Session,
    row: Case,
    snapshot: dict[str, Any],
    fingerprint: str,
    source: str,
    submitted: datetime | None,
) -> None:
    s.add(
        CaseRevision(
            case_id=row.id,
            revision=row.revision if fingerprint else 1,
            fingerprint=fingerprint,
            snapshot=snapshot,
            source=source,
            submitted_at=submitted,
        )
    )


def _store_findings(s: Session, row: Case, findings: Sequence[Finding]) -> None:
    """The case's own findings for its current revision (cross-case ones are refreshed afterwards)."""
    for f in findings:
        if f.code in CROSS_CASE_CODES:
            continue
        s.add(
            FindingRow(
                case_id=row.id,
                revision=row.revision,
                code=f.code,
                severity=f.severity,
                detail=dict(f.detail),
                cross_case=False,
            )
        )


def _apply_fields(s: Session, rules: SeasonRules, row: Case, case: CaseReport, submitted: datetime) -> None:
    f = case.fields
    province = None
    if case.resolved.province is not None:
        province = s.scalars(
            select(Province).join(Region).where(Province.name == case.resolved.province)
        ).first()
    alias = s.scalars(select(HospitalAlias).where(HospitalAlias.name == f.hospital)).first()
    merged = s.get(Hospital, alias.hospital_id) if alias is not None else None
    row.hospital = merged or hospital_by_name(s, f.hospital, province)
    row.theme = (
        s.scalars(select(Theme).where(Theme.number == case.resolved.theme)).first()
        if case.resolved.theme is not None
        else None
    )
    row.region_id = province.region_id if province is not None else None
    tier_code = resolve_named(f.tier, ((t.code, t.name) for t in rules.tiers)) if f.tier else None
    row.tier = s.scalars(select(Tier).where(Tier.code == tier_code)).first() if tier_code else None
    category_code = (
        resolve_named(f.category, ((c.code, c.name) for c in rules.categories)) if f.category else None
    )
    row.category = (
        s.scalars(select(Category).where(Category.code == category_code)).first() if category_code else None
    )
    row.title = f.title[:300]
    row.recommendation = f.recommendation.strip()
    row.votes = parse_votes(f.votes) if f.votes else None
    row.submitted_at = submitted
    row.extra = dict(case.extra)


def _submitted_at(text: str) -> datetime:
    """When the case was submitted (the sheet's 提交时间 in Beijing time), else now; always UTC."""
    parsed = parse_time(text) if text else None
    if parsed is None:
        return datetime.now(UTC)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=COMPETITION_TZ)
    return parsed.astimezone(UTC)


def refresh_cross_findings(s: Session) -> int:
    """Recompute duplicate-theme and hospital-spelling findings over the whole workspace; only findings
    that actually change are written. Returns how many rows changed."""
    rows = s.execute(
        select(Case.id, Case.code, Case.revision, Hospital.name, Province.name, Theme.number)
        .join(Hospital, Case.hospital_id == Hospital.id)
        .outerjoin(Province, Hospital.province_id == Province.id)
        .outerjoin(Theme, Case.theme_id == Theme.id)
    ).all()
    revision_of = {case_id: revision for case_id, _code, revision, _h, _p, _t in rows}
    id_of = {code: case_id for case_id, code, _rev, _h, _p, _t in rows}
    keys = [
        CaseKey(code, hospital, province or "", theme) for _id, code, _rev, hospital, province, theme in rows
    ]
    wanted: dict[tuple[int, str, str], Finding] = {}
    for code, findings in cross_case_findings(keys).items():
        for f in findings:
            wanted[(id_of[code], f.code, _key(f.detail))] = f
    changes = 0
    have: set[tuple[int, str, str]] = set()
    for row in s.scalars(select(FindingRow).where(FindingRow.cross_case.is_(True))):
        key = (row.case_id, row.code, _key(row.detail))
        if key in wanted and key not in have and row.revision == revision_of.get(row.case_id):
            have.add(key)
            continue
        s.delete(row)
        changes += 1
    for key, f in wanted.items():
        if key in have:
            continue
        s.add(
            FindingRow(
                case_id=key[0],
                revision=revision_of[key[0]],
                code=f.code,
                severity=f.severity,
                detail=dict(f.detail),
                cross_case=True,
            )
        )
        changes += 1
    return changes


def _key(detail: Mapping[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True)


def ensure_season(ws: Workspace, season: int | None) -> None:
    """Refuse an import meant for another season than the workspace's."""
    if season is not None and season != ws.season_year:
        raise DomainError("season_mismatch", workspace=ws.season_year, season=season)
