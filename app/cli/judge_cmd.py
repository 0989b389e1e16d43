# SPDX-License-Identifier: Apache-2.0
"""``leitai judge``: the judge's side, headless: open a package, score, recuse, export a signed bundle."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import percent_printer, print_json
from app.errors import DomainError
from app.glossary.cli import JUDGE, PROMPTS

if TYPE_CHECKING:
    from app.judge_home import JudgeHome

#: Environment variable ``leitai judge open`` reads the access code from when no option gives it.
ACCESS_CODE_ENV = "LEITAI_ACCESS_CODE"


def _home_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--home", type=Path, required=True, help="the judge's local folder (made by `judge open`)")


def _code_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--code", help="the access code the organizer gave you (e.g. 7K3M-Q9XD-2HBT)")
    p.add_argument("--code-file", type=Path, help="file whose first line is the access code")


def register(sub: Any) -> None:
    judge = sub.add_parser("judge", help="the judge's side, headless: open, score, recuse, export")
    jsub = judge.add_subparsers(dest="judge_command", metavar="ACTION", required=True)

    op = jsub.add_parser(
        "open",
        help="verify a package and make the judge's home from it",
        description="Checks the organizer's signature and every file's hash, then copies the case files "
        f"into HOME. The access code comes from --code, --code-file, ${ACCESS_CODE_ENV}, or a prompt.",
    )
    op.add_argument("package", type=Path)
    _home_arg(op)
    _code_args(op)
    op.add_argument("--media", type=Path, help="folder (drive) holding the package's external media")
    op.set_defaults(func=_open)

    st = jsub.add_parser("status", help="list the cases with their state and total")
    _home_arg(st)
    st.add_argument("--json", action="store_true", help="print one JSON document")
    st.set_defaults(func=_status)

    sc = jsub.add_parser("score", help="enter scores (and a comment) for a case; saved at once")
    _home_arg(sc)
    sc.add_argument("--case", required=True, help="case id or the code shown by `judge status`")
    sc.add_argument("--criterion", action="append", default=[], metavar="KEY=VALUE", help="repeatable")
    sc.add_argument("--comment", help="comment on the case")
    sc.add_argument("--submit", action="store_true", help="also mark the case's scores final")
    sc.set_defaults(func=_score)

    for name, helptext in (
        ("submit", "mark a case's scores final"),
        ("reopen", "take back a submission or recusal"),
    ):
        p = jsub.add_parser(name, help=helptext)
        _home_arg(p)
        p.add_argument("--case", required=True)
        p.set_defaults(func=_submit if name == "submit" else _reopen)

    rc = jsub.add_parser("recuse", help="recuse from a case (conflict of interest)")
    _home_arg(rc)
    rc.add_argument("--case", required=True)
    rc.add_argument("--reason", required=True)
    rc.set_defaults(func=_recuse)

    ex = jsub.add_parser(
        "export",
        help="write a signed score bundle of everything entered so far",
        description="Signing needs the judge's key: from the computer's credential store where there is "
        f"one, else unsealed with the access code (--code, --code-file, ${ACCESS_CODE_ENV}, or a prompt).",
    )
    _home_arg(ex)
    _code_args(ex)
    ex.add_argument("--out", type=Path, required=True, help="bundle file, or a folder to put it in")
    ex.add_argument("--json", action="store_true", help="print one JSON document")
    ex.set_defaults(func=_export)

    sd = jsub.add_parser(
        "send",
        help="export a fresh signed bundle and send it to the organizer's live receiver",
        description="The bundle is also kept in HOME/outbox, so it can still go on a USB stick. Signing "
        "needs the judge's key, as for `judge export`.",
    )
    _home_arg(sd)
    _code_args(sd)
    sd.add_argument("--to", required=True, help="the organizer's address, e.g. http://192.168.1.10:8765")
    sd.add_argument("--json", action="store_true", help="print one JSON document")
    sd.set_defaults(func=_send)


def _home(args: argparse.Namespace) -> JudgeHome:
    """The judge's home made by ``judge open`` (its services are imported only when a command runs)."""
    from app.judge_home import JudgeHome

    return JudgeHome.open(args.home)


