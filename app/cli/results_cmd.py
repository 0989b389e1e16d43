# SPDX-License-Identifier: Apache-2.0
"""``leitai results``: rank a round, judge consistency, draws, overrides, votes, exports, verify."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.glossary.results import CLI

if TYPE_CHECKING:
    from app.results.types import RoundResults
    from app.seasons import SeasonRules

METHODS_HELP = (
    "mean: the average of the judges' weighted totals; trimmed: drop one highest and one lowest total "
    "when a case has at least 5 (the season file's trim_min_judges); zscore: per-judge z-scores mapped "
    "back onto the rubric's scale, for rounds where judges see different cases."
)


def register(sub: Any) -> None:
    results = sub.add_parser("results", help="results: rank, judges, draw, override, votes, export, verify")
    rsub = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    _register_views(rsub)
    _register_decisions(rsub)
    _register_files(rsub)


def _register_views(rsub: Any) -> None:
    """What a round shows: its ranking, and how consistently its judges marked."""
    rank = rsub.add_parser(
        "rank",
        help="rank a round's cases in their groups, with the season's awards",
        description="Only submitted scores count (drafts are counted, never used). Ties are shown until a "
        "draw is recorded. --round voting ranks public votes. " + METHODS_HELP,
    )
    _round_args(rank)
    rank.add_argument("--json", action="store_true", help="print one JSON document")
    rank.set_defaults(func=_rank)

    judges = rsub.add_parser(
        "judges", help="judge consistency (severity, agreement, flags) and the cusp list"
    )
    _round_args(judges)
    judges.add_argument("--json", action="store_true", help="print one JSON document")
    judges.set_defaults(func=_judges)


def _register_decisions(rsub: Any) -> None:
    """What the organizer decides about a round: its scoring method, draws for ties, award overrides."""
    method = rsub.add_parser(
        "method", help="set how a round's marks become its score", description=METHODS_HELP
    )
    _round_args(method)
    method.add_argument("method", choices=["mean", "trimmed", "zscore"])
    method.set_defaults(func=_method)

    draw = rsub.add_parser(
        "draw",
        help="draw lots for every tie the round still shows (recorded and audited)",
        description="Each draw orders its cases by SHA-256 of '<seed>:<case id>'; seed and order are stored.",
    )
    _round_args(draw)
    draw.add_argument("--seed", type=int, default=None, help="seed of the draw (default: a random one)")
    draw.set_defaults(func=_draw)

    override = rsub.add_parser(
        "override",
        help="grant or withdraw an award, with a reason (audited, shown in every export)",
        description="--round season for hospital awards (with --hospital), --round voting for vote awards.",
    )
    _round_args(override)
    override.add_argument("--award", required=True, help="award key of the season file, or final_ticket")
    who = override.add_mutually_exclusive_group(required=True)
    who.add_argument("--case", help="case code (案例编号)")
    who.add_argument("--hospital", help="hospital name, for a season award")
    act = override.add_mutually_exclusive_group(required=True)
    act.add_argument("--grant", action="store_true", help="grant the award")
    act.add_argument("--revoke", action="store_true", help="withdraw the award")
    override.add_argument("--reason", required=True, help="why (shown in every export)")
    override.set_defaults(func=_override)


def _register_files(rsub: Any) -> None:
    """What comes in and goes out: vote sheets, exports, and the check of the workspace's bundles."""
    votes = rsub.add_parser(
        "votes",
        help="import public vote counts from an .xlsx or .csv sheet",
        description="Columns: 案例编号 (case_id) and 网络投票 (votes / 投票数 / 票数). Votes never enter "
        "expert scores; they decide the vote awards (十大人气案例).",
    )
    votes.add_argument("file", type=Path)
    add_workspace_arg(votes)
    votes.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="which column holds a field when the sheet names it differently, e.g. votes=点赞数 "
        "(fields: case_id, votes); the other is recognised",
    )
    votes.set_defaults(func=_votes)

    export = rsub.add_parser(
        "export", help="write a round's results: xlsx workbook, PDF report, certificates"
    )
    _round_args(export)
    export.add_argument(
        "--xlsx", type=Path, help="workbook: a sheet per group, method, consistency, overrides"
    )
    export.add_argument("--pdf", type=Path, help="report: cover, method, tables, consistency chart")
    export.add_argument(
        "--certificates", type=Path, metavar="DIR", help="one PDF certificate (奖状) per award"
    )
    export.set_defaults(func=_export)

    verify = rsub.add_parser(
        "verify",
        help="recompute every round from the stored signed bundles and compare (exit 1 on a difference)",
        description="Checks each kept bundle's hash and judge signature, rebuilds every submitted score from "
        "the bundles alone, recomputes every round and reports any difference from the workspace that no "
        "audited override explains, naming the case.",
    )
    add_workspace_arg(verify)
    verify.add_argument("--json", action="store_true", help="print one JSON document")
    verify.set_defaults(func=_verify)


def _round_args(parser: argparse.ArgumentParser) -> None:
    add_workspace_arg(parser)
    parser.add_argument("--round", required=True, help="round key: review, semifinal, final, voting, …")


