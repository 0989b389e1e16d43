# SPDX-License-Identifier: Apache-2.0
"""Where submissions come from: a folder, or a ``.zip`` of one, read safely.

A zip is unpacked into a private temporary folder by ``app.intake.archive`` (bounded against zip bombs,
escaping names refused and reported). A file a sheet names is found only inside the source's folder and
only when it is a regular file: a FIFO, a device or a folder under that name would hang or mislead
whatever reads it, so it is refused before anything opens it, as is a name the system cannot look up
(too long, a control character). Leftovers of a killed run are removed on the next one.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from app.errors import DomainError
from app.intake.archive import (
    MAX_XLSX_BYTES,
    check_entries,
    copy_entry,
    entry_problem,
    extract_zip,
    open_zip,
)
from app.intake.columns import count_rows, guess_mapping, missing_columns, read_headers
from app.intake.findings import SourceProblem
from app.intake.leftovers import sweep_temp, temp_prefix

#: Names the submission sheet may have, in order of preference.
SHEET_NAMES: tuple[str, ...] = ("cases.xlsx", "cases.csv")
SHEET_SUFFIXES: tuple[str, ...] = (".xlsx", ".csv")


@dataclass(frozen=True, slots=True)
class Located:
    """A sheet's relative file path, resolved: ``path`` when found, else ``reason`` why not."""

    path: Path | None
    #: "not_given", "outside", "refused", "not_found", "not_a_file" (a folder, FIFO or device),
    #: "unreadable" (the system cannot look the name up), "invalid" (control characters in the name)
    reason: str = ""
    #: the cause, a key of ``app.glossary.findings.WHY`` ("os_error": the system's own words in ``note``)
    why: str = ""
    note: str = ""  #: the system's or the unpacker's own words, when it gave any
    size: int = 0  #: the file's size when found (looked up once, before anything opens it)


@dataclass
class Source:
    """An opened source: the folder that holds the sheet, and what went wrong opening it."""

    origin: Path
    root: Path
    sheet: Path
    problems: list[SourceProblem] = field(default_factory=list)
    #: zip entry → why it was not unpacked: (a key of ``app.glossary.findings.WHY``, the unpacker's words)
    refused: dict[str, tuple[str, str]] = field(default_factory=dict)
    _index: dict[str, Path] | None = None

    def locate(self, relative: str) -> Located:
        """The file a sheet cell names, relative to the sheet's folder; never a path outside it."""
        text = relative.strip().replace("\\", "/")
        if not text:
            return Located(None, "not_given")
        if any(ord(ch) < 32 or ch == "\x7f" for ch in text):
            return Located(None, "invalid", "control_chars")
        pure = PurePosixPath(text)
        if pure.is_absolute() or (len(text) > 1 and text[1] == ":") or ".." in pure.parts:
            return Located(None, "outside", "path_outside")
        clean = str(PurePosixPath(*[p for p in pure.parts if p not in ("", ".")]))
        if clean in self.refused:
            why, note = self.refused[clean]
            return Located(None, "refused", why, note)
        candidate = self.root / clean
        try:
            candidate.lstat()
        except OSError as exc:
            if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
                return os_error(exc)
        else:
            return self._checked(candidate)
        # Sheets made on Windows often differ from the files in letter case only.
        found = self._case_index().get(clean.casefold())
        if found is not None:
            return self._checked(found)
        return Located(None, "not_found")

    def _checked(self, path: Path) -> Located:
        """``path`` if it is a regular file inside the source's folder, else why not."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:  # a symlink in a folder source pointing elsewhere
            return Located(None, "outside", "link_outside")
        except OSError as exc:  # a symlink loop
            return os_error(exc)
        try:
            info = path.stat()
        except OSError as exc:
            return os_error(exc)
        if stat.S_ISDIR(info.st_mode):
            return Located(None, "not_a_file", "folder")
        if not stat.S_ISREG(info.st_mode):
            return Located(None, "not_a_file", "not_regular")
        return Located(path, size=info.st_size)

    def _case_index(self) -> dict[str, Path]:
        if self._index is None:
            self._index = {}
            for dirpath, _dirs, files in os.walk(self.root):
                for name in files:
                    path = Path(dirpath) / name
                    self._index.setdefault(path.relative_to(self.root).as_posix().casefold(), path)
        return self._index


def os_error(exc: BaseException) -> Located:
    """A name the system could not look up (too long, a loop of links…), in the system's own words."""
    return Located(None, "unreadable", "os_error", getattr(exc, "strerror", None) or str(exc))


