# SPDX-License-Identifier: Apache-2.0
"""The submission sheet (``cases.csv`` / ``cases.xlsx``): columns by Chinese header or English alias.

Columns that the sheet names differently can be mapped by hand (the GUI's mapping step); unknown extra
columns are kept with each row, never refused.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from app.errors import DomainError

#: A sheet of 3,000 rows is well under 5 MB; anything far larger is not a submission sheet.
MAX_SHEET_BYTES = 64 * 1024 * 1024
#: Rows beyond this are refused rather than read (the whole competition has a few thousand cases).
MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class Column:
    """A column the intake understands: its key, its Chinese header, the aliases also accepted."""

    key: str
    header: str
    aliases: tuple[str, ...]
    required: bool

    @property
    def label(self) -> str:
        """How messages name the column: 案例编号 [case_id]."""
        return f"{self.header} [{self.key}]"


#: Every column of the intake format, in the sheet's order (issue #3). ``submitted_at`` is ours: the
#: website's submission time, which starts the screening deadline; without it the import time is used.
COLUMNS: tuple[Column, ...] = (
    Column("case_id", "案例编号", ("case_id", "编号", "案例id", "caseid"), True),
    Column("hospital", "医院名称", ("hospital", "医院", "医院全称", "申报医院", "单位名称"), True),
    Column("province", "省份", ("province", "省", "所在省份", "省份/地区"), True),
    Column("tier", "组别", ("tier", "group"), False),
    Column("category", "类别", ("category", "案例类别"), False),
    Column("theme", "主题", ("theme", "申报主题", "所属主题"), True),
    Column("title", "案例名称", ("title", "案例标题"), True),
    Column("recommendation", "推荐理由", ("recommendation", "书记/院长推荐理由", "推荐语"), False),
    Column("pdf", "PPT文件", ("pdf", "ppt", "pdf文件", "ppt(pdf)", "案例ppt", "slides"), True),
    Column("video", "视频文件", ("video", "视频", "短视频"), False),
    Column("votes", "网络投票", ("votes", "投票数", "网络投票数", "票数"), False),
    Column("submitted_at", "提交时间", ("submitted_at", "提交日期", "申报时间"), False),
)
COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}


def header_key(text: str) -> str:
    """Fold a header for matching: NFKC, no spaces or underscores-vs-spaces differences, case-folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace())


_HEADER_INDEX: dict[str, str] = {}
for _col in COLUMNS:
    for _name in (_col.header, _col.key, *_col.aliases):
        _HEADER_INDEX.setdefault(header_key(_name), _col.key)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row: its number as a spreadsheet shows it, the mapped values and the extra columns."""

    number: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@dataclass(frozen=True, slots=True)
class Sheet:
    """A read sheet: where it came from, its headers, the column mapping used and its rows."""

    path: Path
    headers: tuple[str, ...]
    mapping: dict[str, str]  #: column key → header as written in the sheet
    rows: tuple[SheetRow, ...]


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Column key → header for every header that names a known column (by Chinese header or alias)."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = _HEADER_INDEX.get(header_key(header))
        if key is not None and key not in mapping:
            mapping[key] = header
    return mapping


def missing_columns(mapping: Mapping[str, str]) -> list[Column]:
    """Required columns the mapping does not cover."""
    return [c for c in COLUMNS if c.required and not mapping.get(c.key)]


def read_headers(path: Path) -> tuple[str, ...]:
    """Just the header row of a sheet, for the GUI's column-mapping step."""
    return _read_table(path)[0]


def count_rows(path: Path) -> int:
    """How many non-empty data rows a sheet has."""
    return len(_read_table(path)[1])


def read_sheet(path: Path, mapping: Mapping[str, str] | None = None) -> Sheet:
    """Read a csv or xlsx sheet; without ``mapping`` the columns are recognised by their headers.

    Raises DomainError ``sheet_columns`` naming the missing columns (and the ones the sheet has), so the
    command line can say what to fix and the GUI can offer the mapping step.
    """
    headers, rows = _read_table(path)
    used = dict(guess_mapping(headers) if mapping is None else mapping)
    unknown = [h for h in used.values() if h and h not in headers]
    if unknown:
        raise DomainError("sheet_mapping", columns=unknown)
    missing = missing_columns(used)
    if missing:
        raise DomainError(
            "sheet_columns",
            name=path.name,
            labels=[c.label for c in missing],
            found=[h for h in headers if h] or ["—"],
            missing=[c.key for c in missing],
            headers=list(headers),
        )
    index = {h: i for i, h in reversed(list(enumerate(headers)))}
    mapped_headers = {h for h in used.values() if h}
    out: list[SheetRow] = []
    for number, cells in rows:
        values = {key: _cell(cells, index[h]) for key, h in used.items() if h}
        extra = {
            h: _cell(cells, i)
            for i, h in enumerate(headers)
            if h and h not in mapped_headers and _cell(cells, i)
        }
        out.append(SheetRow(number, values, extra))
    return Sheet(path, headers, {k: v for k, v in used.items() if v}, tuple(out))


def _cell(cells: Sequence[str], i: int) -> str:
    return cells[i].strip() if i < len(cells) else ""


def _read_table(path: Path) -> tuple[tuple[str, ...], list[tuple[int, list[str]]]]:
    """(headers, [(row number, cells)]) of the first non-empty row and every non-empty row after it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError(
            "sheet_unreadable", path=str(path), name=path.name, reason=exc.strerror or str(exc)
        ) from None
    if size > MAX_SHEET_BYTES:
        raise DomainError("sheet_too_large", name=path.name, size=size)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw_rows = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        raw_rows = _csv_rows(path)
    else:
        raise DomainError("sheet_format", suffix=path.suffix)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in raw_rows:
        if not any(c.strip() for c in cells):
            continue
        if headers is None:
            headers = tuple(c.strip() for c in cells)
            continue
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise DomainError("sheet_too_many_rows", name=path.name, limit=MAX_ROWS)
    if headers is None:
        raise DomainError("sheet_empty", path=str(path), name=path.name)
    return headers, rows


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    data = path.read_bytes()
    text = None
    # Excel writes "CSV UTF-8" with a BOM; a Chinese Windows "CSV" is GB18030 (a superset of GBK).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise DomainError("sheet_encoding", name=path.name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise DomainError("sheet_unreadable", path=str(path), name=path.name, reason=str(exc)) from None


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from app.intake.source import check_zip_bomb

    check_zip_bomb(path)  # an .xlsx is a zip, and openpyxl would inflate whatever it declares
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DomainError("sheet_unreadable", path=str(path), name=path.name, reason=str(exc)) from None
    try:
        sheet = book.worksheets[0]
        return [
            (number, [_xlsx_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()


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
