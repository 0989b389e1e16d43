# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command: the headless twin of the GUI; every organizer operation works from here.

Each area registers its subcommands from its own module (listed in ``COMMAND_MODULES``) through
``register(subparsers)``; a handler takes the parsed arguments and returns the exit code. A user's
mistake raises ``DomainError`` and is printed as one line, never as a traceback.

Building the parser imports no service: every command, even ``--help``, waits for whatever the command
tree imports, and SQLAlchemy with Alembic, cryptography or PyMuPDF take about a second. So a subcommand
module imports services inside its handlers, and at module level only under ``TYPE_CHECKING``
(tests/app/test_cli_startup.py checks it).
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import DomainError, storage_error

#: Modules that add subcommands; each has ``register(subparsers: argparse._SubParsersAction)``.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.workspace_cmd",
    "app.cli.intake_cmd",
    "app.cli.judges_cmd",
    "app.cli.round_cmd",
    "app.cli.assign_cmd",
    "app.cli.package_cmd",
    "app.cli.bundle_cmd",
    "app.cli.judge_cmd",
    "app.cli.results_cmd",
    "app.cli.live_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree; the GUI launcher parses with it too."""
    parser = argparse.ArgumentParser(
        prog="leitai",
        description="Leitai (擂台): the offline desktop app of the national hospital case competition "
        "(改善医疗服务全国医院擂台赛). Without a command it opens the graphical app.",
    )
    parser.add_argument("--version", action="version", version=f"leitai {__version__}")
    parser.add_argument("--data-dir", help="per-user data folder (default: the platform's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the graphical app (the default)")
    gui.add_argument("workspace", nargs="?", help="workspace folder to open")
    gui.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="interface language")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a parsed headless command; turn user mistakes into one line on stderr."""
    try:
        code: int = args.func(args)
    except DomainError as exc:
        print(f"leitai: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:  # a path the user gave: missing, unreadable, disk full — say which
        full = storage_error(exc, exc.filename or "")
        if full is not None:
            print(f"leitai: {full.message}", file=sys.stderr)
            return 2
        where = f"{exc.filename}：" if exc.filename else ""
        print(f"leitai: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # a service writing with plain sqlite3 (the merge) on a full disk
        full = storage_error(exc, getattr(args, "workspace", None) or "")
        if full is None:
            raise
        print(f"leitai: {full.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"leitai: {DomainError('cancelled').message}", file=sys.stderr)
        return 130
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for headless use (``python -m app.cli``); the GUI entry is ``ui.launch``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        parser.error("the GUI starts through the `leitai` command installed with the app (ui.launch)")
    return run(args)
