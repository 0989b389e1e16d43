# SPDX-License-Identifier: Apache-2.0
"""The diagnostics a user copies to the organizer or to support: versions, system, folders, last log lines.

Nothing personal: no score, no case, no judge's name, the home folder written as ``~``. The interface
adds what only Qt knows (its version, the video backend, the screen) as ``extra`` rows.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from app import __version__
from app.diagnostics.logs import current_log_file, last_lines, log_dir, redact

#: Python packages whose versions a report names (the ones whose bugs have shown in the field).
PACKAGES = ("PyMuPDF", "python-vlc", "av", "cryptography", "keyring", "SQLAlchemy", "ortools")


def package_version(name: str) -> str:
    """A distribution's version, or "—" when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "—"


def base_rows(data_dir: Path | None) -> list[tuple[str, str]]:
    """Versions, operating system and folders: the part of a report that needs no Qt."""
    rows = [
        ("Leitai", __version__ + (" (installed build)" if getattr(sys, "frozen", False) else "")),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("OS", platform.platform()),
        ("Machine", platform.machine()),
        ("SQLite", sqlite3.sqlite_version),
    ]
    rows += [(name, package_version(name)) for name in PACKAGES]
    log_file = current_log_file()
    rows.append(("Log", redact(str(log_file if log_file else log_dir(data_dir)))))
    if data_dir is not None:
        rows.append(("Data folder", redact(str(data_dir))))
    return rows


def diagnostics_text(rows: Iterable[tuple[str, str]], log_count: int = 40) -> str:
    """The report as plain text: ``name: value`` lines, then the last lines of the log."""
    lines = [f"{name}: {value}" for name, value in rows]
    tail = last_lines(count=log_count)
    if tail:
        lines += ["", f"Last {len(tail)} log lines:", *tail]
    return "\n".join(lines) + "\n"
