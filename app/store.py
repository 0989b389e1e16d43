# SPDX-License-Identifier: Apache-2.0
"""Content-addressed file store: every case file is kept once, under its SHA-256, streamed in."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: A file streaming into the store is first ``.incoming-<pid>-…`` (the pid tells a later run whether its
#: writer still lives; app/intake/leftovers.py removes those of a killed process).
INCOMING_PREFIX = ".incoming-"
#: Read and hash in chunks this large: big enough for disk speed, small enough to never hold a video.
CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredFile:
    """What the store knows of a file: its hash, its size and where it lives."""

    sha256: str
    size: int
    path: Path


def iter_chunks(stream: BinaryIO, chunk: int = CHUNK) -> Iterator[bytes]:
    """Yield a stream's bytes in chunks until it ends."""
    while block := stream.read(chunk):
        yield block


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    """Hash a file by streaming it; ``progress`` gets the byte count of each chunk."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter_chunks(f):
            digest.update(block)
            if progress:
                progress(len(block))
    return digest.hexdigest()


class FileStore:
    """Files under ``root/ab/cdef…`` by SHA-256; adding the same bytes twice stores them once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add_stream(self, stream: BinaryIO, progress: Callable[[int], None] | None = None) -> StoredFile:
        """Copy a stream into the store, hashing each byte once on the way in."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=f"{INCOMING_PREFIX}{os.getpid()}-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for block in iter_chunks(stream):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
                    if progress:
                        progress(len(block))
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.is_file():
                tmp.unlink()
            else:
                final.parent.mkdir(exist_ok=True)
                os.replace(tmp, final)
            return StoredFile(sha, size, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def add_file(self, path: Path, progress: Callable[[int], None] | None = None) -> StoredFile:
        """Copy a file into the store (streamed)."""
        with path.open("rb") as f:
            return self.add_stream(f, progress)

    def export(self, sha256: str, dest: Path) -> None:
        """Copy a stored file out, e.g. into a judge package folder."""
        shutil.copyfile(self.path_for(sha256), dest)

    def verify(self, sha256: str) -> bool:
        """True when the stored bytes still hash to their name."""
        path = self.path_for(sha256)
        return path.is_file() and sha256_file(path) == sha256