@contextmanager
def open_source(src: Path) -> Iterator[Source]:
    """Open a folder, a ``.zip`` of one, or a sheet file directly; a zip is unpacked for the duration.

    Raises DomainError ``source_unreadable`` (missing, not a regular file or folder, not a zip, no
    sheet) or ``zip_bomb``. Temporary folders left by a killed run are removed first.
    """
    src = Path(src)
    sweep_temp()
    try:
        mode = src.stat().st_mode
    except (OSError, ValueError):
        raise DomainError("source_missing", path=str(src)) from None
    if stat.S_ISDIR(mode):
        root, sheet = _find_sheet(src, src)
        yield Source(src, root, sheet)
        return
    if not stat.S_ISREG(mode):  # a FIFO would hang the zip check below
        raise DomainError("source_not_a_file", path=str(src))
    if src.suffix.lower() in SHEET_SUFFIXES and (
        src.suffix.lower() == ".xlsx" or not zipfile.is_zipfile(src)
    ):
        yield Source(src, src.parent, src)
        return
    if not zipfile.is_zipfile(src):
        raise DomainError("source_kind", name=src.name, path=str(src))
    with tempfile.TemporaryDirectory(prefix=temp_prefix("leitai-intake-")) as tmp:
        dest = Path(tmp)
        problems, refused = extract_zip(src, dest)
        root, sheet = _find_sheet(dest, src)
        if root != dest:
            prefix = root.relative_to(dest).as_posix() + "/"
            refused = {k[len(prefix) :]: v for k, v in refused.items() if k.startswith(prefix)}
        yield Source(src, root, sheet, problems, refused)


def open_regular(path: Path) -> BinaryIO:
    """Open a file of the source for reading, refusing (OSError) anything but a regular file.

    ``Source.locate`` already refused FIFOs and devices; this closes the gap of one swapped in since:
    the open never blocks (O_NONBLOCK, where the system has it) and the opened file is checked.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
    src = Path(src)
    if _regular(src) and src.suffix.lower() != ".xlsx" and zipfile.is_zipfile(src):
        with tempfile.TemporaryDirectory(prefix=temp_prefix("leitai-preview-")) as tmp:
            sheet = _extract_sheet_only(src, Path(tmp))
            headers, rows = read_headers(sheet), count_rows(sheet)
            name = sheet.name
    else:
        with open_source(src) as source:
            headers, rows = read_headers(source.sheet), count_rows(source.sheet)
            name = source.sheet.name
    mapping = guess_mapping(headers)
    return SheetPreview(name, headers, rows, mapping, tuple(c.key for c in missing_columns(mapping)))


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _extract_sheet_only(src: Path, dest: Path) -> Path:
    with open_zip(src) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not entry_problem(i)]
        names = {PurePosixPath(i.filename.replace("\\", "/")): i for i in infos}
        tops = {p.parts[0] for p in names if len(p.parts) > 1 and p.parts[0] != "__MACOSX"}
        roots = [PurePosixPath()] + ([PurePosixPath(next(iter(tops)))] if len(tops) == 1 else [])
        for root in roots:
            here = [p for p in names if p.parent == root and p.suffix.lower() in SHEET_SUFFIXES]
            here = [p for p in here if not p.name.startswith(("~$", "."))]
            preferred = [p for n in SHEET_NAMES for p in here if p.name == n]
            if preferred or len(here) == 1:
                info = names[(preferred or here)[0]]
                check_entries([info], src, MAX_XLSX_BYTES)
                target = dest / PurePosixPath(info.filename.replace("\\", "/")).name
                copy_entry(zf, info, target, src)
                return target
    raise DomainError("source_no_sheet", name=src.name, path=str(src))


def _find_sheet(folder: Path, origin: Path) -> tuple[Path, Path]:
    """(root, sheet): the sheet in ``folder`` or in its only subfolder (a zip made of one folder)."""
    for candidate in (folder, *_only_subfolder(folder)):
        for name in SHEET_NAMES:
            if _regular(candidate / name):
                return candidate, candidate / name
        sheets = [p for p in candidate.iterdir() if _regular(p) and p.suffix.lower() in SHEET_SUFFIXES]
        sheets = [p for p in sheets if not p.name.startswith(("~$", "."))]  # Excel's lock files
        if len(sheets) == 1:
            return candidate, sheets[0]
        if len(sheets) > 1:
            raise DomainError("source_ambiguous", name=origin.name, sheets=[p.name for p in sheets])
    raise DomainError("source_no_sheet", name=origin.name, path=str(origin))


def _only_subfolder(folder: Path) -> list[Path]:
    entries = [p for p in folder.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX"]
    return entries if len(entries) == 1 and entries[0].is_dir() else []
