# SPDX-License-Identifier: Apache-2.0
"""Where submissions come from: a folder, or a ``.zip`` of one, read safely.

A zip is unpacked into a private temporary folder, entry by entry and streamed: an entry whose name
would land outside that folder (``../``, an absolute path, a drive letter, a symlink) is refused and
reported, and the rest goes on. A zip bomb (an entry that inflates far beyond any real PDF, more bytes
than the archive declares, or more than the disk holds) refuses the whole archive.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from app.errors import DomainError

#: Names the submission sheet may have, in order of preference.
SHEET_NAMES: tuple[str, ...] = ("cases.xlsx", "cases.csv")
SHEET_SUFFIXES: tuple[str, ...] = (".xlsx", ".csv")
#: An entry inflating more than this many times its stored size, once large, is a bomb: real PDFs and
#: videos barely compress (about 1:1 to 3:1), and a sheet is small.
BOMB_RATIO = 100
#: Entries smaller than this are never called a bomb, whatever their ratio (a text file of spaces).
BOMB_MIN_BYTES = 8 * 1024 * 1024
#: More entries than any submission of a few thousand cases could have.
MAX_ENTRIES = 200_000
#: No submission archive inflates beyond this (3,000 cases × (30 MB + 700 MB) is about 2.1 TB; a real
#: archive holds a fraction of that).
MAX_TOTAL_BYTES = 4 * 1024**4
#: A spreadsheet (.xlsx is a zip) never holds more than this uncompressed.
MAX_XLSX_BYTES = 512 * 1024 * 1024
CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Something wrong with the source as a whole (a refused zip entry), not with one case."""

    code: str
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Located:
    """A sheet's relative file path, resolved: ``path`` when found, else ``reason`` why not."""

    path: Path | None
    reason: str = ""  #: "not_given", "outside", "refused", "not_found"
    note: str = ""


@dataclass
class Source:
    """An opened source: the folder that holds the sheet, and what went wrong opening it."""

    origin: Path
    root: Path
    sheet: Path
    problems: list[SourceProblem] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  #: zip entry → why it was not unpacked
    _index: dict[str, Path] | None = None

    def locate(self, relative: str) -> Located:
        """The file a sheet cell names, relative to the sheet's folder; never a path outside it."""
        text = relative.strip().replace("\\", "/")
        if not text:
            return Located(None, "not_given")
        pure = PurePosixPath(text)
        if pure.is_absolute() or (len(text) > 1 and text[1] == ":") or ".." in pure.parts:
            return Located(None, "outside", "路径指向案例文件夹之外")
        clean = str(PurePosixPath(*[p for p in pure.parts if p not in ("", ".")]))
        if clean in self.refused:
            return Located(None, "refused", self.refused[clean])
        candidate = self.root / clean
        if candidate.is_file():
            return self._inside(candidate)
        # Sheets made on Windows often differ from the files in letter case only.
        found = self._case_index().get(clean.casefold())
        if found is not None:
            return self._inside(found)
        return Located(None, "not_found")

    def _inside(self, path: Path) -> Located:
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:  # a symlink in a folder source pointing elsewhere
            return Located(None, "outside", "文件是指向案例文件夹之外的链接")
        return Located(path)

    def _case_index(self) -> dict[str, Path]:
        if self._index is None:
            self._index = {}
            for dirpath, _dirs, files in os.walk(self.root):
                for name in files:
                    path = Path(dirpath) / name
                    self._index.setdefault(path.relative_to(self.root).as_posix().casefold(), path)
        return self._index


