# SPDX-License-Identifier: Apache-2.0
"""Judge packages: the organizer builds one signed package per judge, streamed, with progress and cancel.

Checking a package (the judge's side, and the organizer's) is ``package_check``.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.bundles import PACKAGE_SUFFIX, keys
from app.bundles.canonical import b64, decimal_text, dumps, utc_text
from app.bundles.container import MEDIA_CHUNK, ContainerWriter
from app.bundles.manifest import MANIFEST_ENTRY, MANIFEST_SIG_ENTRY
from app.bundles.stream import Cancel, Digest, Meter, Progress, copy_to, file_chunks
from app.errors import DomainError
from app.glossary import Term
from app.glossary.terms import round_term
from app.models import Assignment, Case, CaseFile, Competition, IssuedPackage, Judge, Round
from app.workspace import Workspace

#: Name of the public key file written next to built packages, for outside verifiers.
ORGANIZER_PEM = "organizer.pub.pem"


@dataclass(frozen=True, slots=True)
class BuiltPackage:
    """A package just written, and the access code to give its judge separately."""

    path: Path
    package_id: str
    serial: int
    judge_id: int
    judge_code: str
    judge_name: str
    round_key: str
    access_code: str
    cases: int
    files: int
    media_bytes: int
    external_media: bool
    manifest_sha256: str


def _ext(name: str, kind: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix and suffix.isascii() and suffix.isalnum() and len(suffix) <= 8:
        return suffix
    return "pdf" if kind == "pdf" else "mp4"


@dataclass(frozen=True, slots=True)
class _Plan:
    """Everything read from the workspace for one package, before any byte is written."""

    judge_id: int
    judge_code: str
    judge_name: str
    round_id: int
    doc: dict[str, Any]
    files: tuple[tuple[str, int, str], ...]  # sha256, size, ext
    case_ids: tuple[int, ...]


def _round_term(s: Session, rnd: Round) -> Term:
    """The round's name in both languages, as its season's notice words it (for a message)."""
    return round_term(rnd.key, s.scalar(select(Competition.season_id)))


def _plan(s: Session, judge: Judge, rnd: Round) -> _Plan:
    if rnd.rubric is None or not rnd.rubric.criteria:
        raise DomainError("no_rubric", round=rnd.key, round_name=_round_term(s, rnd))
    assignments = list(
        s.scalars(
            select(Assignment)
            .where(Assignment.round_id == rnd.id, Assignment.judge_id == judge.id)
            .options(
                selectinload(Assignment.case).selectinload(Case.files),
                selectinload(Assignment.case).selectinload(Case.hospital),
                selectinload(Assignment.case).selectinload(Case.theme),
            )
        )
    )
    if not assignments:
        raise DomainError("no_assignment", judge=judge.code, round=rnd.key, round_name=_round_term(s, rnd))
    cases = sorted((a.case for a in assignments), key=lambda c: c.code)
    comp = s.scalars(select(Competition)).one()
    files: dict[str, tuple[str, int, str]] = {}
    case_docs = []
    for i, case in enumerate(cases, start=1):
        current: list[CaseFile] = [f for f in case.files if f.current]
        for f in current:
            files.setdefault(f.sha256, (f.sha256, f.size, _ext(f.original_name, f.kind)))
        case_docs.append(
            {
                "code": f"B{i:03d}" if rnd.blind else case.code,
                "files": [{"kind": f.kind, "sha256": f.sha256} for f in current],
                "hospital": "" if rnd.blind else case.hospital.name,
                "id": case.id,
                "theme": {"number": case.theme.number, "title": case.theme.title} if case.theme else None,
                "title": case.title,
            }
        )
    doc: dict[str, Any] = {
        "cases": case_docs,
        "competition": {"name": comp.name, "season": comp.season_id, "uid": comp.uid},
        "format": "leitai-package",
        "judge": {"code": judge.code, "name": judge.name},
        "round": {"blind": rnd.blind, "key": rnd.key, "live": rnd.live, "name": rnd.name},
        "rubric": {
            "criteria": [
                {
                    "description": c.description,
                    "key": c.key,
                    "max": decimal_text(c.max),
                    "name": c.name,
                    "step": decimal_text(c.step),
                    "weight": decimal_text(c.weight),
                }
                for c in rnd.rubric.criteria
            ],
            "name": rnd.rubric.name,
        },
        "version": 1,
    }
    return _Plan(
        judge.id, judge.code, judge.name, rnd.id, doc, tuple(files.values()), tuple(c.id for c in cases)
    )


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:60] or "judge"


def build_packages(
    ws: Workspace,
    round_key: str,
    judge_ids: list[int] | None,
    out_dir: Path,
    passphrase: str,
    *,
    external_media: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    actor: str = "organizer",
) -> list[BuiltPackage]:
    """Build one signed package per judge (``None``: every judge with cases in the round).

    The organizer key is unlocked once. Media are streamed from the content store into the package (or,
    with ``external_media``, into ``out_dir/media/``), each byte read once and checked against the hash
    the store names it by. ``progress(done, total)`` counts media bytes over all packages.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with ws.sessions.begin() as s:
        org_key = keys.ensure_organizer_key(s, ws.competition_uid, passphrase)
        rnd = s.scalars(
            select(Round).where(Round.key == round_key).options(selectinload(Round.rubric))
        ).first()
        if rnd is None:
            raise DomainError("unknown_round", round=round_key)
        if judge_ids is None:
            judge_ids = list(
                s.scalars(
                    select(Assignment.judge_id)
                    .where(Assignment.round_id == rnd.id)
                    .distinct()
                    .order_by(Assignment.judge_id)
                )
            )
            if not judge_ids:
                raise DomainError("round_unassigned", round=round_key, round_name=_round_term(s, rnd))
        plans = []
        for jid in judge_ids:
            judge = s.get(Judge, jid)
            if judge is None:
                raise DomainError("unknown_judge", judge=jid)
            plans.append(_plan(s, judge, rnd))
        round_id = rnd.id
    total = sum(size for p in plans for _, size, _ in p.files)
    meter = Meter(total, progress, cancel)
    built = [
        _build_one(ws, plan, round_id, round_key, org_key, out_dir, external_media, meter, actor)
        for plan in plans
    ]
    (out_dir / ORGANIZER_PEM).write_bytes(keys.public_pem(keys.raw_public(org_key)))
    return built


