# SPDX-License-Identifier: Apache-2.0
"""Score bundles as files: write one (judge), read and check its structure (organizer)."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bundles.canonical import FormatError, dumps
from app.bundles.container import ContainerError, ContainerReader, ContainerWriter
from app.bundles.manifest import (
    BUNDLE_ENTRY,
    BUNDLE_SIG_ENTRY,
    MAX_BUNDLE,
    BundleDoc,
    bundle_entry_ok,
    parse_bundle,
)
from app.glossary import Phrase
from app.glossary.bundles import BUNDLE_FILE, CONTAINER

BUNDLE_SUFFIX = ".leitai-scores"
#: A bundle file bigger than this is not read at all (a real one is a few hundred kilobytes).
MAX_BUNDLE_FILE = MAX_BUNDLE + 4096


class BundleError(Exception):
    """A bundle that cannot be merged; ``code`` is one of the merge outcomes (bundle-format.md §4.3),
    ``problem`` what is wrong (said in the reader's language)."""

    def __init__(self, code: str, problem: Phrase) -> None:
        super().__init__(problem.key)
        self.code = code
        self.problem = problem

    @property
    def reason(self) -> str:
        """The problem in a sentence, in the current language."""
        return self.problem.text()

    def __str__(self) -> str:
        return self.reason


def _malformed(key: str, **params: Any) -> BundleError:
    return BundleError("malformed", Phrase(BUNDLE_FILE, key, params))


@dataclass(frozen=True, slots=True)
class BundleFile:
    """A bundle read from disk: the parsed document, the signed bytes and the signature."""

    path: Path
    doc: BundleDoc
    payload: bytes
    signature: bytes
    sha256: str  # of the whole file
    data: bytes  # the whole file, kept by the merge


def write_bundle(path: Path, doc: dict[str, Any], key: Ed25519PrivateKey) -> tuple[str, int]:
    """Write a signed bundle atomically (temporary file, fsync, rename); returns (sha256, size)."""
    payload = dumps(doc)
    tmp = path.with_name(path.name + ".partial")
    writer = ContainerWriter(tmp)
    try:
        writer.add_bytes(BUNDLE_ENTRY, payload)
        writer.add_bytes(BUNDLE_SIG_ENTRY, key.sign(payload))
        writer.close()
    except BaseException:
        writer.abort()
        raise
    os.replace(tmp, path)
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def read_bundle(path: Path) -> BundleFile:
    """Read a bundle and check its container and JSON; BundleError(``malformed``) otherwise.

    The signature is not checked here: which key to check it with comes from the workspace.
    """
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BUNDLE_FILE + 1)
    except OSError as exc:
        raise BundleError(
            "malformed", Phrase(CONTAINER, "unreadable", {"error": exc.strerror or str(exc)})
        ) from exc
    if len(data) > MAX_BUNDLE_FILE:
        raise _malformed("too_large")
    try:
        # parse the bytes already in memory, so what is checked is exactly what gets stored
        with ContainerReader(io.BytesIO(data), bundle_entry_ok) as reader:
            if [e.name for e in reader.entries] != [BUNDLE_ENTRY, BUNDLE_SIG_ENTRY]:
                raise _malformed("entries")
            payload = reader.read_small(reader.entries[0], MAX_BUNDLE)
            signature = reader.read_small(reader.entries[1], 64)
    except ContainerError as exc:
        raise BundleError("malformed", exc.problem) from exc
    if len(signature) != 64:
        raise _malformed("signature_length")
    try:
        doc = parse_bundle(payload)
    except FormatError as exc:
        raise _malformed("format", error=str(exc)) from exc
    return BundleFile(path, doc, payload, signature, hashlib.sha256(data).hexdigest(), data)
