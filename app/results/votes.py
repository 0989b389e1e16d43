# SPDX-License-Identifier: Apache-2.0
"""Public votes (网络投票): import counts from an xlsx / csv sheet into each case's vote count.

Votes are an input of their own: they decide the vote-based awards (十大人气案例) and never enter an
expert score. The sheet is read by the one safe sheet reader (app/intake/sheet.py); it needs a case-id
column (案例编号) and a votes column (网络投票 / 投票数 / 票数 …), recognised by the intake's own
header names, or named by a ``mapping`` (field → header: the GUI's column-mapping step, the CLI's
``--column``). The whole sheet is checked before anything is written; the import is one transaction
with one audit event listing every change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app import audit
from app.errors import DomainError
from app.intake.checks import parse_votes
from app.intake.columns import guess_mapping
from app.intake.sheet import read_table
from app.models import Case
from app.results.frame import VOTES_ACTION
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class VotesImport:
    """What an import did: rows read, cases whose count changed, cases the sheet did not mention."""

    rows: int
    changed: int
    unchanged: int
    not_in_sheet: int


#: The fields a votes sheet maps, both required.
VOTES_FIELDS: tuple[str, ...] = ("case_id", "votes")


@dataclass(frozen=True, slots=True)
class VotesPreview:
    """A votes sheet before import (the mapping step): its headers, data rows, the fields recognised."""

    name: str
    headers: tuple[str, ...]
    rows: int
    mapping: dict[str, str]


def preview_votes(path: Path) -> VotesPreview:
    """The sheet's headers and the columns recognised by the intake's names for 案例编号 and 网络投票."""
    table = read_table(Path(path))
    guessed = guess_mapping(table.headers)
    mapping = {key: guessed[key] for key in VOTES_FIELDS if key in guessed}
    return VotesPreview(Path(path).name, table.headers, len(table.rows), mapping)


def read_votes(path: Path, mapping: Mapping[str, str] | None = None) -> list[tuple[int, str, int]]:
    """(row number, case code, votes) of every row, checked; DomainError on the first bad row.
    ``mapping`` (field → header) names the columns; without it they are recognised by their names."""
    table = read_table(Path(path))
    headers = table.headers
    if mapping is None:
        mapping = guess_mapping(headers)  # the intake's own names for 案例编号 and 网络投票
    if any(mapping.get(key) not in headers for key in VOTES_FIELDS):
        raise DomainError(
            "votes_columns", file=Path(path).name, headers="、".join(h for h in headers if h) or "—"
        )
    code_col, votes_col = headers.index(mapping["case_id"]), headers.index(mapping["votes"])
    out: list[tuple[int, str, int]] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        code, text = row.cell(code_col).strip(), row.cell(votes_col).strip()
        if not code and not text:
            continue
        votes = parse_votes(text)
        if votes is None:
            raise DomainError("votes_invalid", row=row.number, value=text)
        if code in seen:
            raise DomainError("votes_duplicate_case", row=row.number, case=code, first=seen[code])
        seen[code] = row.number
        out.append((row.number, code, votes))
    return out


def import_votes(
    ws: Workspace, path: Path, actor: str = "organizer", mapping: Mapping[str, str] | None = None
) -> VotesImport:
    """Set each listed case's vote count from the sheet; every case must exist; audited."""
    path = Path(path)
    rows = read_votes(path, mapping)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with ws.sessions.begin() as s:
        cases = {c.code: c for c in s.scalars(select(Case))}
        changes: dict[str, list[int | None]] = {}
        for number, code, votes in rows:
            case = cases.get(code)
            if case is None:
                raise DomainError("votes_unknown_case", row=number, case=code)
            if case.votes != votes:
                changes[code] = [case.votes, votes]
                case.votes = votes
        audit.record(
            s, VOTES_ACTION, path.name[:120], actor=actor, sha256=digest, rows=len(rows), changes=changes
        )
        return VotesImport(len(rows), len(changes), len(rows) - len(changes), len(cases) - len(rows))
