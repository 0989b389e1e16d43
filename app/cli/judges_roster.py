# SPDX-License-Identifier: Apache-2.0
"""``leitai judges show|edit|conflict|drop-out|reinstate``: the roster's editing side, registered into
``leitai judges`` by ``judges_cmd`` (kept apart from the sheet import, which the intake area owns)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.glossary.cli import JUDGES

_SPLIT = re.compile(r"[,，、;；/|\s]+")


def register_roster(jsub: Any) -> None:
    show = jsub.add_parser("show", help="one judge with every conflict of interest")
    show.add_argument("judge", help="judge code or id")
    add_workspace_arg(show)
    show.add_argument("--json", action="store_true", help="print one JSON document")
    show.set_defaults(func=_show)

    edit = jsub.add_parser("edit", help="change a judge's details (only the fields given)")
    edit.add_argument("judge", help="judge code or id")
    add_workspace_arg(edit)
    for field in ("name", "institution", "province", "phone", "email"):
        edit.add_argument(f"--{field}")
    edit.add_argument("--themes", help="themes of expertise, e.g. 1,3 or 主题一、主题三 ('' for none)")
    edit.add_argument("--json", action="store_true", help="print one JSON document")
    edit.set_defaults(func=_edit)

    conflict = jsub.add_parser("conflict", help="declared conflicts of interest: add, remove")
    csub = conflict.add_subparsers(dest="conflict_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help="the judge may not score a hospital's cases, or one case")
    add.add_argument("judge", help="judge code or id")
    add_workspace_arg(add)
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--hospital", help="hospital name (any merged spelling)")
    target.add_argument("--case", help="case code")
    add.add_argument("--reason", default="", help="why (kept with the conflict)")
    add.set_defaults(func=_conflict_add)
    rm = csub.add_parser("remove", help="withdraw a recorded conflict (its number from judges show)")
    rm.add_argument("judge", help="judge code or id")
    rm.add_argument("conflict", type=int, help="conflict number")
    add_workspace_arg(rm)
    rm.set_defaults(func=_conflict_remove)

    drop = jsub.add_parser(
        "drop-out",
        help="a judge drops out: keep what they submitted, hand the rest over, rebuild packages",
        description="Marks the judge dropped out; in every round not closed, their cases without a "
        "submitted score go to other judges (balanced, conflict-free); if no judge can take one, nothing "
        "changes and the case is named. With --out and a passphrase the changed judges' packages are "
        "rebuilt there; otherwise they are listed.",
    )
    drop.add_argument("judge", help="judge code or id")
    add_workspace_arg(drop)
    drop.add_argument("--reason", required=True, help="why the judge leaves (audited)")
    drop.add_argument("--seed", type=int, default=0)
    drop.add_argument("--out", type=Path, help="folder for the rebuilt packages")
    drop.add_argument("--passphrase-file", type=Path, help="organizer passphrase (as for package build)")
    drop.add_argument("--json", action="store_true", help="print one JSON document")
    drop.set_defaults(func=_drop_out)

    back = jsub.add_parser("reinstate", help="take a drop-out back: the judge may be assigned again")
    back.add_argument("judge", help="judge code or id")
    add_workspace_arg(back)
    back.set_defaults(func=_reinstate)


def _show(args: argparse.Namespace) -> int:
    from app.glossary.assignment import CONFLICT_KINDS, JUDGE_STATUS, name
    from app.judging.conflicts import list_conflicts
    from app.judging.roster import get_judge

    with open_workspace(args) as ws:
        judge = get_judge(ws, args.judge)
        conflicts = list_conflicts(ws, args.judge)
    if args.json:
        print_json({"judge": judge, "conflicts": conflicts})
        return 0
    themes = [str(t) for t in judge.expertise] or "—"
    print(f"{judge.code}\t{judge.name}\t{judge.institution}\t{judge.province}\t{judge.phone}\t{judge.email}")
    status = name(JUDGE_STATUS, judge.status)
    print(JUDGES["expertise"].text(themes=themes, status=status, reason=judge.drop_reason).rstrip())
    for c in conflicts:
        number = f"#{c.id}" if c.id is not None else "—"
        print(f"  {number}\t{name(CONFLICT_KINDS, c.kind)}\t{c.hospital or c.case}\t{c.reason}")
    return 0


def themes_of(ws: Any, text: str | None) -> tuple[int, ...] | None:
    from app.errors import DomainError

    if text is None:
        return None
    numbers = []
    for token in _SPLIT.split(text):
        if token:
            theme = ws.rules.resolve_theme(token)
            if theme is None:
                raise DomainError("theme_unknown", theme=token)
            numbers.append(theme.number)
    return tuple(numbers)


def _edit(args: argparse.Namespace) -> int:
    from app.judging.roster import JudgeEdit, edit_judge

    with open_workspace(args) as ws:
        row = edit_judge(
            ws,
            args.judge,
            JudgeEdit(
                name=args.name,
                institution=args.institution,
                province=args.province,
                phone=args.phone,
                email=args.email,
                expertise=themes_of(ws, args.themes),
            ),
        )
    if args.json:
        print_json(row)
    else:
        print(JUDGES["saved"].text(code=row.code, name=row.name))
    return 0


def _conflict_add(args: argparse.Namespace) -> int:
    from app.judging.conflicts import declare_conflict

    with open_workspace(args) as ws:
        row = declare_conflict(ws, args.judge, hospital=args.hospital, case=args.case, reason=args.reason)
    print(JUDGES["conflict_added"].text(id=row.id, subject=row.hospital or row.case))
    return 0


def _conflict_remove(args: argparse.Namespace) -> int:
    from app.judging.conflicts import withdraw_conflict

    with open_workspace(args) as ws:
        withdraw_conflict(ws, args.judge, args.conflict)
    print(JUDGES["conflict_removed"].text(id=args.conflict))
    return 0


def _drop_out(args: argparse.Namespace) -> int:
    from app.bundles.keys import read_passphrase
    from app.judging.dropout import drop_out

    passphrase = read_passphrase(args.passphrase_file) if args.out is not None else None
    with open_workspace(args) as ws:
        report = drop_out(
            ws, args.judge, args.reason, seed=args.seed, packages_dir=args.out, passphrase=passphrase
        )
    if args.json:
        print_json(report)
        return 0
    from app.glossary.cli import PACKAGE
    from app.glossary.terms import round_name

    for h in report.rounds:
        to = JUDGES["handed_to"].text(judges=list(h.judges_changed)) if h.judges_changed else ""
        print(
            JUDGES["handover"].text(
                round=round_name(h.round), kept=len(h.kept), released=len(h.released), to=to
            )
        )
    for b in report.rebuilt:
        row = {"judge": b.judge_code, "name": b.judge_name, "cases": b.cases, "code": b.access_code}
        print(PACKAGE["built_row"].text(**row, path=b.path))
    if report.needs_package:
        pending = [
            JUDGES["pending_package"].text(judge=code, round=round_name(rnd))
            for rnd, code in report.needs_package
        ]
        print(JUDGES["needs_package"].text(pending=pending))
    print(JUDGES["dropped"].text(judge=report.judge))
    return 0


def _reinstate(args: argparse.Namespace) -> int:
    from app.judging.dropout import reinstate

    with open_workspace(args) as ws:
        reinstate(ws, args.judge)
    print(JUDGES["reinstated"].text(judge=args.judge))
    return 0
