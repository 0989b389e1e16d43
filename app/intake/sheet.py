# SPDX-License-Identifier: Apache-2.0
"""The one safe reader of every spreadsheet the app reads (cases, judge rosters, public votes).

``read_table(path)`` gives a sheet's header row and data rows, every cell as text, within limits a
hostile file cannot pass: the file's size, the number of rows and columns, the archive an ``.xlsx``
is (zip-bomb checks, no DTD or entity in its XML, parsed by openpyxl through defusedxml), and only a
regular file is opened (a FIFO would block for ever). Control characters (a NUL, a bell, a bidi
override) are removed from every cell, and each cell that lost one is named so the caller can report
it. Any fault of the file is one ``DomainError`` (``sheet_unreadable`` and friends), never a traceback.

CSV is read as Excel and WPS write it (RFC 4180: a quoted cell may hold the separator, a line break
or a doubled quote): only the separator is guessed (comma, semicolon or tab), never the quoting —
``csv.Sniffer`` guesses ``doublequote=False`` for a sheet whose titles hold ``""`` and shifts every
column after it. Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"),
else GB18030 (what a Chinese Windows saves as "CSV").
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.errors import DomainError
from app.intake.archive import check_zip_bomb
from app.intake.findings import human_bytes

#: A sheet of 3,000 rows is well under 5 MB; anything far larger is not a sheet of ours.
MAX_SHEET_BYTES = 64 * 1024 * 1024
#: Rows beyond this are refused rather than read (the whole competition has a few thousand cases).
MAX_ROWS = 100_000
#: Cells beyond this in one row are refused (our sheets have a dozen columns).
MAX_COLUMNS = 1_000
#: The file types every sheet may be: Excel's workbook and comma/semicolon/tab separated text.
SHEET_TYPES: tuple[str, ...] = (".xlsx", ".csv", ".txt")
#: Separators a CSV may use: Excel writes ";" where the decimal mark is a comma, "\t" for .txt.
DELIMITERS = ",;\t"
#: How many records the separator guess looks at.
_SNIFF_RECORDS = 50
#: Characters removed from every cell: C0 and C1 controls except tab, line feed and carriage return
#: (a cell may hold line breaks), DEL, the byte-order mark, and the bidi overrides that make text
#: display in another order than it is stored.
_CONTROL = frozenset(
    [chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\ufeff", *(chr(c) for c in range(0x202A, 0x202F)), *(chr(c) for c in range(0x2066, 0x206A))]
)
_STRIP = str.maketrans(dict.fromkeys(_CONTROL))


@dataclass(frozen=True, slots=True)
class TableRow:
    """One non-empty row: its number as a spreadsheet shows it, its cells as text, and the indexes of
    the cells that held control characters (removed)."""

    number: int
    cells: tuple[str, ...]
    cleaned: frozenset[int] = frozenset()

    def cell(self, index: int | None) -> str:
        """The cell at ``index`` ("" when the row is shorter, or for None)."""
        return self.cells[index] if index is not None and index < len(self.cells) else ""


@dataclass(frozen=True, slots=True)
class Table:
    """A read sheet: the header row (the first non-empty one, or the first the caller recognised) and
    the non-empty rows below it."""

    path: Path
    header: TableRow
    rows: tuple[TableRow, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.header.cells)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character this reader removes."""
    return any(ch in _CONTROL for ch in text)


def strip_controls(text: str) -> str:
    """``text`` without the control characters this reader removes."""
    return text.translate(_STRIP)


def refuse_irregular(path: Path, mode: int) -> None:
    """DomainError ``sheet_not_a_file`` unless ``mode`` (of ``path``) is a regular file's."""
    if not stat.S_ISREG(mode):
        raise DomainError("sheet_not_a_file", path=str(path))


def read_table(
    path: Path,
    *,
    is_header: Callable[[tuple[str, ...]], bool] | None = None,
    header_within: int = 10,
) -> Table:
    """Read a ``.xlsx``, ``.csv`` or ``.txt`` sheet (the first worksheet of a workbook).

    The header is the first non-empty row, or with ``is_header`` the first of the first
    ``header_within`` non-empty rows it accepts (a roster may have a title row above its header).
    Raises DomainError: ``sheet_unreadable``, ``sheet_not_a_file``, ``sheet_too_large``,
    ``sheet_format``, ``sheet_encoding``, ``sheet_empty``, ``sheet_no_header``.
    """
    path = Path(path)
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=reason) from None
    refuse_irregular(path, info.st_mode)
    if info.st_size > MAX_SHEET_BYTES:
        raise DomainError(
            "sheet_too_large",
            name=path.name,
            size=human_bytes(info.st_size),
            max=human_bytes(MAX_SHEET_BYTES),
        )
    suffix = path.suffix.lower()
    if suffix not in SHEET_TYPES:
        raise DomainError("sheet_format", suffix=path.suffix or path.name)
    raw = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)
    rows = _clean_rows(raw, path)
    for index, row in enumerate(rows[:header_within] if is_header else rows[:1]):
        if is_header is None or is_header(tuple(c.strip() for c in row.cells)):
            return Table(path, row, tuple(rows[index + 1 :]))
    if not rows:
        raise DomainError("sheet_empty", name=path.name, path=str(path))
    raise DomainError("sheet_no_header", name=path.name, rows=header_within, path=str(path))


