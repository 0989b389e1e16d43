# SPDX-License-Identifier: Apache-2.0
"""Enrol judges from a roster sheet (xlsx or csv): name, institution, province, phone, email, themes."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import DomainError
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


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A row that was skipped or enrolled with a warning."""

    row: int
    message: str
    skipped: bool


@dataclass(frozen=True, slots=True)
class JudgeImportReport:
    """What ``leitai judges import`` did."""

    added: tuple[str, ...]  # judge codes
    problems: tuple[ImportProblem, ...]

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)


def _rows(path: Path) -> Iterator[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise DomainError("sheet_unreadable", path=str(path), name=path.name, reason=str(exc)) from exc
        try:
            for row in wb.worksheets[0].iter_rows(values_only=True):
                yield ["" if v is None else str(v).strip() for v in row]
        finally:
            wb.close()
    elif suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes any byte sequence
            raise DomainError("sheet_encoding", path=str(path), name=path.name)
        for row in csv.reader(io.StringIO(text)):
            yield [v.strip() for v in row]
    else:
        raise DomainError("sheet_format", path=str(path), suffix=path.suffix)


def import_judges(ws: Workspace, path: Path, actor: str = "organizer") -> JudgeImportReport:
    """Enrol every judge of a roster sheet; a judge already enrolled (same name and institution, or the
    same phone) is skipped, so importing the same sheet twice adds nobody twice."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    rules = ws.rules
    rows = _rows(path)
    header: dict[str, int] = {}
    header_row = 0
    while not header and header_row < 10:
        row = next(rows, None)
        if row is None:
            break
        header_row += 1
        fields = {
            HEADERS[normalise(c)]: i for i, c in reversed(list(enumerate(row))) if normalise(c) in HEADERS
        }
        if "name" in fields:
            header = fields
    if not header:
        raise DomainError("no_header", path=str(path), name=path.name, column="姓名")
    with ws.sessions() as s:
        known_people = {(n, i) for n, i in s.execute(select(Judge.name, Judge.institution))}
        known_phones = {p for p in s.scalars(select(Judge.phone)) if p}
    added: list[str] = []
    problems: list[ImportProblem] = []
    for number, row in enumerate(rows, start=header_row + 1):

        def cell(field: str, row: list[str] = row) -> str:
            i = header.get(field)
            return row[i] if i is not None and i < len(row) else ""

        name = cell("name")
        if not name:
            if any(row):
                problems.append(ImportProblem(number, "缺少姓名，已跳过。", True))
            continue
        institution, phone = cell("institution"), cell("phone")
        if (name, institution) in known_people or (phone and phone in known_phones):
            problems.append(ImportProblem(number, f"{name} 已在评委名单中，已跳过。", True))
            continue
        themes: list[int] = []
        for token in _SPLIT.split(cell("themes")):
            if not token:
                continue
            theme = rules.resolve_theme(token)
            if theme is None:
                problems.append(
                    ImportProblem(number, f"{name}：无法识别主题“{token}”，已忽略该主题。", False)
                )
            elif theme.number not in themes:
                themes.append(theme.number)
        province = cell("province")
        if province and rules.resolve_province(province) is None:
            problems.append(ImportProblem(number, f"{name}：无法识别省份“{province}”。", False))
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
            problems.append(ImportProblem(number, f"{name}：{exc.message}，已跳过。", True))
            continue
        known_people.add((name, institution))
        if phone:
            known_phones.add(phone)
        with ws.sessions() as s:
            added.append(s.scalars(select(Judge.code).where(Judge.id == judge_id)).one())
    return JudgeImportReport(tuple(added), tuple(problems))
