# SPDX-License-Identifier: Apache-2.0
"""``leitai live``: set up a live session (the draw), show it, and run the LAN receiver headless.

Also ``leitai judge send`` (registered from ``judge_cmd``): a judge's laptop posts a fresh signed bundle
to the organizer's receiver. Services are imported inside the handlers (tests/app/test_cli_startup.py).
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import add_workspace_arg, open_workspace, print_json
from app.errors import DomainError
from app.glossary.cli import LIVE

if TYPE_CHECKING:
    from app.live.arrivals import Arrival
    from app.live.setup import SessionInfo
    from app.workspace import Workspace

#: The receiver's port when none is given (any free port above 1024 works; this one is easy to read out).
DEFAULT_PORT = 8765


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(t.strip() for t in text.replace("，", ",").split(",") if t.strip())


def register(sub: Any) -> None:
    live = sub.add_parser("live", help="live rounds: the draw, the session, the LAN receiver")
    lsub = live.add_subparsers(dest="live_command", metavar="ACTION", required=True)

    st = lsub.add_parser(
        "setup",
        help="set up a live session: group, judges, times and the presentation order (draw)",
        description="Draws the presentation order with a recorded seed (or takes --order), checks the judges "
        "and records the draw in the audit log.",
    )
    add_workspace_arg(st)
    st.add_argument("--round", required=True, help="round key, e.g. semifinal")
    st.add_argument("--group", default="", help="the round's group: a theme number for a theme final")
    st.add_argument("--judges", help="judge codes present, in seat order (default: every judge of the group)")
    st.add_argument("--talk-minutes", type=float, default=8.0)
    st.add_argument("--questions-minutes", type=float, default=2.0)
    st.add_argument("--warnings", default="60,0", help="seconds left that raise a warning (default 60,0)")
    order = st.add_mutually_exclusive_group()
    order.add_argument("--seed", type=int, help="the draw's seed (default: a fresh one, recorded)")
    order.add_argument("--order", help="case codes in presenting order, entered by hand")
    st.add_argument("--title", default="", help="title shown on the projector")
    st.add_argument("--bind", default="", help="address the receiver will listen on")
    st.add_argument("--port", type=int, default=DEFAULT_PORT)
    st.add_argument("--json", action="store_true", help="print one JSON document")
    st.set_defaults(func=_setup)

    sh = lsub.add_parser("show", help="a session's setup, draw, scores and ranking")
    add_workspace_arg(sh)
    sh.add_argument("--session", type=int, help="session id (default: the newest)")
    sh.add_argument("--json", action="store_true", help="print one JSON document")
    sh.set_defaults(func=_show)

    sv = lsub.add_parser(
        "serve",
        help="receive judges' bundles over the LAN and merge them (headless); Ctrl-C stops",
        description="Listens only on --bind (default 127.0.0.1: give the laptop's venue-network address, "
        "or 0.0.0.0 for every interface). Judges run `leitai judge send --to http://ADDR:PORT`.",
    )
    add_workspace_arg(sv)
    sv.add_argument("--round", required=True)
    sv.add_argument("--group", default="", help="the session's group (its marks are printed as they land)")
    sv.add_argument("--port", type=int, default=DEFAULT_PORT)
    sv.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--watch", type=Path, help="also merge bundles that land in this folder")
    sv.set_defaults(func=_serve)


def _setup(args: argparse.Namespace) -> int:
    from app.live.setup import LiveSetup, create_session

    try:
        warnings = tuple(int(w) for w in (_codes(args.warnings) or ()))
    except ValueError as exc:
        raise DomainError("live_bad_times") from exc
    setup = LiveSetup(
        round_key=args.round,
        group=str(args.group).strip(),
        judges=_codes(args.judges) or (),
        talk_seconds=round(args.talk_minutes * 60),
        questions_seconds=round(args.questions_minutes * 60),
        warnings=warnings,
        seed=args.seed,
        order=_codes(args.order),
        title=args.title,
        bind=args.bind,
        port=args.port,
    )
    with open_workspace(args) as ws:
        info = create_session(ws, setup)
    if args.json:
        print_json(_session_json(info))
        return 0
    _print_session(info)
    return 0


def _session_json(info: SessionInfo) -> dict[str, Any]:
    return {
        "session": info.id,
        "round": info.round_key,
        "group": info.group,
        "group_name": info.group_name,
        "judges": list(info.judges),
        "talk_seconds": info.talk_seconds,
        "questions_seconds": info.questions_seconds,
        "warnings": list(info.warnings),
        "order_source": info.order_source,
        "seed": info.seed,
        "order": [{"position": i + 1, "case_id": c.case_id, "code": c.code, "hospital": c.hospital,
                   "title": c.title} for i, c in enumerate(info.order)],
    }  # fmt: skip


def _print_session(info: SessionInfo) -> None:
    from app.glossary.live import ORDER_SOURCES

    print(LIVE["session"].text(id=info.id, round=info.round_name, group=info.group_name).rstrip())
    print(LIVE["judges"].text(n=len(info.judges), judges=list(info.judges)))
    print(LIVE["times"].text(talk=info.talk_seconds // 60, questions=info.questions_seconds // 60))
    print(LIVE["order"].text(how=ORDER_SOURCES[info.order_source].text(seed=info.seed)))
    for i, c in enumerate(info.order, start=1):
        print(f"{i:>3}. {c.code}\t{c.hospital}\t{c.title}")


def _latest(
    ws: Workspace, session: int | None, round_key: str | None = None, group: str | None = None
) -> int | None:
    from app.live.setup import list_sessions

    for sid, r, g, _ in list_sessions(ws):
        if session is not None:
            if sid == session:
                return sid
        elif (round_key is None or r == round_key) and (group is None or g == group):
            return sid
    if session is not None:
        raise DomainError("live_no_session", session=session)
    return None


def _show(args: argparse.Namespace) -> int:
    from app.live.show import LiveShow

    with open_workspace(args) as ws:
        sid = _latest(ws, args.session)
        if sid is None:
            raise DomainError("live_no_session", session="-")
        show = LiveShow(ws, sid)
        snap = show.snapshot()
        results = show.results
    cards = {c.case_id: c for c in snap.order}
    if args.json:
        doc = _session_json(show.info)
        doc["scene"] = snap.stage_scene
        doc["position"] = snap.position + 1
        doc["reveal_step"] = snap.reveal_step
        doc["cases"] = [
            {"case_id": b.case_id, "code": cards[b.case_id].code, "score": b.score, "received": b.received,
             "expected": b.expected, "marks": [{"seat": m.seat, "judge": m.judge, "value": m.value,
                                                "struck": m.struck} for m in b.marks]}
            for b in results.boards.values()
        ]  # fmt: skip
        doc["ranking"] = [{"rank": r.rank, "case_id": r.case_id, "score": r.score} for r in results.ranking]
        print_json(doc)
        return 0
    _print_session(show.info)
    print(LIVE["ranking"].text())
    for r in results.ranking:
        board = results.boards[r.case_id]
        marks = f"{board.received}/{board.expected}"
        print(
            LIVE["rank_row"].text(
                rank=r.rank, case=cards[r.case_id].code, score=f"{r.score:.2f}", marks=marks
            )
        )
    return 0


def _serve(args: argparse.Namespace) -> int:
    from app.glossary.live import arrival_name
    from app.live.arrivals import Arrivals
    from app.live.receiver import BundleReceiver, inbox_for
    from app.live.setup import group_cases

    with open_workspace(args) as ws:
        group_cases(ws, args.round, str(args.group))  # an unknown round or an empty group: say so now
        arrivals = Arrivals(ws)

        def line(a: Arrival) -> None:
            who = LIVE["who"].text(judge=a.judge, revision=a.revision) if a.judge else ""
            why = a.why.text() if a.why is not None else ""
            text = LIVE["arrival"].text(
                at=f"{a.at:%H:%M:%S}", name=arrival_name(a.code), who=who, sender=a.sender, why=why
            )
            print(text.rstrip(), flush=True)

        arrivals.subscribe(line)
        receiver = BundleReceiver(arrivals, inbox_for(ws.root), args.bind, args.port)
        try:
            receiver.start()
        except OSError as exc:
            raise DomainError(
                "live_cannot_listen", address=f"{args.bind}:{args.port}", reason=exc.strerror or str(exc)
            ) from exc
        stop = threading.Event()
        watcher = arrivals.watch_folder(args.watch, stop) if args.watch is not None else None
        print(LIVE["receiving"].text(url=receiver.url), flush=True)
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            receiver.stop()
            if watcher is not None:
                watcher.join(timeout=5)
        print(LIVE["stopped"].text(), flush=True)
    return 0
