# SPDX-License-Identifier: Apache-2.0
"""The one way the app writes an .xlsx: every text cell stays text, so nothing a hospital typed runs.

A hospital name such as ``=cmd|' /C calc'!A0`` or a title ``=HYPERLINK("http://…")`` would become a live
formula if handed to openpyxl as a plain string (it treats a leading ``=`` as a formula). Here each
``str`` is stored as a string cell, and one that a spreadsheet could take for a formula or command when
re-typed (a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) also gets Excel's quote prefix, so
editing the cell later keeps it text. Numbers, dates and booleans stay typed. Every export — screening
rejections, results, access codes — builds :class:`Sheet` objects and calls :func:`write_workbook`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import DomainError

#: First characters that make a spreadsheet read a cell as a formula or a command (OWASP CSV injection).
RISKY_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: A cell value as exports hand it over.
CellValue = str | int | float | bool | date | datetime | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: a bold, frozen header row, then the rows; ``widths`` in characters per column,
    ``wrap`` the columns (0-based) whose long text wraps."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[CellValue]]
    widths: Sequence[float] = field(default=())
    wrap: frozenset[int] = field(default=frozenset())


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write ``sheets`` to ``path`` (replacing it); a path that cannot be written raises ``export_failed``."""
    import openpyxl  # loaded on the first export: it is not needed to start the app
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(_sheet_title(spec.title))
        for col, text in enumerate(spec.header, start=1):
            _put(sheet.cell(row=1, column=col), text).font = Font(bold=True)
        for r, row in enumerate(spec.rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = _put(sheet.cell(row=r, column=col), value)
                if col - 1 in spec.wrap:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for col, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "A2"
    if not sheets:
        book.create_sheet("Sheet1")
    path = Path(path)
    try:
        book.save(path)
    except OSError as exc:
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or str(exc)) from None
    return path


def _put(cell: Any, value: CellValue) -> Any:
    """Store ``value`` in ``cell``; a string always as a string cell, never as a formula."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl guessed "f" for a leading "=": undo that guess
        if value.startswith(RISKY_PREFIXES):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def _sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Sheet"
    return cleaned[:31]
