# SPDX-License-Identifier: Apache-2.0
"""Judge packages: build (organizer) and verify (judge, organizer), streamed, with progress and cancel."""

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
from app.bundles.canonical import FormatError, b64, decimal_text, dumps, utc_text
from app.bundles.container import CHUNK, ContainerError, ContainerReader, ContainerWriter
from app.bundles.manifest import (
    MANIFEST_ENTRY,
    MANIFEST_SIG_ENTRY,
    MAX_MANIFEST,
    Manifest,
    PackageFile,
    package_entry_ok,
    parse_manifest,
)
from app.bundles.stream import Cancel, Digest, Meter, Progress, file_chunks
from app.errors import DomainError
from app.glossary import Term
from app.glossary.terms import round_term
from app.models import Assignment, Case, CaseFile, Competition, IssuedPackage, Judge, Round
from app.workspace import Workspace

#: Bigger chunks for media: fewer thread hand-offs, still nothing like a whole video in memory.
MEDIA_CHUNK = 4 * CHUNK
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
    package_id = uuid.uuid4().hex
    judge_key = Ed25519PrivateKey.generate()
    access_code = keys.new_access_code()
    org_pub = keys.raw_public(org_key)
    final = out_dir / f"{_safe_name(plan.judge_code)}-{round_key}{PACKAGE_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    writer = ContainerWriter(partial)
    media_dir = out_dir / "media"
    file_docs = []
    try:
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
                if external_media:
                    media_dir.mkdir(exist_ok=True)
                    _copy_to(stream, media_dir / f"{sha}.{ext}")
                else:
                    writer.add_stream(entry, size, stream, digest.crc)
            if digest.sha256 != sha or digest.size != size:
                raise DomainError("store_corrupt", sha256=sha, file=sha[:12])
            file_docs.append(
                {
                    "crc32": digest.crc32,
                    "entry": entry,
                    "ext": ext,
                    "included": not external_media,
                    "sha256": sha,
                    "size": size,
                }
            )
        with ws.sessions() as s:
            serial = (s.scalar(select(func.max(IssuedPackage.serial))) or 0) + 1
        doc = dict(plan.doc)
        doc.update(
            created_at=utc_text(),
            files=file_docs,
            judge={**plan.doc["judge"], "public_key": b64(keys.raw_public(judge_key))},
            judge_key=keys.seal(
                keys.raw_private(judge_key),
                keys.normalise_code(access_code).encode("ascii"),
                keys.judge_key_aad(ws.competition_uid, package_id, plan.judge_code, org_pub),
            ),
            organizer_key=b64(org_pub),
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
    with ws.sessions.begin() as s:
        s.add(
            IssuedPackage(
                package_id=package_id,
                serial=serial,
                judge_id=plan.judge_id,
                round_id=round_id,
                public_key=keys.raw_public(judge_key),
                manifest_sha256=manifest_sha,
                case_ids=list(plan.case_ids),
                file_name=final.name,
            )
        )
        judge = s.get(Judge, plan.judge_id)
        if judge is not None:
            judge.public_key = keys.raw_public(judge_key)
        audit.record(
            s,
            "package.build",
            plan.judge_code,
            actor=actor,
            round=round_key,
            package_id=package_id,
            serial=serial,
            cases=len(plan.case_ids),
            manifest_sha256=manifest_sha,
        )
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


def _copy_to(chunks: Any, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".partial")
    try:
        with tmp.open("wb") as out:
            for block in chunks:
                out.write(block)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- verifying -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """What checking a package found. ``code`` is ``ok`` or the first problem's code:
    ``malformed``, ``bad_signature``, ``file_mismatch``; media not found are listed in ``missing``."""

    path: Path
    code: str
    reason: str
    manifest: Manifest | None
    manifest_bytes: bytes
    manifest_sha256: str
    signature: bytes
    files_checked: int
    bytes_checked: int
    missing: tuple[str, ...]
    #: sha256 → where the verified file now is (extracted copy, or the file found on the media drive)
    located: dict[str, Path]

    @property
    def ok(self) -> bool:
        return self.code == "ok"


def _fail(path: Path, code: str, reason: str, **kw: Any) -> PackageCheck:
    base: dict[str, Any] = dict(
        manifest=None,
        manifest_bytes=b"",
        manifest_sha256="",
        signature=b"",
        files_checked=0,
        bytes_checked=0,
        missing=(),
        located={},
    )
    base.update(kw)
    return PackageCheck(path=path, code=code, reason=reason, **base)


def _find_media(media_dir: Path, f: PackageFile) -> Path | None:
    for name in (f"{f.sha256}.{f.ext}", f.sha256):
        for base in (media_dir, media_dir / "media"):
            candidate = base / name
            if candidate.is_file() and candidate.stat().st_size == f.size:
                return candidate
    return None


def verify_package(
    path: Path,
    *,
    extract_to: Path | None = None,
    media_dir: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PackageCheck:
    """Check a package completely: container, signature, manifest, and every file's size, CRC and
    SHA-256 (streamed; with ``extract_to`` the verified files are also copied there as
    ``<sha256>.<ext>``). External media are looked for in ``media_dir``. Never raises for a bad
    package (it reports); raises DomainError only for ``cancelled``."""
    try:
        reader = ContainerReader(path, package_entry_ok)
    except ContainerError as exc:
        return _fail(path, "malformed", exc.reason)
    with reader:
        names = [e.name for e in reader.entries]
        if names[-2:] != [MANIFEST_ENTRY, MANIFEST_SIG_ENTRY]:
            return _fail(path, "malformed", "manifest.json 与 manifest.sig 必须是最后两个条目。")
        try:
            manifest_bytes = reader.read_small(reader.by_name[MANIFEST_ENTRY], MAX_MANIFEST)
            signature = reader.read_small(reader.by_name[MANIFEST_SIG_ENTRY], 64)
        except ContainerError as exc:
            return _fail(path, "malformed", exc.reason)
        sha = hashlib.sha256(manifest_bytes).hexdigest()
        try:
            manifest = parse_manifest(manifest_bytes)
        except FormatError as exc:
            return _fail(path, "malformed", f"清单格式错误：{exc}", manifest_bytes=manifest_bytes)
        if len(signature) != 64 or not keys.verify(manifest.organizer_key, signature, manifest_bytes):
            return _fail(
                path,
                "bad_signature",
                "主办方签名无效：评审包被改动过。",
                manifest_bytes=manifest_bytes,
                manifest_sha256=sha,
                signature=signature,
            )
        common = dict(
            manifest=manifest, manifest_bytes=manifest_bytes, manifest_sha256=sha, signature=signature
        )
        included = [f for f in manifest.files if f.included]
        if names[:-2] != [f.entry for f in included]:
            return _fail(path, "malformed", "评审包中的文件与清单不一致。", **common)
        external = [f for f in manifest.files if not f.included]
        meter = Meter(sum(f.size for f in manifest.files), progress, cancel)
        located: dict[str, Path] = {}
        missing: list[str] = []
        checked = 0
        if extract_to is not None:
            extract_to.mkdir(parents=True, exist_ok=True)
        for f in included:
            entry = reader.by_name[f.entry]
            if entry.size != f.size or entry.crc32 != f.crc32:
                return _fail(path, "file_mismatch", f"文件 {f.entry} 的大小或校验和与清单不符。", **common)
            digest = Digest()
            dest = extract_to / f"{f.sha256}.{f.ext}" if extract_to is not None else None
            try:
                stream = digest.hashed(reader.iter_data(entry, MEDIA_CHUNK), meter)
                if dest is not None:
                    _copy_to(stream, dest)
                else:
                    for _ in stream:
                        pass
            except ContainerError as exc:
                return _fail(path, "malformed", exc.reason, **common)
            if digest.sha256 != f.sha256:
                if dest is not None:
                    dest.unlink(missing_ok=True)
                return _fail(path, "file_mismatch", f"文件 {f.entry} 的内容与清单中的哈希不符。", **common)
            if dest is not None:
                located[f.sha256] = dest
            checked += 1
        for f in external:
            found = _find_media(media_dir, f) if media_dir is not None else None
            if found is None:
                missing.append(f.sha256)
                meter.step(f.size)
                continue
            digest = Digest()
            with found.open("rb") as fh:
                for _ in digest.hashed(file_chunks(fh, MEDIA_CHUNK), meter):
                    pass
            if digest.sha256 != f.sha256:
                return _fail(
                    path, "file_mismatch", f"外部媒体文件 {found} 的内容与清单中的哈希不符。", **common
                )
            located[f.sha256] = found
            checked += 1
        return PackageCheck(
            path=path,
            code="ok",
            reason="评审包完整，主办方签名有效。",
            files_checked=checked,
            bytes_checked=meter.done,
            missing=tuple(missing),
            located=located,
            **common,  # type: ignore[arg-type]
        )


def organizer_public_pem(ws: Workspace) -> bytes | None:
    """The workspace's organizer public key as PEM, once it has one."""
    with ws.sessions() as s:
        pub = keys.organizer_public_key(s)
    return keys.public_pem(pub) if pub else None
