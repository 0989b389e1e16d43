# SPDX-License-Identifier: Apache-2.0
"""Leitai's rotating log: where it lives, how it is set up, and its last lines for a diagnostics report.

The log goes to the platform's log folder (platformdirs: ``~/.local/state/leitai/log`` on Linux,
``%LOCALAPPDATA%\\leitai\\leitai\\Logs`` on Windows, ``~/Library/Logs/leitai`` on macOS), or to
``<data dir>/logs`` when ``--data-dir`` is given, so a test or a portable copy keeps it beside its data.
It holds what the app did and every unexpected error with its traceback, never a score or a case's
content. A crash in native code (a video library, a GPU driver) cannot reach Python's hooks:
``faulthandler`` writes its stack to ``leitai-fatal.log`` in the same folder.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
from pathlib import Path
from typing import IO

import platformdirs

from app import __version__

#: The current log file's name; rotated copies are ``leitai.log.1`` … ``.4``.
LOG_FILE = "leitai.log"
#: Native crashes (segfaults) are written here by faulthandler.
FATAL_FILE = "leitai-fatal.log"
#: Rotation: 1 MB a file, four old files kept (a few weeks of a judge's use).
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

#: Libraries whose INFO records say nothing a user's log needs (Alembic lists its plug-ins at each open).
QUIET_LOGGERS = ("alembic", "sqlalchemy", "urllib3", "keyring")

_state: dict[str, object] = {}


def log_dir(data_dir: str | Path | None = None) -> Path:
    """The folder the log is written to: ``<data dir>/logs`` with ``--data-dir``, else the platform's."""
    if data_dir:
        return Path(data_dir) / "logs"
    return Path(platformdirs.user_log_dir("leitai", "leitai"))


def setup_logging(data_dir: str | Path | None = None, level: int = logging.INFO) -> Path:
    """Send the app's log records to the rotating file (once per process); returns the file's path."""
    folder = log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    old = _state.get("handler")
    if isinstance(old, logging.Handler):
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.captureWarnings(True)
    for chatty in QUIET_LOGGERS:
        logging.getLogger(chatty).setLevel(logging.WARNING)
    _state["handler"] = handler
    _state["path"] = path
    _enable_faulthandler(folder / FATAL_FILE)
    logging.getLogger("leitai").info(
        "Leitai %s starting: Python %s on %s%s",
        __version__,
        platform.python_version(),
        platform.platform(),
        " (installed build)" if getattr(sys, "frozen", False) else "",
    )
    return path


def _enable_faulthandler(path: Path) -> None:
    old = _state.get("fatal")
    _state.setdefault("fault_was_enabled", faulthandler.is_enabled())
    stream: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    faulthandler.enable(stream)
    _state["fatal"] = stream
    if hasattr(old, "close"):
        old.close()


def shutdown_logging() -> None:
    """Undo :func:`setup_logging` (tests; an app simply exits): handler removed, faulthandler back."""
    handler = _state.pop("handler", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    stream = _state.pop("fatal", None)
    if stream is not None:
        faulthandler.disable()
        if _state.pop("fault_was_enabled", False) and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__)
        if hasattr(stream, "close"):
            stream.close()
    _state.pop("path", None)


def current_log_file() -> Path | None:
    """The file :func:`setup_logging` writes to, or None before it ran."""
    path = _state.get("path")
    return path if isinstance(path, Path) else None


def flush() -> None:
    """Write every buffered record to disk now (before a dialog, before the process may die)."""
    for handler in logging.getLogger().handlers:
        handler.flush()


def redact(text: str) -> str:
    """The user's home folder as ``~``: a report names no account (and so, often, no person)."""
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def last_lines(path: Path | None = None, count: int = 40) -> list[str]:
    """The last ``count`` lines of the log (home folder redacted); [] when there is none."""
    path = path or current_log_file()
    if path is None or not path.is_file():
        return []
    flush()
    with path.open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 64 * 1024))
        tail = f.read().decode("utf-8", errors="replace")
    return [redact(line) for line in tail.splitlines()[-count:]]
