# SPDX-License-Identifier: Apache-2.0
"""The ``leitai`` command: no command or ``gui`` opens the window; anything else runs headless.

Qt is imported only when the GUI starts, so ``leitai info`` and friends work on a machine with no
display and start fast. The command tree is ``app.cli.build_parser()``; this module only decides.
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
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command in GUI_COMMANDS:
        from ui.main import run_gui  # Qt is loaded here and only here

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
