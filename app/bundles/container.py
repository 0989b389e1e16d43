# SPDX-License-Identifier: Apache-2.0
"""The strict, canonical ZIP profile packages and bundles travel in (docs/bundle-format.md §1).

Every entry is stored (no compression: no zip bomb can be expressed) and always uses ZIP64 sizes; every
byte that is not entry data is fixed by the rules, so the reader rebuilds the expected headers and
compares them byte for byte. Any ZIP tool can still list and extract the files.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from app.errors import DomainError
from app.glossary import Phrase
from app.glossary.bundles import CONTAINER

#: Read and write in chunks this large: disk speed, never a whole video in memory.
CHUNK = 1024 * 1024
#: Bigger chunks for media: fewer thread hand-offs, still nothing like a whole video in memory.
MEDIA_CHUNK = 4 * CHUNK
MAX_ENTRIES = 100_000
MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024
#: Size of the three end records (ZIP64 EOCD record, its locator, EOCD).
END_SIZE = 56 + 20 + 22

_VERSION = 45
_FLAGS = 0x0800
_DOS_TIME = 0
_DOS_DATE = 0x0021
_FF32 = 0xFFFFFFFF
_NAME_RE = re.compile(r"[A-Za-z0-9._/-]{1,200}")


def local_header(name: bytes, crc: int, size: int) -> bytes:
    """The local file header of an entry, including its ZIP64 extra field (§1.2)."""
    return (
        struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            _VERSION,
            _FLAGS,
            0,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            _FF32,
            _FF32,
            len(name),
            20,
        )
        + name
        + struct.pack("<HHQQ", 1, 16, size, size)
    )


def central_header(name: bytes, crc: int, size: int, offset: int) -> bytes:
    """The central directory header of an entry (§1.3)."""
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            _VERSION,
            _VERSION,
            _FLAGS,
            0,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            _FF32,
            _FF32,
            len(name),
            28,
            0,
            0,
            0,
            0,
            _FF32,
        )
        + name
        + struct.pack("<HHQQQ", 1, 24, size, size, offset)
    )


def end_records(count: int, cd_size: int, cd_offset: int) -> bytes:
    """The ZIP64 end record, its locator and the classic end record (§1.4)."""
    z64_offset = cd_offset + cd_size
    return (
        struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, _VERSION, _VERSION, 0, 0, count, count, cd_size, cd_offset)
        + struct.pack("<IIQI", 0x07064B50, 0, z64_offset, 1)
        + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, _FF32, _FF32, 0)
    )


def local_header_size(name: str) -> int:
    return 30 + len(name.encode("ascii")) + 20


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a container: where its data lies and what its headers declare."""

    name: str
    crc32: int
    size: int
    offset: int  # of the local header

    @property
    def data_offset(self) -> int:
        return self.offset + local_header_size(self.name)


def _check_name(name: str) -> bytes:
    if not _NAME_RE.fullmatch(name) or ".." in name.split("/") or name.startswith("/") or name.endswith("/"):
        raise ValueError(f"entry name not allowed: {name!r}")
    return name.encode("ascii")


class ContainerWriter:
    """Writes entries one after the other, then the central directory; the file is complete only after
    ``close()``. ``add_stream`` patches the CRC into the local header once the data has streamed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._f: BinaryIO = path.open("wb")
        self._entries: list[Entry] = []
        self._names: set[str] = set()
        self._pos = 0

    def add_bytes(self, name: str, data: bytes) -> Entry:
        raw = _check_name(name)
        self._claim(name)
        crc = zlib.crc32(data)
        entry = Entry(name, crc, len(data), self._pos)
        self._f.write(local_header(raw, crc, len(data)))
        self._f.write(data)
        self._pos += len(raw) + 50 + len(data)
        self._entries.append(entry)
        return entry

    def add_stream(self, name: str, size: int, chunks: Iterator[bytes], crc_of: Callable[[], int]) -> Entry:
        """Write ``size`` bytes from ``chunks``; ``crc_of()`` gives their CRC-32 once they are all out.

        The caller computes the CRC (and the SHA-256) itself, so it can run them in parallel.
        """
        raw = _check_name(name)
        self._claim(name)
        start = self._pos
        self._f.write(local_header(raw, 0, size))
        written = 0
        for block in chunks:
            self._f.write(block)
            written += len(block)
        if written != size:
            raise DomainError("file_changed", name=name, size=size, written=written)
        crc = crc_of()
        end = self._f.tell()
        self._f.seek(start + 14)
        self._f.write(struct.pack("<I", crc))
        self._f.seek(end)
        self._pos += len(raw) + 50 + size
        entry = Entry(name, crc, size, start)
        self._entries.append(entry)
        return entry

    def _claim(self, name: str) -> None:
        if name in self._names:
            raise ValueError(f"duplicate entry {name!r}")
        self._names.add(name)

    def close(self) -> list[Entry]:
        cd = b"".join(
            central_header(e.name.encode("ascii"), e.crc32, e.size, e.offset) for e in self._entries
        )
        self._f.write(cd)
        self._f.write(end_records(len(self._entries), len(cd), self._pos))
        self._f.flush()
        os.fsync(self._f.fileno())
        self._f.close()
        return list(self._entries)

    def abort(self) -> None:
        """Close and delete a half-written file (cancel, error)."""
        self._f.close()
        self.path.unlink(missing_ok=True)


class ContainerError(Exception):
    """The file breaks the container rules; ``problem`` says where (a key of
    ``app.glossary.bundles.CONTAINER`` and its params), said in the reader's language."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.problem = Phrase(CONTAINER, key, params)
        super().__init__(key)

    @property
    def reason(self) -> str:
        """The problem in a sentence, in the current language."""
        return self.problem.text()

    def __str__(self) -> str:
        return self.reason