def _clean_rows(raw: Iterable[tuple[int, Sequence[str]]], path: Path) -> list[TableRow]:
    """Non-empty rows, trailing empty cells dropped, control characters removed; the row limits."""
    rows: list[TableRow] = []
    for number, cells in raw:
        end = len(cells)
        while end and not cells[end - 1].strip():
            end -= 1
        if not end:
            continue
        if end > MAX_COLUMNS:
            raise DomainError("sheet_too_many_columns", name=path.name, row=number, max=MAX_COLUMNS)
        kept = cells[:end]
        cleaned = frozenset(i for i, c in enumerate(kept) if has_controls(c))
        text = tuple(strip_controls(c) if i in cleaned else c for i, c in enumerate(kept))
        if not any(c.strip() for c in text) and not cleaned:
            continue
        rows.append(TableRow(number, text, cleaned))
        if len(rows) > MAX_ROWS:
            raise DomainError("sheet_too_many_rows", name=path.name, limit=MAX_ROWS)
    return rows


# --- CSV ---------------------------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> str:
    """The text of a CSV file as Excel, WPS or Numbers saved it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        # Excel writes "CSV UTF-8" with a BOM; a Chinese Windows "CSV" is GB18030 (a superset of GBK).
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError("sheet_encoding", name=name)


def guess_delimiter(text: str) -> str:
    """The separator of a CSV: the one that splits most records into the same number of cells.

    Each candidate parses the first records with Excel's quoting; the winner has the most records
    sharing one cell count above one (ties: more cells, then the order of ``DELIMITERS``).
    """
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        counts: Counter[int] = Counter()
        reader = csv.reader(io.StringIO(text[: 256 * 1024], newline=""), delimiter=delimiter, strict=False)
        try:
            for i, record in enumerate(reader):
                if i >= _SNIFF_RECORDS:
                    break
                if len(record) > 1:
                    counts[len(record)] += 1
        except csv.Error:
            pass
        if counts:
            width, seen = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            if (seen, width) > best_score:
                best, best_score = delimiter, (seen, width)
    return best


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            "sheet_unreadable", name=path.name, path=str(path), reason=exc.strerror or str(exc)
        ) from None
    text = decode_text(data, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=guess_delimiter(text))
    try:
        return [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=str(exc)) from None


# --- xlsx --------------------------------------------------------------------------------------------


def _refuse_dtd(path: Path) -> None:
    """An .xlsx never declares a DTD; one that does is an entity-expansion attack (billion laughs)."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with zf.open(info) as part:
                    head = part.read(4096)
                for marker in ("<!DOCTYPE", "<!ENTITY"):
                    if any(marker.encode(enc) in head for enc in ("utf-8", "utf-16-le", "utf-16-be")):
                        raise DomainError("sheet_entities", name=path.name, path=str(path))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=str(exc)) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    check_zip_bomb(path)  # an .xlsx is a zip, and openpyxl would inflate whatever it declares
    _refuse_dtd(path)
    import openpyxl  # loaded on the first workbook read: it is not needed to start the app

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, ParseError…) for a damaged file
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=_short(exc)) from None
    try:
        sheet = book.worksheets[0]
        # A lying <dimension> (A1:XFD1048576) would make read-only mode pad every row to 16,384 cells.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if len(values) > MAX_COLUMNS and any(v is not None for v in values[MAX_COLUMNS:]):
                raise DomainError("sheet_too_many_columns", name=path.name, row=number, max=MAX_COLUMNS)
            yield number, [_xlsx_text(v) for v in values[:MAX_COLUMNS]]
    except DomainError:
        raise
    except Exception as exc:  # the sheet's XML cut in half, an entity defusedxml forbids
        raise DomainError("sheet_unreadable", name=path.name, path=str(path), reason=_short(exc)) from None
    finally:
        book.close()


def _short(exc: Exception) -> str:
    """An exception as one short line (a parser's message may be long or span lines)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