def _build_one(
    ws: Workspace,
    plan: _Plan,
    round_id: int,
    round_key: str,
    org_key: Ed25519PrivateKey,
    out_dir: Path,
    external_media: bool,
    meter: Meter,
    actor: str,
) -> BuiltPackage:
    """Write one judge's package next to its final name, record it as issued, then move it into place."""
    package_id = uuid.uuid4().hex
    judge_key = Ed25519PrivateKey.generate()
    access_code = keys.new_access_code()
    final = out_dir / f"{_safe_name(plan.judge_code)}-{round_key}{PACKAGE_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    writer = ContainerWriter(partial)
    try:
        file_docs = _add_files(ws, plan, writer, out_dir / "media" if external_media else None, meter)
        with ws.sessions() as s:
            serial = (s.scalar(select(func.max(IssuedPackage.serial))) or 0) + 1
        doc = dict(plan.doc)
        doc.update(
            created_at=utc_text(),
            files=file_docs,
            judge={**plan.doc["judge"], "public_key": b64(keys.raw_public(judge_key))},
            judge_key=_sealed_judge_key(ws, plan, package_id, judge_key, access_code, org_key),
            organizer_key=b64(keys.raw_public(org_key)),
            package_id=package_id,
            serial=serial,
        )
        manifest = dumps(doc)
        writer.add_bytes(MANIFEST_ENTRY, manifest)
        writer.add_bytes(MANIFEST_SIG_ENTRY, org_key.sign(manifest))
        writer.close()
    except BaseException:
        writer.abort()
        raise
    manifest_sha = hashlib.sha256(manifest).hexdigest()
    issued = IssuedPackage(
        package_id=package_id,
        serial=serial,
        judge_id=plan.judge_id,
        round_id=round_id,
        public_key=keys.raw_public(judge_key),
        manifest_sha256=manifest_sha,
        case_ids=list(plan.case_ids),
        file_name=final.name,
    )
    _record_issued(ws, plan, issued, round_key, actor)
    os.replace(partial, final)
    return BuiltPackage(
        path=final,
        package_id=package_id,
        serial=serial,
        judge_id=plan.judge_id,
        judge_code=plan.judge_code,
        judge_name=plan.judge_name,
        round_key=round_key,
        access_code=access_code,
        cases=len(plan.case_ids),
        files=len(file_docs),
        media_bytes=sum(size for _, size, _ in plan.files),
        external_media=external_media,
        manifest_sha256=manifest_sha,
    )


