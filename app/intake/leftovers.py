# SPDX-License-Identifier: Apache-2.0
"""What a killed import leaves behind, cleaned on the next run: temporary folders and partial files.

A zip is unpacked into ``<temp>/leitai-intake-<pid>-…`` and a file streams into the store as
``files/.incoming-<pid>-…``; a process killed on the way (power cut, task manager) never removes them,
and a 700 MB video half-copied stays on the disk for ever. Each name carries the process id of its
owner, so the next run removes only those whose owner is gone — never what another import running at
the same moment is writing. Names of an older layout (no process id) are removed once a day old.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from app.store import INCOMING_PREFIX

#: Temporary folders of the intake (a submission zip unpacked, a preview's sheet).
TEMP_PREFIXES: tuple[str, ...] = ("leitai-intake-", "leitai-preview-")
#: A leftover without a process id in its name is stale once it has not changed for this long.
UNOWNED_AGE_S = 24 * 3600
_OWNED = re.compile(r"^(\d+)-")


def temp_prefix(kind: str) -> str:
    """The prefix of a temporary folder of this process (``kind`` is one of ``TEMP_PREFIXES``)."""
    return f"{kind}{os.getpid()}-"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs now (a reused id counts as alive: we then keep the file)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes  # Windows only; os.kill(pid, 0) would send CTRL_C_EVENT there

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == 259)  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _stale(name: str, prefix: str, path: Path, now: float) -> bool:
    owner = _OWNED.match(name[len(prefix) :])
    if owner is not None:
        return not pid_alive(int(owner.group(1)))
    try:
        return now - path.lstat().st_mtime > UNOWNED_AGE_S
    except OSError:
        return False


def sweep_temp(folder: Path | None = None) -> list[Path]:
    """Remove the intake's temporary folders whose process is gone; returns what was removed."""
    folder = Path(folder or tempfile.gettempdir())
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        prefix = next((p for p in TEMP_PREFIXES if entry.name.startswith(p)), None)
        if prefix is None or not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        if _stale(entry.name, prefix, path, now):
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed


def sweep_incoming(store_root: Path) -> list[Path]:
    """Remove partial files of the content store whose writing process is gone."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(store_root))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(INCOMING_PREFIX) or not entry.is_file(follow_symlinks=False):
            continue
        path = Path(entry.path)
        if _stale(entry.name, INCOMING_PREFIX, path, now):
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed
