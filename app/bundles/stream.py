# SPDX-License-Identifier: Apache-2.0
"""Streaming copy with hashing: each byte read once, SHA-256 on a second core, progress and cancel."""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.errors import Cancelled

#: ``progress(done_bytes, total_bytes)``; called after every chunk.
Progress = Callable[[int, int], None]
#: ``cancel() -> True`` stops the work at the next chunk.
Cancel = Callable[[], bool]


@dataclass
class Meter:
    """Counts bytes across many files for one progress bar, and asks whether to stop."""

    total: int
    progress: Progress | None = None
    cancel: Cancel | None = None
    done: int = 0

    def step(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancel is not None and self.cancel():
            raise Cancelled()


@dataclass
class Digest:
    """SHA-256 (and optionally CRC-32) of a stream, filled in as ``hashed()`` is consumed."""

    want_crc: bool = False
    sha256: str = ""
    crc32: int = 0
    size: int = 0
    _pool: ThreadPoolExecutor | None = field(default=None, repr=False)

    def crc(self) -> int:
        """The CRC-32 once the stream has been consumed (for the container writer)."""
        return self.crc32

    def hashed(self, chunks: Iterable[bytes], meter: Meter | None = None) -> Iterator[bytes]:
        """Yield the chunks unchanged while hashing them.

        hashlib and zlib release the GIL on large buffers, so SHA-256 of chunk *i* runs in a worker
        thread while this thread computes its CRC, hands it on (to be written) and reads chunk *i+1*.
        At most two chunks are in flight, so memory stays at two chunks whatever the file size.
        """
        h = hashlib.sha256()
        crc = 0
        size = 0
        pending: Future[None] | None = None
        pool = self._pool or ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256")
        try:
            for block in chunks:
                if pending is not None:
                    pending.result()
                pending = pool.submit(h.update, block)
                if self.want_crc:
                    crc = zlib.crc32(block, crc)
                size += len(block)
                yield block
                if meter is not None:
                    meter.step(len(block))
            if pending is not None:
                pending.result()
        finally:
            if pending is not None:
                pending.cancel()
            if self._pool is None:
                pool.shutdown(wait=True)
        self.sha256 = h.hexdigest()
        self.crc32 = crc
        self.size = size


def file_chunks(f: BinaryIO, chunk: int) -> Iterator[bytes]:
    """Read an open file to its end in chunks."""
    while block := f.read(chunk):
        yield block


def copy_to(chunks: Iterable[bytes], dest: Path) -> None:
    """Write ``chunks`` to ``dest`` through a ``.partial`` file, so ``dest`` is whole or absent."""
    tmp = dest.with_name(dest.name + ".partial")
    try:
        with tmp.open("wb") as out:
            for block in chunks:
                out.write(block)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
