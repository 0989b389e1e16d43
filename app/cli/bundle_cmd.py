# SPDX-License-Identifier: Apache-2.0
"""``leitai bundle``: verify and merge judges' signed score bundles; watch a folder at live events."""

from __future__ import annotations

import argparse
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.errors import DomainError
from app.glossary import comma_list
from app.glossary.cli import BUNDLE

if TYPE_CHECKING:
    from app.bundles.merge import MergeOutcome

OUTCOMES_HELP = (
    "Outcomes: merged, duplicate (already merged: nothing changes), superseded (older than what is "
    "merged: nothing changes); refusals, which change nothing: bad_signature, unknown_judge, "
    "wrong_competition, wrong_round, unassigned_case, out_of_range, malformed. Exit code 1 when any "
    "bundle is refused."
)


def register(sub: Any) -> None:
    bundle = sub.add_parser("bundle", help="score bundles: verify, merge, watch a folder")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    verify = bsub.add_parser(
        "verify", help="check bundles without merging", description="Runs every merge check. " + OUTCOMES_HELP
    )
    verify.add_argument("files", type=Path, nargs="+", metavar="FILE|DIR")
    add_workspace_arg(verify)
    verify.add_argument("--json", action="store_true", help="print one JSON document")
    verify.set_defaults(func=_verify)

    merge = bsub.add_parser(
        "merge",
        help="merge bundles (files or folders) into the workspace",
        description="Each bundle is checked in full, then merged in its own transaction. " + OUTCOMES_HELP,
    )
    merge.add_argument("files", type=Path, nargs="+", metavar="FILE|DIR")
    add_workspace_arg(merge)
    merge.add_argument("--json", action="store_true", help="print one JSON document")
    merge.set_defaults(func=_merge)

    w = bsub.add_parser(
        "watch",
        help="merge every bundle that appears in a folder (live events); Ctrl-C stops",
        description="Polls DIR and merges each *.leitai-scores file once it has stopped growing. "
        + OUTCOMES_HELP,
    )
    w.add_argument("dir", type=Path)
    add_workspace_arg(w)
    w.add_argument("--interval", type=float, default=2.0, help="seconds between looks (default 2)")
    w.add_argument("--once", action="store_true", help="merge what is there now and stop")
    w.set_defaults(func=_watch)


def _line(o: MergeOutcome) -> str:
    from app.glossary.terms import outcome_name

    who = BUNDLE["who"].text(judge=o.judge, revision=o.revision) if o.judge else ""
    return BUNDLE["line"].text(outcome=outcome_name(o.code), who=who, file=o.path.name, why=o.why)


def _document(o: MergeOutcome) -> dict[str, Any]:
    """One outcome as JSON: its facts and code, why as a key and params, and the sentence."""
    from app.glossary.terms import outcome_name

    facts = {f.name: getattr(o, f.name) for f in fields(o) if f.name != "why"}
    return {
        **facts,
        "outcome": outcome_name(o.code),
        "refused": o.refused,
        "why": o.why.to_json(),
        "message": o.message,
    }


def _report(outcomes: list[MergeOutcome], as_json: bool) -> int:
    from app.glossary.terms import outcome_name

    if as_json:
        print_json({"bundles": [_document(o) for o in outcomes]})
    else:
        for o in outcomes:
            print(_line(o))
        counts: dict[str, int] = {}
        for o in outcomes:
            counts[o.code] = counts.get(o.code, 0) + 1
        listed = comma_list(BUNDLE["count"].text(name=outcome_name(k), n=v) for k, v in counts.items())
        print(BUNDLE["total"].text(n=len(outcomes), counts=listed))
    return 1 if any(o.refused for o in outcomes) else 0


def _existing(paths: list[Path]) -> list[Path]:
    from app.bundles.merge import bundle_paths

    for p in paths:
        if not p.exists():
            raise DomainError("file_missing", path=str(p))
    found = bundle_paths(paths)
    if not found:
        raise DomainError("no_bundles")
    return found


def _verify(args: argparse.Namespace) -> int:
    from app.bundles.merge import verify_bundle

    with open_workspace(args) as ws:
        outcomes = [verify_bundle(ws, p) for p in _existing(args.files)]
    return _report(outcomes, args.json)


def _merge(args: argparse.Namespace) -> int:
    from app.bundles.merge import merge_paths

    with open_workspace(args) as ws:
        outcomes = merge_paths(ws, _existing(args.files))
    return _report(outcomes, args.json)


def _watch(args: argparse.Namespace) -> int:
    from app.bundles.merge import merge_paths, watch

    if not args.dir.is_dir():
        raise DomainError("file_missing", path=str(args.dir))
    with open_workspace(args) as ws:
        if args.once:
            return _report(merge_paths(ws, [args.dir]), False)
        print(BUNDLE["watching"].text(folder=args.dir), flush=True)
        watch(ws, args.dir, lambda o: print(_line(o), flush=True), interval=args.interval)
    return 0  # pragma: no cover - watch only ends with Ctrl-C
