# SPDX-License-Identifier: Apache-2.0
"""Zip archives read safely: a submission ``.zip`` and every ``.xlsx`` (which is a zip too).

Before anything is inflated the archive's declared sizes are bounded three ways: no single entry
inflating far beyond its stored size once it is large, the archive as a whole not inflating far beyond
its stored size (200 entries of 8 MiB of zeros each pass the first test and together make 1.6 GB from
a 1.9 MB zip), and an absolute budget (and the free disk space). While unpacking, an entry that
inflates beyond what it declares is stopped at once, so the declared total bounds what is written.
An entry whose name would land outside the destination (``../``, an absolute path, a drive letter, a
symlink, a NUL) is refused and reported, and the rest goes on.
"""

from __future__ import annotations

import errno
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from app.errors import DomainError
from app.intake.findings import SourceProblem, human_bytes

#: An entry inflating more than this many times its stored size, once large, is a bomb: real PDFs and
#: videos barely compress (about 1:1 to 3:1), and a sheet is small.
BOMB_RATIO = 100
#: Entries smaller than this are never called a bomb, whatever their ratio (a text file of spaces).
BOMB_MIN_BYTES = 8 * 1024 * 1024
#: The whole archive may inflate at most this many times its stored size, once its total passes
#: ``ARCHIVE_MIN_BYTES``: a submission is mostly PDFs and MP4s (already compressed), and even slides
#: exported without compression stay near 10:1.
ARCHIVE_RATIO = 20
ARCHIVE_MIN_BYTES = 256 * 1024 * 1024
#: More entries than any submission of a few thousand cases could have.
MAX_ENTRIES = 200_000
#: The absolute budget of a submission archive (3,000 cases × (30 MB + 700 MB) is about 2.1 TB; a
#: real archive holds a fraction of that). The free disk space bounds it further when unpacking.
MAX_TOTAL_BYTES = 4 * 1024**4
#: A spreadsheet (.xlsx is a zip) never holds more than this uncompressed.
MAX_XLSX_BYTES = 512 * 1024 * 1024
CHUNK = 1024 * 1024
#: Errors unpacking one entry that are that entry's fault (a name too long for this disk, a file where
#: a folder must go): the entry is refused, the rest goes on.
_ENTRY_ERRNOS = frozenset(
    {errno.ENAMETOOLONG, errno.EISDIR, errno.ENOTDIR, errno.EEXIST, errno.EINVAL, errno.EILSEQ}
)


def entry_problem(info: zipfile.ZipInfo) -> str:
    """Why an entry may not be unpacked, a key of ``app.glossary.findings.WHY`` ("" when it may)."""
    name = info.filename.replace("\\", "/")
    pure = PurePosixPath(name)
    if "\x00" in name or pure.is_absolute() or (len(name) > 1 and name[1] == ":") or ".." in pure.parts:
        return "entry_outside"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "entry_symlink"
    if info.flag_bits & 0x1:
        return "entry_encrypted"
    return ""


def check_entries(infos: list[zipfile.ZipInfo], origin: Path, max_total: int) -> int:
    """Refuse (DomainError ``zip_bomb``) a set of entries that would inflate absurdly; returns the
    declared total."""
    if len(infos) > MAX_ENTRIES:
        raise DomainError("zip_too_many_entries", name=origin.name, count=len(infos))
    total = 0
    stored = 0
    for info in infos:
        total += info.file_size
        stored += info.compress_size
        if info.file_size > BOMB_MIN_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise DomainError(
                "zip_bomb",
                name=origin.name,
                entry=info.filename,
                size=human_bytes(info.file_size),
                compressed=human_bytes(info.compress_size),
            )
    if total > ARCHIVE_MIN_BYTES and total > ARCHIVE_RATIO * max(stored, 1):
        raise DomainError(
            "zip_bomb_archive",
            name=origin.name,
            entries=len(infos),
            total=human_bytes(total),
            stored=human_bytes(stored),
        )
    if total > max_total:
        raise DomainError(
            "zip_too_large", name=origin.name, total=human_bytes(total), limit=human_bytes(max_total)
        )
    return total


def check_zip_bomb(path: Path, max_total: int = MAX_XLSX_BYTES) -> None:
    """Refuse an archive (a .zip, or an .xlsx, which is one) whose entries would inflate absurdly."""
    try:
        with zipfile.ZipFile(path) as zf:
            check_entries(zf.infolist(), path, max_total)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=str(exc)) from None


def open_zip(src: Path) -> zipfile.ZipFile:
    """The archive at ``src``, or DomainError ``source_unreadable``."""
    try:
        return zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DomainError("source_unreadable", name=src.name, reason=str(exc), path=str(src)) from None


def extract_zip(
    src: Path, dest: Path, max_total: int = MAX_TOTAL_BYTES
) -> tuple[list[SourceProblem], dict[str, tuple[str, str]]]:
    """Unpack ``src`` into ``dest`` safely; returns (problems, refused entry → (why, the unpacker's words)).

    Raises DomainError ``zip_bomb`` for an archive that would inflate beyond any real submission (by
    declared sizes before anything is written, and by the bytes actually inflated while unpacking).
    """
    problems: list[SourceProblem] = []
    refused: dict[str, tuple[str, str]] = {}
    with open_zip(src) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = check_entries(infos, src, max_total)
        free = shutil.disk_usage(dest).free
        if total > free:
            raise DomainError("disk_full", name=src.name, needed=human_bytes(total), free=human_bytes(free))
        seen: set[str] = set()
        root = dest.resolve()
        for info in infos:
            name = info.filename.replace("\\", "/")
            reason = entry_problem(info)
            clean = str(PurePosixPath(*[p for p in PurePosixPath(name).parts if p not in ("", ".")]))
            if not reason and clean.casefold() in seen:
                reason = "entry_duplicate"
            if not reason and not (dest / clean).resolve().is_relative_to(root):
                reason = "entry_outside"
            if reason:
                refused[clean] = (reason, "")
                problems.append(SourceProblem("zip_entry_refused", {"entry": name, "why": reason}))
                continue
            seen.add(clean.casefold())
            target = (dest / clean).resolve()
            problem = _unpack(zf, info, target, src)
            if problem:
                why = "entry_corrupt" if problem.code == "zip_entry_corrupt" else "entry_unpack"
                refused[clean] = (why, problem.detail["error"])
                problems.append(problem)
    return problems, refused


def _unpack(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, src: Path) -> SourceProblem | None:
    """Unpack one entry; a damaged or unwritable entry is that entry's problem (None when unpacked)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_entry(zf, info, target, src)
    except zipfile.BadZipFile as exc:
        target.unlink(missing_ok=True)
        entry = info.filename.replace("\\", "/")
        return SourceProblem("zip_entry_corrupt", {"entry": entry, "error": str(exc)})
    except OSError as exc:
        if exc.errno not in _ENTRY_ERRNOS:  # a full or read-only disk is no entry's fault: stop
            raise
        if target.is_file():
            target.unlink(missing_ok=True)
        entry = info.filename.replace("\\", "/")
        error = exc.strerror or str(exc)
        return SourceProblem("zip_entry_refused", {"entry": entry, "reason": "unpack", "error": error})
    return None


def copy_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, src: Path) -> None:
    """Stream one entry to ``target``, stopping the moment it inflates beyond its declared size."""
    written = 0
    with zf.open(info) as entry, target.open("wb") as out:
        while block := entry.read(CHUNK):
            written += len(block)
            if written > info.file_size:  # inflates beyond what it declares: a lying header
                raise DomainError("zip_entry_overflow", name=src.name, entry=info.filename)
            out.write(block)
