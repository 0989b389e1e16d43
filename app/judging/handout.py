# SPDX-License-Identifier: Apache-2.0
"""Handing packages out: which judge holds which package of a round (and whether it is still what they
must score), and the access-code slips and sheet that go with the packages just built.

An access code exists only when its package is built (``BuiltPackage.access_code``; the workspace keeps
no copy, only the judge key sealed under it). So the slips are made from the packages just built, or
from a codes file written then (``leitai package build --codes-file``, or the sheet the desk saves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.bundles import keys
from app.bundles.package import BuiltPackage
from app.errors import DomainError
from app.exports.slips import AccessSlip, SlipBatch, codes_sheet, write_slips
from app.exports.workbook import write_workbook
from app.glossary.desk import CODES_SHEET
from app.glossary.terms import round_term
from app.intake.sheet import read_table
from app.models import Assignment, Competition, IssuedPackage, Judge
from app.refs import judge_by_ref
from app.rounds.service import round_by_key
from app.workspace import Workspace


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """A judge's access code for their newest package of a round."""

    judge_code: str
    access_code: str


@dataclass(frozen=True, slots=True)
class IssuedView:
    """A judge's newest package of a round; ``state`` is a key of ``app.glossary.desk.PACKAGE_STATE``:
    none, current, or outdated (their cases changed since it was built)."""

    judge_id: int
    judge_code: str
    judge_name: str
    cases: int  # assigned now (recusals included: a package carries them)
    state: str
    serial: int | None
    file_name: str
    built_at: datetime | None


def issued_packages(ws: Workspace, round_key: str) -> list[IssuedView]:
    """Every judge with cases in the round (or a package of it), with their newest package's state."""
    with ws.sessions() as s:
        rnd = round_by_key(s, round_key)
        assigned: dict[int, set[int]] = {}
        for jid, cid in s.execute(
            select(Assignment.judge_id, Assignment.case_id).where(Assignment.round_id == rnd.id)
        ):
            assigned.setdefault(jid, set()).add(cid)
        newest = (
            select(IssuedPackage.judge_id, func.max(IssuedPackage.serial).label("serial"))
            .where(IssuedPackage.round_id == rnd.id)
            .group_by(IssuedPackage.judge_id)
            .subquery()
        )
        packages = {
            p.judge_id: p
            for p in s.scalars(select(IssuedPackage).join(newest, IssuedPackage.serial == newest.c.serial))
        }
        judges = s.execute(
            select(Judge.id, Judge.code, Judge.name)
            .where(Judge.id.in_(set(assigned) | set(packages)))
            .order_by(Judge.code)
        ).all()
        out = []
        for jid, code, name in judges:
            cases, pkg = assigned.get(jid, set()), packages.get(jid)
            state = "none" if pkg is None else "current" if set(pkg.case_ids) == cases else "outdated"
            out.append(
                IssuedView(
                    jid,
                    code,
                    name,
                    len(cases),
                    state,
                    pkg.serial if pkg else None,
                    pkg.file_name if pkg else "",
                    pkg.created_at if pkg else None,
                )
            )
        return out


def codes_of(built: Sequence[BuiltPackage]) -> list[IssuedCode]:
    """The access codes of packages just built."""
    return [IssuedCode(b.judge_code, b.access_code) for b in built]


def slip_batch(ws: Workspace, round_key: str, codes: Sequence[IssuedCode]) -> SlipBatch:
    """The slips of ``codes``: each judge's name, institution, and their newest package of the round."""
    with ws.sessions() as s:
        rnd = round_by_key(s, round_key)
        comp = s.scalars(select(Competition)).one()
        round_name = round_term(rnd.key, comp.season_id).text()
        public = keys.organizer_public_key(s)
        slips = []
        for code in codes:
            judge = judge_by_ref(s, code.judge_code)
            pkg = s.scalars(
                select(IssuedPackage)
                .where(IssuedPackage.round_id == rnd.id, IssuedPackage.judge_id == judge.id)
                .order_by(IssuedPackage.serial.desc())
            ).first()
            if pkg is None:
                raise DomainError("no_package_issued", judge=judge.code, round_name=round_name)
            slips.append(
                AccessSlip(
                    judge.code,
                    judge.name,
                    judge.institution,
                    len(pkg.case_ids),
                    pkg.file_name,
                    code.access_code,
                )
            )
    return SlipBatch(comp.name, round_name, keys.fingerprint(public) if public else "", tuple(slips))


def write_handout(
    ws: Workspace,
    round_key: str,
    codes: Sequence[IssuedCode],
    *,
    pdf: Path | None = None,
    xlsx: Path | None = None,
) -> SlipBatch:
    """Write the slips (``pdf``: one slip per judge, three a page) and/or the codes sheet (``xlsx``)."""
    batch = slip_batch(ws, round_key, codes)
    if pdf is not None:
        write_slips(pdf, batch)
    if xlsx is not None:
        write_workbook(xlsx, [codes_sheet(batch)])
    return batch


def read_codes_file(path: Path) -> list[IssuedCode]:
    """Access codes from a codes file: the lines ``leitai package build --codes-file`` writes (judge
    code, name, code; no header) or the sheet the desk saves (its header row names the columns)."""
    path = Path(path)
    table = read_table(path)
    headers = {CODES_SHEET[k].text(lang) for k in ("judge_code", "code") for lang in ("zh_CN", "en")}
    named = bool(headers & set(table.headers))
    rows = table.rows if named else (table.header, *table.rows)
    judge_col, code_col = 0, 2
    if named:
        for i, h in enumerate(table.headers):
            if h in (CODES_SHEET["judge_code"].text("zh_CN"), CODES_SHEET["judge_code"].text("en")):
                judge_col = i
            if h in (CODES_SHEET["code"].text("zh_CN"), CODES_SHEET["code"].text("en")):
                code_col = i
    out = []
    for row in rows:
        judge, code = row.cell(judge_col).strip(), row.cell(code_col).strip()
        if not judge and not code:
            continue
        try:
            keys.normalise_code(code)
        except DomainError:
            raise DomainError(
                "codes_file_bad_code", name=path.name, row=row.number, code=code or "—"
            ) from None
        out.append(IssuedCode(judge, code))
    if not out:
        raise DomainError("codes_file_empty", name=path.name)
    return out
