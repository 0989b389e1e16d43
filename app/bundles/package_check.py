# SPDX-License-Identifier: Apache-2.0
"""Checking a judge package: container, organizer signature, manifest, and every file's bytes, streamed.

The judge's laptop runs this before opening a package, the organizer before handing one out; it reports a
bad package (``PackageCheck.code``) and never raises for one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from app.bundles import keys
from app.bundles.canonical import FormatError
from app.bundles.container import MEDIA_CHUNK, ContainerError, ContainerReader
from app.bundles.manifest import (
    MANIFEST_ENTRY,
    MANIFEST_SIG_ENTRY,
    MAX_MANIFEST,
    Manifest,
    PackageFile,
    package_entry_ok,
    parse_manifest,
)
from app.bundles.stream import Cancel, Digest, Meter, Progress, copy_to, file_chunks


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


class _Refused(Exception):
    """The first problem found, carried out of the step that found it to ``verify_package``."""

    def __init__(self, check: PackageCheck) -> None:
        super().__init__(check.code)
        self.check = check


def _refuse(path: Path, code: str, reason: str, **kw: Any) -> NoReturn:
    raise _Refused(_fail(path, code, reason, **kw))


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
        try:
            common = _signed_manifest(path, reader)
            files: tuple[PackageFile, ...] = common["manifest"].files
            meter = Meter(sum(f.size for f in files), progress, cancel)
            included = [f for f in files if f.included]
            extracted = _check_included(path, reader, included, extract_to, meter, common)
            external = [f for f in files if not f.included]
            found, missing = _check_external(path, external, media_dir, meter, common)
        except _Refused as refused:
            return refused.check
        return PackageCheck(
            path=path,
            code="ok",
            reason="评审包完整，主办方签名有效。",
            files_checked=len(included) + len(found),
            bytes_checked=meter.done,
            missing=missing,
            located={**extracted, **found},
            **common,
        )


def _signed_manifest(path: Path, reader: ContainerReader) -> dict[str, Any]:
    """The manifest, its bytes, their SHA-256 and the organizer's signature over them, once checked;
    the entries must end with the manifest and its signature, and list exactly the included files."""
    names = [e.name for e in reader.entries]
    if names[-2:] != [MANIFEST_ENTRY, MANIFEST_SIG_ENTRY]:
        _refuse(path, "malformed", "manifest.json 与 manifest.sig 必须是最后两个条目。")
    try:
        manifest_bytes = reader.read_small(reader.by_name[MANIFEST_ENTRY], MAX_MANIFEST)
        signature = reader.read_small(reader.by_name[MANIFEST_SIG_ENTRY], 64)
    except ContainerError as exc:
        _refuse(path, "malformed", exc.reason)
    sha = hashlib.sha256(manifest_bytes).hexdigest()
    try:
        manifest = parse_manifest(manifest_bytes)
    except FormatError as exc:
        _refuse(path, "malformed", f"清单格式错误：{exc}", manifest_bytes=manifest_bytes)
    if len(signature) != 64 or not keys.verify(manifest.organizer_key, signature, manifest_bytes):
        _refuse(
            path,
            "bad_signature",
            "主办方签名无效：评审包被改动过。",
            manifest_bytes=manifest_bytes,
            manifest_sha256=sha,
            signature=signature,
        )
    common: dict[str, Any] = dict(
        manifest=manifest, manifest_bytes=manifest_bytes, manifest_sha256=sha, signature=signature
    )
    if names[:-2] != [f.entry for f in manifest.files if f.included]:
        _refuse(path, "malformed", "评审包中的文件与清单不一致。", **common)
    return common


def _check_included(
    path: Path,
    reader: ContainerReader,
    included: list[PackageFile],
    extract_to: Path | None,
    meter: Meter,
    common: dict[str, Any],
) -> dict[str, Path]:
    """Stream every file inside the package through its size, CRC and hash checks; with ``extract_to``,
    copy each there and return where each now is (else an empty map)."""
    located: dict[str, Path] = {}
    if extract_to is not None:
        extract_to.mkdir(parents=True, exist_ok=True)
    for f in included:
        entry = reader.by_name[f.entry]
        if entry.size != f.size or entry.crc32 != f.crc32:
            _refuse(path, "file_mismatch", f"文件 {f.entry} 的大小或校验和与清单不符。", **common)
        digest = Digest()
        dest = extract_to / f"{f.sha256}.{f.ext}" if extract_to is not None else None
        try:
            stream = digest.hashed(reader.iter_data(entry, MEDIA_CHUNK), meter)
            if dest is not None:
                copy_to(stream, dest)
            else:
                for _ in stream:
                    pass
        except ContainerError as exc:
            _refuse(path, "malformed", exc.reason, **common)
        if digest.sha256 != f.sha256:
            if dest is not None:
                dest.unlink(missing_ok=True)
            _refuse(path, "file_mismatch", f"文件 {f.entry} 的内容与清单中的哈希不符。", **common)
        if dest is not None:
            located[f.sha256] = dest
    return located


def _check_external(
    path: Path, external: list[PackageFile], media_dir: Path | None, meter: Meter, common: dict[str, Any]
) -> tuple[dict[str, Path], tuple[str, ...]]:
    """Find each medium kept outside the package in ``media_dir`` and hash it against the manifest:
    where each found one is, and the hashes of those not found."""
    found: dict[str, Path] = {}
    missing: list[str] = []
    for f in external:
        medium = _find_media(media_dir, f) if media_dir is not None else None
        if medium is None:
            missing.append(f.sha256)
            meter.step(f.size)
            continue
        digest = Digest()
        with medium.open("rb") as fh:
            for _ in digest.hashed(file_chunks(fh, MEDIA_CHUNK), meter):
                pass
        if digest.sha256 != f.sha256:
            _refuse(path, "file_mismatch", f"外部媒体文件 {medium} 的内容与清单中的哈希不符。", **common)
        found[f.sha256] = medium
    return found, tuple(missing)