def _access_code(args: argparse.Namespace) -> str:
    """The access code from --code, --code-file, the environment or a no-echo prompt."""
    if args.code:
        return str(args.code)
    if args.code_file is not None:
        try:
            lines = args.code_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise DomainError(
                "file_unreadable", path=str(args.code_file), reason=exc.strerror or str(exc)
            ) from exc
        return lines[0] if lines else ""
    env = os.environ.get(ACCESS_CODE_ENV)
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(PROMPTS["access_code"].text())
    raise DomainError("access_code_required", env=ACCESS_CODE_ENV)


def _open(args: argparse.Namespace) -> int:
    from app.glossary.terms import round_name
    from app.judge_home import JudgeHome

    progress = percent_printer(JUDGE["progress_verify"].text())
    with JudgeHome.open_package(
        args.package, args.home, _access_code(args), media_dir=args.media, progress=progress
    ) as home:
        info = home.info()
    round_ = round_name(info.round_key, info.season)
    who = {"judge": info.judge_code, "name": info.judge}
    print(JUDGE["opened"].text(competition=info.competition, round=round_, **who, cases=info.cases))
    print(JUDGE["fingerprint"].text(fingerprint=info.organizer_fingerprint))
    if info.missing_files:
        print(JUDGE["media_missing"].text(n=info.missing_files))
    return 0


def _status(args: argparse.Namespace) -> int:
    with _home(args) as home:
        rows = home.cases()
        info = home.info()
    if args.json:
        print_json({"info": info, "cases": rows})
        return 0
    from app.glossary.terms import score_state_name

    for r in rows:
        total = "" if r.total is None else f"{r.total:g}"
        print(f"{r.id}\t{r.code}\t{score_state_name(r.state)}\t{r.scored}/{r.criteria}\t{total}\t{r.title}")
    return 0


def _score(args: argparse.Namespace) -> int:
    with _home(args) as home:
        case = home.find_case(args.case)
        for item in args.criterion:
            key, sep, value = item.partition("=")
            if not sep:
                raise DomainError("bad_key_value", value=item)
            home.set_score(case, key.strip(), value)  # read as the GUI reads it (parse_score)
        if args.comment is not None:
            home.set_comment(case, args.comment)
        scores = home.submit(case) if args.submit else home.scores(case)
    from app.glossary.terms import score_state_name

    total = "" if scores.total is None else JUDGE["total"].text(total=scores.total)
    print(JUDGE["saved"].text(case=args.case, state=score_state_name(scores.state), total=total))
    return 0


def _submit(args: argparse.Namespace) -> int:
    with _home(args) as home:
        home.submit(home.find_case(args.case))
    print(JUDGE["submitted"].text(case=args.case))
    return 0


def _reopen(args: argparse.Namespace) -> int:
    with _home(args) as home:
        home.reopen(home.find_case(args.case))
    print(JUDGE["reopened"].text(case=args.case))
    return 0


def _recuse(args: argparse.Namespace) -> int:
    with _home(args) as home:
        home.recuse(home.find_case(args.case), args.reason)
    print(JUDGE["recused"].text(case=args.case))
    return 0


def _ready_to_sign(home: JudgeHome, args: argparse.Namespace) -> None:
    """Unlock the judge's key with the access code when the home cannot sign without it."""
    if home.key_locked:
        home.unlock(_access_code(args))
    elif home.key_in_clear:  # a home from before the key left judge.db: seal it when the code is at hand
        try:
            code = _access_code(args)
        except DomainError:
            code = None
        if code is not None:
            home.unlock(code)


def _export(args: argparse.Namespace) -> int:
    with _home(args) as home:
        _ready_to_sign(home, args)
        result = home.export_bundle(args.out)
    if args.json:
        print_json(result)
        return 0
    counts = {"scored": result.n_scored, "submitted": result.n_submitted, "recused": result.n_recused}
    print(JUDGE["exported"].text(path=result.path, revision=result.revision, **counts))
    return 0


def _send(args: argparse.Namespace) -> int:
    from app.judge_home.send import send_bundle

    with _home(args) as home:
        _ready_to_sign(home, args)
        result = send_bundle(home, args.to)
    if args.json:
        doc = {"code": result.code, "name": result.name, "message": result.message, "status": result.status}
        print_json({**doc, "bundle": str(result.bundle.path), "revision": result.bundle.revision})
    else:
        print(JUDGE["answer"].text(name=result.name, message=result.message))
    return 0 if result.accepted else 1
