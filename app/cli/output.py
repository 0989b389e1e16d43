# SPDX-License-Identifier: Apache-2.0
"""Shared helpers for subcommands: open a workspace from ``--workspace``, print JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_workspace_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", "-w", required=True, type=Path, help="workspace folder")


def open_workspace(args: argparse.Namespace) -> Workspace:
    from app.workspace import Workspace

    return Workspace.open(args.workspace)


def progress_printer(label: str) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback: one updating line on a terminal, one line when done otherwise
    (so logs and pipes do not fill with carriage returns)."""
    tty = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if tty:
            end = "\n" if done >= total else ""
            print(f"\r{label} {done}/{total}", end=end, file=sys.stderr, flush=True)
        elif done >= total:
            print(f"{label} {done}/{total}", file=sys.stderr, flush=True)

    return show


def percent_printer(label: str = "", *, megabytes: bool = False) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback for bytes: an updating percentage (and, with ``megabytes``,
    the sizes) on a terminal, ending its line when the work is done; nothing otherwise (a log has no use
    for a stream of percentages)."""
    tty = sys.stderr.isatty()
    prefix = f"{label} " if label else ""

    def show(done: int, total: int) -> None:
        if not tty or not total:
            return
        size = f"  {done / 1e6:,.1f} / {total / 1e6:,.1f} MB" if megabytes else ""
        end = "\n" if done >= total else ""
        print(f"\r{prefix}{done * 100 // total:3d}%{size}", end=end, file=sys.stderr, flush=True)

    return show


def _default(obj: Any) -> Any:
    if callable(getattr(obj, "to_json", None)):  # a Phrase: its key and params, as data
        return obj.to_json()
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, date | datetime):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.hex()
    if isinstance(obj, Decimal):  # a rubric's exact limits (PackageCriterion), as JSON numbers
        return float(obj)
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def print_json(data: Any) -> None:
    """One JSON document on stdout, Chinese kept readable."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")
