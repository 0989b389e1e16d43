# SPDX-License-Identifier: Apache-2.0
"""A rehearsal of a live theme final for tests: built once per test run and size, copied for each test.

Building one (packages sealed and opened with scrypt for every judge) takes seconds; copying its folder
takes milliseconds, so each test still gets its own workspace and judge homes.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from app.live.rehearsal import Rehearsal, build_rehearsal, open_rehearsal

_templates: dict[tuple[int, int], Path] = {}
_base: Path | None = None


def rehearsal(dest: Path, cases: int = 6, judges: int = 5) -> Rehearsal:
    """A fresh copy of a rehearsal with ``cases`` cases of one theme and ``judges`` judges, in ``dest``."""
    global _base
    key = (cases, judges)
    if key not in _templates:
        if _base is None:
            _base = Path(tempfile.mkdtemp(prefix="leitai-live-"))
            atexit.register(shutil.rmtree, _base, True)
        root = _base / f"c{cases}-j{judges}"
        build_rehearsal(root, cases=cases, judges=judges).close()
        _templates[key] = root
    shutil.copytree(_templates[key], dest)
    return open_rehearsal(dest)
