# SPDX-License-Identifier: Apache-2.0
"""Enrol judges from a roster sheet (xlsx or csv): name, institution, province, phone, email, themes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.errors import DomainError
from app.glossary import Phrase
from app.glossary.judges import IMPORT_PROBLEMS
from app.intake.sheet import Table, TableRow, read_table
from app.judging.roster import NewJudge, add_judge
from app.models import Judge
from app.seasons.rules import normalise
from app.workspace import Workspace

#: Header spellings (normalised) → field. Chinese first: that is what organizers' sheets use.
HEADERS: dict[str, str] = {
    **dict.fromkeys(["姓名", "专家姓名", "评委姓名", "name"], "name"),
    **dict.fromkeys(
        ["单位", "工作单位", "所在单位", "institution", "organization", "hospital"], "institution"
    ),
    **dict.fromkeys(["省份", "所在省份", "地区", "province"], "province"),
    **dict.fromkeys(["电话", "手机", "手机号", "联系电话", "phone", "mobile"], "phone"),
    **dict.fromkeys(["邮箱", "电子邮箱", "email", "e-mail"], "email"),
    **dict.fromkeys(
        ["擅长主题", "专业主题", "熟悉主题", "主题", "评审主题", "themes", "expertise"], "themes"
    ),
    **dict.fromkeys(["编号", "评委编号", "code", "id"], "code"),
}
_SPLIT = re.compile(r"[,，、;；/|\s]+")
#: The roster's fields in the order the GUI's mapping step lists them; (key, required).
ROSTER_FIELDS: tuple[tuple[str, bool], ...] = (
    ("name", True),
    ("institution", False),
    ("province", False),
    ("phone", False),
    ("email", False),
    ("themes", False),
    ("code", False),
)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A row that was skipped or enrolled with a warning: what (a key of
    ``app.glossary.judges.IMPORT_PROBLEMS`` and its params), said in the reader's language."""

    row: int
    why: Phrase
    skipped: bool

    @property
    def message(self) -> str:
        """The problem in a sentence, in the current language."""
        return self.why.text()


def _problem(row: int, key: str, skipped: bool, **params: Any) -> ImportProblem:
    return ImportProblem(row, Phrase(IMPORT_PROBLEMS, key, params), skipped)


@dataclass(frozen=True, slots=True)
class JudgeImportReport:
    """What ``leitai judges import`` did."""

    added: tuple[str, ...]  # judge codes
    problems: tuple[ImportProblem, ...]

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)


@dataclass(frozen=True, slots=True)
class RosterPreview:
    """What a roster sheet looks like before import (the GUI's mapping step): its headers, data rows,
    the fields recognised (field → header as written) and the required ones not."""

    sheet_name: str
    headers: tuple[str, ...]
    rows: int
    mapping: dict[str, str]
    missing: tuple[str, ...]


def _header(cells: tuple[str, ...]) -> dict[str, int]:
    """Field → column index of a header row (the first column naming a field wins)."""
    return {HEADERS[normalise(c)]: i for i, c in reversed(list(enumerate(cells))) if normalise(c) in HEADERS}


def _read(path: Path, mapping: Mapping[str, str] | None = None) -> Table:
    """The roster through the one safe sheet reader; its header is the first of the first 10 rows
    that names a 姓名 column (a title row may sit above it), or with ``mapping`` the first that holds
    every header the mapping names."""
    wanted = {h for h in (mapping or {}).values() if h}

    def is_header(cells: tuple[str, ...]) -> bool:
        return wanted <= set(cells) if wanted else "name" in _header(cells)

    try:
        return read_table(path, is_header=is_header, header_within=10)
    except DomainError as exc:
        if exc.code == "sheet_no_header":
            raise DomainError("no_header", path=str(path), name=path.name, column="姓名") from None
        raise


def _columns(table: Table, mapping: Mapping[str, str] | None) -> dict[str, int]:
    """Field → column index: the header's own names, or the user's mapping (field → header)."""
    if mapping is None:
        return _header(table.headers)
    index = {h: i for i, h in reversed(list(enumerate(table.headers)))}
    return {field: index[h] for field, h in mapping.items() if h in index}


def preview_roster(path: Path) -> RosterPreview:
    """Read only what the mapping step needs; a sheet whose name column is not recognised previews
    with its first row as the header, so the user can pick the columns."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    try:
        table = _read(path)
    except DomainError as exc:
        if exc.code != "no_header":
            raise
        # no name column recognised: the header is the first row naming any field (a title row may
        # sit above it), else the first row
        try:
            table = read_table(path, is_header=lambda cells: bool(_header(cells)), header_within=10)
        except DomainError as again:
            if again.code != "sheet_no_header":
                raise
            table = read_table(path)
    header = _header(table.headers)
    mapping = {field: table.headers[i] for field, i in header.items()}
    missing = tuple(key for key, required in ROSTER_FIELDS if required and key not in mapping)
    return RosterPreview(path.name, table.headers, len(table.rows), mapping, missing)


def import_judges(
    ws: Workspace, path: Path, actor: str = "organizer", mapping: Mapping[str, str] | None = None
) -> JudgeImportReport:
    """Enrol every judge of a roster sheet; a judge already enrolled (same name and institution, or the
    same phone) is skipped, so importing the same sheet twice adds nobody twice. ``mapping`` (field →
    header, the GUI's mapping step) replaces recognising the columns by their names."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    if mapping is not None and not mapping.get("name"):
        raise DomainError("no_header", path=str(path), name=path.name, column="姓名")
    rules = ws.rules
    table = _read(path, mapping)
    header = _columns(table, mapping)
    with ws.sessions() as s:
        known_people = {(n, i) for n, i in s.execute(select(Judge.name, Judge.institution))}
        known_phones = {p for p in s.scalars(select(Judge.phone)) if p}
    added: list[str] = []
    problems: list[ImportProblem] = []
    for row in table.rows:
        number = row.number

        def cell(field: str, row: TableRow = row) -> str:
            return row.cell(header.get(field)).strip()

        name = cell("name")
        if not name:
            problems.append(_problem(number, "no_name", True))
            continue
        if row.cleaned:
            problems.append(_problem(number, "control_chars", False, name=name))
        institution, phone = cell("institution"), cell("phone")
        if (name, institution) in known_people or (phone and phone in known_phones):
            problems.append(_problem(number, "already_listed", True, name=name))
            continue
        themes: list[int] = []
        for token in _SPLIT.split(cell("themes")):
            if not token:
                continue
            theme = rules.resolve_theme(token)
            if theme is None:
                problems.append(_problem(number, "theme_unknown", False, name=name, theme=token))
            elif theme.number not in themes:
                themes.append(theme.number)
        province = cell("province")
        if province and rules.resolve_province(province) is None:
            problems.append(_problem(number, "province_unknown", False, name=name, province=province))
        try:
            judge_id = add_judge(
                ws,
                NewJudge(
                    name=name,
                    institution=institution,
                    province=province,
                    phone=phone,
                    email=cell("email"),
                    expertise=tuple(sorted(themes)),
                    code=cell("code") or None,
                ),
                actor=actor,
            )
        except DomainError as exc:
            problems.append(_problem(number, "refused", True, name=name, error=exc))
            continue
        known_people.add((name, institution))
        if phone:
            known_phones.add(phone)
        with ws.sessions() as s:
            added.append(s.scalars(select(Judge.code).where(Judge.id == judge_id)).one())
    return JudgeImportReport(tuple(added), tuple(problems))
