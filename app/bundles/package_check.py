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
from app.glossary import Phrase
from app.glossary.bundles import PACKAGE


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """What checking a package found. ``code`` is ``ok`` or the first problem's code:
    ``malformed``, ``bad_signature``, ``file_mismatch``; media not found are listed in ``missing``."""

    path: Path
    code: str
    why: Phrase  #: a key of app.glossary.bundles.PACKAGE and what fills it
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

    @property
    def reason(self) -> str:
        """What the check found, in a sentence, in the current language."""
        return self.why.text()


def _fail(path: Path, code: str, why: Phrase, **kw: Any) -> PackageCheck:
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
    return PackageCheck(path=path, code=code, why=why, **base)


class _Refused(Exception):
    """The first problem found, carried out of the step that found it to ``verify_package``."""

    def __init__(self, check: PackageCheck) -> None:
        super().__init__(check.code)
        self.check = check


def _refuse(path: Path, key: str, said: dict[str, Any] | None = None, **kw: Any) -> NoReturn:
    """Stop the check with the refusal ``key`` (``code`` or ``code.variant`` of PACKAGE)."""
    raise _Refused(_fail(path, key.split(".", 1)[0], Phrase(PACKAGE, key, said or {}), **kw))


def _broken(exc: ContainerError) -> dict[str, Any]:
    return {"problem": exc.problem}


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
        return _fail(path, "malformed", Phrase(PACKAGE, "malformed", _broken(exc)))
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
            why=Phrase(PACKAGE, "ok"),
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
        _refuse(path, "malformed.order")
    try:
        manifest_bytes = reader.read_small(reader.by_name[MANIFEST_ENTRY], MAX_MANIFEST)
        signature = reader.read_small(reader.by_name[MANIFEST_SIG_ENTRY], 64)
    except ContainerError as exc:
        _refuse(path, "malformed", _broken(exc))
    sha = hashlib.sha256(manifest_bytes).hexdigest()
    try:
        manifest = parse_manifest(manifest_bytes)
    except FormatError as exc:
        _refuse(path, "malformed.manifest", {"error": str(exc)}, manifest_bytes=manifest_bytes)
    if len(signature) != 64 or not keys.verify(manifest.organizer_key, signature, manifest_bytes):
        _refuse(
            path,
            "bad_signature",
            manifest_bytes=manifest_bytes,
            manifest_sha256=sha,
            signature=signature,
        )
    common: dict[str, Any] = dict(
        manifest=manifest, manifest_bytes=manifest_bytes, manifest_sha256=sha, signature=signature
    )
    if names[:-2] != [f.entry for f in manifest.files if f.included]:
        _refuse(path, "malformed.files", **common)
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
            _refuse(path, "file_mismatch", {"entry": f.entry}, **common)
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
            _refuse(path, "malformed", _broken(exc), **common)
        if digest.sha256 != f.sha256:
            if dest is not None:
                dest.unlink(missing_ok=True)
            _refuse(path, "file_mismatch.hash", {"entry": f.entry}, **common)
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
            _refuse(path, "file_mismatch.media", {"medium": str(medium)}, **common)
        found[f.sha256] = medium
    return found, tuple(missing)