@contextmanager
def open_source(src: Path) -> Iterator[Source]:
    """Open a folder, a ``.zip`` of one, or a sheet file directly; a zip is unpacked for the duration.

    Raises DomainError ``source_missing``, ``source_kind`` (not a folder, sheet or zip),
    ``source_unreadable``, ``source_no_sheet``, or ``zip_bomb`` and its kin (``zip_too_large`` …).
    """
    src = Path(src)
    if not src.exists():
        raise DomainError("source_missing", path=str(src))
    if src.is_file() and src.suffix.lower() in SHEET_SUFFIXES and not zipfile.is_zipfile(src):
        yield Source(src, src.parent, src)
        return
    if src.is_file() and src.suffix.lower() == ".xlsx":
        yield Source(src, src.parent, src)
        return
    if src.is_dir():
        root, sheet = _find_sheet(src, src)
        yield Source(src, root, sheet)
        return
    if not zipfile.is_zipfile(src):
        raise DomainError("source_kind", path=str(src), name=src.name)
    with tempfile.TemporaryDirectory(prefix="leitai-intake-") as tmp:
        dest = Path(tmp)
        problems, refused = extract_zip(src, dest)
        root, sheet = _find_sheet(dest, src)
        if root != dest:
            prefix = root.relative_to(dest).as_posix() + "/"
            refused = {k[len(prefix) :]: v for k, v in refused.items() if k.startswith(prefix)}
        yield Source(src, root, sheet, problems, refused)


@dataclass(frozen=True, slots=True)
class SheetPreview:
    """What a source's sheet looks like, before anything is unpacked or checked (the wizard's first
    page): its name, headers, number of data rows, the columns recognised and the required ones not."""

    sheet_name: str
    headers: tuple[str, ...]
    rows: int
    mapping: dict[str, str]
    missing: tuple[str, ...]


def preview_source(src: Path) -> SheetPreview:
    """Read only the sheet of a folder or zip (a zip's other entries stay packed)."""
    from app.intake.sheet import count_rows, guess_mapping, missing_columns, read_headers

    src = Path(src)
    if src.is_file() and zipfile.is_zipfile(src) and src.suffix.lower() != ".xlsx":
        with tempfile.TemporaryDirectory(prefix="leitai-preview-") as tmp:
            sheet = _extract_sheet_only(src, Path(tmp))
            headers, rows = read_headers(sheet), count_rows(sheet)
            name = sheet.name
    else:
        with open_source(src) as source:
            headers, rows = read_headers(source.sheet), count_rows(source.sheet)
            name = source.sheet.name
    mapping = guess_mapping(headers)
    return SheetPreview(name, headers, rows, mapping, tuple(c.key for c in missing_columns(mapping)))


def _extract_sheet_only(src: Path, dest: Path) -> Path:
    try:
        zf = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DomainError("source_unreadable", path=str(src), name=src.name, reason=str(exc)) from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not _entry_problem(i)]
        names = {PurePosixPath(i.filename.replace("\\", "/")): i for i in infos}
        tops = {p.parts[0] for p in names if len(p.parts) > 1 and p.parts[0] != "__MACOSX"}
        roots = [PurePosixPath()] + ([PurePosixPath(next(iter(tops)))] if len(tops) == 1 else [])
        for root in roots:
            here = [p for p in names if p.parent == root and p.suffix.lower() in SHEET_SUFFIXES]
            here = [p for p in here if not p.name.startswith(("~$", "."))]
            preferred = [p for n in SHEET_NAMES for p in here if p.name == n]
            if preferred or len(here) == 1:
                info = names[(preferred or here)[0]]
                _bomb_check([info], src, MAX_XLSX_BYTES)
                target = dest / PurePosixPath(info.filename.replace("\\", "/")).name
                _copy_entry(zf, info, target, src)
                return target
    raise DomainError("source_no_sheet", path=str(src), name=src.name)


def _find_sheet(folder: Path, origin: Path) -> tuple[Path, Path]:
    """(root, sheet): the sheet in ``folder`` or in its only subfolder (a zip made of one folder)."""
    for candidate in (folder, *_only_subfolder(folder)):
        for name in SHEET_NAMES:
            if (candidate / name).is_file():
                return candidate, candidate / name
        sheets = [p for p in candidate.iterdir() if p.is_file() and p.suffix.lower() in SHEET_SUFFIXES]
        sheets = [p for p in sheets if not p.name.startswith(("~$", "."))]  # Excel's lock files
        if len(sheets) == 1:
            return candidate, sheets[0]
        if len(sheets) > 1:
            raise DomainError("source_ambiguous", name=origin.name, sheets=[p.name for p in sheets])
    raise DomainError("source_no_sheet", path=str(origin), name=origin.name)