class ContainerReader:
    """Opens a container and checks every structural byte before handing out any entry (§1.5)."""

    def __init__(self, source: Path | BinaryIO, name_ok: Callable[[str], bool]) -> None:
        """``source`` is a path (opened here) or an open binary stream (e.g. bytes already in memory)."""
        if isinstance(source, Path):
            try:
                self._f: BinaryIO = source.open("rb")
            except OSError as exc:
                raise ContainerError("unreadable", error=exc.strerror or str(exc)) from exc
        else:
            self._f = source
        try:
            self.entries = self._read_directory(name_ok)
        except BaseException:
            self._f.close()
            raise
        self.by_name = {e.name: e for e in self.entries}

    def __enter__(self) -> ContainerReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._f.close()

    def _read_at(self, offset: int, size: int) -> bytes:
        self._f.seek(offset)
        data = self._f.read(size)
        if len(data) != size:
            raise ContainerError("short_read")
        return data

    def _read_directory(self, name_ok: Callable[[str], bool]) -> list[Entry]:
        size = self._f.seek(0, os.SEEK_END)
        if size < END_SIZE:
            raise ContainerError("too_short")
        tail = self._read_at(size - END_SIZE, END_SIZE)
        try:
            (sig, _rest, _m, _n, _d1, _d2, count, count2, cd_size, cd_offset) = struct.unpack(
                "<IQHHIIQQQQ", tail[:56]
            )
        except struct.error as exc:  # pragma: no cover - tail is always 98 bytes here
            raise ContainerError("end_unreadable") from exc
        if sig != 0x06064B50 or count != count2:
            raise ContainerError("end_not_leitai")
        if count > MAX_ENTRIES or cd_size > MAX_CENTRAL_DIRECTORY:
            raise ContainerError("too_many_entries")
        if cd_offset + cd_size != size - END_SIZE or tail != end_records(count, cd_size, cd_offset):
            raise ContainerError("end_size")
        cd = self._read_at(cd_offset, cd_size)
        entries: list[Entry] = []
        names: set[str] = set()
        pos = 0
        expected_offset = 0
        for _ in range(count):
            if pos + 46 > len(cd):
                raise ContainerError("directory_incomplete")
            n = struct.unpack_from("<H", cd, pos + 28)[0]
            head_len = 46 + n + 28
            if pos + head_len > len(cd):
                raise ContainerError("directory_incomplete")
            raw_name = cd[pos + 46 : pos + 46 + n]
            try:
                name = raw_name.decode("ascii")
                _check_name(name)
            except (UnicodeDecodeError, ValueError) as exc:
                raise ContainerError("bad_name", name=repr(raw_name)) from exc
            if not name_ok(name) or name in names:
                raise ContainerError("name_not_allowed", name=name)
            crc = struct.unpack_from("<I", cd, pos + 16)[0]
            data_size = struct.unpack_from("<Q", cd, pos + 46 + n + 4)[0]
            entry = Entry(name, crc, data_size, expected_offset)
            if cd[pos : pos + head_len] != central_header(raw_name, crc, data_size, expected_offset):
                raise ContainerError("bad_record", name=name)
            expected_offset = entry.data_offset + data_size
            if expected_offset > cd_offset:
                raise ContainerError("beyond_file", name=name)
            names.add(name)
            entries.append(entry)
            pos += head_len
        if pos != len(cd) or expected_offset != cd_offset:
            raise ContainerError("gap")
        for e in entries:
            raw = e.name.encode("ascii")
            if self._read_at(e.offset, local_header_size(e.name)) != local_header(raw, e.crc32, e.size):
                raise ContainerError("local_mismatch", name=e.name)
        return entries

    def read_small(self, entry: Entry, limit: int) -> bytes:
        """The whole data of a small entry (JSON, signature), with its CRC-32 checked."""
        if entry.size > limit:
            raise ContainerError("entry_too_large", name=entry.name, size=entry.size, limit=limit)
        data = self._read_at(entry.data_offset, entry.size)
        if zlib.crc32(data) != entry.crc32:
            raise ContainerError("crc", name=entry.name)
        return data

    def iter_data(self, entry: Entry, chunk: int = CHUNK) -> Iterator[bytes]:
        """Stream an entry's data, exactly its declared size, in chunks."""
        pos = entry.data_offset
        left = entry.size
        while left:
            self._f.seek(pos)  # another read may have moved the file position in between
            block = self._f.read(min(chunk, left))
            if not block:
                raise ContainerError("entry_cut", name=entry.name)
            left -= len(block)
            pos += len(block)
            yield block