def _add_files(
    ws: Workspace, plan: _Plan, writer: ContainerWriter, media_dir: Path | None, meter: Meter
) -> list[dict[str, Any]]:
    """Stream each case file from the store into the package (or, given ``media_dir``, into that folder),
    checking it against the hash the store names it by; the manifest's ``files`` list."""
    file_docs = []
    for sha, size, ext in plan.files:
        entry = f"files/{sha}.{ext}"
        src = ws.store.path_for(sha)
        digest = Digest(want_crc=True)
        try:
            f = src.open("rb")
        except OSError as exc:
            raise DomainError("store_missing", sha256=sha, file=sha[:12]) from exc
        with f:
            stream = digest.hashed(file_chunks(f, MEDIA_CHUNK), meter)
            if media_dir is not None:
                media_dir.mkdir(exist_ok=True)
                copy_to(stream, media_dir / f"{sha}.{ext}")
            else:
                writer.add_stream(entry, size, stream, digest.crc)
        if digest.sha256 != sha or digest.size != size:
            raise DomainError("store_corrupt", sha256=sha, file=sha[:12])
        file_docs.append(
            {
                "crc32": digest.crc32,
                "entry": entry,
                "ext": ext,
                "included": media_dir is None,
                "sha256": sha,
                "size": size,
            }
        )
    return file_docs


def _sealed_judge_key(
    ws: Workspace,
    plan: _Plan,
    package_id: str,
    judge_key: Ed25519PrivateKey,
    access_code: str,
    org_key: Ed25519PrivateKey,
) -> dict[str, Any]:
    """The judge's private key sealed under the access code, bound to this package and organizer."""
    return keys.seal(
        keys.raw_private(judge_key),
        keys.normalise_code(access_code).encode("ascii"),
        keys.judge_key_aad(ws.competition_uid, package_id, plan.judge_code, keys.raw_public(org_key)),
    )


def _record_issued(ws: Workspace, plan: _Plan, issued: IssuedPackage, round_key: str, actor: str) -> None:
    """Store the package as issued, give its judge the package's public key, and audit the build."""
    with ws.sessions.begin() as s:
        s.add(issued)
        judge = s.get(Judge, plan.judge_id)
        if judge is not None:
            judge.public_key = issued.public_key
        audit.record(
            s,
            "package.build",
            plan.judge_code,
            actor=actor,
            round=round_key,
            package_id=issued.package_id,
            serial=issued.serial,
            cases=len(plan.case_ids),
            manifest_sha256=issued.manifest_sha256,
        )


def organizer_public_pem(ws: Workspace) -> bytes | None:
    """The workspace's organizer public key as PEM, once it has one."""
    with ws.sessions() as s:
        pub = keys.organizer_public_key(s)
    return keys.public_pem(pub) if pub else None
