# SPDX-License-Identifier: Apache-2.0
"""``leitai assign``: give each case of a round K judges (balanced, conflict-free, seeded), fill gaps,
show the assignment, and the organizer's manual edits (add, remove, swap) under the same rules."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import add_workspace_arg, open_workspace, print_json, progress_printer
from app.glossary.cli import ASSIGN

if TYPE_CHECKING:
    from app.judging.assignment import AssignmentInfeasible, AssignmentReport
    from app.judging.assignment.edits import EditResult


def _round_arg(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--round", required=required, help="round key, e.g. review")


def register(sub: Any) -> None:
    assign = sub.add_parser(
        "assign",
        help="assign judges to a round's cases; fill, show, add, remove, swap",
        description="Without an ACTION: give every case of --round --per-case judges. Loads differ by at "
        "most one wherever the conflicts allow, no hard conflict is ever assigned, soft ones are "
        "avoided and listed, themes of expertise preferred; the same --seed gives the same result. "
        "If no assignment exists, exits 1 and names every case that cannot get its judges and why.",
    )
    assign.add_argument("--workspace", "-w", type=Path, help="workspace folder")
    _round_arg(assign, required=False)
    assign.add_argument("--per-case", type=int, help="judges per case (K); default: the round's setting")
    assign.add_argument("--seed", type=int, default=0, help="tie-break seed (default 0)")
    assign.add_argument("--replace", action="store_true", help="assign anew a round not yet scored")
    assign.add_argument("--json", action="store_true", help="print one JSON document")
    assign.set_defaults(func=_assign)
    asub = assign.add_subparsers(dest="assign_command", metavar="ACTION")

    fill = asub.add_parser("fill", help="add judges to cases short of K (recusals, drop-outs), keep the rest")
    add_workspace_arg(fill)
    _round_arg(fill)
    fill.add_argument("--seed", type=int, default=0)
    fill.add_argument("--json", action="store_true")
    fill.set_defaults(func=_fill)

    show = asub.add_parser("show", help="per-judge loads and progress, cases short of judges, soft conflicts")
    add_workspace_arg(show)
    _round_arg(show)
    show.add_argument("--json", action="store_true", help="the whole matrix as one JSON document")
    show.set_defaults(func=_show)

    for name, helptext in (("add", "put one more judge on a case"), ("remove", "take a judge off a case")):
        p = asub.add_parser(name, help=helptext)
        add_workspace_arg(p)
        _round_arg(p)
        p.add_argument("--case", required=True, help="case code")
        p.add_argument("--judge", required=True, help="judge code or id")
        p.add_argument("--reason", default="", help="why (kept in the audit log)")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=_edit, action=name)
    swap = asub.add_parser("swap", help="replace one judge of a case by another")
    add_workspace_arg(swap)
    _round_arg(swap)
    swap.add_argument("--case", required=True, help="case code")
    swap.add_argument("--out", required=True, dest="out_judge", help="judge taken off")
    swap.add_argument("--in", required=True, dest="in_judge", help="judge put on")
    swap.add_argument("--reason", default="", help="why (kept in the audit log)")
    swap.add_argument("--json", action="store_true")
    swap.set_defaults(func=_edit, action="swap")


def _infeasible(exc: AssignmentInfeasible, as_json: bool) -> int:
    if as_json:
        print_json({"error": exc.code, "message": exc.message, "shortfalls": exc.shortfalls})
    else:
        from app.glossary import language

        colon, comma = (": ", ", ") if language() == "en" else ("：", "、")
        print(f"leitai: {exc.message}", file=sys.stderr)
        for sf in exc.shortfalls:
            print(f"  {sf.text()}{colon}{comma.join(sf.cases)}", file=sys.stderr)
    return 1


def _print_report(report: AssignmentReport, as_json: bool, season: int) -> None:
    from app.glossary.assignment import CONFLICT_KINDS, name
    from app.glossary.terms import round_name

    if as_json:
        print_json({**asdict(report), "spread": report.spread})
        return
    loads = [j.load for j in report.loads]
    print(
        ASSIGN["report"].text(
            round=round_name(report.round, season),
            cases=report.cases,
            per_case=report.per_case,
            judges=report.judges,
            created=report.created,
            low=min(loads, default=0),
            high=max(loads, default=0),
            spread=report.spread,
            soft=len(report.soft),
            misses=report.expertise_misses,
            seed=report.seed,
            seconds=f"{report.seconds:.2f}",
        )
    )
    for p in report.soft:
        print(f"  {p.case}\t{p.judge}\t{name(CONFLICT_KINDS, p.kind)}")


def _assign(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.judging.assignment import AssignmentInfeasible, assign_round

    if args.workspace is None or args.round is None:
        raise DomainError("assign_needs_round")
    with open_workspace(args) as ws:
        try:
            report = assign_round(
                ws,
                args.round,
                args.per_case,
                args.seed,
                replace=args.replace,
                progress=progress_printer(ASSIGN["progress"].text()),
            )
        except AssignmentInfeasible as exc:
            return _infeasible(exc, args.json)
    _print_report(report, args.json, ws.season_year)
    return 0


def _fill(args: argparse.Namespace) -> int:
    from app.judging.assignment import AssignmentInfeasible, fill_round

    with open_workspace(args) as ws:
        try:
            report = fill_round(ws, args.round, args.seed)
        except AssignmentInfeasible as exc:
            return _infeasible(exc, args.json)
    _print_report(report, args.json, ws.season_year)
    return 0


def _show(args: argparse.Namespace) -> int:
    from app.glossary.assignment import CONFLICT_KINDS, name
    from app.judging.assignment.views import assignment_matrix

    with open_workspace(args) as ws:
        matrix = assignment_matrix(ws, args.round)
    if args.json:
        print_json(matrix)
        return 0
    for j in matrix.judges:
        last = j.last_bundle_at.strftime("%Y-%m-%d %H:%M") if j.last_bundle_at else "—"
        counts = {"assigned": j.assigned, "scored": j.scored, "submitted": j.submitted, "recused": j.recused}
        revision = j.last_bundle_revision or "—"
        print(ASSIGN["judge_row"].text(code=j.code, name=j.name, **counts, last=last, revision=revision))
    short = [c for c in matrix.cases if c.judges < matrix.per_case]
    for c in short:
        print(ASSIGN["short"].text(case=c.code, judges=c.judges, per_case=matrix.per_case))
    codes = {c.case_id: c.code for c in matrix.cases}
    judges = {j.judge_id: j.code for j in matrix.judges}
    for cell in matrix.cells:
        if cell.soft:
            print(f"  {codes[cell.case_id]}\t{judges[cell.judge_id]}\t{name(CONFLICT_KINDS, cell.soft)}")
    print(ASSIGN["totals"].text(cases=len(matrix.cases), judges=len(matrix.judges), spread=matrix.spread))
    return 0


def _print_edit(result: EditResult, as_json: bool) -> None:
    from app.glossary.assignment import EDIT_WARNINGS

    if as_json:
        print_json(result)
        return
    if result.action == "add":
        print(ASSIGN["added"].text(judge=result.added, case=result.case))
    elif result.action == "remove":
        print(ASSIGN["removed"].text(judge=result.removed, case=result.case))
    else:
        print(ASSIGN["swapped"].text(case=result.case, out=result.removed, in_=result.added))
    for w in result.warnings:
        term = EDIT_WARNINGS.get(w.kind)
        print(ASSIGN["warning"].text(warning=term.text(**w.params) if term else w.kind))


def _edit(args: argparse.Namespace) -> int:
    from app.judging.assignment.edits import add_judge_to_case, remove_judge_from_case, swap_judge

    with open_workspace(args) as ws:
        if args.action == "add":
            result = add_judge_to_case(ws, args.round, args.case, args.judge, args.reason)
        elif args.action == "remove":
            result = remove_judge_from_case(ws, args.round, args.case, args.judge, args.reason)
        else:
            result = swap_judge(ws, args.round, args.case, args.out_judge, args.in_judge, args.reason)
    _print_edit(result, args.json)
    return 0
