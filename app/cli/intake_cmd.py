# SPDX-License-Identifier: Apache-2.0
"""``leitai intake``, ``leitai screen`` and ``leitai hospitals``: import submissions, check every rule of
the notice, screen the cases (初筛), merge hospital spellings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import add_workspace_arg, open_workspace, print_json, progress_printer
from app.errors import DomainError
from app.glossary import comma_list
from app.glossary.cli import COMMON, HOSPITALS, INTAKE, SCREEN

_EPILOG_CHECK = """\
exit status: 0 every case is clean, 1 some case breaks a rule, 2 the source cannot be read.
The source is a folder (or a .zip of one) holding cases.csv or cases.xlsx and the files it names."""


def register(sub: Any) -> None:
    intake = sub.add_parser(
        "intake",
        help="check submitted cases against the rules, import them into a workspace",
        description="Intake: check submitted cases against every rule of the notice, and import them.",
    )
    isub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)

    check = isub.add_parser(
        "check",
        help="check a submission folder or zip without importing it",
        description="Check a folder of cases, or a .zip of one (nothing is imported).",
        epilog=_EPILOG_CHECK,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("src", type=Path, help="folder or .zip with cases.csv / cases.xlsx and the files")
    check.add_argument("--season", type=int, required=True, help="season year whose rules apply (2020, 2022)")
    _add_check_options(check)
    check.set_defaults(func=_check)

    imp = isub.add_parser(
        "import",
        help="check a submission folder or zip and store its cases in a workspace",
        description="Check and import cases: their files go into the workspace's store. Importing the same "
        "source again changes nothing; new content under a known case ID is kept as a resubmission, "
        "with its history, and checked again.",
    )
    imp.add_argument("src", type=Path, help="folder or .zip with cases.csv / cases.xlsx and the files")
    add_workspace_arg(imp)
    imp.add_argument("--season", type=int, default=None, help="season year (must match the workspace's)")
    _add_check_options(imp)
    imp.set_defaults(func=_import)

    findings = isub.add_parser(
        "findings", help="list the findings of one case", description="List the findings of one case."
    )
    findings.add_argument("case", help="case ID (案例编号)")
    add_workspace_arg(findings)
    findings.add_argument("--json", action="store_true", help="print one JSON document")
    findings.set_defaults(func=_findings)

    _register_screen(sub)
    _register_hospitals(sub)


def _register_screen(sub: Any) -> None:
    screen = sub.add_parser(
        "screen",
        help="screen cases (初筛): approve, reject with a reason, undo, export rejections",
        description="Screening: approve or reject cases (a rejection needs a reason), approve every clean "
        "case at once, undo, export the rejections.",
    )
    ssub = screen.add_subparsers(dest="screen_command", metavar="ACTION", required=True)

    ls = ssub.add_parser(
        "list",
        help="cases with status, deadline and findings",
        description="List the cases with their status, deadline and problems.",
    )
    add_workspace_arg(ls)
    ls.add_argument(
        "--status", choices=["submitted", "approved", "rejected"], help="only cases in this status"
    )
    ls.add_argument("--problems", action="store_true", help="only cases with violations")
    ls.add_argument("--json", action="store_true", help="print one JSON document")
    ls.set_defaults(func=_screen_list)

    ok = ssub.add_parser("approve", help="approve cases", description="Approve cases (can be undone).")
    ok.add_argument("cases", nargs="+", help="case IDs")
    add_workspace_arg(ok)
    ok.set_defaults(func=_screen_approve)

    no = ssub.add_parser(
        "reject",
        help="reject cases with a reason",
        description="Reject cases with a reason (exported for the hospitals). Without --reason, the "
        "reason is drawn from the findings.",
    )
    no.add_argument("cases", nargs="+", help="case IDs")
    add_workspace_arg(no)
    no.add_argument("--reason", help="the reason the hospital will read (default: from the case's findings)")
    no.set_defaults(func=_screen_reject)

    clean = ssub.add_parser(
        "approve-clean",
        help="approve every waiting case that has no violation",
        description="Approve every pending case that breaks no rule, in one step (can be undone).",
    )
    add_workspace_arg(clean)
    clean.set_defaults(func=_screen_approve_clean)

    undo = ssub.add_parser(
        "undo", help="undo the latest screening step", description="Undo the latest screening step."
    )
    add_workspace_arg(undo)
    undo.set_defaults(func=_screen_undo)

    export = ssub.add_parser(
        "export-rejections",
        help="write rejected cases and their reasons to an .xlsx sheet",
        description="Export the rejected cases and their reasons to an Excel sheet for the hospitals.",
    )
    export.add_argument("out", type=Path, help="the .xlsx file to write")
    add_workspace_arg(export)
    export.set_defaults(func=_screen_export)


def _register_hospitals(sub: Any) -> None:
    hospitals = sub.add_parser(
        "hospitals",
        help="list hospitals, merge two spellings of one hospital",
        description="Hospitals: list their names, merge two spellings of one hospital (recorded in the "
        "audit log).",
    )
    hsub = hospitals.add_subparsers(dest="hospitals_command", metavar="ACTION", required=True)
    ls = hsub.add_parser("list", help="hospitals with their case counts and merge suggestions")
    add_workspace_arg(ls)
    ls.add_argument("--json", action="store_true", help="print one JSON document")
    ls.set_defaults(func=_hospitals_list)
    merge = hsub.add_parser(
        "merge",
        help="merge the hospital spelled FROM into INTO",
        description="Merge the hospital written FROM into INTO: its cases move to INTO, and FROM is kept "
        "as an alias that later imports follow.",
    )
    merge.add_argument("source", metavar="FROM", help="the spelling to merge away")
    merge.add_argument("target", metavar="INTO", help="the full official name to keep")
    add_workspace_arg(merge)
    merge.set_defaults(func=_hospitals_merge)


def _add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KEY=HEADER",
        help="use the sheet column HEADER for KEY (e.g. --map pdf=附件); repeatable",
    )
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds one file may take before it is cut off"
    )


def _mapping(args: argparse.Namespace) -> dict[str, str] | None:
    if not args.map:
        return None
    from app.intake import COLUMNS

    mapping: dict[str, str] = {}
    keys = {c.key for c in COLUMNS}
    for item in args.map:
        key, sep, header = item.partition("=")
        if not sep or key not in keys:
            raise DomainError("bad_map", keys=sorted(keys))
        mapping[key] = header
    return mapping


def _options(args: argparse.Namespace) -> Any:
    from app.intake import CheckOptions

    if args.timeout is not None and args.timeout <= 0:
        raise DomainError("bad_timeout")
    # The command line runs no other thread, so its workers may simply fork (no forkserver to start).
    start = "fork" if sys.platform.startswith("linux") else None
    if args.timeout is None:
        return CheckOptions(workers=args.workers, start_method=start)
    return CheckOptions(
        workers=args.workers, pdf_timeout=args.timeout, video_timeout=args.timeout, start_method=start
    )


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    checking = progress_printer(INTAKE["progress_check"].text())
    importing = progress_printer(INTAKE["progress_store"].text())

    def show(p: Any) -> None:
        (checking if p.phase == "check" else importing)(p.done, p.total)

    return show


def _merged_mapping(src: Path, partial: dict[str, str] | None) -> dict[str, str] | None:
    """Headers the user mapped by hand, on top of the ones recognised by name."""
    if partial is None:
        return None
    from app.intake import guess_mapping, open_source, read_headers

    with open_source(src) as source:
        mapping = guess_mapping(read_headers(source.sheet))
    mapping.update(partial)
    return mapping


def _check(args: argparse.Namespace) -> int:
    from app.intake import check_source
    from app.seasons import load_season

    rules = load_season(args.season)
    report = check_source(
        args.src,
        rules,
        mapping=_merged_mapping(args.src, _mapping(args)),
        options=_options(args),
        progress=_progress(args),
    )
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return 0 if report.clean else 1


def _print_report(report: Any) -> None:
    from app.glossary.terms import finding_name, region_label, theme_label

    for problem in report.problems:
        print(f"! {problem.message}")
    for case in report.cases:
        if not case.findings:
            continue
        where = INTAKE["where"].text(
            region=region_label(case.resolved.region), theme=theme_label(case.resolved.theme)
        )
        print(INTAKE["case_head"].text(case=case.case_id, hospital=case.fields.hospital, where=where))
        for f in case.violations:
            print(f"  ✗ [{finding_name(f.code)}] {f.message}")
        for f in case.warnings:
            print(f"  · [{finding_name(f.code)}] {f.message}")
    s = report.summary()
    counts = [INTAKE["count"].text(name=finding_name(k), n=v) for k, v in s["by_code"].items()]
    problems = comma_list(counts) or COMMON["none"].text()
    print(INTAKE["summary"].text(cases=s["cases"], clean=s["clean"], problems=problems))


def _import(args: argparse.Namespace) -> int:
    from app.intake.importer import ensure_season, import_source

    with open_workspace(args) as ws:
        ensure_season(ws, args.season)
        result = import_source(
            ws,
            args.src,
            mapping=_merged_mapping(args.src, _mapping(args)),
            options=_options(args),
            progress=_progress(args),
        )
    if args.json:
        print_json(result.to_json())
        return 0
    for problem in result.report.problems:
        print(f"! {problem.message}")
    s = result.report.summary()
    print(
        INTAKE["imported"].text(
            cases=s["cases"],
            added=len(result.added),
            resubmitted=len(result.resubmitted),
            unchanged=len(result.unchanged),
            clean=s["clean"],
            problems=s["cases"] - s["clean"],
        )
    )
    return 0


def _findings(args: argparse.Namespace) -> int:
    from app.glossary.terms import finding_name
    from app.intake.screening import case_findings

    with open_workspace(args) as ws:
        found = case_findings(ws, args.case)
    if args.json:
        print_json(
            [
                {
                    "code": f.code,
                    "name": finding_name(f.code),
                    "severity": f.severity,
                    "message": f.message,
                    "detail": f.detail,
                }
                for f in found
            ]
        )
        return 0
    if not found:
        print(INTAKE["no_findings"].text(case=args.case))
    for f in found:
        mark = "✗" if f.is_violation else "·"
        print(f"{mark} [{finding_name(f.code)}] {f.message}")
    return 0


def _screen_list(args: argparse.Namespace) -> int:
    from app.glossary.terms import status_name
    from app.intake.screening import deadline_text, screening_rows

    with open_workspace(args) as ws:
        rows = screening_rows(ws)
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.problems:
        rows = [r for r in rows if r.counts.violations]
    if args.json:
        print_json(
            [
                {
                    "case_id": r.code,
                    "hospital": r.hospital,
                    "region": r.region,
                    "theme": r.theme_number,
                    "status": r.status,
                    "status_name": status_name(r.status),
                    "reason": r.status_reason,
                    "submitted_at": r.submitted_at,
                    "deadline": r.deadline,
                    "overdue": r.overdue,
                    "violations": r.counts.violations,
                    "warnings": r.counts.warnings,
                    "codes": list(r.counts.codes),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        n = r.counts.violations
        problems = SCREEN["problems"].text(n=n) if n else SCREEN["no_problems"].text()
        due = deadline_text(r.deadline) if r.status == "submitted" else ""
        print(f"{r.code}  {status_name(r.status)}  {problems}  {r.hospital}  {due}".rstrip())
    print(SCREEN["cases"].text(n=len(rows)))
    return 0


def _screen_approve(args: argparse.Namespace) -> int:
    from app.intake.screening import approve

    with open_workspace(args) as ws:
        step = approve(ws, args.cases)
    print(SCREEN["approved"].text(n=len(step.codes)) if step.codes else SCREEN["approved_none"].text())
    return 0


def _screen_reject(args: argparse.Namespace) -> int:
    from app.intake.screening import reason_templates, reject

    with open_workspace(args) as ws:
        if args.reason:
            step = reject(ws, args.cases, args.reason)
        else:
            codes: list[str] = []
            for code in args.cases:
                templates = reason_templates(ws, code)
                if not templates:
                    raise DomainError("reason_required_clean", case=code)
                codes += reject(ws, [code], templates[0]).codes
            print(SCREEN["rejected_from_findings"].text(n=len(codes)))
            return 0
    print(SCREEN["rejected"].text(n=len(step.codes)))
    return 0


def _screen_approve_clean(args: argparse.Namespace) -> int:
    from app.intake.screening import approve_clean

    with open_workspace(args) as ws:
        step = approve_clean(ws)
    print(SCREEN["approved_clean"].text(n=len(step.codes)))
    return 0


def _screen_undo(args: argparse.Namespace) -> int:
    from app.intake.screening import undo

    with open_workspace(args) as ws:
        step = undo(ws)
    if step is None:
        print(SCREEN["nothing_to_undo"].text())
        return 1
    print(SCREEN["undone"].text(n=len(step.codes)))
    return 0


def _screen_export(args: argparse.Namespace) -> int:
    from app.intake.screening import export_rejections

    with open_workspace(args) as ws:
        count = export_rejections(ws, args.out)
    print(SCREEN["exported"].text(n=count, path=args.out))
    return 0


def _hospitals_list(args: argparse.Namespace) -> int:
    from app.intake.screening import list_hospitals, spelling_suggestions

    with open_workspace(args) as ws:
        rows = list_hospitals(ws)
        suggestions = spelling_suggestions(ws)
    if args.json:
        print_json(
            {
                "hospitals": [
                    {"name": r.name, "province": r.province, "cases": r.cases, "aliases": list(r.aliases)}
                    for r in rows
                ],
                "suggestions": [{"spelling": a, "likely": b} for a, b in suggestions],
            }
        )
        return 0
    for r in rows:
        aka = HOSPITALS["aka"].text(aliases=list(r.aliases)) if r.aliases else ""
        print(HOSPITALS["row"].text(province=r.province or "?", name=r.name, aka=aka, cases=r.cases))
    for spelling, likely in suggestions:
        command = f"leitai hospitals merge '{spelling}' '{likely}' -w …"
        print(HOSPITALS["suggest"].text(spelling=spelling, likely=likely, command=command))
    return 0


def _hospitals_merge(args: argparse.Namespace) -> int:
    from app.intake.screening import merge_hospitals

    with open_workspace(args) as ws:
        result = merge_hospitals(ws, args.source, args.target)
    print(HOSPITALS["merged"].text(merged=result.merged, kept=result.kept, n=len(result.cases)))
    return 0
