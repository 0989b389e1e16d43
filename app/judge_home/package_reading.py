# SPDX-License-Identifier: Apache-2.0
"""Reading a judge package before trusting it: the manifest and the organizer's signature (quick on a
package of any size), who it is for, and the judge's key unsealed with the access code."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bundles import keys
from app.bundles.canonical import FormatError
from app.bundles.container import ContainerError, ContainerReader
from app.bundles.manifest import (
    MANIFEST_ENTRY,
    MANIFEST_SIG_ENTRY,
    MAX_MANIFEST,
    Manifest,
    package_entry_ok,
    parse_manifest,
)
from app.errors import DomainError
from app.glossary.terms import round_name, round_term
from app.judge_home.records import PackageSummary


def read_manifest_light(package_path: Path) -> tuple[Manifest, bytes, bytes]:
    """Container, manifest and organizer signature only (seconds before streaming gigabytes)."""
    try:
        with ContainerReader(package_path, package_entry_ok) as reader:
            if [e.name for e in reader.entries][-2:] != [MANIFEST_ENTRY, MANIFEST_SIG_ENTRY]:
                raise DomainError("package_incomplete", path=str(package_path))
            data = reader.read_small(reader.by_name[MANIFEST_ENTRY], MAX_MANIFEST)
            sig = reader.read_small(reader.by_name[MANIFEST_SIG_ENTRY], 64)
    except ContainerError as exc:
        raise DomainError("malformed", path=str(package_path), reason=exc.problem) from exc
    try:
        manifest = parse_manifest(data)
    except FormatError as exc:
        raise DomainError("malformed", path=str(package_path), reason=str(exc)) from exc
    if not keys.verify(manifest.organizer_key, sig, data):
        raise DomainError("bad_signature", path=str(package_path))
    return manifest, data, sig


def read_package_summary(package_path: Path) -> PackageSummary:
    """Who a package is for and who signed it (manifest and signature only: quick on any size).

    Raises DomainError ``malformed`` or ``bad_signature``."""
    manifest, _data, _sig = read_manifest_light(Path(package_path))
    return PackageSummary(
        path=Path(package_path),
        competition=manifest.competition_name,
        round=round_name(manifest.round_key, manifest.season),
        judge_code=manifest.judge_code,
        judge=manifest.judge_name,
        cases=len(manifest.cases),
        organizer_fingerprint=keys.fingerprint(manifest.organizer_key),
    )


def unlock_judge_key(manifest: Manifest, access_code: str) -> bytes:
    code = keys.normalise_code(access_code).encode("ascii")
    aad = keys.judge_key_aad(
        manifest.competition_uid, manifest.package_id, manifest.judge_code, manifest.organizer_key
    )
    seed = keys.unseal(manifest.judge_key, code, aad)
    if seed is None:
        raise DomainError("bad_access_code")
    if keys.raw_public(Ed25519PrivateKey.from_private_bytes(seed)) != manifest.judge_public_key:
        raise DomainError("judge_key_mismatch")
    return seed


def check_same_seat(previous: Manifest, manifest: Manifest, home_dir: Path) -> None:
    """A home takes a newer package of the same judge, competition and round, never another one's
    (``home_in_use``), nor an older one over a newer."""
    seat = (manifest.competition_uid, manifest.judge_code, manifest.round_key)
    if (previous.competition_uid, previous.judge_code, previous.round_key) != seat:
        raise DomainError(
            "home_in_use",
            path=str(home_dir),
            judge=previous.judge_code,
            round_name=round_term(previous.round_key, previous.season),
        )
    if previous.serial > manifest.serial:
        raise DomainError("newer_package_open", path=str(home_dir))
