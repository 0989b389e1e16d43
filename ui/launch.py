# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command: no command or ``gui`` opens the window; anything else runs headless.

Qt is imported only when the GUI starts (or ``--self-test`` runs), so ``leitai info`` and friends work
on a machine with no display and start fast. The command tree is ``app.cli.build_parser()``; this
module only decides. The GUI starts with its rotating log and its crash handler in place
(``app/diagnostics/logs.py``, ``ui/crash_handler.py``), before any window exists.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from app.cli import build_parser, run

#: Commands that open the graphical interface (None: ``leitai`` with no command).
GUI_COMMANDS = (None, "gui")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the installed ``leitai`` command; returns the exit code."""
    parser = build_parser()
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on a tiny demo (slides, video, scores, signed bundle) "
        "and exit 0, or 1 naming the check that failed",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.self_test:
        from app.diagnostics.logs import setup_logging
        from ui.self_test import run as run_self_test  # Qt is loaded here

        setup_logging(args.data_dir)
        return run_self_test()
    if args.command in GUI_COMMANDS:
        from app.diagnostics.logs import setup_logging
        from ui.crash_handler import CrashHandler
        from ui.main import run_gui  # Qt is loaded here and only here

        setup_logging(args.data_dir)
        crash_handler = CrashHandler()  # lives as long as the GUI runs
        crash_handler.install()
        return run_gui(
            workspace=getattr(args, "workspace", None),
            language=getattr(args, "lang", None),
            data_dir=args.data_dir,
        )
    return run(args)


if __name__ == "__main__":  # the PyInstaller bundle runs this file as a script
    # The intake checks run media parsers in worker processes; a frozen app must let a child that
    # multiprocessing starts (spawn/forkserver) run its worker instead of the whole app again.
    multiprocessing.freeze_support()
    sys.exit(main())
