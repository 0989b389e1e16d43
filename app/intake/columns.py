# SPDX-License-Identifier: Apache-2.0
"""The submission sheet's columns (``cases.csv`` / ``cases.xlsx``): by Chinese header or English alias.

Columns that the sheet names differently can be mapped by hand (the GUI's mapping step); unknown extra
columns are kept with each row, never refused. The file itself is read by ``app.intake.sheet``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import DomainError
from app.intake.sheet import read_table


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
    """One data row: its number as a spreadsheet shows it, the mapped values and the extra columns;
    ``cleaned`` names the columns (key, or header of an extra column) whose text held control
    characters, removed by the reader."""

    number: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)
    cleaned: frozenset[str] = frozenset()

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
    return read_table(path).headers


def count_rows(path: Path) -> int:
    """How many non-empty data rows a sheet has."""
    return len(read_table(path).rows)


def read_sheet(path: Path, mapping: Mapping[str, str] | None = None) -> Sheet:
    """Read a csv or xlsx sheet; without ``mapping`` the columns are recognised by their headers.

    Raises DomainError ``sheet_columns`` naming the missing columns (and the ones the sheet has), so the
    command line can say what to fix and the GUI can offer the mapping step.
    """
    table = read_table(path)
    headers = table.headers
    used = dict(guess_mapping(headers) if mapping is None else mapping)
    unknown = [h for h in used.values() if h and h not in headers]
    if unknown:
        raise DomainError("sheet_mapping", columns="、".join(unknown), unknown=unknown)
    missing = missing_columns(used)
    if missing:
        raise DomainError(
            "sheet_columns",
            name=Path(path).name,
            labels="、".join(c.label for c in missing),
            found="、".join(h for h in headers if h) or "—",
            missing=[c.key for c in missing],
            headers=list(headers),
        )
    index = {h: i for i, h in reversed(list(enumerate(headers)))}
    name_of = {i: h for i, h in enumerate(headers)}
    key_of = {index[h]: key for key, h in used.items() if h}
    mapped_headers = {h for h in used.values() if h}
    out: list[SheetRow] = []
    for row in table.rows:
        values = {key: row.cell(index[h]).strip() for key, h in used.items() if h}
        extra = {
            h: row.cell(i).strip()
            for i, h in enumerate(headers)
            if h and h not in mapped_headers and row.cell(i).strip()
        }
        cleaned = frozenset(key_of.get(i) or name_of.get(i) or f"#{i + 1}" for i in row.cleaned)
        out.append(SheetRow(row.number, values, extra, cleaned))
    return Sheet(Path(path), headers, {k: v for k, v in used.items() if v}, tuple(out))
