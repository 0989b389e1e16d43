# SPDX-License-Identifier: Apache-2.0
"""``leitai round``: rounds, their cases, judges and settings, and advancing cases by the season's rule."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.glossary.cli import ROUND

if TYPE_CHECKING:
    from app.rounds.advance import Adjustment, AdvanceProposal


def register(sub: Any) -> None:
    rnd = sub.add_parser("round", help="rounds: list, show, settings, judges, advance, close")
    rsub = rnd.add_subparsers(dest="round_command", metavar="ACTION", required=True)

    lst = rsub.add_parser("list", help="every round with its state, cases, judges and scores")
    add_workspace_arg(lst)
    lst.add_argument("--json", action="store_true", help="print one JSON document")
    lst.set_defaults(func=_list)

    show = rsub.add_parser("show", help="one round: settings and its cases with how each came in")
    show.add_argument("round", help="round key, e.g. review")
    add_workspace_arg(show)
    show.add_argument("--json", action="store_true", help="print one JSON document")
    show.set_defaults(func=_show)

    st = rsub.add_parser(
        "settings", help="judges per case, soft conflicts to avoid, expertise, cap per judge"
    )
    st.add_argument("round")
    add_workspace_arg(st)
    st.add_argument("--per-case", type=int, help="judges per case (K)")
    st.add_argument(
        "--avoid-province", action=argparse.BooleanOptionalAction, help="avoid same-province pairs"
    )
    st.add_argument("--avoid-region", action=argparse.BooleanOptionalAction, help="avoid same-region pairs")
    st.add_argument(
        "--expertise", choices=["prefer", "require", "ignore"], help="how themes of expertise weigh"
    )
    st.add_argument("--max-per-judge", type=int, help="most cases per judge (0: no cap)")
    st.add_argument("--json", action="store_true", help="print one JSON document")
    st.set_defaults(func=_settings)

    judges = rsub.add_parser("judges", help="name the judges of a round (default: every active judge)")
    judges.add_argument("round")
    add_workspace_arg(judges)
    who = judges.add_mutually_exclusive_group(required=True)
    who.add_argument("--judge", action="append", metavar="ID", help="judge code or id (repeatable)")
    who.add_argument("--all", action="store_true", help="every active judge (clears the list)")
    judges.set_defaults(func=_judges)

    adv = rsub.add_parser(
        "advance",
        help="put cases into a round by the season's rule (a proposal you can adjust)",
        description="Proposes the cases that enter --to by the season file's entry rule: after screening "
        "every approved case; otherwise, from the results of the previous round, each group's holders of "
        "the award that admits (draws and overrides included), or for an award without a number the top "
        "--count/--fraction of each group. --cases or --from-file give the list instead. Adjust with "
        "--include/--exclude CODE=REASON (a reason is required; each is audited). --dry-run only shows.",
    )
    add_workspace_arg(adv)
    adv.add_argument("--to", required=True, dest="target", help="round the cases enter, e.g. semifinal")
    src = adv.add_mutually_exclusive_group()
    src.add_argument("--cases", help="advancing case codes, comma-separated")
    src.add_argument("--from-file", type=Path, help="file with one advancing case code per line")
    adv.add_argument("--count", type=int, help="per group, when the rule gives no number")
    adv.add_argument("--fraction", type=float, help="share per group, when the rule gives no number")
    adv.add_argument("--include", action="append", default=[], metavar="CODE=REASON", help="add a case")
    adv.add_argument("--exclude", action="append", default=[], metavar="CODE=REASON", help="drop a case")
    adv.add_argument("--dry-run", action="store_true", help="show the proposal, change nothing")
    adv.add_argument("--json", action="store_true", help="print one JSON document")
    adv.set_defaults(func=_advance)

    for name, closed in (("close", True), ("reopen", False)):
        p = rsub.add_parser(
            name, help="close a round (no more assignment changes)" if closed else "open it again"
        )
        p.add_argument("round")
        add_workspace_arg(p)
        p.set_defaults(func=_close, closed=closed)


def _status(key: str) -> str:
    from app.glossary.assignment import ROUND_STATUS, name

    return name(ROUND_STATUS, key)


def _list(args: argparse.Namespace) -> int:
    from app.glossary.terms import round_name
    from app.rounds.service import list_rounds

    with open_workspace(args) as ws:
        rounds = list_rounds(ws)
        season = ws.season_year
    if args.json:
        print_json(rounds)
        return 0
    for r in rounds:
        judges = ROUND["judges_named" if r.judges_named else "judges"].text(n=r.judges)
        row = {"key": r.key, "name": round_name(r.key, season), "status": _status(r.status), "cases": r.cases}
        print(
            ROUND["row"].text(
                **row,
                judges=judges,
                per_case=r.settings.judges_per_case,
                submitted=r.submitted,
                assignments=r.assignments,
            )
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    from app.glossary.assignment import ADMISSION, EXPERTISE_MODE, name
    from app.glossary.cli import COMMON
    from app.glossary.terms import round_name
    from app.rounds.service import get_round, member_cases

    with open_workspace(args) as ws:
        view = get_round(ws, args.round)
        cases = member_cases(ws, args.round)
        season = ws.season_year
    if args.json:
        print_json({"round": view, "cases": cases})
        return 0
    st = view.settings
    head = {"name": round_name(view.key, season), "key": view.key, "status": _status(view.status)}
    print(ROUND["head"].text(**head, cases=view.cases, judges=view.judges))
    print(
        ROUND["settings"].text(
            per_case=st.judges_per_case,
            province=COMMON["yes" if st.avoid_same_province else "no"],
            region=COMMON["yes" if st.avoid_same_region else "no"],
            expertise=name(EXPERTISE_MODE, st.expertise),
            limit=st.max_per_judge or COMMON["unlimited"],
        )
    )
    for c in cases:
        why = ROUND["case_reason"].text(reason=c.reason) if c.reason else ""
        print(f"{c.code}\t{c.hospital}\t{c.title}\t{name(ADMISSION, c.admission)}{why}")
    return 0


def _settings(args: argparse.Namespace) -> int:
    from app.rounds.service import update_settings

    with open_workspace(args) as ws:
        st = update_settings(
            ws,
            args.round,
            judges_per_case=args.per_case,
            avoid_same_province=args.avoid_province,
            avoid_same_region=args.avoid_region,
            expertise=args.expertise,
            max_per_judge=args.max_per_judge,
        )
    if args.json:
        print_json(st)
    else:
        print(ROUND["saved"].text(per_case=st.judges_per_case))
    return 0


def _judges(args: argparse.Namespace) -> int:
    from app.rounds.service import set_round_judges

    with open_workspace(args) as ws:
        codes = set_round_judges(ws, args.round, None if args.all else args.judge)
    print(ROUND["judges_set"].text(judges=list(codes)) if codes else ROUND["judges_all"].text())
    return 0


def _pairs(values: list[str], include: bool) -> list[Adjustment]:
    from app.rounds.advance import Adjustment

    out = []
    for value in values:
        code, _, reason = value.partition("=")
        out.append(Adjustment(code.strip(), include, reason.strip()))
    return out


def _advance(args: argparse.Namespace) -> int:
    from app.results.service import advance_ranking
    from app.rounds.advance import apply_advance, propose_advance

    explicit = None
    if args.cases:
        explicit = [c.strip() for c in args.cases.replace("，", ",").split(",") if c.strip()]
    elif args.from_file:
        lines = args.from_file.read_text(encoding="utf-8-sig").splitlines()
        explicit = [line.split(",")[0].strip() for line in lines if line.strip()]
    adjustments = _pairs(args.include, True) + _pairs(args.exclude, False)
    with open_workspace(args) as ws:
        # without a list the proposal is the results': each group's holders of the admitting award
        ranking = advance_ranking(ws) if explicit is None else None
        proposal = propose_advance(
            ws, args.target, ranking=ranking, explicit=explicit, count=args.count, fraction=args.fraction
        )
        result = None if args.dry_run else apply_advance(ws, proposal, adjustments)
        season = ws.season_year
    if args.json:
        print_json({"proposal": proposal, "result": result})
        return 0
    _print_proposal(proposal)
    if result is not None:
        from app.glossary.terms import round_name

        target = round_name(args.target, season)
        print(ROUND["admitted"].text(n=len(result.admitted), round=target, adjusted=len(result.adjustments)))
    return 0


def _print_proposal(proposal: AdvanceProposal) -> None:
    for g in proposal.groups:
        quota = ROUND["quota"].text(n=g.quota) if g.quota is not None else ""
        tie = ROUND["boundary_tie"].text() if g.boundary_tie else ""
        print(ROUND["group"].text(name=g.name, cases=len(g.cases), quota=quota, tie=tie), file=sys.stdout)
        for c in g.cases:
            mark = "✔" if c.proposed else " "
            rank = f"{c.rank}." if c.rank is not None else ""
            print(f"  {mark} {rank}{c.code}\t{c.hospital}\t{c.title}")


def _close(args: argparse.Namespace) -> int:
    from app.rounds.service import set_closed

    with open_workspace(args) as ws:
        view = set_closed(ws, args.round, args.closed)
    print(f"{view.name}：{_status(view.status)}")
    return 0