def _only_subfolder(folder: Path) -> list[Path]:
    entries = [p for p in folder.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX"]
    return entries if len(entries) == 1 and entries[0].is_dir() else []


def _entry_problem(info: zipfile.ZipInfo) -> str:
    """Why an entry may not be unpacked ("" when it may)."""
    name = info.filename.replace("\\", "/")
    pure = PurePosixPath(name)
    if "\x00" in name or pure.is_absolute() or (len(name) > 1 and name[1] == ":") or ".." in pure.parts:
        return "条目路径指向文件夹之外"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "条目是符号链接"
    if info.flag_bits & 0x1:
        return "条目已加密"
    return ""


def _bomb_check(infos: list[zipfile.ZipInfo], origin: Path, max_total: int) -> int:
    if len(infos) > MAX_ENTRIES:
        raise DomainError("zip_too_many_entries", name=origin.name, count=len(infos))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > BOMB_MIN_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise DomainError(
                "zip_bomb",
                name=origin.name,
                entry=info.filename,
                size=info.file_size,
                compressed=info.compress_size,
            )
    if total > max_total:
        raise DomainError("zip_too_large", name=origin.name, total=total, limit=max_total)
    return total


def check_zip_bomb(path: Path, max_total: int = MAX_XLSX_BYTES) -> None:
    """Refuse an archive (a .zip, or an .xlsx, which is one) whose entries would inflate absurdly."""
    try:
        with zipfile.ZipFile(path) as zf:
            _bomb_check(zf.infolist(), path, max_total)
    except zipfile.BadZipFile as exc:
        raise DomainError("sheet_unreadable", path=str(path), name=path.name, reason=str(exc)) from None


def extract_zip(
    src: Path, dest: Path, max_total: int = MAX_TOTAL_BYTES
) -> tuple[list[SourceProblem], dict[str, str]]:
    """Unpack ``src`` into ``dest`` safely; returns (problems, refused entry → reason).

    Raises DomainError ``zip_bomb`` for an archive that would inflate beyond any real submission (by
    declared sizes before anything is written, and by the bytes actually inflated while unpacking).
    """
    problems: list[SourceProblem] = []
    refused: dict[str, str] = {}
    try:
        zf = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DomainError("source_unreadable", path=str(src), name=src.name, reason=str(exc)) from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = _bomb_check(infos, src, max_total)
        free = shutil.disk_usage(dest).free
        if total > free:
            raise DomainError("disk_full", path=str(src), name=src.name, needed=total, free=free)
        seen: set[str] = set()
        root = dest.resolve()
        for info in infos:
            name = info.filename.replace("\\", "/")
            reason = _entry_problem(info)
            clean = str(PurePosixPath(*[p for p in PurePosixPath(name).parts if p not in ("", ".")]))
            if not reason and clean.casefold() in seen:
                reason = "条目重复"
            target = (dest / clean).resolve()
            if not reason and not target.is_relative_to(root):
                reason = "条目路径指向文件夹之外"
            if reason:
                refused[clean] = reason
                problems.append(
                    SourceProblem(
                        "zip_entry_refused", f"压缩包条目“{info.filename}”已拒绝：{reason}", {"entry": name}
                    )
                )
                continue
            seen.add(clean.casefold())
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                _copy_entry(zf, info, target, src)
            except zipfile.BadZipFile as exc:
                target.unlink(missing_ok=True)
                refused[clean] = "条目已损坏"
                problems.append(
                    SourceProblem(
                        "zip_entry_corrupt",
                        f"压缩包条目“{info.filename}”已损坏：{exc}",
                        {"entry": name},
                    )
                )
    return problems, refused


def _copy_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, src: Path) -> None:
    written = 0
    with zf.open(info) as entry, target.open("wb") as out:
        while block := entry.read(CHUNK):
            written += len(block)
            if written > info.file_size:  # inflates beyond what it declares: a lying header
                raise DomainError("zip_entry_overflow", name=src.name, entry=info.filename)
            out.write(block)
