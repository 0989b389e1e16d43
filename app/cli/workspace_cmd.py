# SPDX-License-Identifier: Apache-2.0
"""``leitai init``, ``leitai demo`` and ``leitai info``: make a workspace (empty or a demo), describe one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.bundles import DEMO_PASSPHRASE, MIN_PASSPHRASE
from app.cli.output import add_workspace_arg, open_workspace, print_json, progress_printer
from app.cli.package_cmd import add_passphrase_arg
from app.errors import DomainError
from app.glossary import comma_list
from app.glossary.cli import WORKSPACE


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="create a new, empty competition workspace for a season")
    init.add_argument("dir", type=Path, help="folder for the new workspace (new or empty)")
    init.add_argument("--season", type=int, required=True, help="season year, e.g. 2022")
    init.add_argument("--name", help="competition name (default: the season's official title)")
    add_passphrase_arg(init)
    init.set_defaults(func=_init)

    demo = sub.add_parser("demo", help="generate a demo competition workspace")
    demo.add_argument("dir", type=Path, help="folder for the new workspace (must be new or empty)")
    demo.add_argument("--season", type=int, default=2022, help="season year (default 2022)")
    demo.add_argument("--cases", type=int, default=60, help="number of cases (default 60)")
    demo.add_argument("--judges", type=int, default=10, help="number of judges (default 10)")
    demo.add_argument("--videos", type=int, default=None, help="how many cases get a video (default: a few)")
    demo.add_argument("--seed", type=int, default=2022, help="random seed, for a reproducible demo")
    scored = demo.add_mutually_exclusive_group()
    scored.add_argument(
        "--bundles",
        action="store_true",
        help="also build every judge's package, score it as that judge and write one signed bundle per "
        f"judge into DIR/bundles/ (organizer passphrase of demo workspaces: {DEMO_PASSPHRASE})",
    )
    scored.add_argument(
        "--play-through",
        metavar="ROUND",
        help="play the season up to ROUND (review, semifinal, final): simulated judges score every "
        "judged round through signed bundles that are merged, ties are drawn, cases advance by the rules",
    )
    demo.set_defaults(func=_demo)

    info = sub.add_parser("info", help="describe a workspace: cases per theme/region/status, judges, rounds")
    add_workspace_arg(info)
    info.add_argument("--json", action="store_true", help="print one JSON document")
    info.set_defaults(func=_info)


def _init(args: argparse.Namespace) -> int:
    from app import catalog
    from app.bundles.keys import read_passphrase
    from app.seasons import load_season
    from app.workspace import Workspace

    load_season(args.season)
    if args.dir.exists() and (not args.dir.is_dir() or any(args.dir.iterdir())):
        raise DomainError("folder_not_empty", path=str(args.dir))
    passphrase = read_passphrase(args.passphrase_file)
    if len(passphrase) < MIN_PASSPHRASE:
        raise DomainError("weak_passphrase", min_length=MIN_PASSPHRASE)
    with Workspace.create(args.dir, season=args.season, name=args.name, passphrase=passphrase) as ws:
        s = catalog.summary(ws)
    print(WORKSPACE["created"].text(folder=args.dir, competition=s.competition, season=s.season))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.seasons import load_season

    load_season(args.season)  # an unknown season is a clear error before any work starts
    from app import catalog
    from app.bundles import keys
    from app.demo import generate_demo  # heavy (PyMuPDF, PyAV)

    if args.cases < 1 or args.judges < 0:
        raise DomainError("bad_demo_size")
    ws = generate_demo(
        args.dir,
        season=args.season,
        cases=args.cases,
        judges=args.judges,
        videos=args.videos,
        seed=args.seed,
        progress=progress_printer(WORKSPACE["progress_cases"].text()),
    )
    with ws:
        with ws.sessions.begin() as session:  # demo workspaces sign with the documented demo passphrase
            keys.ensure_organizer_key(session, ws.competition_uid, DEMO_PASSPHRASE)
        s = catalog.summary(ws)
        made = None
        if args.bundles and s.judges:
            from app.demo.bundles import write_demo_bundles

            made = write_demo_bundles(
                ws,
                Path(args.dir),
                seed=args.seed,
                progress=progress_printer(WORKSPACE["progress_scores"].text()),
            )
    print(
        WORKSPACE["demo"].text(
            folder=args.dir, cases=s.cases, themes=len(s.by_theme), regions=len(s.by_region), judges=s.judges
        )
    )
    if made is not None:
        bundles = {"n": len(made.bundles), "folder": made.bundles_dir, "passphrase": DEMO_PASSPHRASE}
        print(WORKSPACE["demo_bundles"].text(**bundles))
    if args.play_through:
        _play(args)
    return 0


def _play(args: argparse.Namespace) -> int:
    """``demo --play-through ROUND``: the season played up to ROUND in the new demo workspace."""
    from app.demo.season import play_through
    from app.glossary.results import CLI
    from app.glossary.terms import round_name
    from app.workspace import Workspace

    printer = progress_printer(WORKSPACE["progress_scores"].text())
    with Workspace.open(args.dir) as ws:
        played = play_through(
            ws, Path(args.dir), args.play_through, seed=args.seed, progress=lambda _k, d, t: printer(d, t)
        )
        for r in played:
            print(
                CLI["played"].text(
                    round=round_name(r.key, ws.season_year),
                    cases=r.cases,
                    judges=r.judges,
                    bundles=r.bundles,
                    draws=r.draws,
                )
            )
    return 0


def _info(args: argparse.Namespace) -> int:
    from app import catalog
    from app.glossary.terms import region_label, round_name, status_name, theme_label

    with open_workspace(args) as ws:
        s = catalog.summary(ws)
    if args.json:
        print_json(
            {
                "competition": s.competition,
                "competition_uid": s.competition_uid,
                "season": s.season,
                "cases": s.cases,
                "by_theme": s.by_theme,
                "by_region": s.by_region,
                "by_status": s.by_status,
                "status_names": {code: status_name(code) for code in s.by_status},
                "judges": s.judges,
                "rounds": [
                    {
                        "id": r.id,
                        "key": r.key,
                        "name": round_name(r.key, s.season),
                        "starts_on": r.starts_on,
                        "ends_on": r.ends_on,
                        "live": r.live,
                    }
                    for r in s.rounds
                ],
            }
        )
        return 0
    print(WORKSPACE["title"].text(competition=s.competition, season=s.season))
    print(WORKSPACE["counts"].text(cases=s.cases, judges=s.judges))
    print(
        WORKSPACE["by_theme"].text(counts=comma_list(f"{theme_label(k)} {v}" for k, v in s.by_theme.items()))
    )
    print(
        WORKSPACE["by_region"].text(
            counts=comma_list(f"{region_label(k)} {v}" for k, v in s.by_region.items())
        )
    )
    print(
        WORKSPACE["by_status"].text(
            counts=comma_list(f"{status_name(k)} {v}" for k, v in s.by_status.items())
        )
    )
    print(WORKSPACE["rounds"].text(rounds=" → ".join(round_name(r.key, s.season) for r in s.rounds)))
    return 0