def rank_document(results: RoundResults) -> dict[str, Any]:
    """The documented JSON of ``results rank --json``."""
    return {
        "round": results.round_key,
        "method": results.method,
        "groups": [
            {
                "key": g.key,
                "name": g.name,
                "cases": [
                    {
                        "case_id": c.case.id,
                        "rank": c.rank,
                        "score": None if c.result.score is None else float(c.result.score),
                        "awards": list(c.awards),
                    }
                    for c in g.cases
                ],
            }
            for g in results.groups
        ],
    }


def judges_document(results: RoundResults) -> dict[str, Any]:
    """The JSON of ``results judges --json``: every judge's consistency figures, then the cusp list."""
    c = results.consistency
    return {
        "round": results.round_key,
        "noise": c.noise,
        "judges": [
            {
                "code": j.code,
                "name": j.name,
                "cases": j.cases,
                "severity": j.severity,
                "agreement": j.agreement,
                "noise": j.noise,
                "flags": list(j.flags),
            }
            for j in c.judges
        ],
        "cusp": [
            {
                "group": k.group_key,
                "award": k.award_key,
                "case_id": k.case.id,
                "case_code": k.case.code,
                "inside": k.inside,
                "score": float(k.score),
                "boundary": float(k.boundary),
                "gap": k.gap,
                "margin": k.margin,
            }
            for k in results.cusp
        ],
    }


def _rank(args: argparse.Namespace) -> int:
    from app.results.text import rank_lines

    return _print_round(args, rank_document, rank_lines)


def _judges(args: argparse.Namespace) -> int:
    from app.results.text import judge_lines

    return _print_round(args, judges_document, judge_lines)


def _print_round(
    args: argparse.Namespace,
    document: Callable[[RoundResults], dict[str, Any]],
    lines: Callable[[RoundResults, SeasonRules], Iterable[str]],
) -> int:
    """A round's results (``--round``) as one JSON ``document``, or (without ``--json``) as text ``lines``."""
    from app.results.service import round_results

    with open_workspace(args) as ws:
        results = round_results(ws, args.round)
        rules = ws.rules
    if args.json:
        print_json(document(results))
        return 0
    for line in lines(results, rules):
        print(line)
    return 0


def _method(args: argparse.Namespace) -> int:
    from app.glossary.terms import round_name
    from app.results.service import set_method
    from app.results.text import method_name

    with open_workspace(args) as ws:
        set_method(ws, args.round, args.method)
        name = round_name(args.round, ws.season_year)
    print(CLI["method_set"].text(round=name, method=method_name(args.method)))
    return 0


def _draw(args: argparse.Namespace) -> int:
    from app.results.service import record_draws, round_results
    from app.results.text import draw_lines

    with open_workspace(args) as ws:
        made = record_draws(ws, args.round, args.seed)
        results = round_results(ws, args.round)
        rules = ws.rules
    if not made:
        print(CLI["no_ties"].text())
        return 0
    for line in draw_lines(made, results, rules):
        print(line)
    print(CLI["draws_recorded"].text(n=len(made)))
    return 0


def _override(args: argparse.Namespace) -> int:
    from app.results.service import override_award
    from app.results.text import award_name

    with open_workspace(args) as ws:
        o = override_award(
            ws,
            args.round,
            args.award,
            grant=args.grant,
            reason=args.reason,
            case_code=args.case,
            hospital=args.hospital,
        )
        award = award_name(o.award_key, ws.rules)
    print(
        CLI["granted" if o.grant else "revoked"].text(
            award=award, subject=o.subject, reason=o.reason, id=o.id
        )
    )
    return 0


def _votes(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.results.votes import VOTES_FIELDS, import_votes, preview_votes

    mapping = None
    if args.column:
        mapping = dict(preview_votes(args.file).mapping)
        for pair in args.column:
            field, _, header = pair.partition("=")
            if field.strip() not in VOTES_FIELDS or not header.strip():
                raise DomainError("bad_column_mapping", pair=pair, fields="、".join(VOTES_FIELDS))
            mapping[field.strip()] = header.strip()
    with open_workspace(args) as ws:
        done = import_votes(ws, args.file, mapping=mapping)
    print(CLI["votes_read"].text(rows=done.rows, changed=done.changed, unchanged=done.unchanged))
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.results.exports import export_round

    with open_workspace(args) as ws:
        written = export_round(ws, args.round, xlsx=args.xlsx, pdf=args.pdf, certificates=args.certificates)
    for path in written:
        print(CLI["written"].text(path=path))
    if not written:
        print(CLI["nothing_to_write"].text())
        return 2
    return 0


def _verify(args: argparse.Namespace) -> int:
    from app.results.verify import problem_text, verify_workspace

    with open_workspace(args) as ws:
        report = verify_workspace(ws)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "rounds": list(report.rounds),
                "bundles": report.bundles,
                "problems": [{**p.params, "kind": p.kind, "text": problem_text(p)} for p in report.problems],
            }
        )
    else:
        for p in report.problems:
            print(problem_text(p))
        rounds = "、".join(report.round_names) or CLI["none"].text()
        if report.ok:
            print(CLI["verified"].text(bundles=report.bundles, rounds=rounds))
        else:
            print(CLI["not_verified"].text(bundles=report.bundles, rounds=rounds, n=len(report.problems)))
    return 0 if report.ok else 1
