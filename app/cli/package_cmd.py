# SPDX-License-Identifier: Apache-2.0
"""``leitai package``: build signed judge packages, verify one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The packages, not their modules: their __init__ holds these names without the heavy imports.
from app.bundles import DEMO_PASSPHRASE, PASSPHRASE_ENV
from app.cli.output import add_workspace_arg, open_workspace, percent_printer, print_json
from app.errors import DomainError
from app.glossary.cli import PACKAGE
from app.judging import DEFAULT_JUDGES_PER_CASE

if TYPE_CHECKING:
    from app.workspace import Workspace

PASSPHRASE_HELP = (
    f"file whose first line is the organizer key passphrase; otherwise ${PASSPHRASE_ENV} is used, "
    f"otherwise it is asked for when run in a terminal (demo workspaces: {DEMO_PASSPHRASE})"
)


def add_passphrase_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, help=PASSPHRASE_HELP)


def register(sub: Any) -> None:
    package = sub.add_parser("package", help="judge packages: build, verify")
    psub = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    build = psub.add_parser(
        "build",
        help="build signed judge packages for a round",
        description="Builds one signed .leitai-pkg per judge into --out and prints each judge's access "
        "code: give it to the judge separately (phone, paper), never on the same stick. If nobody has "
        "assigned the round yet, its cases are first assigned (balanced, conflict-free: leitai assign). "
        "Writes organizer.pub.pem next to the packages for outside verification (docs/bundle-format.md).",
    )
    add_workspace_arg(build)
    who = build.add_mutually_exclusive_group(required=True)
    who.add_argument("--judge", action="append", metavar="ID", help="judge code or id (repeatable)")
    who.add_argument("--all", action="store_true", help="every judge with cases in the round")
    build.add_argument("--round", required=True, help="round key, e.g. review")
    build.add_argument("--out", type=Path, required=True, help="folder for the packages")
    build.add_argument(
        "--external-media",
        action="store_true",
        help="keep media out of the packages: copy them once into OUT/media/ for a separate drive",
    )
    build.add_argument(
        "--judges-per-case",
        type=int,
        default=DEFAULT_JUDGES_PER_CASE,
        help="for a round nobody has assigned: judges per case in the automatic assignment",
    )
    build.add_argument("--codes-file", type=Path, help="also write judge,access code lines to this file")
    build.add_argument(
        "--slips", type=Path, metavar="PDF", help="also print the access codes, one slip per judge, to PDF"
    )
    build.add_argument(
        "--codes-xlsx", type=Path, metavar="XLSX", help="also write the access codes as a sheet to keep"
    )
    add_passphrase_arg(build)
    build.add_argument("--json", action="store_true", help="print one JSON document")
    build.set_defaults(func=_build)

    slips = psub.add_parser(
        "slips",
        help="print access-code slips (PDF, one per judge) and/or the codes sheet (xlsx) from a codes file",
        description="Reads the access codes from a codes file (the lines --codes-file wrote, or the "
        "sheet --codes-xlsx or the desk saved) and prints one slip per judge, three to an A4 page: whose "
        "package, which round, the code, and the organizer key fingerprint to compare.",
    )
    add_workspace_arg(slips)
    slips.add_argument("--round", required=True, help="round key, e.g. review")
    slips.add_argument("--codes", type=Path, required=True, help="codes file (.csv, .txt or .xlsx)")
    slips.add_argument("--pdf", type=Path, help="write the slips to this PDF")
    slips.add_argument("--xlsx", type=Path, help="write the codes sheet to this .xlsx")
    slips.set_defaults(func=_slips)

    listing = psub.add_parser(
        "list", help="who holds which package of a round, and whose package must be built again"
    )
    add_workspace_arg(listing)
    listing.add_argument("--round", required=True, help="round key, e.g. review")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(func=_list)

    verify = psub.add_parser(
        "verify", help="check a package: container, organizer signature, every file hash"
    )
    verify.add_argument("file", type=Path)
    verify.add_argument("--media", type=Path, help="folder holding the package's external media")
    verify.add_argument("--json", action="store_true", help="print one JSON document")
    verify.set_defaults(func=_verify)


def _judge_ids(ws: Workspace, wanted: list[str]) -> list[int]:
    from sqlalchemy import or_, select

    from app.models import Judge

    ids = []
    with ws.sessions() as s:
        for text in wanted:
            cond = [Judge.code == text]
            if text.isdigit():
                cond.append(Judge.id == int(text))
            judge_id = s.scalars(select(Judge.id).where(or_(*cond))).first()
            if judge_id is None:
                raise DomainError("unknown_judge", judge=text)
            ids.append(judge_id)
    return ids


def _build(args: argparse.Namespace) -> int:
    from app.bundles.keys import read_passphrase
    from app.bundles.package import ORGANIZER_PEM, build_packages
    from app.judging.assignment import ensure_assigned

    passphrase = read_passphrase(args.passphrase_file)
    with open_workspace(args) as ws:
        ensure_assigned(ws, args.round, args.judges_per_case)
        judge_ids = None if args.all else _judge_ids(ws, args.judge)
        built = build_packages(
            ws,
            args.round,
            judge_ids,
            args.out,
            passphrase,
            external_media=args.external_media,
            progress=percent_printer(megabytes=True),
        )
    if args.codes_file is not None:
        args.codes_file.write_text(
            "".join(f"{b.judge_code},{b.judge_name},{b.access_code}\n" for b in built), encoding="utf-8"
        )
    if args.slips is not None or args.codes_xlsx is not None:
        from app.judging.handout import codes_of, write_handout

        with open_workspace(args) as ws:
            write_handout(ws, args.round, codes_of(built), pdf=args.slips, xlsx=args.codes_xlsx)
    if args.json:
        print_json({"packages": built, "organizer_key": str(args.out / ORGANIZER_PEM)})
        return 0
    for b in built:
        row = {"judge": b.judge_code, "name": b.judge_name, "cases": b.cases, "code": b.access_code}
        print(PACKAGE["built_row"].text(**row, path=b.path))
    print(PACKAGE["built"].text(n=len(built)))
    return 0


def _slips(args: argparse.Namespace) -> int:
    from app.judging.handout import read_codes_file, write_handout

    if args.pdf is None and args.xlsx is None:
        raise DomainError("slips_need_output")
    codes = read_codes_file(args.codes)
    with open_workspace(args) as ws:
        batch = write_handout(ws, args.round, codes, pdf=args.pdf, xlsx=args.xlsx)
    written = [str(p) for p in (args.pdf, args.xlsx) if p is not None]
    print(PACKAGE["slips"].text(n=len(batch.slips), files=written))
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.glossary.desk import PACKAGE_STATE
    from app.judging.handout import issued_packages

    with open_workspace(args) as ws:
        rows = issued_packages(ws, args.round)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        built = r.built_at.strftime("%Y-%m-%d %H:%M") if r.built_at else "—"
        state = PACKAGE_STATE[r.state].text()
        print(
            PACKAGE["list_row"].text(
                judge=r.judge_code,
                name=r.judge_name,
                cases=r.cases,
                state=state,
                file=r.file_name or "—",
                built=built,
            )
        )
    return 0


def _verify(args: argparse.Namespace) -> int:
    from app.bundles.package_check import verify_package
    from app.glossary.terms import package_check_name, round_name

    check = verify_package(args.file, media_dir=args.media, progress=percent_printer(megabytes=True))
    m = check.manifest
    if args.json:
        print_json(
            {
                "file": check.path,
                "code": check.code,
                "reason": check.reason,
                "why": check.why.to_json(),
                "package_id": m.package_id if m else None,
                "judge": m.judge_code if m else None,
                "round": m.round_key if m else None,
                "cases": len(m.cases) if m else None,
                "files_checked": check.files_checked,
                "bytes_checked": check.bytes_checked,
                "missing_media": check.missing,
                "manifest_sha256": check.manifest_sha256,
            }
        )
    else:
        print(PACKAGE["check"].text(name=package_check_name(check.code), why=check.why))
        if m is not None:
            print(
                PACKAGE["for_judge"].text(
                    judge=m.judge_code,
                    name=m.judge_name,
                    round=round_name(m.round_key, m.season),
                    cases=len(m.cases),
                    files=check.files_checked,
                )
            )
        if check.missing:
            print(PACKAGE["media_missing"].text(n=len(check.missing)))
    return 0 if check.ok else 1
