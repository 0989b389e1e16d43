# SPDX-License-Identifier: Apache-2.0
"""``leitai judges``: enrol judges from a roster sheet, list, show and edit them, their declared conflicts,
and a drop-out (their unscored cases handed over, packages rebuilt)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.judges_roster import register_roster
from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.glossary.cli import JUDGES


def register(sub: Any) -> None:
    judges = sub.add_parser("judges", help="judge roster: import, list, show, edit, conflicts, drop-out")
    jsub = judges.add_subparsers(dest="judges_command", metavar="ACTION", required=True)
    imp = jsub.add_parser(
        "import",
        help="enrol judges from an .xlsx or .csv sheet",
        description="Columns (Chinese or English headers, any order): 姓名/name, 单位/institution, "
        "省份/province, 电话/phone, 邮箱/email, 擅长主题/themes (e.g. 1、3 or 主题一，主题三), 编号/code. "
        "A judge already enrolled (same name and institution, or same phone) is skipped.",
    )
    imp.add_argument("file", type=Path, help="roster sheet (.xlsx or .csv)")
    add_workspace_arg(imp)
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="which column holds a field when the sheet names it differently, e.g. name=评审专家 "
        "(fields: name, institution, province, phone, email, themes, code); the others are recognised",
    )
    imp.add_argument("--json", action="store_true", help="print one JSON document")
    imp.set_defaults(func=_import)
    add = jsub.add_parser("add", help="enrol one judge")
    add_workspace_arg(add)
    add.add_argument("--name", required=True)
    for field in ("institution", "province", "phone", "email", "code"):
        add.add_argument(f"--{field}", default="")
    add.add_argument("--themes", help="themes of expertise, e.g. 1,3 or 主题一、主题三")
    add.add_argument("--json", action="store_true", help="print one JSON document")
    add.set_defaults(func=_add)
    lst = jsub.add_parser("list", help="list enrolled judges")
    add_workspace_arg(lst)
    lst.add_argument("--json", action="store_true", help="print one JSON document")
    lst.set_defaults(func=_list)
    register_roster(jsub)


def _columns(args: argparse.Namespace) -> dict[str, str] | None:
    """``--column FIELD=HEADER`` over the columns the sheet's own headers name (None: recognise all)."""
    from app.errors import DomainError
    from app.judging.judge_import import ROSTER_FIELDS, preview_roster

    if not args.column:
        return None
    mapping = dict(preview_roster(args.file).mapping)
    fields = {key for key, _ in ROSTER_FIELDS}
    for pair in args.column:
        field, _, header = pair.partition("=")
        if field.strip() not in fields or not header.strip():
            raise DomainError("bad_column_mapping", pair=pair, fields="、".join(sorted(fields)))
        mapping[field.strip()] = header.strip()
    return mapping


def _import(args: argparse.Namespace) -> int:
    from app.judging.judge_import import import_judges

    mapping = _columns(args)
    with open_workspace(args) as ws:
        report = import_judges(ws, args.file, mapping=mapping)
    if args.json:
        problems = [
            {"row": p.row, "skipped": p.skipped, "why": p.why.to_json(), "message": p.message}
            for p in report.problems
        ]
        print_json({"added": report.added, "skipped": report.skipped, "problems": problems})
        return 0
    for p in report.problems:
        print(JUDGES["problem"].text(row=p.row, problem=p.why))
    print(JUDGES["imported"].text(added=len(report.added), skipped=report.skipped))
    return 0


def _add(args: argparse.Namespace) -> int:
    from app.cli.judges_roster import themes_of
    from app.judging.roster import NewJudge, add_judge, get_judge

    with open_workspace(args) as ws:
        new = NewJudge(
            name=args.name,
            institution=args.institution,
            province=args.province,
            phone=args.phone,
            email=args.email,
            expertise=themes_of(ws, args.themes) or (),
            code=args.code or None,
        )
        row = get_judge(ws, add_judge(ws, new))
    if args.json:
        print_json(row)
    else:
        print(JUDGES["enrolled"].text(code=row.code, name=row.name))
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.judging.roster import list_judges

    with open_workspace(args) as ws:
        rows = list_judges(ws)
    if args.json:
        print_json(rows)
        return 0
    from app.glossary.assignment import JUDGE_STATUS, name

    for j in rows:
        themes = [str(t) for t in j.expertise]
        status = name(JUDGE_STATUS, j.status)
        print(
            JUDGES["row"].text(
                code=j.code,
                name=j.name,
                institution=j.institution,
                province=j.province,
                themes=themes,
                status=status,
            )
        )
    print(JUDGES["count"].text(n=len(rows)))
    return 0
